#!/bin/sh
. "$(dirname "$0")/lib.sh"
record_pid
IFS= read -r _line
printf '%s\n' '{"jsonrpc":"2.0","id":1,"error":{"code":-32022,"message":"only protocol 9 here","data":{"supported":[9]}}}'
