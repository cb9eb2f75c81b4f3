#!/usr/bin/env python3
"""Damaged MIDI files: every file of the piano-midi corpus cut at 25%, 50% and 75% of its bytes.

For each cut the notes lying wholly before it (note-on and its note-off both complete in the kept
bytes) are found by a small Standard MIDI File walker written here, independently of the reader
under test (byte positions, running status, first-in first-out pairing per track, channel and
key). Then:
- `recompose dump --raw CUT` (lenient) must give back at least 95% of those notes, same track,
  channel, key, on and off tick;
- `recompose info CUT` must fail (exit status 1) and say the file is damaged on stderr, and
  `recompose info --lenient CUT` must print the damage as warnings (or fail when nothing is left).

Usage: midi_damaged.py RECOMPOSE_BINARY ROOT. Prints one summary line; exits 1 on failure.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor


def vlq(data, at):
    value = 0
    for _ in range(4):
        byte = data[at]
        at += 1
        value = value << 7 | (byte & 0x7F)
        if not byte & 0x80:
            return value, at
    raise ValueError('bad variable-length quantity')


def complete_notes(data, cut):
    """Notes (track, channel, key, on, off) whose note-on and note-off both end at or before `cut`."""
    notes = []
    at, track = 8 + int.from_bytes(data[4:8], 'big'), 0
    while at + 8 <= len(data):
        kind, length = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], 'big')
        start, end = at + 8, min(at + 8 + length, len(data))
        if kind != b'MTrk':
            at = start + length
            continue
        pos, tick, running = start, 0, 0
        held = defaultdict(deque)
        try:
            while pos < end:
                delta, pos = vlq(data, pos)
                tick += delta
                status = data[pos]
                if status < 0x80:
                    status = running
                else:
                    pos += 1
                if status < 0xF0:
                    running = status
                    size = 1 if status & 0xE0 == 0xC0 else 2
                    a = data[pos]
                    b = data[pos + 1] if size == 2 else 0
                    pos += size
                    kind_ = status >> 4
                    channel = status & 0x0F
                    if pos > end:
                        break
                    if kind_ == 0x9 and b > 0:
                        held[(channel, a)].append((tick, pos))
                    elif kind_ in (0x8, 0x9):
                        queue = held[(channel, a)]
                        if queue:
                            on, _ = queue.popleft()
                            if pos <= cut:
                                notes.append((track, channel, a, on, tick))
                elif status == 0xFF:
                    pos += 1
                    length_, pos = vlq(data, pos)
                    pos += length_
                elif status in (0xF0, 0xF7):
                    running = 0
                    length_, pos = vlq(data, pos)
                    pos += length_
                else:
                    break
        except (IndexError, ValueError):
            pass
        track += 1
        at = start + length
    return notes


def check(binary, path, share, tmp):
    """One cut: (complete notes, recovered notes, failures)."""
    with open(path, 'rb') as f:
        data = f.read()
    cut = len(data) * share // 100
    wanted = set(complete_notes(data, cut))
    name = os.path.join(tmp, '%s-%d.mid' % (os.path.basename(path)[:-4], share))
    with open(name, 'wb') as f:
        f.write(data[:cut])
    out = subprocess.run([binary, 'dump', '--raw', name], capture_output=True, text=True)
    got = set()
    for line in out.stdout.splitlines():
        r = json.loads(line)
        got.add((r['track'], r['channel'], r['pitch'], r['on'], r['off']))
    label = '%s@%d%%' % (path, share)
    failures = []
    if wanted and len(wanted & got) < 0.95 * len(wanted):
        failures.append('%s: %d of %d complete notes recovered' % (label, len(wanted & got), len(wanted)))
    strict = subprocess.run([binary, 'info', name], capture_output=True, text=True)
    if strict.returncode != 1 or 'damaged' not in strict.stderr:
        failures.append('%s: info exit %d, stderr %r' % (label, strict.returncode, strict.stderr[:200]))
    lenient = subprocess.run([binary, 'info', '--lenient', name], capture_output=True, text=True)
    if 'corrupt' not in lenient.stderr and 'damaged' not in lenient.stderr:
        failures.append('%s: info --lenient says nothing of the damage' % label)
    if lenient.returncode == 0 and not (wanted & got):
        failures.append('%s: info --lenient succeeds with no note' % label)
    return len(wanted), len(wanted & got), failures


def main():
    binary, root = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(root, '**', '*.mid'), recursive=True))
    expected = recovered = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(check, binary, path, share, tmp) for path in files for share in (25, 50, 75)]
        for job in jobs:
            e, r, f = job.result()
            expected += e
            recovered += r
            failures += f
    for failure in failures:
        print('FAIL', failure)
    share = 100.0 * recovered / expected if expected else 0
    print('midi_damaged: %d cuts of %d files; %d of %d notes wholly before the cut recovered (%.2f%%); '
          '%d failures' % (len(jobs), len(files), recovered, expected, share, len(failures)))
    return 0 if files and share >= 95 and not failures else 1


if __name__ == '__main__':
    sys.exit(main())
