#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
head -c 70000000 /dev/zero | tr '\0' 'x'
