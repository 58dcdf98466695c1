#!/bin/sh
# A plugin that handshakes and exits at end of input, but ignores the offered protocol versions and answers
# every request with the same internal error: `curriculum plugins check` must fail it and say why.
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"sloppy","version":"0.1"},"capabilities":{"validate":{"rules":[]}}}}' ;;
    *'"id":'*)
      id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
      printf '{"jsonrpc":"2.0","id":%s,"error":{"code":-32603,"message":"not implemented"}}\n' "${id:-null}" ;;
  esac
done
exit 0
