#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
answer_initialize
read_request
# Too slow to answer, but listening: on $/cancel it notes the request id and stops.
IFS= read -r line
case "$line" in *'"$/cancel"'*) printf '%s\n' "$line" > "${TMPDIR:-/tmp}/fault.cancelled" ;; esac
exit 0
