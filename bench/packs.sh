# Sourced by bench/run.sh (uses its say, measure, measure_median, secs, mb, BIN, OUT, ROOT, LOGS).
#
# (f2) Packing against validating: every LIAISE session in html, md, ics and imscc beside `curriculum validate` of
# the same programme, medians of REPEAT runs in one run of the script. Exporters that speak protocol 1.2 get every
# session in one process per format.
# (f3) Bundles streamed to disk: `pack --zip` of a small curriculum whose one handout is a 300 MB file; peak RSS of
# the run (the core or the exporter, whichever is larger).
say "(f2) pack Curricula/liaise --format html,md,ics,imscc against validate Curricula/liaise (medians of $REPEAT)"
PK_OUT=$OUT/packs-4
"$BIN" pack "$ROOT/Curricula/liaise" --format html --format md --format ics --format imscc --out "$PK_OUT" \
  >/dev/null 2>&1 || true
measure_median validate-liaise "$BIN" validate "$ROOT/Curricula/liaise"
PK_VALIDATE_MS=$R_MS
measure_median pack-liaise-4 "$BIN" pack "$ROOT/Curricula/liaise" --format html --format md --format ics \
  --format imscc --out "$PK_OUT"
PK_PACK_MS=$R_MS PK_PACK_RC=$R_RC
PK_RATIO=$(awk -v p="$PK_PACK_MS" -v v="$PK_VALIDATE_MS" 'BEGIN { printf "%.1f", (v > 0 ? p / v : 0) }')
say "   validate $(secs "$PK_VALIDATE_MS") s; pack (4 formats x 4 sessions) $(secs "$PK_PACK_MS") s, exit $PK_PACK_RC: ${PK_RATIO}x validate"
say ""

say "(f3) pack --zip with a 300 MB handout (bundles streamed to disk)"
ZP=$OUT/zip-300mb
rm -rf "$ZP" && mkdir -p "$ZP"
cp -r "$ROOT/Tests/EndToEndTests/Fixtures/valid" "$ZP/c"
sed -i 's|href="handouts/partner-map.md" media-type="text/markdown"|href="handouts/partner-map.pdf" media-type="application/pdf"|' \
  "$ZP/c/mini.xml"
rm -f "$ZP/c/handouts/partner-map.md"
truncate -s 300M "$ZP/c/handouts/partner-map.pdf"
measure zip-300mb "$BIN" pack "$ZP/c" --format html --zip --out "$ZP/out"
ZP_MS=$M_MS ZP_KB=$M_KB ZP_RC=$M_RC
ZP_ZIPS=$(du -cm "$ZP"/out/*.zip 2>/dev/null | tail -n 1 | cut -f1)
say "   wall $(secs "$ZP_MS") s, peak RSS $(mb "$ZP_KB") MB, exit $ZP_RC; bundles ${ZP_ZIPS:-0} MB on disk"
rm -rf "$ZP"
say ""
