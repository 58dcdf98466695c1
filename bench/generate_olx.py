#!/usr/bin/env python3
"""Writes an Open edX course (OLX) of a given number of units, deterministically, for `make bench`.

Layout as Studio exports it: course.xml -> course/<run>.xml -> chapter/ -> sequential/ -> vertical/ -> html/, video/,
problem/ components in pointer form, with HTML pages, recorded video lengths, and a static handout. Writes the folder
and a .tar.gz of it beside it.
"""
import argparse
import os
import random
import shutil
import tarfile

WORDS = ("prevention local partners school youth police social services referral concern risk network "
         "trust protocol family community mayor coordinator meeting case information sharing consent "
         "neighbourhood training evaluation practice city council early signs support").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="folder to create (replaced if it exists)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = args.out
    shutil.rmtree(root, ignore_errors=True)
    chapters, sequentials = 20, 5
    per_sequential = max(1, -(-args.units // (chapters * sequentials)))
    write(f"{root}/course.xml", '<course url_name="bench" org="BENCH" course="OLX1000"/>\n')
    write(f"{root}/static/handout.pdf", "handout\n")
    chapter_refs, unit = [], 0
    for c in range(chapters):
        sequential_refs = []
        for s in range(sequentials):
            vertical_refs = []
            for _ in range(per_sequential):
                if unit >= args.units:
                    break
                name = f"u{unit:05d}"
                components = [f'  <html url_name="{name}-text"/>']
                write(f"{root}/html/{name}-text.xml", f'<html filename="{name}-text" display_name="Text {unit}"/>\n')
                paragraphs = "\n".join(f"<p>{sentence(rng, rng.randint(12, 40))}</p>" for _ in range(rng.randint(2, 6)))
                link = '<p>See the <a href="/static/handout.pdf">handout</a>.</p>' if unit % 7 == 0 else ""
                write(f"{root}/html/{name}-text.html", f"<h3>{sentence(rng, 4)}</h3>\n{paragraphs}\n{link}\n")
                if unit % 5 == 0:
                    components.append(f'  <video url_name="{name}-video"/>')
                    write(f"{root}/video/{name}-video.xml",
                          f'<video display_name="Video {unit}" youtube_id_1_0="vid{unit:05d}xyz" sub="s{unit}">\n'
                          f'  <video_asset client_video_id="{name}.mp4" duration="{rng.randint(60, 900)}.0"/>\n</video>\n')
                write(f"{root}/vertical/{name}.xml",
                      f'<vertical display_name="Unit {unit}: {sentence(rng, 3)[:-1]}">\n' + "\n".join(components) + "\n</vertical>\n")
                vertical_refs.append(f'  <vertical url_name="{name}"/>')
                unit += 1
            if not vertical_refs:
                continue
            seq = f"c{c:02d}s{s}"
            write(f"{root}/sequential/{seq}.xml",
                  f'<sequential display_name="Subsection {c}.{s}">\n' + "\n".join(vertical_refs) + "\n</sequential>\n")
            sequential_refs.append(f'  <sequential url_name="{seq}"/>')
        if sequential_refs:
            write(f"{root}/chapter/c{c:02d}.xml",
                  f'<chapter display_name="Week {c + 1}">\n' + "\n".join(sequential_refs) + "\n</chapter>\n")
            chapter_refs.append(f'  <chapter url_name="c{c:02d}"/>')
    write(f"{root}/course/bench.xml",
          '<course display_name="Generated OLX course" language="en">\n' + "\n".join(chapter_refs) + "\n</course>\n")
    with tarfile.open(root.rstrip("/") + ".tar.gz", "w:gz") as archive:
        archive.add(root, arcname="course")
    print(f"{unit} units in {root} and {root.rstrip('/')}.tar.gz")


if __name__ == "__main__":
    main()
