#!/usr/bin/env bash
# CurriculumKit benchmark: `curriculum validate` (schema + every rule) against `xmllint --schema` (schema only)
# on the same generated corpora, peak memory against file count, and hostile inputs.
#
#   make bench                                   (release build, then this script)
#   CURRICULUM_BIN=path/to/curriculum bash bench/run.sh
#
# Environment:
#   CURRICULUM_BIN   the binary to measure (default .build/release/curriculum); this script builds nothing
#   BENCH_REPEAT     timed runs per measurement; the median is reported (default 3)
#   BENCH_SEED       corpus seed (default 1)
#   BENCH_STRICT=1   exit 1 when a target fails (default: report only, exit 0)
#
# Corpora are generated under bench/out/ by bench/generate_corpus.py and reused while they exist and were made
# by the same generator with the same parameters. bench/out/results.txt receives the whole report.

set -uo pipefail

START_DIR=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

OUT=bench/out
LOGS=$OUT/logs
RESULTS=$OUT/results.txt
XSD=Schemas/curriculum.xsd
REPEAT=${BENCH_REPEAT:-3}
SEED=${BENCH_SEED:-1}
HOSTILE_MS=50
HOSTILE_MB=50
MEMORY_GROWTH_PCT=25

# ----------------------------------------------------------------------------------------------- the binary
if [[ -n "${CURRICULUM_BIN:-}" ]]; then
  BIN=$CURRICULUM_BIN
  if [[ $BIN != /* && -e "$START_DIR/$BIN" ]]; then BIN=$START_DIR/$BIN; fi
else
  BIN=.build/release/curriculum
fi
if [[ ! -x "$BIN" ]]; then
  echo "error: no curriculum binary at $BIN; run \`make release\` (or \`make bench\`), or set CURRICULUM_BIN" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# ----------------------------------------------------------------------------------------------- tools
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  echo "bench needs xmllint and GNU time: install them with: sudo apt-get install ${missing[*]}" >&2
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "running as root: apt-get install -y libxml2-utils time" >&2
    apt-get install -y libxml2-utils time || { apt-get update && apt-get install -y libxml2-utils time; }
  fi
  if ! command -v xmllint >/dev/null 2>&1 || [[ ! -x /usr/bin/time ]]; then
    echo "error: xmllint or /usr/bin/time is still missing" >&2
    exit 2
  fi
fi
PY=/usr/bin/python3
if [[ ! -x $PY ]]; then
  PY=$(command -v python3) || { echo "error: python3 is needed to generate the corpora" >&2; exit 2; }
fi

mkdir -p "$OUT" "$LOGS"
: >"$RESULTS"

# Prints to the terminal and to results.txt.
say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }

# ----------------------------------------------------------------------------------------------- corpora
GEN_HASH=$(sha256sum bench/generate_corpus.py | cut -c1-16)

# corpus NAME ARGS...  -- (re)generates bench/out/NAME unless an identical one is there.
corpus() {
  local name=$1; shift
  local dir=$OUT/$name stamp="$GEN_HASH seed=$SEED $*"
  if [[ -f $dir/corpus.json && -f $dir/.stamp && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
    return 0
  fi
  echo "generating $dir ($*)" >&2
  "$PY" bench/generate_corpus.py --seed "$SEED" "$@" --out "$dir" --quiet || { echo "error: generating $dir failed" >&2; exit 2; }
  printf '%s\n' "$stamp" >"$dir/.stamp"
}

corpus corpus-10mb --target-mb 10
corpus corpus-100mb --target-mb 100
corpus mem-10 --count 10
corpus mem-200 --count 200
"$PY" bench/generate_corpus.py --hostile "$OUT/hostile" >/dev/null || exit 2

# corpus_field NAME KEY -- a number from bench/out/NAME/corpus.json
corpus_field() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$OUT/$1/corpus.json" "$2"; }

# file_list NAME -- NUL-separated sorted list of the corpus's .xml files (for xargs)
file_list() {
  local list=$OUT/$1.files
  find "$OUT/$1" -name '*.xml' -print0 | sort -z >"$list"
  printf '%s' "$list"
}

# Reads every file once so the first timed run does not pay for the disk.
warm() { find "$OUT/$1" -type f -print0 | xargs -0 cat >/dev/null; }

# ----------------------------------------------------------------------------------------------- measuring
# measure LOG CMD... -- runs CMD under /usr/bin/time; sets M_RC, M_MS (wall, ms), M_CPU (user+sys, s), M_KB (peak RSS).
measure() {
  local log=$LOGS/$1; shift
  local tf=$LOGS/.time t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f "%e %M %U %S" -o "$tf" "$@" >"$log.out" 2>"$log.err"
  M_RC=$?
  t1=$EPOCHREALTIME
  local e kb u s
  read -r e kb u s < <(tail -n 1 "$tf")
  M_KB=$kb
  M_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 + 0.5 }')
  M_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
}

# measure_median LOG CMD... -- REPEAT runs; sets R_MS/R_CPU (median run), R_KB (largest peak), R_RC (last non-zero or 0).
# When WARM names a corpus, its files are read again before every run: this kind of virtual machine gives page
# cache back to the host within seconds, and a run that reads from disk measures the disk, not the tool.
measure_median() {
  local log=$1; shift
  local runs=() i
  R_RC=0 R_KB=0
  for ((i = 1; i <= REPEAT; i++)); do
    [[ -n ${WARM:-} ]] && warm "$WARM"
    measure "$log" "$@"
    runs+=("$M_MS $M_CPU")
    ((M_KB > R_KB)) && R_KB=$M_KB
    ((M_RC != 0)) && R_RC=$M_RC
  done
  read -r R_MS R_CPU < <(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(((REPEAT + 1) / 2))p")
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }

# The last line of `curriculum validate`: "N errors, N warnings, N info in N files".
summary_of() { tail -n 1 "$LOGS/$1.out" 2>/dev/null | tr -d '\r'; }
# The same, short: "0 err, 0 warn, 0 info".
short_summary() { sed -E 's/ errors?,/ err,/; s/ warnings?,/ warn,/; s/ in [0-9]+ files?$//' <<<"$1"; }

# ----------------------------------------------------------------------------------------------- header
NPROC=$(nproc 2>/dev/null || echo "?")
say "CurriculumKit benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "binary:   $BIN ($("$BIN" --version 2>/dev/null | head -n 1))"
say "xmllint:  $(xmllint --version 2>&1 | head -n 1 | sed 's/^xmllint: //')"
say "machine:  $NPROC cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM; median of $REPEAT runs, peak RSS = largest of the runs"
say ""

# ----------------------------------------------------------------------------------------------- (a)+(b) corpora
declare -A CUR_MS CUR_KB CUR_RC CUR_SUM XL_MS XL_KB XL_OK XL_BAD XL_FILES

say "1. Same files, one run: curriculum validate <folder> (schema + all rules, includes resolved)"
say "   vs xmllint --noout --schema $XSD <every .xml> (schema only; each file on its own, passed with xargs)"
say ""
fmt_row='%-13s %6s %8s | %8s %8s %9s  %-28s | %8s %8s %9s  %s'
say "$(printf "$fmt_row" "corpus" "files" "XML MB" "wall s" "CPU s" "peak MB" "curriculum validate result" "wall s" "CPU s" "peak MB" "xmllint result")"
for name in corpus-10mb corpus-100mb; do
  files=$(corpus_field "$name" xml_files)
  bytes=$(corpus_field "$name" xml_bytes)
  list=$(file_list "$name")
  WARM=$name
  measure_median "curriculum-$name" "$BIN" validate "$OUT/$name"
  CUR_MS[$name]=$R_MS CUR_KB[$name]=$R_KB CUR_RC[$name]=$R_RC CUR_SUM[$name]=$(summary_of "curriculum-$name")
  cur_cpu=$R_CPU
  measure_median "xmllint-$name" xargs -0 -a "$list" xmllint --noout --schema "$XSD"
  WARM=
  XL_MS[$name]=$R_MS XL_KB[$name]=$R_KB
  XL_FILES[$name]=$files
  XL_OK[$name]=$(grep -c ' validates$' "$LOGS/xmllint-$name.err")
  XL_BAD[$name]=$(grep -c 'fails to validate$' "$LOGS/xmllint-$name.err")
  say "$(printf "$fmt_row" "$name" "$files" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" \
    "$(secs "${CUR_MS[$name]}")" "$cur_cpu" "$(mb "${CUR_KB[$name]}")" "exit ${CUR_RC[$name]}: $(short_summary "${CUR_SUM[$name]}")" \
    "$(secs "${XL_MS[$name]}")" "$R_CPU" "$(mb "${XL_KB[$name]}")" "${XL_OK[$name]} valid, ${XL_BAD[$name]} invalid")"
done
say ""
say "   curriculum validate uses up to $NPROC cores (one programme per core); xmllint runs one file at a time."
say "   Both read the corpus from the page cache: it is read again before every timed run of either tool."
say "   xmllint's peak RSS is that of the largest xmllint process xargs started."
say ""

# ----------------------------------------------------------------------------------------------- (c) memory per file
say "2. Peak memory against the number of files (curricula of the same shape)"
say ""
for name in mem-10 mem-200; do
  warm "$name"
  measure_median "curriculum-$name" "$BIN" validate "$OUT/$name"
  CUR_MS[$name]=$R_MS CUR_KB[$name]=$R_KB CUR_RC[$name]=$R_RC CUR_SUM[$name]=$(summary_of "curriculum-$name")
  say "$(printf '   %-8s %4s curricula %6s files %6s MB XML   wall %6s s   peak RSS %6s MB   exit %s: %s' "$name" \
    "$(corpus_field "$name" curricula)" "$(corpus_field "$name" xml_files)" \
    "$(awk -v b="$(corpus_field "$name" xml_bytes)" 'BEGIN { printf "%.1f", b / 1e6 }')" \
    "$(secs "$R_MS")" "$(mb "$R_KB")" "$R_RC" "$(short_summary "${CUR_SUM[$name]}")")"
done
MEM_GROWTH=$(awk -v a="${CUR_KB[mem-10]}" -v b="${CUR_KB[mem-200]}" 'BEGIN { printf "%.0f", (b - a) * 100 / a }')
MEM_PER_FILE=$(awk -v a="${CUR_KB[mem-10]}" -v b="${CUR_KB[mem-200]}" \
  -v fa="$(corpus_field mem-10 xml_files)" -v fb="$(corpus_field mem-200 xml_files)" 'BEGIN { printf "%.1f", (b - a) / (fb - fa) }')
say "   growth: ${MEM_GROWTH}% for 20x the curricula (${MEM_PER_FILE} KB per extra file)"
say ""

# ----------------------------------------------------------------------------------------------- (d) hostile inputs
say "3. Hostile inputs: curriculum validate <file>"
say ""
declare -A H_MS H_KB H_RC H_CODE
for file in billion-laughs quadratic-blowup; do
  path=$OUT/hostile/$file.xml
  REPEAT_SAVED=$REPEAT REPEAT=5
  measure_median "hostile-$file" "$BIN" validate "$path"
  REPEAT=$REPEAT_SAVED
  H_MS[$file]=$R_MS H_KB[$file]=$R_KB H_RC[$file]=$M_RC
  H_CODE[$file]=$(grep -o 'XML00[0-9]' "$LOGS/hostile-$file.out" | sort -u | paste -sd, -)
  say "$(printf '   %-22s %7s bytes   wall %4s ms   peak RSS %5s MB   exit %s   codes: %s' "$file.xml" \
    "$(stat -c %s "$path")" "$R_MS" "$(mb "$R_KB")" "$M_RC" "${H_CODE[$file]:-none}")"
done
say "   billion laughs: 10 nested entities of 10 references (10^9 \"lol\"s if expanded);"
say "   quadratic blowup: one 100 KB entity referenced 20,000 times (about 2 GB if expanded)."
say ""

# ----------------------------------------------------------------------------------------------- (e) plugins
# The plugin host: a full no-op plugin call against a bare spawn of the same executable, a 50 MB request and
# response through the pipes, and a folder validated with a plugin on one core and on all of them.
BENCH_TOOL=${CURRICULUM_BENCH:-$(dirname "$BIN")/curriculum-bench}
PLUGIN=$(cd "$OUT" && pwd)/bench-plugin
say "(e) plugin host (curriculum-bench, with the C plugin bench/plugins/bench-plugin.c)"
P_OVERHEAD="" P_SPAWN="" P_RATE="" P_RAW_RATE=""
if [[ -x $BENCH_TOOL ]] && command -v gcc >/dev/null; then
  gcc -O2 -o "$PLUGIN" "$ROOT/bench/plugins/bench-plugin.c"
  overhead_out=$("$BENCH_TOOL" overhead "$PLUGIN" 100 2>&1)
  overhead_line=$(tail -n 1 <<<"$overhead_out")
  rate_line=$("$BENCH_TOOL" round-trip "$PLUGIN" 50 2>&1 | tail -n 1)
  say "   $overhead_line"
  # The model's encoding, once per programme for all plugins, is printed apart from the call.
  grep -F 'encoding the sample model' <<<"$overhead_out" | while IFS= read -r line; do say "   $line"; done
  say "   $rate_line"
  "$BENCH_TOOL" concurrency "$PLUGIN" "$OUT/corpus-10mb" 2>&1 | while IFS= read -r line; do say "   $line"; done
  P_OVERHEAD=$(sed -nE 's/.*host overhead: (-?[0-9.]+) ms.*/\1/p' <<<"$overhead_line")
  P_SPAWN=$(sed -nE 's/.*per call, bare spawn ([0-9.]+) ms.*/\1/p' <<<"$overhead_line")
  P_RATE=$(sed -nE 's/.* ([0-9]+) MB\/s through the pipe.*/\1/p' <<<"$rate_line")
  P_RAW_RATE=$(sed -nE 's/.*raw pipe of the same bytes: [0-9.]+ s, ([0-9]+) MB\/s.*/\1/p' <<<"$rate_line")
else
  say "   skipped: $BENCH_TOOL or gcc is missing (make bench builds curriculum-bench)"
fi
say ""

# ----------------------------------------------------------------------------------------------- (f) packs
# Every LIAISE session in every format, warm (the second of two runs), and an estimate of the share of that time
# spent starting plugins: handshakes per plugin from `plugins list`, times the plugin processes a pack starts (one
# per format when its exporter speaks protocol 1.2, and the validator).
say "(f) curriculum pack Curricula/liaise, every session, every format"
PACK_OUT=$OUT/packs
"$BIN" pack "$ROOT/Curricula/liaise" --out "$PACK_OUT" >/dev/null 2>&1 || true
measure pack "$BIN" pack "$ROOT/Curricula/liaise" --out "$PACK_OUT"
PACK_MS=$M_MS PACK_KB=$M_KB PACK_RC=$M_RC
PLUGINS=$(cd "$OUT" && "$BIN" plugins list 2>/dev/null | grep -c '(protocol ')
measure plugins-list bash -c "cd '$OUT' && '$BIN' plugins list"
HANDSHAKE_MS=$(awk -v t="$M_MS" -v n="$PLUGINS" 'BEGIN { printf "%.1f", (n > 0 ? t / n : 0) }')
SESSIONS=4
FORMATS=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["formats"]))' "$PACK_OUT/liaise-s1/pack.json" 2>/dev/null || echo 0)
CALLS=$((FORMATS + 1))
STARTUP_PCT=$(awk -v c="$CALLS" -v h="$HANDSHAKE_MS" -v t="$PACK_MS" 'BEGIN { printf "%.0f", (t > 0 ? 100 * c * h / t : 0) }')
say "   wall $(secs "$PACK_MS") s, peak RSS $(mb "$PACK_KB") MB, exit $PACK_RC; $FORMATS formats x $SESSIONS sessions"
say "   plugin start-up: about $CALLS plugin processes at ~${HANDSHAKE_MS} ms each (spawn + handshake, from plugins list) = ~${STARTUP_PCT}% of the wall time"
say ""

