#!/usr/bin/env python3
"""Checks an IMS Common Cartridge 1.1 package (.imscc) the way Moodle's importer and the CC 1.1 schemas see it.

Usage: check_imscc.py CARTRIDGE.imscc XSD_FOLDER [--lms moodle|canvas|openedx]

XSD_FOLDER holds the CC 1.1 schemas (entry point ccv1p1_imscp_v1p2_v1p0.xsd, plus the QTI and web link
schemas). Standard library only, plus `xmllint` (libxml2) on PATH. Prints what failed and exits 1, or prints a
one-line summary and exits 0. --lms names the platform the cartridge was shaped for (moodle by default).

Checks:
  zip       imsmanifest.xml is the first entry; no entry name is absolute, has a backslash, a '..' or '.' segment,
            an empty segment or a control character; no two entries share a name, even ignoring case; no other
            entry is named imsmanifest.xml (Moodle takes the first one it finds at any depth)
  sniff     the CC 1.1 namespace appears in the first 500 bytes of the manifest, as the default namespace
            (Moodle lower-cases those bytes, drops whitespace and quotes, and looks for xmlns=<namespace>)
  schema    xmllint --nonet validates the manifest against the CC 1.1 XSDs, and every other XML file against the
            schema of its resource type (QTI 1.2.1 assessments, web links); an XML file of another type fails
  moodle    what Moodle's CC 1.1 importer reads: the root item's children become the course sections, so each is
            a grouping item; the first (section 0) is "About this session" and shows a page; every resource type
            is one Moodle maps (webcontent, imswl_xmlv1p1, QTI assessment), and a true/false quiz item has the
            labels true and false Moodle requires; a grouping item last holds the one
            Instructor resource (Moodle hides it); pages are body-only fragments (no <html>, <body> or <h1>)
  openedx   (with --lms openedx) every day is day -> part of day -> unit -> leaf, as cc2olx makes chapter ->
            subsection -> unit, and there is no Instructor resource (cc2olx ignores roles)
  ids       every identifier in the manifest is unique, the manifest's included
  closure   every <file href> and resource href names an entry of the zip, every entry other than the manifest is
            some <file href>, a resource's href is one of its own files, and every identifierref resolves; also
            the embedded Schematron rules XSD validators skip: no resource depends on itself or lists a
            dependency or a file twice (7a, 7b, 9a, 10), and an item that links to a resource has no children (8b)
  roles     exactly one resource is marked for the Instructor role (resource LOM intendedEndUserRole, as Moodle
            reads it); its files are under instructor/; only an item under the last section refers to it and
            no other resource does; no participant page links to any of its files, and their relative links
            and $IMS-CC-FILEBASE$ links (the token stands for web_resources/) resolve
"""
import html.parser
import os
import posixpath
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
ENTRY_XSD = "ccv1p1_imscp_v1p2_v1p0.xsd"
QTI_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA_OF_TYPE = {QTI_TYPE: "ccv1p1_qtiasiv1p2p1_v1p0.xsd", "imswl_xmlv1p1": "ccv1p1_imswl_v1p1.xsd"}
MOODLE_TYPES = {"webcontent", "imswl_xmlv1p1", QTI_TYPE, "imsdt_xmlv1p1"}
FILEBASE = "$IMS-CC-FILEBASE$/"
MANIFEST = "imsmanifest.xml"


def q(name, ns=CP):
    return "{%s}%s" % (ns, name)


