#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
echo "Starting fault plugin v0.0.1..."
answer_initialize