source "$ROOT/bench/packs.sh"

# ----------------------------------------------------------------------------------------------- (g) import
# `curriculum import` of a generated 1,000-unit Open edX course, as a folder and as the .tar.gz Studio exports:
# the importer plugin reads and maps the course, the core checks the native XML it gives and writes it. Peak RSS
# is the largest process of the run (the core or the importer it waits for).
say "(g) curriculum import of a generated Open edX course (bench/generate_olx.py)"
OLX_HASH=$(sha256sum bench/generate_olx.py | cut -c1-16)
OLX_DIR=$OUT/olx-1000
if [[ ! -f $OLX_DIR.stamp || "$(cat "$OLX_DIR.stamp")" != "$OLX_HASH seed=$SEED" ]]; then
  "$PY" bench/generate_olx.py --units 1000 --seed "$SEED" --out "$OLX_DIR" >/dev/null || exit 2
  printf '%s\n' "$OLX_HASH seed=$SEED" >"$OLX_DIR.stamp"
fi
warm olx-1000
declare -A IMP_MS IMP_KB IMP_RC
for source in olx-1000 olx-1000.tar.gz; do
  rm -rf "$OUT/imported-$source"
  measure_median "import-$source" "$BIN" import "$OUT/$source" --out "$OUT/imported-$source/course.xml" --force
  IMP_MS[$source]=$R_MS IMP_KB[$source]=$R_KB IMP_RC[$source]=$R_RC
  say "   $(printf '%-18s' "$source") wall $(secs "$R_MS") s   peak RSS $(mb "$R_KB") MB   exit $R_RC   $(tail -n 1 "$LOGS/import-$source.out" | sed -E 's/^imported [^ ]+ with //; s/; wrote .*//')"
