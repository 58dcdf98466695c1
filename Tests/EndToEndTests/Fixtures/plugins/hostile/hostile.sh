#!/bin/sh
# A validator whose words try to act on the terminal (a name with control characters is refused outright, see
# plugins/answers): its description retitles the window, and it logs, reports and writes to standard
# error escape sequences and fake diagnostic lines. Every one of them must be printed escaped. With the option
# {"fail": "yes"} it writes them to standard error and exits 3 while validating, so they end up in the failure report.
NAME='evil'
ESC='\u001b]0;pwned\u0007'
while IFS= read -r line; do
  case "$line" in
    *'"method":"initialize"'*)
      printf '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"%s","version":"6.6\\u001b[2J","description":"%s quietly"},"capabilities":{"validate":{"rules":[{"code":"HOS001","severity":"warning","summary":"Says something hostile."}]}}}}\n' "$NAME" "$ESC" ;;
    *'"fail":"yes"'*)
      printf 'plugin broke\nfake.xml:3:1: error[ERR999]: injected \033]0;pwned\007\n' >&2
      exit 3 ;;
    *'"method":"validate"'*)
      printf '{"jsonrpc":"2.0","method":"$/log","params":{"level":"warning","message":"%s\\nfake.xml:1:1: error[LOG999]: injected"}}\n' "$ESC"
      printf 'stderr \033]0;pwned\007 line\n' >&2
      printf '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"warning","code":"HOS001","message":"said %s\\nfake.xml:2:1: error[MSG999]: injected","hint":"tab\\there\\u009b31m"}]}}\n' "$ESC" ;;
  esac
done
