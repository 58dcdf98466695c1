#!/usr/bin/env python3
"""Runs a command and prints the peak of the summed resident memory of it and all its descendants, in KB.

GNU time's %M is the largest single process; a browser is a dozen processes, so the PDF bench sums the tree
(sampled every 50 ms, so a process that lives less than that can be missed). Usage: tree_peak.py OUT CMD...
The command's exit status is returned; the peak (KB) is written to the file OUT.
"""
import os
import subprocess
import sys
import time


def tree_rss_kb(root):
    children = {}
    rss = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{name}/statm") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid, ppid = int(name), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main():
    out, command = sys.argv[1], sys.argv[2:]
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.05)
    with open(out, "w") as handle:
        handle.write(f"{peak}\n")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
