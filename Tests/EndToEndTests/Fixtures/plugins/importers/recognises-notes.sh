#!/bin/sh
# An importer of the format "notes" that says how to recognise its sources (a notes.txt marker file, the ending
# .notes, the root element <notebook>), and refuses every import by naming the format it was asked for, so a test
# can see which importer --from auto chose.
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"notes","version":"1"},"capabilities":{"import":{"formats":["notes"],"recognise":[{"format":"notes","markerFiles":["notes.txt"],"extensions":[".notes"],"rootElements":["notebook"]}]}}}}' ;;
    *'"method":"import"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":2,"error":{"code":-32603,"message":"chosen for notes"}}' ;;
  esac
done
