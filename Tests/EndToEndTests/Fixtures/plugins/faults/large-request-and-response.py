#!/usr/bin/env python3
"""Reads a large request and writes a large response while the host is still writing: tests concurrent draining."""
import json, os, sys
open(os.path.join(os.environ.get("TMPDIR", "/tmp"), "fault.pid"), "w").write(str(os.getpid()))
out = sys.stdout
init = sys.stdin.readline()
out.write(json.dumps({"jsonrpc": "2.0", "id": 1, "result": {"protocolVersion": 1, "plugin": {"name": "large", "version": "1"}, "capabilities": {"validate": {"rules": [{"code": "BIG001", "severity": "info", "summary": "Says something long."}]}}}}) + "\n")
out.flush()
# Start answering before reading the request, so both pipes are full at once.
diagnostics = [{"severity": "info", "code": "BIG001", "message": "note %d %s" % (i, "x" * 200)} for i in range(20000)]
body = json.dumps({"jsonrpc": "2.0", "id": 2, "result": {"diagnostics": diagnostics}})
out.write(body[: len(body) // 2])
out.flush()
request = json.loads(sys.stdin.readline())
sys.stderr.write("request bytes read: %d\n" % len(json.dumps(request)))
out.write(body[len(body) // 2:] + "\n")
out.flush()
