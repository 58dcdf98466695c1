#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
head -c 8000000 /dev/zero | tr '\0' 'e' >&2
echo "fault: the last line of a long log" >&2
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"warning","code":"FLD001","message":"answered after a flood of logs"}]}}'
