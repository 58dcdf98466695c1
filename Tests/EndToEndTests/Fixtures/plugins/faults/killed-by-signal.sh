#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
echo "fault: about to die" >&2
kill -SEGV $$
