"""Checks `recompose prepare --shard` and `recompose merge` from outside: the shard each file
lands in (FNV-1a 64 computed here), the manifests' counts against the pieces files, and the
encoded safetensors parsed with `json` and `numpy.frombuffer` only: offsets, id ranges, ids
decoded through vocabulary.json back to the pieces' labels, the vocabulary frozen again here
from the pieces (count descending, ties by label, <unk> first), and the fingerprint recomputed
with hashlib. Also: a re-run rewrites the same bytes. Exits non-zero on the first failure."""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
from collections import Counter

import numpy as np

SHARDS = 3
FILES = 12


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for b in text.encode('utf-8'):
        h ^= b
        h = (h * 0x100000001b3) % (1 << 64)
    return h


def fail(message):
    sys.exit('shards parity: FAILED: ' + message)


def run(args, **kw):
    out = subprocess.run(args, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        fail('%s exited %d: %s' % (' '.join(args), out.returncode, out.stderr.strip()[-800:]))
    return out


def read_safetensors(path):
    with open(path, 'rb') as f:
        data = f.read()
    (length,) = struct.unpack('<Q', data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    dtypes = {'I32': '<i4', 'I64': '<i8', 'F32': '<f4'}
    tensors = {}
    for name, entry in header.items():
        if name == '__metadata__':
            continue
        begin, end = entry['data_offsets']
        array = np.frombuffer(body[begin:end], dtype=dtypes[entry['dtype']])
        tensors[name] = (entry['dtype'], array.reshape(entry['shape']))
    return tensors, header.get('__metadata__', {})


def freeze(counts, min_count):
    kept = sorted((label for label, n in counts.items() if n >= min_count and label != '<unk>'),
                  key=lambda label: (-counts[label], label))
    return ['<unk>'] + kept


def check_merge(binary, shard_dir, out_dir, min_count, pieces_by_shard):
    run([binary, 'merge', '--shards', shard_dir, '--out', out_dir, '--min-count', str(min_count)])
    with open(os.path.join(out_dir, 'vocabulary.json'), encoding='utf-8') as f:
        vocabulary = json.load(f)
    lists = {clef: {kind: vocabulary[clef][kind] for kind in ('notes', 'durations')} for clef in ('treble', 'bass')}
    canonical = json.dumps(lists, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode('utf-8')
    fingerprint = hashlib.sha256(canonical).hexdigest()
    if vocabulary['fingerprint'] != fingerprint:
        fail('vocabulary.json fingerprint %s, recomputed %s' % (vocabulary['fingerprint'], fingerprint))
    if vocabulary['minCount'] != min_count or vocabulary['shards'] != SHARDS or vocabulary['format'] != 1:
        fail('vocabulary.json minCount/shards/format: %r' % {k: vocabulary[k] for k in ('minCount', 'shards', 'format')})
    # The vocabulary frozen again here from every piece's labels.
    all_pieces = [p for shard in pieces_by_shard for p in shard]
    for clef in ('treble', 'bass'):
        for kind, field in (('notes', 'noteLabel'), ('durations', 'durationLabel')):
            counts = Counter(token[field] for p in all_pieces for token in p[clef])
            if freeze(counts, min_count) != lists[clef][kind]:
                fail('min-count %d: %s %s differ from the labels frozen from the pieces' % (min_count, clef, kind))
    unknown = 0
    for k, pieces in enumerate(pieces_by_shard):
        path = os.path.join(out_dir, 'shard-%05d-of-%05d.safetensors' % (k, SHARDS))
        tensors, meta = read_safetensors(path)
        expected_meta = {'format': '1', 'vocabulary': fingerprint, 'shard': str(k), 'shards': str(SHARDS)}
        for key, value in expected_meta.items():
            if meta.get(key) != value:
                fail('%s: metadata %s is %r, expected %r' % (path, key, meta.get(key), value))
        if json.loads(meta['pieces']) != [p['name'] for p in pieces]:
            fail('%s: metadata pieces are not the pieces file names' % path)
        for clef in ('treble', 'bass'):
            (nd, notes), (dd, durations), (od, offsets) = (tensors[clef + '.notes'], tensors[clef + '.durations'],
                                                           tensors[clef + '.offsets'])
            if (nd, dd, od) != ('I32', 'I32', 'I64'):
                fail('%s: %s dtypes %s' % (path, clef, (nd, dd, od)))
            if len(offsets) != len(pieces) + 1 or offsets[0] != 0 or offsets[-1] != len(notes) \
                    or np.any(np.diff(offsets) < 0) or len(durations) != len(notes):
                fail('%s: %s offsets are not monotone from 0 to %d over %d pieces' % (path, clef, len(notes), len(pieces)))
            for ids, kind in ((notes, 'notes'), (durations, 'durations')):
                if len(ids) and (ids.min() < 0 or ids.max() >= len(lists[clef][kind])):
                    fail('%s: %s.%s ids outside the vocabulary of %d' % (path, clef, kind, len(lists[clef][kind])))
            for p, piece in enumerate(pieces):
                lo, hi = int(offsets[p]), int(offsets[p + 1])
                tokens = piece[clef]
                if hi - lo != len(tokens):
                    fail('%s: %s piece %d has %d ids for %d tokens' % (path, clef, p, hi - lo, len(tokens)))
                for kind, field, ids in (('notes', 'noteLabel', notes), ('durations', 'durationLabel', durations)):
                    labels = lists[clef][kind]
                    known = set(labels)
                    decoded = [labels[i] for i in ids[lo:hi]]
                    wanted = [t[field] if t[field] in known else '<unk>' for t in tokens]
                    if decoded != wanted:
                        fail('%s: %s piece %d %s decode to other labels' % (path, clef, p, kind))
                    unknown += sum(1 for label in wanted if label == '<unk>')
    return vocabulary, unknown


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    everything = []
    for root, _, names in os.walk(corpus):
        everything += [os.path.relpath(os.path.join(root, n), corpus) for n in names if n.lower().endswith(('.mid', '.midi'))]
    everything.sort()
    if len(everything) < FILES:
        fail('%s holds %d MIDI files, fewer than %d' % (corpus, len(everything), FILES))
    step = len(everything) / FILES
    chosen = [everything[int(i * step)] for i in range(FILES)]
    with tempfile.TemporaryDirectory(prefix='recompose-shards-') as tmp:
        listing = os.path.join(tmp, 'files.txt')
        with open(listing, 'w') as f:
            f.write(''.join(p + '\n' for p in chosen))
        shard_dir = os.path.join(tmp, 'map')
        for k in range(SHARDS):
            run([binary, 'prepare', '--corpus', corpus, '--files-from', listing, '--shard', '%d/%d' % (k, SHARDS),
                 '--shard-out', shard_dir])
        first = {name: open(os.path.join(shard_dir, name), 'rb').read() for name in sorted(os.listdir(shard_dir))}
        # The list from standard input, a second run: the same bytes.
        again = os.path.join(tmp, 'again')
        for k in range(SHARDS):
            run([binary, 'prepare', '--corpus', corpus, '--files-from', '-', '--shard', '%d/%d' % (k, SHARDS),
                 '--shard-out', again], input=open(listing).read())
        for name, data in first.items():
            if open(os.path.join(again, name), 'rb').read() != data:
                fail('%s differs on a re-run' % name)
        pieces_by_shard, seen = [], []
        for k in range(SHARDS):
            stem = os.path.join(shard_dir, 'shard-%05d-of-%05d' % (k, SHARDS))
            with open(stem + '.manifest.json', encoding='utf-8') as f:
                manifest = json.load(f)
            with open(stem + '.pieces.json', encoding='utf-8') as f:
                pieces = json.load(f)
            if manifest['shard'] != k or manifest['shards'] != SHARDS or manifest['format'] != 1:
                fail('manifest %d names shard %r of %r' % (k, manifest['shard'], manifest['shards']))
            files = manifest['files'] + [r['file'] for r in manifest['refused']]
            for name in files:
                if fnv1a64(name) % SHARDS != k:
                    fail('%s is in shard %d; FNV-1a 64 puts it in %d' % (name, k, fnv1a64(name) % SHARDS))
            if manifest['files'] != sorted(manifest['files']) or manifest['pieces'] != len(pieces) or len(pieces) != len(manifest['files']):
                fail('manifest %d: files unsorted or piece count %d against %d pieces' % (k, manifest['pieces'], len(pieces)))
            for clef in ('treble', 'bass'):
                counts = manifest[clef]
                if counts['elements'] != sum(len(p[clef]) for p in pieces):
                    fail('manifest %d: %s elements' % (k, clef))
                for kind, field in (('notes', 'noteLabel'), ('durations', 'durationLabel')):
                    if counts[kind] != dict(Counter(t[field] for p in pieces for t in p[clef])):
                        fail('manifest %d: %s %s counts differ from the pieces' % (k, clef, kind))
            seen += files
            pieces_by_shard.append(pieces)
        if sorted(seen) != sorted(chosen):
            fail('the shards hold %d files, not the %d listed (each exactly once)' % (len(seen), len(chosen)))
        sizes = [len(p) for p in pieces_by_shard]
        vocabulary, _ = check_merge(binary, shard_dir, os.path.join(tmp, 'merged1'), 1, pieces_by_shard)
        _, unknown = check_merge(binary, shard_dir, os.path.join(tmp, 'merged2'), 2, pieces_by_shard)
        elements = sum(len(p[c]) for s in pieces_by_shard for p in s for c in ('treble', 'bass'))
        print('shards: %d files in shards of %s pieces, %d elements; vocabulary %s (treble %d/%d, bass %d/%d labels); '
              'min-count 2: %d ids <unk>; ids decoded, offsets, fingerprint and re-run bytes: all agree'
              % (len(chosen), sizes, elements, vocabulary['fingerprint'][:12], len(vocabulary['treble']['notes']),
                 len(vocabulary['treble']['durations']), len(vocabulary['bass']['notes']),
                 len(vocabulary['bass']['durations']), unknown))


if __name__ == '__main__':
    main()
