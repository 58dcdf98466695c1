# Shared by the fault fixtures: each is a small plugin that misbehaves in one way.
INIT='{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"fault","version":"0.0.1"},"capabilities":{"validate":{"rules":[]}}}}'
record_pid() { echo "$$" > "${TMPDIR:-/tmp}/fault.pid"; }
answer_initialize() { IFS= read -r _line; printf '%s\n' "$INIT"; }
read_request() { IFS= read -r _line; }
