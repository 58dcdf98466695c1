#!/usr/bin/env bash
# Builds a libFuzzer binary for the hardened parser (with AddressSanitizer) and runs it on a seed corpus made
# from the repository's fixtures and curricula. The fuzz target is compiled with swiftc from the sources of
# CurriculumXML, the embedded schema and Fuzz/ParserFuzzTarget.swift, so the SwiftPM package is untouched.
#
#   scripts/fuzz-parser.sh [SECONDS] [extra libFuzzer options…]
#
# Environment: FUZZ_DIR (default .build/fuzz) holds the binary, the seeds, the growing corpus and any crash
# files (crash-*, leak-*, timeout-*); FUZZ_BUILD_ONLY=1 only builds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
dir="${FUZZ_DIR:-.build/fuzz}"
binary="$dir/curriculum-fuzz-parser"
mkdir -p "$dir/seeds" "$dir/corpus" "$dir/artifacts"

sources=(Sources/CurriculumXML/*/*.swift Sources/CurriculumKit/Generated/EmbeddedSchema.swift Fuzz/ParserFuzzTarget.swift)
newest=$(ls -t "${sources[@]}" scripts/fuzz-parser.sh | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
  echo "building $binary"
  # shellcheck disable=SC2046
  swiftc -sanitize=fuzzer,address -O -g -parse-as-library -module-name CurriculumFuzz -swift-version 6 \
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault \
    -I Sources/CLibXML2 $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    "${sources[@]}" -o "$binary" $(pkg-config --libs libxml-2.0) 2> >(grep -v "Cannot export local symbol" >&2)
fi
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

# Seeds: every XML file of the fixtures and bundled curricula, named by content so reruns add nothing twice.
find Tests/EndToEndTests/Fixtures Curricula -name '*.xml' -type f -size -1000k -print0 |
  while IFS= read -r -d '' file; do
    cp "$file" "$dir/seeds/$(sha1sum "$file" | cut -c1-40)"
  done

echo "fuzzing the parser for $seconds s (corpus $dir/corpus, crashes in $dir/artifacts)"
exec "$binary" "$dir/corpus" "$dir/seeds" -dict=Fuzz/xml.dict -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "$@"
