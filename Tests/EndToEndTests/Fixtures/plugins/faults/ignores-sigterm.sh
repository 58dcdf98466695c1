#!/bin/sh
. "$(dirname "$0")/lib.sh"
trap '' TERM
record_pid
answer_initialize
read_request
while :; do sleep 1; done
