#!/usr/bin/env python3
"""Builds the zip fixtures of the IMS CC / SCORM import tests into a folder given on the command line.

Good archives: the CC 1.3 course zipped as .imscc (content at the top), and the SCORM 1.2 package zipped with its
folder (the manifest one level down). Hostile archives, each with a valid manifest so that only the archive itself
is wrong: an entry that climbs out of the folder (zip slip), an entry that is a symbolic link to /etc/passwd, and a
decompression bomb (a small entry that inflates to 16 MB of zeros).
"""
import os
import stat
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
MANIFEST = b"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M_hostile" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion></metadata>
  <organizations/>
  <resources/>
</manifest>
"""


def entry(name, mode=0o644):
    info = zipfile.ZipInfo(name, FIXED_DATE)
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def zip_folder(source, target, prefix=""):
    with zipfile.ZipFile(target, "w") as archive:
        for folder, _, files in sorted(os.walk(source)):
            for name in sorted(files):
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, source).replace(os.sep, "/")
                with open(path, "rb") as handle:
                    archive.writestr(entry(prefix + relative), handle.read())


def hostile(target, name, data, mode=0o644):
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(entry("imsmanifest.xml"), MANIFEST)
        archive.writestr(entry(name, mode), data)


def main(out):
    os.makedirs(out, exist_ok=True)
    zip_folder(os.path.join(HERE, "cc13-course"), os.path.join(out, "cc13-course.imscc"))
    zip_folder(
        os.path.join(HERE, "scorm12-early-signs"), os.path.join(out, "scorm12-in-folder.zip"), "early-signs/")
    hostile(os.path.join(out, "zip-slip.imscc"), "../../escaped.txt", b"written outside the folder\n")
    hostile(os.path.join(out, "symlink.imscc"), "handouts/passwd.md", b"/etc/passwd", stat.S_IFLNK | 0o777)
    hostile(os.path.join(out, "bomb.imscc"), "handouts/zeros.md", bytes(16 * 1024 * 1024))


if __name__ == "__main__":
    main(sys.argv[1])