done
# The 5,000-unit course against `xmllint --noout` over the same files (the XML, and the HTML pages with --html),
# side by side in one run. CPU time (user + sys) is compared, not wall time: the machine may be busy.
OLX5_DIR=$OUT/olx-5000
if [[ ! -f $OLX5_DIR.stamp || "$(cat "$OLX5_DIR.stamp")" != "$OLX_HASH seed=$SEED" ]]; then
  "$PY" bench/generate_olx.py --units 5000 --seed "$SEED" --out "$OLX5_DIR" >/dev/null || exit 2
  printf '%s\n' "$OLX_HASH seed=$SEED" >"$OLX5_DIR.stamp"
fi
warm olx-5000
find "$OLX5_DIR" -name '*.xml' -print0 | sort -z >"$OUT/olx-5000.xml.files"
find "$OLX5_DIR" -name '*.html' -print0 | sort -z >"$OUT/olx-5000.html.files"
measure_median olx5-xmllint-xml xargs -0 -a "$OUT/olx-5000.xml.files" xmllint --noout
OLX5_XL_CPU=$R_CPU
measure_median olx5-xmllint-html xargs -0 -a "$OUT/olx-5000.html.files" xmllint --html --noout
OLX5_XL_CPU=$(awk -v a="$OLX5_XL_CPU" -v b="$R_CPU" 'BEGIN { printf "%.2f", a + b }')
rm -rf "$OUT/imported-olx-5000"
measure_median import-olx-5000 "$BIN" import "$OLX5_DIR" --out "$OUT/imported-olx-5000/course.xml" --force
OLX5_CPU=$R_CPU OLX5_MS=$R_MS OLX5_KB=$R_KB OLX5_RC=$R_RC
OLX5_RATIO=$(awk -v c="$OLX5_CPU" -v x="$OLX5_XL_CPU" 'BEGIN { printf "%.1f", (x > 0 ? c / x : 0) }')
say "   $(printf '%-18s' olx-5000) cpu $OLX5_CPU s (xmllint --noout: $OLX5_XL_CPU s, ${OLX5_RATIO}x)   wall $(secs "$OLX5_MS") s   peak RSS $(mb "$OLX5_KB") MB   exit $OLX5_RC"
say ""

