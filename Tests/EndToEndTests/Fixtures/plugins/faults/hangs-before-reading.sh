#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
exec sleep 1000
