#!/bin/sh
# An exporter of the format "restless" that is otherwise conformant but puts its process id into its artifact,
# so two runs of the same request never give the same bytes.
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*'999'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"error":{"code":-32022,"message":"only 1","data":{"supported":[1]}}}' ;;
    *'"method":"initialize"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"restless","version":"1"},"capabilities":{"export":{"formats":["restless"]}}}}' ;;
    *'"method":"export"'*)
      printf '{"jsonrpc":"2.0","id":2,"result":{"artifacts":[{"path":"run.txt","text":"run %s\\n"}],"diagnostics":[]}}\n' "$$" ;;
    *'"id":'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"unknown"}}' ;;
  esac
done
