#!/bin/sh
# Answers and exits, leaving a child that still holds its standard output and error open: the host must notice
# the exit (no end of file comes), stop the child and report it, not wait for the pipes to close.
. "$(dirname "$0")/lib.sh"
record_pid
sleep 1000 </dev/null &
echo "$!" > "${TMPDIR:-/tmp}/fault.child"
answer_initialize
read_request
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}'
