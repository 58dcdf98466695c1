#!/bin/sh
# Answers, then ignores the end of its input (and SIGTERM) instead of exiting: the answer counts, with a warning.
. "$(dirname "$0")/lib.sh"
record_pid
trap '' TERM
answer_initialize
read_request || exit 0
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}'
exec 0</dev/null
sleep 30