# ----------------------------------------------------------------------------------------------- (h) preview
# `curriculum preview`: from saving one LIAISE module to the re-rendered facilitator guide being served, median of
# PREVIEW_SAVES saves, beside a full `pack --format html` of the same session (what each change costs without
# incremental work: the preview validates and renders the programme again on every save).
PREVIEW_SAVES=${PREVIEW_SAVES:-20}
say "(h) curriculum preview Curricula/liaise --session s1: save -> re-rendered page, median of $PREVIEW_SAVES saves"
PREVIEW_COPY=$OUT/preview-curricula
rm -rf "$PREVIEW_COPY" && cp -r "$ROOT/Curricula" "$PREVIEW_COPY"
read -r PV_MEDIAN PV_MAX PV_STARTS < <("$PY" bench/preview_latency.py "$BIN" "$PREVIEW_COPY" "$PREVIEW_SAVES" 2>"$LOGS/preview.err" || echo "0 0 ?")
measure_median pack-html "$BIN" pack "$PREVIEW_COPY/liaise" --session s1 --format html --out "$OUT/preview-packs"
PV_PACK_MS=$R_MS
say "   preview: median ${PV_MEDIAN} ms, slowest ${PV_MAX} ms, ${PV_STARTS} html exporter process(es) for $PREVIEW_SAVES saves; pack --format html of s1: $PV_PACK_MS ms (exit $R_RC)"
say ""

