#!/bin/sh
# Reports 30 notes and then one error: with limits.maxDiagnostics 10 the error is among those kept.
. "$(dirname "$0")/lib.sh"
record_pid
IFS= read -r _line
printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"many","version":"1"},"capabilities":{"validate":{"rules":[{"code":"MNY001","severity":"info","summary":"A note."},{"code":"MNY002","severity":"error","summary":"An error."}]}}}}'
read_request
list=''
i=1
while [ $i -le 30 ]; do
  list="$list{\"severity\":\"info\",\"code\":\"MNY001\",\"message\":\"note $i\"},"
  i=$((i + 1))
done
printf '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[%s{"severity":"error","code":"MNY002","message":"the last one is an error"}]}}\n' "$list"
