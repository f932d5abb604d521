#!/usr/bin/env python3
"""How small an exact site index of a corpus can be (prints figures; not a
test). Reads a corpus of bench/search/site-corpus.mjs (one poem a line)
and prints lower bounds, in bytes and × the text, for what the index must
say whatever its coding, documents numbered in their order (as ties are):

- which documents hold each pair of adjacent characters, and each
  character: log2 C(N, n) bits for a key in n of N documents;
- the stored copies for hits and snippets: the whole text gzipped as one
  stream (a bound no file a query can fetch on its own reaches).

Offsets, counts and the keys themselves come on top. Compare with the
index `article-reader index` writes (du -sb of its directory).

    python3 bench/search/site-floor.py target/bench-search/site-all.jsonl
"""
import gzip
import json
import math
import sys
from collections import Counter


def norm(s):
    """The normalisation of src/core/search for these texts."""
    out = []
    space = False
    for c in s:
        o = ord(c)
        if 0xFF01 <= o <= 0xFF5E:
            c = chr(o - 0xFEE0)
        if c in '\u200b\u00ad\ufeff':
            continue
        if c.isspace() or c == '\u3000':
            if not space:
                out.append(' ')
            space = True
            continue
        space = False
        out.append(c.lower())
    return ''.join(out)


def log2_choose(n, k):
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)) / math.log(2)


pairs, chars = Counter(), Counter()
docs = text = 0
raw = []
for line in open(sys.argv[1], encoding='utf8'):
    d = json.loads(line)
    docs += 1
    fields = [d['title'], d['blocks'][0]['text']]
    raw.extend(fields)
    text += sum(len(f.encode()) for f in fields)
    in_doc_pairs, in_doc_chars = set(), set()
    for f in map(norm, fields):
        in_doc_chars.update(f)
        in_doc_pairs.update(f[i:i + 2] for i in range(len(f) - 1))
    pairs.update(in_doc_pairs)
    chars.update(in_doc_chars)

pair_sets = sum(log2_choose(docs, n) for n in pairs.values()) / 8
char_sets = sum(log2_choose(docs, n) for n in chars.values()) / 8
copies = len(gzip.compress('\n'.join(raw).encode(), 9))
print(f'{docs} documents, {text / 1e6:.1f} MB of text, {len(pairs)} pairs, {len(chars)} characters')
for name, b in [('documents of each pair', pair_sets), ('documents of each character', char_sets),
                ('stored copies (all text, one gzip stream)', copies),
                ('sum', pair_sets + char_sets + copies)]:
    print(f'{name:45s} ≥ {b / 1e6:6.1f} MB  {b / text:.2f}× text')
