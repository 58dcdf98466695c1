#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}'
printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}'