# ----------------------------------------------------------------------------------------------- (h) watch
# `curriculum validate --watch` on a copy of the 100 MB corpus: one module in the middle is saved WATCH_SAVES times;
# the watch's own timing of each re-validation (from the change being seen to the findings), against the full
# `curriculum validate` of the same corpus measured in section 1 of this run.
WATCH_SAVES=${WATCH_SAVES:-10}
say "(h) curriculum validate --watch corpus-100mb: one module saved -> validated again, median of $WATCH_SAVES saves"
WATCH_COPY=$OUT/watch-corpus
rm -rf "$WATCH_COPY" && cp -r "$OUT/corpus-100mb" "$WATCH_COPY"
read -r W_FIRST W_AGAIN W_WAITED W_PARSED < <("$PY" bench/watch_latency.py "$BIN" "$WATCH_COPY" "$WATCH_SAVES" 2>"$LOGS/watch.err" || echo "0 0 0 ?")
rm -rf "$WATCH_COPY"
W_PCT=$(awk -v a="$W_AGAIN" -v f="${CUR_MS[corpus-100mb]}" 'BEGIN { printf "%.1f", (f > 0 ? 100 * a / f : 0) }')
say "   validated again in ${W_AGAIN} ms (${W_PARSED} file(s) parsed; from the save to the findings ${W_WAITED} ms, with the watcher's listing);"
say "   the watch's first, full validation ${W_FIRST} ms; curriculum validate of the corpus ${CUR_MS[corpus-100mb]} ms; ${W_PCT}%"
say ""

