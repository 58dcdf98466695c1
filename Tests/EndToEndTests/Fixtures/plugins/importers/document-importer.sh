#!/bin/sh
# An importer of the format "notes" that answers protocolMinor ${MINOR:-3} and returns one curriculum, a session
# with one item read from notes.txt, in the form the source's name asks for:
#   …/model      as a model, its parts located in notes.txt (every protocol version allows this)
#   …/document   as a native document, with documentSources giving the same locations (protocol 1.3)
#   …/module     as a document whose root is <module>
#   …/broken     as a document that is not well-formed XML
#   …/both       as both a model and a document
TITLE='{"text":"Talk","translations":[]}'
AT_SESSION='{"path":"notes.txt","line":1,"column":1}'
AT_ITEM='{"path":"notes.txt","line":3,"column":1}'
DOCUMENT='<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" xml:lang=\"en\" id=\"notes\">\n  <meta>\n    <title>Notes</title>\n  </meta>\n  <sessions>\n    <session id=\"s1\" days=\"1\">\n      <title>First session</title>\n      <day n=\"1\">\n        <agenda>\n          <item id=\"a\" kind=\"input\" duration=\"PT10M\">\n            <title>Talk</title>\n          </item>\n        </agenda>\n      </day>\n    </session>\n  </sessions>\n</programme>\n'
SOURCES="[{\"line\":7,\"location\":$AT_SESSION},{\"line\":11,\"location\":$AT_ITEM}]"
MODULE='<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<module xmlns=\"urn:curriculumkit:curriculum:1\" id=\"m\"><title>M</title><activities><activity id=\"x\" kind=\"input\" duration=\"PT5M\"><title>X</title></activity></activities></module>\n'
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"protocolMinor":%s,"plugin":{"name":"document-importer","version":"1"},"capabilities":{"import":{"formats":["notes"]}}}}\n' "${MINOR:-3}" ;;
    *'"method":"import"'*)
      item="{\"id\":\"a\",\"kind\":\"input\",\"duration\":\"PT10M\",\"title\":$TITLE,\"develops\":[],\"assesses\":[],\"resources\":[],\"cases\":[],\"steps\":[],\"debrief\":[],\"variants\":[],\"location\":$AT_ITEM}"
      session="{\"id\":\"s1\",\"declaredDays\":1,\"audiences\":[],\"prerequisites\":[],\"translationLanguages\":[],\"title\":{\"text\":\"First session\",\"translations\":[]},\"objectiveRefs\":[],\"preparation\":[],\"materials\":[],\"days\":[{\"number\":1,\"agenda\":[$item]}],\"evaluation\":[],\"location\":$AT_SESSION}"
      model="\"curriculum\":{\"id\":\"notes\",\"title\":{\"text\":\"Notes\",\"translations\":[]},\"language\":\"en\",\"formatVersion\":\"1.0\",\"meta\":{\"funders\":[],\"keywords\":[],\"translationLanguages\":[]},\"audiences\":[],\"objectives\":[],\"resources\":[],\"caseStudies\":[],\"glossary\":[],\"modules\":[],\"sessions\":[$session],\"deliveries\":[]}"
      document="\"document\":\"$DOCUMENT\",\"documentSources\":$SOURCES"
      case "$line" in
        *'/model"'*) content=$model ;;
        *'/module"'*) content="\"document\":\"$MODULE\"" ;;
        *'/broken"'*) content='"document":"<programme"' ;;
        *'/both"'*) content="$model,$document" ;;
        *) content=$document ;;
      esac
      printf '{"jsonrpc":"2.0","id":2,"result":{%s,"diagnostics":[]}}\n' "$content" ;;
  esac
done
