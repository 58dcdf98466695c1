#!/bin/sh
# A validator that answers in whatever way its first argument names, to show the host checks every answer at run
# time: a handshake with a bad name or a reserved rule code, diagnostics with codes it never declared, empty
# codes, line 0 or negative lines, the core's codes, and a -32022 refusal without data.supported.
MODE="$1"
NAME="answers"
RULES='[{"code":"ANS001","severity":"warning","summary":"A declared rule."}]'
case "$MODE" in
  control-name) NAME='two\nlines' ;;
  reserved-rule) RULES='[{"code":"TIM001","severity":"warning","summary":"Pretends to be the core."}]' ;;
esac
IFS= read -r _line
if [ "$MODE" = "refusal-without-supported" ]; then
  printf '%s\n' '{"jsonrpc":"2.0","id":1,"error":{"code":-32022,"message":"not that version"}}'
  exit 0
fi
printf '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"%s","version":"1.0"},"capabilities":{"validate":{"rules":%s}}}}\n' "$NAME" "$RULES"
IFS= read -r _line
case "$MODE" in
  undeclared) DIAG='{"severity":"warning","code":"ANS999","message":"not declared"}' ;;
  empty-code) DIAG='{"severity":"warning","code":"","message":"no code"}' ;;
  line-zero) DIAG='{"severity":"warning","code":"ANS001","message":"line zero","location":{"path":"mini.xml","line":0,"column":1}}' ;;
  negative-line) DIAG='{"severity":"warning","code":"ANS001","message":"below zero","location":{"path":"mini.xml","line":-4,"column":1}}' ;;
  core-code) DIAG='{"severity":"error","code":"TIM001","message":"looks like the core"}' ;;
  *) DIAG='{"severity":"warning","code":"ANS001","message":"a declared finding","location":{"path":"mini.xml","line":2,"column":1}}' ;;
esac
printf '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[%s]}}\n' "$DIAG"