# ----------------------------------------------------------------------------------------------- (h) platform
source "$ROOT/bench/plugin-platform.sh"

# ----------------------------------------------------------------------------------------------- (i) pdf
source "$ROOT/bench/pdf.sh"

# ----------------------------------------------------------------------------------------------- targets
verdict() { if [[ $1 == 1 ]]; then echo PASS; else echo FAIL; fi; }
fmt_target='%-62s %-50s %s'

c100=${CUR_MS[corpus-100mb]} x100=${XL_MS[corpus-100mb]}
ratio=$(awk -v c="$c100" -v x="$x100" 'BEGIN { printf "%.1f", (x > 0 ? c / x : 0) }')
rc100=${CUR_RC[corpus-100mb]}
speed_ok=$(( c100 <= x100 && rc100 == 0 ))
mem_ok=$(awk -v g="$MEM_GROWTH" -v l="$MEMORY_GROWTH_PCT" 'BEGIN { print (g <= l) ? 1 : 0 }')
hostile_ok() {
  local f=$1
  [[ ${H_RC[$f]} == 1 && ${H_CODE[$f]} == *XML002* && ${H_MS[$f]} -lt $HOSTILE_MS && ${H_KB[$f]} -lt $((HOSTILE_MB * 1024)) ]] && echo 1 || echo 0
}
clean_ok=1
for name in corpus-10mb corpus-100mb mem-10 mem-200; do
  [[ ${CUR_RC[$name]} == 0 && ${CUR_SUM[$name]} == "0 errors, 0 warnings"* ]] || clean_ok=0
