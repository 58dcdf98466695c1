#!/usr/bin/env python3
"""A well-behaved validator and exporter that appends every line the core sends to $TMPDIR/received.jsonl and
every line it answers to $TMPDIR/sent.jsonl, so tests can check both against the protocol's JSON Schemas."""
import json, os, sys

folder = os.environ.get("TMPDIR", "/tmp")

def send(message):
    line = json.dumps(message)
    with open(os.path.join(folder, "sent.jsonl"), "a") as log:
        log.write(line + "\n")
    sys.stdout.write(line + "\n")
    sys.stdout.flush()

for raw in sys.stdin:
    with open(os.path.join(folder, "received.jsonl"), "a") as log:
        log.write(raw if raw.endswith("\n") else raw + "\n")
    if not raw.strip():
        continue
    message = json.loads(raw)
    method, request_id = message.get("method"), message.get("id")
    if method == "initialize":
        send({"jsonrpc": "2.0", "id": request_id, "result": {
            "protocolVersion": 1, "plugin": {"name": "recorder", "version": "1.0.0"},
            "capabilities": {"validate": {"rules": [{"code": "REC001", "severity": "info", "summary": "recorded"}]},
                             "export": {"formats": ["rec"]}},
            "modelVersions": {"min": "1.0", "max": "1.0"}, "protocolMinor": 1}})
    elif method == "validate":
        send({"jsonrpc": "2.0", "method": "$/progress", "params": {"id": request_id, "done": 1, "total": 1}})
        send({"jsonrpc": "2.0", "method": "$/log", "params": {"level": "info", "message": "recorded"}})
        curriculum = message["params"]["curriculum"]
        send({"jsonrpc": "2.0", "id": request_id, "result": {"diagnostics": [
            {"severity": "info", "code": "REC001", "message": "recorded " + curriculum["id"],
             "location": curriculum.get("location", {"path": "x.xml", "line": 1, "column": 1})}]}})
    elif method == "export":
        send({"jsonrpc": "2.0", "id": request_id, "result": {"artifacts": [
            {"path": "recorded.txt", "mediaType": "text/plain", "text": "recorded\n"}], "diagnostics": []}})
    elif request_id is not None:
        send({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": "unknown method"}})
