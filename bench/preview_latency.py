#!/usr/bin/env python3
"""Time from a saved change in one LIAISE module to `curriculum preview` serving the re-rendered page.

    preview_latency.py BINARY CURRICULA_COPY SAVES

Starts `curriculum preview CURRICULA_COPY/liaise --session s1 --port 0`, then SAVES times changes the title of the
first activity of modules/awareness.xml to a new marker and fetches the facilitator guide until it shows it.
Prints one line: the median and the largest, in milliseconds, and how many html exporter processes the preview
started (1 when one process rendered every save).
"""
import re
import statistics
import subprocess
import sys
import time
import urllib.request

binary, curricula, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
module = f"{curricula}/liaise/modules/awareness.xml"
server = subprocess.Popen(
    [binary, "preview", f"{curricula}/liaise", "--session", "s1", "--port", "0"],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    port = None
    starts = 0
    for line in server.stdout:
        starts += "html exporter started" in line
        match = re.search(r"preview at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    if port is None:
        sys.exit("the preview did not start")
    page = f"http://127.0.0.1:{port}/s1/facilitator-guide.html"
    original = open(module, encoding="utf-8").read()
    title = re.search(r"<activity id=\"a-aw-frame\"[^>]*>\s*<title>([^<]*)<", original).group(1)
    times = []
    for save in range(saves):
        marker = f"{title} [{save}]"
        with open(module, "w", encoding="utf-8") as out:
            out.write(original.replace(f"<title>{title}<", f"<title>{marker}<", 1))
        start = time.monotonic()
        while True:
            body = urllib.request.urlopen(page, timeout=30).read().decode("utf-8")
            if marker in body:
                break
            time.sleep(0.005)
        times.append((time.monotonic() - start) * 1000)
    with open(module, "w", encoding="utf-8") as out:
        out.write(original)
    server.terminate()
    rest, _ = server.communicate()
    starts += rest.count("html exporter started")
    print(f"{statistics.median(times):.0f} {max(times):.0f} {starts}")
finally:
    if server.poll() is None:
        server.terminate()
        server.wait()