done
for name in corpus-10mb corpus-100mb; do
  [[ ${XL_BAD[$name]} == 0 && ${XL_OK[$name]} == "${XL_FILES[$name]}" ]] || clean_ok=0
done

{
  echo "TARGETS"
  printf "$fmt_target\n" "target" "measured" "result"
  printf "$fmt_target\n" "full validation no slower than xmllint schema-only (100 MB)" \
    "$(secs "$c100") s vs $(secs "$x100") s (${ratio}x xmllint)" "$(verdict "$speed_ok")"
  printf "$fmt_target\n" "peak memory does not grow with file count (<= +${MEMORY_GROWTH_PCT}%)" \
    "$(mb "${CUR_KB[mem-10]}") MB (10) -> $(mb "${CUR_KB[mem-200]}") MB (200), ${MEM_GROWTH}%" "$(verdict "$mem_ok")"
  for f in billion-laughs quadratic-blowup; do
    printf "$fmt_target\n" "$f rejected: exit 1, XML002, < ${HOSTILE_MS} ms, < ${HOSTILE_MB} MB" \
      "exit ${H_RC[$f]}, ${H_CODE[$f]:-no XML code}, ${H_MS[$f]} ms, $(mb "${H_KB[$f]}") MB" "$(verdict "$(hostile_ok "$f")")"
  done
  if [[ -n $P_OVERHEAD ]]; then
    printf "$fmt_target\n" "plugin host overhead per call <= the bare spawn (medians)" \
      "${P_OVERHEAD} ms overhead vs ${P_SPAWN} ms bare spawn" \
      "$(verdict "$(awk -v o="$P_OVERHEAD" -v s="$P_SPAWN" 'BEGIN { print (s != "" && o <= s) ? 1 : 0 }')")"
    printf "$fmt_target\n" "50 MB round trip through the pipe >= 200 MB/s" "${P_RATE} MB/s (raw pipe, same bytes: ${P_RAW_RATE} MB/s)" \
      "$(verdict "$(awk -v r="$P_RATE" 'BEGIN { print (r >= 200) ? 1 : 0 }')")"
  fi
  printf "$fmt_target\n" "pack LIAISE in html, md, ics, imscc <= 3x validate (medians)" \
    "$(secs "$PK_PACK_MS") s vs $(secs "$PK_VALIDATE_MS") s (${PK_RATIO}x)" \
    "$(verdict "$(awk -v r="$PK_RATIO" -v rc="$PK_PACK_RC" 'BEGIN { print (r <= 3 && rc == 0) ? 1 : 0 }')")"
  printf "$fmt_target\n" "pack --zip with a 300 MB handout: peak RSS < 100 MB" \
    "$(mb "$ZP_KB") MB, exit $ZP_RC" "$(verdict "$(( ZP_KB < 100 * 1024 && ZP_RC == 0 ))")"
  printf "$fmt_target\n" "pack every LIAISE session in every format < 2 s warm" "$(secs "$PACK_MS") s, $(mb "$PACK_KB") MB" \
    "$(verdict "$(( PACK_MS < 2000 && PACK_RC == 0 ))")"
  for source in olx-1000 olx-1000.tar.gz; do
    printf "$fmt_target\n" "import 1,000-unit OLX course ($source) < 2 s, < 200 MB" \
      "$(secs "${IMP_MS[$source]}") s, $(mb "${IMP_KB[$source]}") MB, exit ${IMP_RC[$source]}" \
      "$(verdict "$(( IMP_MS[$source] < 2000 && IMP_KB[$source] < 200 * 1024 && IMP_RC[$source] == 0 ))")"
  done
  printf "$fmt_target\n" "preview: saved change to re-rendered page <= 200 ms (median)" \
    "${PV_MEDIAN} ms (pack --format html of s1: $PV_PACK_MS ms)" "$(verdict "$(( PV_MEDIAN > 0 && PV_MEDIAN <= 200 ))")"
  printf "$fmt_target\n" "validate --watch: one save re-validated in <= 5% of a full run" \
    "${W_AGAIN} ms vs $(secs "$c100") s (${W_PCT}%), ${W_PARSED} file(s) parsed" \
    "$(verdict "$(awk -v a="$W_AGAIN" -v p="$W_PCT" 'BEGIN { print (a > 0 && p <= 5) ? 1 : 0 }')")"
  printf "$fmt_target\n" "import 5,000-unit OLX course <= 5x xmllint --noout (CPU)" \
    "$OLX5_CPU s vs $OLX5_XL_CPU s (${OLX5_RATIO}x), exit $OLX5_RC" \
    "$(verdict "$(awk -v r="$OLX5_RATIO" -v rc="$OLX5_RC" 'BEGIN { print (r <= 5 && rc == 0) ? 1 : 0 }')")"
  printf "$fmt_target\n" "pack --format md, 20 plugins on PATH (1 hanging), warm cache: within 10%" \
    "$(secs "$PP_TWENTY_MS") s vs $(secs "$PP_NONE_MS") s (${PP_PCT}%)" \
    "$(verdict "$(awk -v p="$PP_PCT" -v r="$PP_TWENTY_RC" 'BEGIN { print (p <= 10 && r == 0) ? 1 : 0 }')")"
  printf "$fmt_target\n" "200,000 plugin diagnostics as SARIF: <= 5x JSON, < 300 MB (or capped)" \
    "$(secs "$PP_SARIF_MS") s (${PP_SARIF_X}x), $(mb "$PP_SARIF_KB") MB" \
    "$(verdict "$(awk -v x="$PP_SARIF_X" -v k="$PP_SARIF_KB" 'BEGIN { print (x <= 5 && k < 300 * 1024) ? 1 : 0 }')")"
  printf "$fmt_target\n" "PDFs of all four LIAISE sessions faster than the naive floor" \
    "curriculum $(secs "$PDF_MS") s (peak $(mb "$PDF_KB") MB) vs naive floor $(secs "$NAIVE_MS") s (one chromium --headless --print-to-pdf per file over the same HTML, peak $(mb "$NAIVE_KB") MB)" \
    "$(verdict "$PDF_OK")"
  printf "$fmt_target\n" "generated corpora are valid (0 errors/warnings; xmllint agrees)" \
    "$( ((clean_ok)) && echo "all 4 corpora clean" || echo "see bench/out/logs/")" "$(verdict "$clean_ok")"
} >"$LOGS/.targets"
FAILS=$(grep -c ' FAIL$' "$LOGS/.targets")
tee -a "$RESULTS" <"$LOGS/.targets"
say ""
say "results written to $RESULTS; command output in $LOGS/"

if ((FAILS > 0)) && [[ ${BENCH_STRICT:-0} == 1 ]]; then exit 1; fi
exit 0