class Links(html.parser.HTMLParser):
    """Collects href and src values of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def entry_problem(name):
    if name.startswith("/"):
        return "is absolute"
    if "\\" in name:
        return "has a backslash"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        return "has a control character"
    if len(name) >= 2 and name[1] == ":":
        return "starts with a drive letter"
    segments = name.rstrip("/").split("/")
    if ".." in segments:
        return "has a '..' segment"
    if "." in segments:
        return "has a '.' segment"
    if "" in segments:
        return "has an empty segment"
    return None


def href_path(href):
    """The zip entry a manifest href names (hrefs are URIs: percent-decoded, no query or fragment)."""
    return urllib.parse.unquote(urllib.parse.urlsplit(href).path)


def lint_file(path, xsd, folder, fail, what):
    try:
        run = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd, path], capture_output=True, text=True)
        output = (run.stdout + run.stderr).strip()
        if run.returncode != 0 or not output.endswith("validates"):
            fail("schema: %s: xmllint exit %d: %s" % (what, run.returncode, output.replace(folder + os.sep, "")))
    except OSError as error:
        fail("schema: cannot run xmllint: %s" % error)


def check_quiz(full_path, path, fail):
    """Moodle's quiz import refuses a true/false item whose labels are not identified true and false."""
    try:
        root = ET.parse(full_path).getroot()
    except ET.ParseError as error:
        fail("moodle: %s is not well-formed: %s" % (path, error))
        return
    for item in root.iter(q("item", QTI)):
        fields = {f.findtext(q("fieldlabel", QTI)): f.findtext(q("fieldentry", QTI))
                  for f in item.iter(q("qtimetadatafield", QTI))}
        if fields.get("cc_profile") == "cc.multiple_response.v0p1":
            # Moodle takes as right answers only the varequals marked case="Yes" of the condition that sets the
            # score to 100, those under a not left out; without one the question arrives with no right answer.
            for condition in item.iter(q("respcondition", QTI)):
                if condition.findtext(q("setvar", QTI), "").strip() != "100":
                    continue
                negated = {id(v) for n in condition.iter(q("not", QTI)) for v in n.iter(q("varequal", QTI))}
                right = [v for v in condition.iter(q("varequal", QTI)) if v.get("case") == "Yes" and id(v) not in negated]
                if not right:
                    fail("moodle: multiple-response item %s of %s scores no varequal marked case=\"Yes\", so Moodle "
                         "finds no right answer" % (item.get("ident"), path))
        if fields.get("cc_profile") == "cc.true_false.v0p1":
            labels = sorted(label.get("ident") for label in item.iter(q("response_label", QTI)))
            if labels != ["false", "true"]:
                fail("moodle: true/false item %s of %s has labels %s, not true and false" % (item.get("ident"), path, labels))
            # Moodle shows its own words True and False for the labels, so an option that reads the other word
            # under a label would turn the answer key round.
            for label in item.iter(q("response_label", QTI)):
                words = " ".join("".join(label.itertext()).split()).lower()
                other = {"true": ("false", "faux"), "false": ("true", "vrai")}.get(label.get("ident"), ())
                if words in other:
                    fail("moodle: true/false item %s of %s shows \"%s\" under the label %s"
                         % (item.get("ident"), path, words, label.get("ident")))


