#!/usr/bin/env python3
"""How long `curriculum validate --watch` takes to validate a large corpus again after one file is saved.

    watch_latency.py BINARY CORPUS_COPY SAVES

Starts `curriculum validate --watch CORPUS_COPY`, waits for the first full validation, then SAVES times changes
the title of a module in the middle of the corpus (the file stays valid) and waits for the line the watch prints
after validating again ("validated again in X ms: ..."). Prints one line: the first full validation in ms, the
median re-validation in ms (as the command measures it: from the change being seen to the findings), the median
from the save to that line in ms (which adds the time until the watcher lists the folders again), and the number
of files parsed by the last re-validation.
"""
import glob
import queue
import re
import statistics
import subprocess
import sys
import threading
import time

binary, corpus, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
modules = sorted(glob.glob(f"{corpus}/*/modules/*.xml"))
if not modules:
    sys.exit(f"no modules under {corpus}")
module = modules[len(modules) // 2]
watch = subprocess.Popen(
    [binary, "validate", "--watch", corpus],
    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put(line) for line in watch.stderr], daemon=True).start()


def next_timing(prefix):
    while True:
        line = lines.get(timeout=120)
        match = re.match(prefix + r" in ([0-9.]+) ms: (.*)", line)
        if match:
            return float(match.group(1)), match.group(2)


try:
    first, _ = next_timing("validated")
    time.sleep(0.5)
    original = open(module, encoding="utf-8").read()
    title = re.search(r"<title>([^<]*)<", original).group(1)
    again, waited, detail = [], [], ""
    for save in range(saves):
        with open(module, "w", encoding="utf-8") as out:
            out.write(original.replace(f"<title>{title}<", f"<title>{title} [{save}]<", 1))
        start = time.monotonic()
        ms, detail = next_timing("validated again")
        waited.append((time.monotonic() - start) * 1000)
        again.append(ms)
        time.sleep(0.3)
    with open(module, "w", encoding="utf-8") as out:
        out.write(original)
    parsed = re.search(r"(\d+) files? parsed", detail)
    print(f"{first:.0f} {statistics.median(again):.1f} {statistics.median(waited):.0f} {parsed.group(1) if parsed else '?'}")
finally:
    watch.terminate()
    watch.wait()
