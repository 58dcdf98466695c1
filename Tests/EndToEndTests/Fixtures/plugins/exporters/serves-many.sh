#!/bin/sh
# An exporter of the format "many" that notes, for every export request, its process id, the request id and the
# session in $TMPDIR/served.log. It answers protocolMinor 2 (protocol 1.2: several requests in one process); with
# the argument 1.1 it answers protocolMinor 1, with crash-second it exits with status 7 on its second export, and
# with remembers each artifact also holds how many exports the process has served (state kept between requests).
MINOR=2
[ "$1" = "1.1" ] && MINOR=1
count=0
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"protocolMinor":%s,"plugin":{"name":"many","version":"1"},"capabilities":{"export":{"formats":["many"]}}}}\n' "$MINOR" ;;
    *'"method":"export"'*)
      count=$((count + 1))
      [ "$1" = "crash-second" ] && [ "$count" = 2 ] && exit 7
      id=$(printf '%s\n' "$line" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
      session=$(printf '%s\n' "$line" | sed -n 's/.*"sessions":\["\([^"]*\)"\].*/\1/p')
      printf '%s %s %s\n' "$$" "$id" "$session" >> "${TMPDIR:-/tmp}/served.log"
      text=$session
      [ "$1" = "remembers" ] && text="$session $count"
      printf '{"jsonrpc":"2.0","id":%s,"result":{"artifacts":[{"path":"many-%s.txt","text":"%s\\n"}],"diagnostics":[]}}\n' "$id" "$session" "$text" ;;
  esac
done