def check(cartridge, xsd_folder, lms="moodle"):
    failures = []
    fail = failures.append

    try:
        archive = zipfile.ZipFile(cartridge)
    except (OSError, zipfile.BadZipFile) as error:
        return ["zip: cannot open %s: %s" % (cartridge, error)], None
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if not names:
            return ["zip: the archive is empty"], None
        if names[0] != MANIFEST:
            fail("zip: the first entry is %r, not %s" % (names[0], MANIFEST))
        seen = {}
        for name in names:
            problem = entry_problem(name)
            if problem:
                fail("zip: entry %r %s" % (name, problem))
            key = name.lower()
            if key in seen:
                fail("zip: entries %r and %r collide (same name ignoring case)" % (seen[key], name))
            seen[key] = name
            if name != MANIFEST and posixpath.basename(name.rstrip("/")).lower() == MANIFEST:
                fail("zip: another entry is named imsmanifest.xml: %r" % name)
        files = [info.filename for info in infos if not info.is_dir()]
        if MANIFEST not in files:
            fail("zip: there is no %s at the root" % MANIFEST)
            return failures, None
        if any(entry_problem(name) for name in names):
            return failures, None       # never unpack an archive with unsafe names

        with tempfile.TemporaryDirectory(prefix="check-imscc-") as folder:
            archive.extractall(folder)
            manifest_path = os.path.join(folder, MANIFEST)
            with open(manifest_path, "rb") as handle:
                head = handle.read(500)
            sniff = "".join(head.decode("utf-8", "replace").lower().split()).replace('"', "").replace("'", "")
            if CP.encode() not in head:
                fail("sniff: the namespace %s is not in the first 500 bytes of the manifest" % CP)
            elif "xmlns=" + CP not in sniff:
                fail("sniff: the first 500 bytes do not declare %s as the default namespace (Moodle looks for "
                     "xmlns=\"%s\")" % (CP, CP))

            xsd = os.path.join(xsd_folder, ENTRY_XSD)
            try:
                lint = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd, manifest_path],
                                      capture_output=True, text=True)
                output = (lint.stdout + lint.stderr).strip()
                if lint.returncode != 0 or not output.endswith("validates"):
                    fail("schema: xmllint exit %d: %s" % (lint.returncode, output.replace(folder + os.sep, "")))
            except OSError as error:
                fail("schema: cannot run xmllint: %s" % error)

            try:
                root = ET.parse(manifest_path).getroot()
            except ET.ParseError as error:
                fail("manifest: not well-formed: %s" % error)
                return failures, None

            summary = check_manifest(root, files, folder, fail, lms)
            for resource in root.iter(q("resource")):
                kind = resource.get("type")
                for file_element in resource.findall(q("file")):
                    path = href_path(file_element.get("href", ""))
                    if not path.endswith(".xml") or path not in files:
                        continue
                    if kind not in SCHEMA_OF_TYPE:
                        fail("schema: %s of a %s resource has no schema to check it" % (path, kind))
                        continue
                    lint_file(os.path.join(folder, *path.split("/")), os.path.join(xsd_folder, SCHEMA_OF_TYPE[kind]),
                         folder, fail, path)
                    if kind == QTI_TYPE:
                        check_quiz(os.path.join(folder, *path.split("/")), path, fail)
    return failures, summary


