#!/bin/sh
# Reports progress every 0.2 s and never answers: progress restarts the quiet time-out, never the overall deadline.
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
while :; do
  printf '%s\n' '{"jsonrpc":"2.0","method":"$/progress","params":{"id":2,"message":"still going"}}'
  sleep 0.2
done
