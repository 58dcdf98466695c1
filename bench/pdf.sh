# Sourced by bench/run.sh (uses its say, measure_median, secs, mb, BIN, OUT, ROOT, PY, REPEAT).
#
# (i) PDFs of the four LIAISE sessions: `curriculum pack --format pdf` (one Chromium for the run, two prints of each
# page with a contents list) against the naive floor, one `chromium --headless --print-to-pdf` run per file over
# the same HTML pages (those `pack --format html` writes), one after the other. Wall time is the median of REPEAT
# runs; peak memory is the summed resident memory of the whole process tree (bench/tree_peak.py), the largest of
# the runs, because Chromium is a dozen processes.
say "(i) PDFs of the four LIAISE sessions: curriculum pack --format pdf vs one chromium --print-to-pdf per file"
# Absolute: the naive floor hands Chromium file:// URLs, which a relative path would not make.
PDF_DIR=$ROOT/$OUT/pdf
rm -rf "$PDF_DIR" && mkdir -p "$PDF_DIR"
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
PDF_OK=0 PDF_MS=0 PDF_KB=0 NAIVE_MS=0 NAIVE_KB=0 PDF_FILES=0 NAIVE_FILES=0
if [[ -z $CHROMIUM ]]; then
  say "   skipped: no chromium on PATH (sudo apt-get install chromium)"
else
  # The HTML the naive floor prints: every page the pdf format prints.
  "$BIN" pack "$ROOT/Curricula/liaise" --format html --out "$PDF_DIR/html" >/dev/null 2>&1
  find "$PDF_DIR/html" -name '*.html' | sort >"$PDF_DIR/pages.txt"
  NO_SANDBOX=()
  [[ $(id -u) == 0 ]] && NO_SANDBOX=(--no-sandbox)
  cat >"$PDF_DIR/naive.sh" <<NAIVE
#!/usr/bin/env bash
# One Chromium start per file, as a script that knows no better would do it.
i=0
while IFS= read -r page; do
  i=\$((i + 1))
  "$CHROMIUM" --headless ${NO_SANDBOX[*]} --disable-gpu --no-pdf-header-footer \\
    --print-to-pdf="$PDF_DIR/naive/\$i.pdf" "file://\$page" >/dev/null 2>&1 || exit 1
  # Chromium exits 0 for a page it could not load: a missing PDF fails the floor instead of timing nothing.
  [[ -s "$PDF_DIR/naive/\$i.pdf" ]] || exit 1
done <"$PDF_DIR/pages.txt"
NAIVE
  chmod +x "$PDF_DIR/naive.sh"
  ours_peak=0 naive_peak=0 ours=() naive=() ours_rc=0 naive_rc=0
  for ((i = 1; i <= REPEAT; i++)); do
    rm -rf "$PDF_DIR/packs"
    t0=$EPOCHREALTIME
    "$PY" bench/tree_peak.py "$LOGS/.pdf-peak" "$BIN" pack "$ROOT/Curricula/liaise" --format pdf --out "$PDF_DIR/packs" \
      >"$LOGS/pdf-pack.out" 2>"$LOGS/pdf-pack.err" || ours_rc=$?
    t1=$EPOCHREALTIME
    ours+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 + 0.5 }')")
    ours_peak=$(( $(cat "$LOGS/.pdf-peak") > ours_peak ? $(cat "$LOGS/.pdf-peak") : ours_peak ))
    rm -rf "$PDF_DIR/naive" && mkdir -p "$PDF_DIR/naive"
    t0=$EPOCHREALTIME
    "$PY" bench/tree_peak.py "$LOGS/.pdf-peak" "$PDF_DIR/naive.sh" >"$LOGS/pdf-naive.out" 2>"$LOGS/pdf-naive.err" \
      || naive_rc=$?
    t1=$EPOCHREALTIME
    naive+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 + 0.5 }')")
    naive_peak=$(( $(cat "$LOGS/.pdf-peak") > naive_peak ? $(cat "$LOGS/.pdf-peak") : naive_peak ))
  done
  PDF_MS=$(printf '%s\n' "${ours[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  NAIVE_MS=$(printf '%s\n' "${naive[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  PDF_KB=$ours_peak NAIVE_KB=$naive_peak
  PDF_FILES=$(find "$PDF_DIR/packs" -name '*.pdf' | wc -l)
  NAIVE_FILES=$(find "$PDF_DIR/naive" -name '*.pdf' | wc -l)
  PDF_OK=$(( ours_rc == 0 && naive_rc == 0 && PDF_FILES == NAIVE_FILES && PDF_MS < NAIVE_MS ))
  say "   curriculum pack --format pdf: $PDF_FILES PDFs, $(secs "$PDF_MS") s (runs: ${ours[*]} ms), peak $(mb "$PDF_KB") MB, exit $ours_rc"
  say "   naive floor, one chromium per file: $NAIVE_FILES PDFs, $(secs "$NAIVE_MS") s (runs: ${naive[*]} ms), peak $(mb "$NAIVE_KB") MB, exit $naive_rc"
fi
say ""
