#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
IFS= read -r _line
printf '{"jsonrpc":"2.0","id":1,"res'
echo "fault: crashed half way through the answer" >&2
exit 2
