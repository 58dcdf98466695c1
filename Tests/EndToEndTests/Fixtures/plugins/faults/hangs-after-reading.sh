#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
sleep 1000