def check_manifest(root, files, folder, fail, lms):
    if root.tag != q("manifest"):
        fail("manifest: the root element is %s, not {%s}manifest" % (root.tag, CP))
        return None

    # ids: every identifier unique.
    identifiers = {}
    for element in root.iter():
        ident = element.get("identifier")
        if ident is None:
            continue
        if ident in identifiers:
            fail("ids: identifier %r is used twice" % ident)
        identifiers[ident] = element
    if not root.get("identifier"):
        fail("ids: the manifest has no identifier")

    # closure: hrefs and entries.
    resources = {r.get("identifier"): r for r in root.iter(q("resource"))}
    files_of = {}
    referenced = set()
    for ident, resource in resources.items():
        own = []
        for file_element in resource.findall(q("file")):
            href = file_element.get("href", "")
            path = href_path(href)
            own.append(path)
            referenced.add(path)
            if entry_problem(path):
                fail("closure: <file href=%r> of %s %s" % (href, ident, entry_problem(path)))
            elif path not in files:
                fail("closure: <file href=%r> of resource %s is not in the zip" % (href, ident))
        files_of[ident] = own
        if len(own) != len(set(own)):
            fail("closure: resource %s lists a file twice" % ident)
        if resource.get("href") is not None:
            path = href_path(resource.get("href"))
            if path not in own:
                fail("closure: resource %s has href %r but no <file> with it" % (ident, resource.get("href")))
            if path not in files:
                fail("closure: href %r of resource %s is not in the zip" % (resource.get("href"), ident))
        targets = [d.get("identifierref") for d in resource.findall(q("dependency"))]
        if len(targets) != len(set(targets)):
            fail("closure: resource %s lists a dependency twice" % ident)
        for dependency in resource.findall(q("dependency")):
            target = dependency.get("identifierref")
            if target not in resources:
                fail("closure: resource %s depends on %r, which is not a resource" % (ident, target))
            if target == ident:
                fail("closure: resource %s depends on itself" % ident)
    for name in files:
        if name != MANIFEST and name not in referenced:
            fail("closure: zip entry %r is not listed by any <file href>" % name)

    organizations = root.findall(q("organizations") + "/" + q("organization"))
    items = [item for org in organizations for item in org.iter(q("item"))]
    for item in items:
        target = item.get("identifierref")
        if target is not None and target not in resources:
            fail("closure: item %s refers to %r, which is not a resource" % (item.get("identifier"), target))
        if target is not None and item.find(q("item")) is not None:
            fail("closure: item %s links to a resource and also has child items" % item.get("identifier"))

    # roles: exactly one Instructor resource, reachable from nothing participants see.
    # Moodle hides the activity of a resource whose intendedEndUserRole is Instructor or Mentor.
    instructor = []
    for ident, resource in resources.items():
        role_values = [v.text.strip() for role in resource.iter(q("intendedEndUserRole", LOM_RESOURCE))
                       for v in role.findall(q("value", LOM_RESOURCE)) if v.text]
        if any(value.lower() in ("instructor", "mentor") for value in role_values):
            instructor.append(ident)
            if "Instructor" not in role_values:
                fail("roles: resource %s is marked for %s, not Instructor" % (ident, "/".join(role_values)))
    expected = 0 if lms == "openedx" else 1
    if len(instructor) != expected:
        fail("roles: %d resources are marked for the Instructor (or Mentor) role (%s); expected %d"
             % (len(instructor), ", ".join(instructor) or "none", expected))
    org_root = None
    if organizations:
        top_items = organizations[0].findall(q("item"))
        org_root = top_items[0] if len(top_items) == 1 else None
        if org_root is None:
            fail("moodle: the organization has %d top items, not one root item" % len(top_items))
    sections = org_root.findall(q("item")) if org_root is not None else []
    facilitator_section = sections[-1] if sections and instructor else None
    allowed_guide_items = set(id(i) for i in facilitator_section.iter(q("item"))) if facilitator_section is not None else set()
    hidden_files = set()
    for ident in instructor:
        hidden_files.update(files_of.get(ident, []))
        for path in files_of.get(ident, []):
            if not path.startswith("instructor/"):
                fail("roles: file %r of instructor resource %s is not under instructor/" % (path, ident))
        for item in items:
            if item.get("identifierref") == ident and id(item) not in allowed_guide_items:
                fail("roles: item %s outside the last section links to instructor resource %s"
                     % (item.get("identifier"), ident))
        for other, resource in resources.items():
            if other not in instructor and any(d.get("identifierref") == ident
                                               for d in resource.findall(q("dependency"))):
                fail("roles: resource %s depends on instructor resource %s" % (other, ident))
    for other, paths in files_of.items():
        if other not in instructor:
            for path in paths:
                if path.startswith("instructor/") or path in hidden_files:
                    fail("roles: participant resource %s lists instructor file %r" % (other, path))

    # moodle: sections, section 0, resource types, pages as fragments.
    for index, section in enumerate(sections):
        if section.get("identifierref") is not None:
            fail("moodle: section item %s shows a resource; Moodle makes a section of each child of the root item, "
                 "so it should only group" % section.get("identifier"))
    if sections:
        first = sections[0].find(q("item"))
        first_resource = resources.get(first.get("identifierref")) if first is not None else None
        if first_resource is None or first_resource.get("type") != "webcontent":
            fail("moodle: section 0 (%s) does not start with a page" % sections[0].get("identifier"))
    for ident, resource in resources.items():
        if resource.get("type") not in MOODLE_TYPES:
            fail("moodle: resource %s has type %r, which Moodle does not import" % (ident, resource.get("type")))
    if facilitator_section is not None:
        guide_items = [i for i in facilitator_section.iter(q("item")) if i.get("identifierref") in instructor]
        if not guide_items:
            fail("moodle: the last section holds no item of the instructor resource")
    for path in files:
        if path.lower().endswith(".html"):
            with open(os.path.join(folder, *path.split("/")), encoding="utf-8", errors="replace") as handle:
                text = handle.read().lower()
            for tag in ("<html", "<body", "<h1", "<!doctype"):
                if tag in text:
                    fail("moodle: page %s is not a body-only fragment: it has %s" % (path, tag))

    if lms == "openedx":
        for day in sections[1:]:
            for part in day.findall(q("item")):
                units = part.findall(q("item"))
                if part.get("identifierref") is not None or not units:
                    fail("openedx: %s below day %s is not a part of the day" % (part.get("identifier"), day.get("identifier")))
                for unit in units:
                    leaves = unit.findall(q("item"))
                    if unit.get("identifierref") is not None or not leaves or any(l.find(q("item")) is not None for l in leaves):
                        fail("openedx: %s is not a unit of leaf items" % unit.get("identifier"))

    # Pages participants reach: the resources items link to, and what those depend on.
    reachable, stack = set(), [item.get("identifierref") for item in items if item.get("identifierref")]
    while stack:
        ident = stack.pop()
        if ident in reachable or ident not in resources or ident in instructor:
            continue
        reachable.add(ident)
        stack.extend(d.get("identifierref") for d in resources[ident].findall(q("dependency")))
    pages = 0
    for ident in sorted(reachable):
        for path in files_of.get(ident, []):
            if not path.lower().endswith((".html", ".htm", ".xhtml")) or path not in files:
                continue
            pages += 1
            parser = Links()
            with open(os.path.join(folder, *path.split("/")), encoding="utf-8", errors="replace") as handle:
                parser.feed(handle.read())
            for link in parser.links:
                if link.startswith(FILEBASE):
                    # Canvas and cc2olx replace the token with where they stored web_resources/.
                    target = "web_resources/" + urllib.parse.unquote(link[len(FILEBASE):])
                    if target in hidden_files or target.startswith("instructor/"):
                        fail("roles: participant page %s links to instructor file %r" % (path, target))
                    elif target not in files:
                        fail("closure: participant page %s links to %r, which is not in the zip" % (path, link))
                    continue
                parts = urllib.parse.urlsplit(link)
                if parts.scheme or parts.netloc or not parts.path:
                    continue        # web links, mailto:, #anchors
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), urllib.parse.unquote(parts.path)))
                if target in hidden_files or target.startswith("instructor/"):
                    fail("roles: participant page %s links to instructor file %r" % (path, target))
                elif target.startswith("../") or target not in files:
                    fail("closure: participant page %s links to %r, which is not in the zip" % (path, link))

    # Moodle imports each page on its own and fails to carry its links to other HTML files of the package ("error
    # migrating file"), the facilitator guide's included; links to other files (PDF, images) and anchors survive.
    if lms == "moodle":
        for ident, resource in sorted(resources.items()):
            path = resource.get("href") or ""
            if not path.lower().endswith((".html", ".htm")) or path not in files:
                continue
            parser = Links()
            with open(os.path.join(folder, *path.split("/")), encoding="utf-8", errors="replace") as handle:
                parser.feed(handle.read())
            for link in parser.links:
                parts = urllib.parse.urlsplit(link)
                if parts.scheme or parts.netloc or not parts.path or link.startswith(FILEBASE):
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), urllib.parse.unquote(parts.path)))
                if target.lower().endswith((".html", ".htm")) and target in files:
                    fail("moodle: page %s links to the HTML file %r, which Moodle's importer cannot migrate"
                         % (path, target))

    return "%d entries, %d resources, %d items, %d participant pages; instructor resource: %s" % (
        len(files), len(resources), len(items), pages, ", ".join(instructor) or "none")


def main(argv):
    lms = "moodle"
    if len(argv) == 5 and argv[3] == "--lms":
        lms = argv[4]
        argv = argv[:3]
    if len(argv) != 3:
        sys.stderr.write("usage: check_imscc.py CARTRIDGE.imscc XSD_FOLDER [--lms moodle|canvas|openedx]\n")
        return 2
    failures, summary = check(argv[1], argv[2], lms)
    if failures:
        print("%s: %d problem(s)" % (argv[1], len(failures)))
        for failure in failures:
            print("  " + failure)
        return 1
    print("%s: ok (%s)" % (argv[1], summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
