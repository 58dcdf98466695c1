#!/usr/bin/python3
"""Prints, as JSON, what a round trip through a cartridge must keep of one session of a curriculum file.

Usage: session_summary.py CURRICULUM.xml SESSION-ID

Reads the curriculum with Python's own XML parser, independently of CurriculumKit: it follows
<include href> elements, resolves <use module= activity=> placements from the modules and expands
<questions-from module=> in instruments. The summary holds the session's ID, its days (number and title),
each agenda item (ID, kind, duration, title) and each evaluation instrument (ID, kind, audience, title)
with its questions (ID, type, graded, text, options, correct options and accepted answers).
"""

import json
import os
import sys
import xml.etree.ElementTree as ET

NS = "urn:curriculumkit:curriculum:1"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def load(path):
    """The root element with every <include href> replaced by the root of the file it names."""
    root = ET.parse(path).getroot()
    folder = os.path.dirname(path)

    def expand(element):
        for index, child in enumerate(list(element)):
            if local(child.tag) == "include" and child.get("href"):
                included = load(os.path.join(folder, child.get("href")))
                element.remove(child)
                element.insert(index, included)
            else:
                expand(child)

    expand(root)
    return root


def children(element, name):
    return [child for child in element if local(child.tag) == name]


def child(element, name):
    found = children(element, name)
    return found[0] if found else None


def text_of(element):
    """The source-language text of a label: its own text, without the <t xml:lang> translations."""
    if element is None:
        return None
    parts = [element.text or ""]
    for sub in element:
        if local(sub.tag) != "t":
            parts.append("".join(sub.itertext()))
        parts.append(sub.tail or "")
    return " ".join("".join(parts).split())


def question(element):
    options = children(element, "option")
    accepted = [text_of(a) for a in children(element, "answer")]
    return {
        "id": element.get("id"),
        "type": element.get("type"),
        "graded": element.get("graded", "yes"),
        "text": text_of(child(element, "text")),
        "options": [text_of(o) for o in options],
        "correct": [i for i, o in enumerate(options) if o.get("correct") == "true"],
        "accepted": accepted,
    }


def summary(path, session_id):
    root = load(path)
    modules = {m.get("id"): m for m in root.iter() if local(m.tag) == "module"}
    activities = {}
    for module in modules.values():
        for activity in module.iter():
            if local(activity.tag) == "activity" and activity.get("id"):
                activities[(module.get("id"), activity.get("id"))] = activity
    session = next(s for s in root.iter() if local(s.tag) == "session" and s.get("id") == session_id)
    days = []
    for day in children(session, "day"):
        items = []
        for entry in child(day, "agenda") or []:
            kind = local(entry.tag)
            if kind == "use":
                source = activities[(entry.get("module"), entry.get("activity"))]
                merged = dict(source.attrib)
                merged.update({k: v for k, v in entry.attrib.items() if k not in ("module", "activity")})
                items.append([merged.get("id"), merged.get("kind"), merged.get("duration"),
                              text_of(child(source, "title"))])
            elif kind == "item":
                items.append([entry.get("id"), entry.get("kind"), entry.get("duration"),
                              text_of(child(entry, "title"))])
        days.append({"n": day.get("n"), "title": text_of(child(day, "title")), "items": items})
    instruments = []
    for instrument in children(child(session, "evaluation") or ET.Element("none"), "instrument"):
        questions = []
        for entry in instrument:
            if local(entry.tag) == "questions-from":
                evaluation = child(modules[entry.get("module")], "evaluation")
                questions += [question(q) for q in children(evaluation, "question")]
            elif local(entry.tag) == "question":
                questions.append(question(entry))
        instruments.append({
            "id": instrument.get("id"), "kind": instrument.get("kind"), "for": instrument.get("for"),
            "title": text_of(child(instrument, "title")), "questions": questions,
        })
    return {"session": session.get("id"), "days": days, "instruments": instruments}


if __name__ == "__main__":
    print(json.dumps(summary(sys.argv[1], sys.argv[2]), indent=1, ensure_ascii=False, sort_keys=True))
