#!/bin/sh
# A validator that reports SHT001 only when its options say {"shout": true}, to show options reach a plugin.
IFS= read -r _line
printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"shouts","version":"1"},"capabilities":{"validate":{"rules":[{"code":"SHT001","severity":"warning","summary":"Shouts when asked."}]}}}}'
IFS= read -r line || exit 0
case "$line" in
  *'"options":{"shout":true}'*) printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"warning","code":"SHT001","message":"asked to shout"}]}}' ;;
  *) printf '%s\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}' ;;
esac
