#!/bin/sh
# An exporter for the "bad" format that misbehaves as its options say:
#   {"path": "P"}   returns one artifact at path P (P is JSON-escaped text, so it may hold \\ or \u0000)
#   {"twice": "P"}  returns two artifacts at path P
#   {"also": "P"}   returns "a.txt" and an artifact at path P
#   {"crash": "1"}  dies while exporting
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"bad-exporter","version":"0.1"},"capabilities":{"export":{"formats":["bad"]}}}}' ;;
    *'"method":"export"'*)
      option() { printf '%s' "$line" | sed -n "s/.*\"options\":{[^}]*\"$1\":\"\\(\\([^\"\\\\]\\|\\\\.\\)*\\)\".*/\\1/p"; }
      if [ -n "$(option crash)" ]; then echo "bad-exporter: giving up" >&2; kill -KILL $$; fi
      art() { printf '{"path":"%s","mediaType":"text/plain","text":"x"}' "$1"; }
      if [ -n "$(option twice)" ]; then p=$(option twice); list="$(art "$p"),$(art "$p")"
      elif [ -n "$(option also)" ]; then list="$(art a.txt),$(art "$(option also)")"
      else list="$(art "$(option path)")"; fi
      printf '{"jsonrpc":"2.0","id":2,"result":{"artifacts":[%s],"diagnostics":[]}}\n' "$list" ;;
  esac
done
