#!/usr/bin/env python3
"""Validates recorded protocol messages (one JSON object per line) against the JSON Schemas in Schemas/protocol/.

usage: check_messages.py SCHEMA_FOLDER FILE.jsonl [--responses-to REQUESTS.jsonl]

Requests and notifications are matched to a schema by their method; responses (with --responses-to) by the method
of the request with the same id. Prints one line per message and exits 1 if any message does not validate."""
import json, os, pathlib, sys
import jsonschema

REQUESTS = {"initialize": "initialize-params", "validate": "validate-params", "import": "import-params",
            "export": "export-params", "$/progress": "notification-progress", "$/log": "notification-log"}
RESULTS = {"initialize": "initialize-result", "validate": "validate-result", "import": "import-result",
           "export": "export-result"}


def validator(folder, name):
    path = pathlib.Path(folder, name + ".schema.json").resolve()
    schema = json.loads(path.read_text())
    cls = jsonschema.validators.validator_for(schema)
    resolver = jsonschema.RefResolver(base_uri=path.as_uri(), referrer=schema)
    return cls(schema, resolver=resolver)


def main(argv):
    folder, messages = argv[1], [json.loads(line) for line in open(argv[2]) if line.strip()]
    # Each plugin process numbers its requests from 1, so the k-th response with id N answers the k-th request
    # with id N.
    pending = {}
    if len(argv) > 4 and argv[3] == "--responses-to":
        for request in (json.loads(l) for l in open(argv[4]) if l.strip()):
            if "id" in request and "method" in request:
                pending.setdefault(request["id"], []).append(request["method"])
    failures = 0
    for message in messages:
        if "method" in message:
            name = REQUESTS.get(message["method"])
        elif "error" in message:
            (pending.get(message.get("id")) or [None]).pop(0)
            name = "error-response"
        else:
            queue = pending.get(message.get("id")) or [None]
            name = RESULTS.get(queue.pop(0))
        if name is None:
            print("unknown message: %s" % json.dumps(message)[:120])
            failures += 1
            continue
        errors = sorted(validator(folder, name).iter_errors(message), key=lambda e: list(e.path))
        for error in errors[:3]:
            print("FAIL %s: %s at %s" % (name, error.message[:200], "/".join(map(str, error.path))))
        failures += bool(errors)
        if not errors:
            print("ok   %s" % name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
