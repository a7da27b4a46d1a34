#!/usr/bin/env python3
"""Writes a pseudo-localised copy of content/: every word a learner reads, with
its ASCII letters swapped for accented look-alikes ("Add contact" -> "Ádď
çöñťáçť"), everything else (ids, section references, placeholders such as
{first_name}, link targets, markdown marks) as it was.

A build from the copy shows whether all the workbook's text comes from content
files: any plain ASCII word still on screen was written in the code
(tests/ui/test_pseudo.cpp walks every page of such a build). A course author
can run it too, to see a translation's reach before writing one.

  pseudo-localize.py CONTENT_DIR OUT_DIR
"""
import json
import os
import re
import shutil
import sys

LOWER = 'áƀçďéƒğĥíĵķľɱñöþǫŕšťüṽŵẋýž'
UPPER = 'ÅƁÇĐÉƑĞĤÍĴĶĽṀÑÖÞǪŔŠŤÜṼŴẊÝŽ'
TABLE = str.maketrans('abcdefghijklmnopqrstuvwxyz' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', LOWER + UPPER)
# Kept as written: {placeholders}, markdown link targets, and URLs.
KEEP = re.compile(r'\{[a-z_]+\}|\]\([^)]*\)|https?://\S+')

# JSON fields that are identifiers, references or settings, not text.
NOT_TEXT = {'id', 'section', 'cite', 'tip', 'kind', 'answer', 'action', 'file', 'required', 'sections',
            'final_quiz', 'scoring', 'version', 'lint_ok', 'period', 'target', 'every_days', 'pass_mark',
            'correct', 'order', 'min', 'max'}
# strings.json values that are settings, not text.
SETTINGS = {'plural.rule', 'number.group'}


def pseudo(text):
    out, at = [], 0
    for m in KEEP.finditer(text):
        out.append(text[at:m.start()].translate(TABLE))
        out.append(m.group(0))
        at = m.end()
    out.append(text[at:].translate(TABLE))
    return ''.join(out)


def walk(value, key=None, top=True):
    if isinstance(value, dict):
        # A quiz's top-level "feedback" is its mode (immediate / on submit), an option's is text.
        return {k: (v if k in NOT_TEXT or (top and k == 'feedback') else walk(v, k, False)) for k, v in value.items()}
    if isinstance(value, list):
        return [walk(v, key, False) for v in value]
    if isinstance(value, str):
        return pseudo(value)
    return value


def markdown(text):
    lines = []
    for line in text.split('\n'):
        # Fences name a block's kind and id (```takeaway, ```reflection r1): kept.
        lines.append(line if line.lstrip().startswith('```') else pseudo(line))
    return '\n'.join(lines)


def main(src, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out)
    for root, _, files in os.walk(out):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, out)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            if name.endswith('.md'):
                if rel.startswith('sections' + os.sep):
                    text = markdown(text)
                else:
                    continue  # README and notes for authors: not shown to learners
            elif name == 'strings.json':
                d = json.loads(text)
                d = {k: (v if k in SETTINGS else walk(v, k, False)) for k, v in d.items()}
                text = json.dumps(d, ensure_ascii=False, indent=2) + '\n'
            elif name.endswith('.json'):
                text = json.dumps(walk(json.loads(text)), ensure_ascii=False, indent=2) + '\n'
            else:
                continue
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
