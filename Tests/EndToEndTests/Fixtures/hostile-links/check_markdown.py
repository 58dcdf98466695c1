#!/usr/bin/env python3
"""Renders a Markdown file with a CommonMark renderer that passes raw HTML through (markdown-it-py, the
`commonmark` preset with tables on) and checks that the result holds no markup the text did not ask for.

Usage: check_markdown.py FILE.md

Fails (exit 1, naming each problem) when the HTML has an element other than headings, paragraphs, emphasis,
lists, quotes, tables and links; any attribute other than a link's href; or an href that is not http(s) or mailto.
Otherwise prints each link's href, one a line, and exits 0.
"""
import html.parser
import sys

import markdown_it

ALLOWED = {"h1", "h2", "h3", "p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "br", "hr",
           "table", "thead", "tbody", "tr", "th", "td"}


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.problems.append(f"element <{tag}> {attrs}")
        for name, value in attrs:
            if tag == "a" and name == "href":
                self.links.append(value)
                if not value.lower().startswith(("https://", "http://", "mailto:")):
                    self.problems.append(f"link to {value!r}")
            elif not (tag in ("th", "td") and name == "style"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    checker = Checker()
    checker.feed(rendered)
    checker.close()
    if checker.problems:
        print("\n".join(checker.problems))
        print("--- rendered HTML ---\n" + rendered)
        return 1
    print("\n".join(checker.links))
    return 0


if __name__ == "__main__":
    sys.exit(main())
