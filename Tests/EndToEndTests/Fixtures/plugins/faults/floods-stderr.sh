#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
IFS= read -r _line
printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"fault","version":"0.0.1"},"capabilities":{"validate":{"rules":[{"code":"FLD001","severity":"warning","summary":"Answers after a flood."}]}}}}'
read_request
head -c 8000000 /dev/zero | tr '\0' 'e' >&2
echo "fault: the last line of a long log" >&2
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"warning","code":"FLD001","message":"answered after a flood of logs"}]}}'
