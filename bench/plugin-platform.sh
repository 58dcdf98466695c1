# Sourced by bench/run.sh (uses its say, measure, measure_median, secs, mb, BIN, OUT, ROOT, PY).
#
# (h) The plugin platform: `pack --format md` of LIAISE with 20 plugins on PATH (one of them hanging), with a warm
# handshake cache, beside the same run with none; and 200,000 diagnostics from one plugin rendered as JSON and as
# SARIF (capped at the default limits.maxDiagnostics, with a summary warning).
say "(h) plugin platform: lazy discovery with 20 plugins on PATH, and a flood of diagnostics"
PP=$OUT/plugin-platform
rm -rf "$PP"
mkdir -p "$PP/bin" "$PP/cache" "$PP/cache-none"
for i in $(seq -w 1 19); do
  cat >"$PP/bin/curriculum-plugin-idle$i" <<PLUGIN
#!/bin/sh
while IFS= read -r line; do
  case "\$line" in
    *'"method":"initialize"'*) printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"idle$i","version":"1"},"capabilities":{"export":{"formats":["idle$i"]}}}}' ;;
  esac
done
PLUGIN
done
printf '#!/bin/sh\nexec sleep 60\n' >"$PP/bin/curriculum-plugin-hangs"
chmod +x "$PP/bin/"*
# Fills the cache: a run that needs every format asks every plugin once (the hanging one costs its 3 s here).
env PATH="$PP/bin:$PATH" XDG_CACHE_HOME="$PP/cache" "$BIN" pack "$ROOT/Curricula/liaise" --out "$PP/packs-cold" \
  >/dev/null 2>&1 || true
measure_median pack-md-none env XDG_CACHE_HOME="$PP/cache-none" "$BIN" pack "$ROOT/Curricula/liaise" --format md \
  --out "$PP/packs-none"
PP_NONE_MS=$R_MS
measure_median pack-md-20 env PATH="$PP/bin:$PATH" XDG_CACHE_HOME="$PP/cache" "$BIN" pack "$ROOT/Curricula/liaise" \
  --format md --out "$PP/packs-20"
PP_TWENTY_MS=$R_MS PP_TWENTY_RC=$R_RC
PP_PCT=$(awk -v a="$PP_NONE_MS" -v b="$PP_TWENTY_MS" 'BEGIN { printf "%.0f", (a > 0 ? (b - a) * 100 / a : 0) }')
say "   pack --format md: $(secs "$PP_NONE_MS") s with no plugin on PATH, $(secs "$PP_TWENTY_MS") s with 20 (one hanging), warm cache: ${PP_PCT}%"

cat >"$PP/flood.py" <<'PLUGIN'
#!/usr/bin/env python3
import json, sys
out = sys.stdout
for line in sys.stdin:
    message = json.loads(line)
    if message.get("method") == "initialize":
        out.write(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": {"protocolVersion": 1,
            "plugin": {"name": "flood", "version": "1"}, "capabilities": {"validate": {"rules": [
                {"code": "FLD001", "severity": "warning", "summary": "A flood."}]}}}}) + "\n")
    elif message.get("method") == "validate":
        diagnostics = [{"severity": "warning", "code": "FLD001", "message": "finding %d" % i,
                        "location": {"path": "mini.xml", "line": 1 + i % 50, "column": 1}} for i in range(200000)]
        out.write(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": {"diagnostics": diagnostics}}) + "\n")
    out.flush()
PLUGIN
chmod +x "$PP/flood.py"
measure_median flood-json "$BIN" validate "$ROOT/Tests/EndToEndTests/Fixtures/valid" --plugin "$PP/flood.py" \
  --format json --fail-on never
PP_JSON_MS=$R_MS PP_JSON_KB=$R_KB
measure_median flood-sarif "$BIN" validate "$ROOT/Tests/EndToEndTests/Fixtures/valid" --plugin "$PP/flood.py" \
  --format sarif --fail-on never
PP_SARIF_MS=$R_MS PP_SARIF_KB=$R_KB PP_SARIF_RC=$R_RC
PP_SARIF_X=$(awk -v j="$PP_JSON_MS" -v s="$PP_SARIF_MS" 'BEGIN { printf "%.1f", (j > 0 ? s / j : 0) }')
say "   200,000 diagnostics from one plugin: JSON $(secs "$PP_JSON_MS") s, $(mb "$PP_JSON_KB") MB; SARIF $(secs "$PP_SARIF_MS") s, $(mb "$PP_SARIF_KB") MB (${PP_SARIF_X}x JSON); capped: $(grep -c 'were left out' "$LOGS/flood-sarif.err") summary warning"
say ""
