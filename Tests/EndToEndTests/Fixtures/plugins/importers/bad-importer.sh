#!/bin/sh
# An importer for the "bad" format that returns what the core must refuse, chosen by the source's name:
#   …/escape      a file whose path climbs out of the output folder
#   anything else a curriculum whose activity kind the native format does not know
TITLE='{"text":"T","translations":[]}'
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '%s\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"bad-importer","version":"0.1"},"capabilities":{"import":{"formats":["bad"]}}}}' ;;
    *'"method":"import"'*)
      kind=juggling
      files='[]'
      case "$line" in
        *'/escape"'*) kind=input; files='[{"path":"../evil.txt","text":"x"}]' ;;
      esac
      item="{\"id\":\"a\",\"kind\":\"$kind\",\"duration\":\"PT10M\",\"title\":$TITLE,\"develops\":[],\"assesses\":[],\"resources\":[],\"cases\":[],\"steps\":[],\"debrief\":[],\"variants\":[]}"
      session="{\"id\":\"s1\",\"declaredDays\":1,\"audiences\":[],\"prerequisites\":[],\"translationLanguages\":[],\"title\":$TITLE,\"objectiveRefs\":[],\"preparation\":[],\"materials\":[],\"days\":[{\"number\":1,\"agenda\":[$item]}],\"evaluation\":[]}"
      curriculum="{\"id\":\"bad\",\"title\":$TITLE,\"language\":\"en\",\"formatVersion\":\"1.0\",\"meta\":{\"funders\":[],\"keywords\":[],\"translationLanguages\":[]},\"audiences\":[],\"objectives\":[],\"resources\":[],\"caseStudies\":[],\"glossary\":[],\"modules\":[],\"sessions\":[$session],\"deliveries\":[]}"
      printf '{"jsonrpc":"2.0","id":2,"result":{"curriculum":%s,"diagnostics":[],"files":%s}}\n' "$curriculum" "$files" ;;
  esac
done
