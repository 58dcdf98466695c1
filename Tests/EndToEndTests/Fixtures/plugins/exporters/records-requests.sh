#!/bin/sh
# An exporter of the format "rec" that keeps the requests it gets in $TMPDIR/initialize.json and
# $TMPDIR/export.json. With the argument 1.1 it answers protocolMinor 1 (protocol 1.1); without, it is a
# version 1 plugin.
MINOR=''
[ "$1" = "1.1" ] && MINOR=',"protocolMinor":1'
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '%s\n' "$line" > "${TMPDIR:-/tmp}/initialize.json"
      printf '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1%s,"plugin":{"name":"rec","version":"1"},"capabilities":{"export":{"formats":["rec"]}}}}\n' "$MINOR" ;;
    *'"method":"export"'*)
      printf '%s\n' "$line" > "${TMPDIR:-/tmp}/export.json"
      printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"artifacts":[{"path":"rec.txt","text":"rec\n"}],"diagnostics":[]}}' ;;
  esac
done
