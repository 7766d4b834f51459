#!/usr/bin/env python3
"""Adds or replaces UI strings in both languages at once, keeping the two resource files sorted and in step.

usage: scripts/resx.py KEY "English text" "中文文本" [KEY EN ZH ...]
"""
import fcntl
import os
import re
import sys
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ForumManager.Features", "Resources")
FILES = {"en": "SharedResource.resx", "zh": "SharedResource.zh-Hans.resx"}
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>.*?</value></data>\n', re.S)


def update(path, values):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    entries = {m.group(1): m.group(0) for m in ENTRY.finditer(text)}
    start = ENTRY.search(text).start()
    head, tail = text[:start], "</root>\n"
    for key, value in values.items():
        entries[key] = f'  <data name="{key}" xml:space="preserve"><value>{escape(value)}</value></data>\n'
    body = "".join(entries[k] for k in sorted(entries))
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + body + tail)


def main(args):
    if not args or len(args) % 3:
        sys.exit(__doc__)
    triples = [args[i:i + 3] for i in range(0, len(args), 3)]
    with open(os.path.join(ROOT, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        update(os.path.join(ROOT, FILES["en"]), {k: en for k, en, _ in triples})
        update(os.path.join(ROOT, FILES["zh"]), {k: zh for k, _, zh in triples})


if __name__ == "__main__":
    main(sys.argv[1:])
