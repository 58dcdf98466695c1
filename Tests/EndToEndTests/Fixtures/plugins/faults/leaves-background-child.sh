#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
sleep 1000 >/dev/null 2>&1 </dev/null &
echo "$!" > "${TMPDIR:-/tmp}/fault.child"
answer_initialize
read_request
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}'
