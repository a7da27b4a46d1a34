#!/usr/bin/env python3
"""Writes the contacts table's search and sort key table (C++) from the Unicode
Character Database, at build time (never committed: the data is Unicode's).

  gen-unicode-key.py UCD_DIR OUT.inc

For each code point whose key differs from itself, the key is:
  NFKD (UnicodeData.txt decompositions, compatibility ones too), then full case
  folding (CaseFolding.txt, statuses C and F), repeated until nothing changes;
  default ignorables removed (those NFKC_Casefold maps to nothing,
  DerivedNormalizationProps.txt); katakana folded to hiragana (so the two kana
  sort and match together); Latin letters that carry a mark without decomposing
  (o with stroke, d with stroke, l with stroke, dotless i...) to their base letter,
  so they match and sort as their letter, as accented letters do. The runtime
  (src/core/unicode_key.cpp) drops the generic combining diacritics from the
  primary key; this table keeps them so ties can be broken by them.

The output is a function that hands the table to a sink in calls, not an array:
an array is a data segment, which stays in the first download, while a function
defined in unicode_key.cpp moves to the planner's deferred module with its callers.
"""
import re
import sys

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3  # syllables stay composed (their NFC form)
# Compatibility decompositions left out: circled and squared symbols and Arabic
# presentation forms (a letter's joined shape) are not what names are typed with,
# and they were a quarter of the table.
SHAPES = {'<circle>', '<square>', '<initial>', '<medial>', '<final>', '<isolated>'}


def read(ucd):
    decomp, names = {}, {}
    first = None
    for line in open(f'{ucd}/UnicodeData.txt', encoding='utf-8'):
        f = line.split(';')
        cp = int(f[0], 16)
        names[cp] = f[1]
        if f[5]:
            d = f[5].split()
            if d[0] in SHAPES:
                continue
            if d[0].startswith('<'):
                d = d[1:]
            decomp[cp] = [int(x, 16) for x in d]
    fold = {}
    for line in open(f'{ucd}/CaseFolding.txt', encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        code, status, mapping = [x.strip() for x in line.split(';')[:3]]
        if status in ('C', 'F'):
            fold[int(code, 16)] = [int(x, 16) for x in mapping.split()]
    ignorable = set()
    for line in open(f'{ucd}/DerivedNormalizationProps.txt', encoding='utf-8'):
        m = re.match(r'([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*; NFKC_CF;\s*(#|$)', line)
        if m:
            lo = int(m.group(1), 16)
            hi = int(m.group(2), 16) if m.group(2) else lo
            ignorable.update(range(lo, hi + 1))
    return decomp, names, fold, ignorable


def main(ucd, out):
    decomp, names, fold, ignorable = read(ucd)
    base = {}
    for cp, name in names.items():
        m = re.match(r'LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH ', name)
        if m and cp not in decomp:
            base[cp] = [ord(m.group(2).lower())]
        elif name in ('LATIN SMALL LETTER DOTLESS I',):
            base[cp] = [ord('i')]
    base[0xE6] = [ord('a'), ord('e')]   # ae and oe: the two letters, as English sorts them
    base[0x153] = [ord('o'), ord('e')]

    def step(seq):
        out = []
        for c in seq:
            if c in ignorable:
                continue
            if HANGUL_FIRST <= c <= HANGUL_LAST:
                out.append(c)
            elif c in decomp:
                out.extend(decomp[c])
            elif c in fold:
                out.extend(fold[c])
            elif c in base:
                out.extend(base[c])
            elif 0x30A1 <= c <= 0x30F6:  # katakana -> hiragana
                out.append(c - 0x60)
            else:
                out.append(c)
        return out

    def key(cp):
        seq = [cp]
        for _ in range(10):
            nxt = step(seq)
            if nxt == seq:
                return seq
            seq = nxt
        raise SystemExit(f'gen-unicode-key: U+{cp:04X} does not settle')

    candidates = set(decomp) | set(fold) | set(base) | ignorable | set(range(0x30A1, 0x30F7))
    mapping = {}
    for cp in sorted(candidates):
        k = key(cp)
        if k != [cp]:
            mapping[cp] = k
    # Every output must be its own key, or a key would change when folded again.
    for k in mapping.values():
        for c in k:
            assert c not in mapping, f'U+{c:04X} in a key is not settled'

    # Records as words: [start | len << 21 | kind << 26], then
    #   kind 0: len outputs                       (one code point)
    #   kind 1: count, first output (len == 1)    (start + i -> first + i)
    #   kind 2: count, len outputs                (start + i -> the same outputs)
    words = []
    cps = sorted(mapping)
    i = 0
    while i < len(cps):
        cp, k = cps[i], mapping[cps[i]]
        n = 1
        if len(k) == 1:
            while i + n < len(cps) and cps[i + n] == cp + n and mapping[cps[i + n]] == [k[0] + n]:
                n += 1
            if n > 2:
                words += [cp | 1 << 21 | 1 << 26, n, k[0]]
                i += n
                continue
        n = 1
        while i + n < len(cps) and cps[i + n] == cp + n and mapping[cps[i + n]] == k:
            n += 1
        if n > 2:
            words += [cp | len(k) << 21 | 2 << 26, n] + k
            i += n
            continue
        assert len(k) < 32
        words += [cp | len(k) << 21] + k
        i += 1
    while len(words) % 4:
        words.append(0xFFFFFFFF)  # padding, never a record (kind 63)

    with open(out, 'w', encoding='utf-8') as f:
        f.write('// Generated by scripts/gen-unicode-key.py from the Unicode Character Database. Do not edit.\n')
        f.write(f'// {len(mapping)} code points, {len(words)} words.\n')
        f.write(f'constexpr unsigned kKeyTableWords = {len(words)};\n')
        f.write('void KeyTableWords(KeyTableSink put, void* to) {\n')
        for j in range(0, len(words), 4):
            f.write('    put(to, %s);\n' % ', '.join(f'0x{w:x}u' for w in words[j:j + 4]))
        f.write('}\n')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
