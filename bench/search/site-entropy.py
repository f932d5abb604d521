#!/usr/bin/env python3
"""What denser site-index postings would weigh (prints a table; not a test).

Reads a corpus of bench/search/site-corpus.mjs (one poem a line), lists
the postings the index holds (every character's documents with a score,
every adjacent pair's documents with offsets and the document's shape),
and counts the bytes of several codings of them, without writing an index:

- varint: the LEB128 coding of format 4 (before gzip);
- bits: every number bit-packed, Golomb-Rice coded with the best
  parameter of each list (document gaps, offsets, shapes, scores);
- bits, no shapes: the same with the shapes out of the pair lists (what
  numbering documents by text length, with a small per-segment table of
  lengths, would allow);
- key headers: per key, the gap to the previous key of its file and the
  list length, as varints and Rice-coded.

    python3 bench/search/site-entropy.py target/bench-search/site-10000.jsonl [POSTING_FILES]
"""
import json
import math
import sys
from collections import defaultdict

path = sys.argv[1]
SPAN = 0x110001


def norm(s):
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


def varint_len(v):
    n = 1
    while v >= 128:
        v >>= 7
        n += 1
    return n


def rice_bits(values):
    """Bits of the values Rice-coded with the best parameter, + 5 for it."""
    if not values:
        return 0
    best = None
    for k in range(0, 24):
        b = sum((v >> k) + 1 + k for v in values)
        if best is None or b < best:
            best = b
        if (sum(values) >> k) == 0:
            break
    return best + 5


pairs = defaultdict(list)    # key -> [(doc, body, end, offsets)]
singles = defaultdict(list)  # key -> [(doc, score)]
text_bytes = 0
docs = 0
with open(path, encoding='utf8') as f:
    for d, line in enumerate(f):
        o = json.loads(line)
        title, body = o['title'], o['blocks'][0]['text']
        text_bytes += len(title.encode()) + len(body.encode())
        docs += 1
        fields = [norm(title), norm(body)]
        at = 0
        occ = defaultdict(list)
        pocc = defaultdict(list)
        starts = []
        for fi, t in enumerate(fields):
            starts.append(at)
            prev = None
            for c in t:
                k = ord(c) * SPAN
                occ[k].append(at)
                if prev is not None:
                    pocc[ord(prev[0]) * SPAN + ord(c) + 1].append(prev[1])
                prev = (c, at)
                at += len(c.encode())
            at += 1
        body_at, end = starts[1], at
        blen = end - body_at
        for k, offs in occ.items():
            t = sum(1 for p in offs if p < body_at)
            b = len(offs) - t
            score = 100000 * t + 1000 * b
            if b:
                first = next(p for p in offs if p >= body_at) - body_at
                score += 10000 * (blen - first) // max(blen, 1)
            singles[k].append((d, score))
        for k, offs in pocc.items():
            pairs[k].append((d, body_at, blen, offs))

files = int(sys.argv[2]) if len(sys.argv) > 2 else None
res = defaultdict(float)
n_pairs = sum(len(v) for v in pairs.values())
n_single = sum(len(v) for v in singles.values())
for k, lst in singles.items():
    gaps, prev = [], 0
    for d, s in lst:
        gaps.append(d - prev)
        prev = d
    res['varint: gaps (single)'] += sum(varint_len(g) for g in gaps)
    res['varint: scores'] += sum(varint_len(s) for _, s in lst)
    res['bits: gaps (single)'] += rice_bits(gaps) / 8
    res['bits: scores'] += rice_bits([s for _, s in lst]) / 8
for k, lst in pairs.items():
    gaps, prev = [], 0
    bodies, lens, offs_first, offs_rest, more = [], [], [], [], 0
    for d, body, blen, offs in lst:
        gaps.append(d - prev)
        prev = d
        bodies.append(body)
        lens.append(blen)
        offs_first.append(offs[0])
        for a, b in zip(offs, offs[1:]):
            offs_rest.append(b - a)
        res['varint: shapes'] += varint_len(body << 1) + varint_len(blen)
        p = 0
        for i, q in enumerate(offs):
            res['varint: offsets'] += varint_len((q - p) << 1 | (i + 1 < len(offs)))
            p = q
    res['varint: gaps (pairs)'] += sum(varint_len(g) for g in gaps)
    res['bits: gaps (pairs)'] += rice_bits(gaps) / 8
    res['bits: shapes'] += (rice_bits(bodies) + rice_bits(lens)) / 8
    # Offsets: a count bit per offset, the first absolute, the rest as gaps.
    res['bits: offsets'] += (rice_bits(offs_first) + rice_bits(offs_rest) + len(offs_first) + len(offs_rest)) / 8

# Key headers: keys spread over posting files by hash, as format 4 does
# (about 8 KB a file); gap to the previous key of the file, list length.
keys = sorted(list(pairs) + list(singles))
if files is None:
    est = sum(v for k, v in res.items() if k.startswith('varint'))
    files = max(1, int(est // 8192))
by_file = defaultdict(list)
for k in keys:
    by_file[hash((k * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) % files].append(k)
for ks in by_file.values():
    ks.sort()
    gaps, prev = [], 0
    for k in ks:
        gaps.append(k - prev)
        prev = k
    res['varint: key headers'] += sum(varint_len(g) + 1 for g in gaps)
    res['bits: key headers'] += (rice_bits(gaps) + 6 * len(gaps)) / 8

mb = lambda n: f'{n / 1e6:.2f} MB'
print(f'{docs} documents, {mb(text_bytes)} text; {len(pairs)} pair keys, {len(singles)} character keys; '
      f'{n_pairs} pair entries, {n_single} character entries; {files} posting files')
print('| coding | bytes | × text |')
print('| --- | --- | --- |')
groups = {
    'varint (format 4, before gzip)': [k for k in res if k.startswith('varint')],
    'bits (Rice, per list)': [k for k in res if k.startswith('bits')],
    'bits, no shapes in pair lists': [k for k in res if k.startswith('bits') and k != 'bits: shapes'],
}
for k in sorted(res):
    print(f'| {k} | {mb(res[k])} | {res[k] / text_bytes:.2f} |')
for g, ks in groups.items():
    t = sum(res[k] for k in ks)
    print(f'| **{g}** | {mb(t)} | {t / text_bytes:.2f} |')
