#!/usr/bin/env python3
"""Compare `recompose dump --raw` with notes paired from mido's messages.

Pairing is the documented one, implemented here independently: note-on with velocity 0 is a
note-off; per (track, channel, pitch) note-ons queue and note-offs end the oldest held note
(first in, first out); a note-off with nothing held is ignored; a note still held when its
track ends ends at the track's last tick. Seconds come from one tempo map built from the
tempo events of all tracks (120 bpm until the first), via mido.tick2second.

Usage: midi_raw.py RECOMPOSE_BINARY [ROOT]   (ROOT defaults to ../shared/corpus/piano-midi)
Prints one summary line; exits 1 on any mismatch, 2 on usage or missing data.
"""
import glob
import json
import os
import subprocess
import sys
from collections import defaultdict, deque

import mido


def mido_notes(path):
    mid = mido.MidiFile(path, clip=True)
    tpq = mid.ticks_per_beat
    tempos = []
    notes = []
    for index, track in enumerate(mid.tracks):
        tick = 0
        held = defaultdict(deque)
        for order, msg in enumerate(track):
            tick += msg.time
            if msg.type == 'set_tempo':
                tempos.append((tick, index, order, msg.tempo))
            elif msg.type == 'note_on' and msg.velocity > 0:
                note = [index, msg.channel, msg.note, msg.velocity, tick, tick]
                held[(msg.channel, msg.note)].append(note)
                notes.append(note)
            elif msg.type in ('note_on', 'note_off'):
                queue = held[(msg.channel, msg.note)]
                if queue:
                    queue.popleft()[5] = tick
        for queue in held.values():
            for note in queue:
                note[5] = tick
    tempos.sort()
    segments = [(0, 0.0, 500000)]  # (tick, seconds, tempo)
    for tick, _, _, tempo in tempos:
        last_tick, last_seconds, last_tempo = segments[-1]
        seconds = last_seconds + mido.tick2second(tick - last_tick, tpq, last_tempo)
        if tick == last_tick:
            segments[-1] = (tick, seconds, tempo)
        else:
            segments.append((tick, seconds, tempo))

    def seconds(tick):
        lo, hi = 0, len(segments) - 1
        while lo < hi:
            mid_ = (lo + hi + 1) // 2
            if segments[mid_][0] <= tick:
                lo = mid_
            else:
                hi = mid_ - 1
        t, s, tempo = segments[lo]
        return s + mido.tick2second(tick - t, tpq, tempo)

    notes.sort(key=lambda n: (n[4], n[0], n[2], n[1], n[5]))
    return [tuple(n) + (seconds(n[4]), seconds(n[5])) for n in notes]


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join('..', 'shared', 'corpus', 'piano-midi')
    files = sorted(glob.glob(os.path.join(root, '**', '*.mid'), recursive=True)
                   + glob.glob(os.path.join(root, '**', '*.midi'), recursive=True))
    if not files:
        print(f'midi_raw: no MIDI files under {root}', file=sys.stderr)
        return 2
    out = subprocess.run([binary, 'dump', '--raw'] + files, capture_output=True, text=True)
    if out.returncode != 0:
        print(f'midi_raw: recompose failed ({out.returncode}): {out.stderr.strip()}')
        return 1
    ours = defaultdict(list)
    current = None
    for line in out.stdout.splitlines():
        obj = json.loads(line)
        if 'file' in obj:
            current = obj['file']
            continue
        ours[current].append(obj)
    if len(files) == 1:
        ours[files[0]] = ours.pop(None, [])
    total = identical = 0
    bad_files = []
    for path in files:
        theirs = mido_notes(path)
        mine = ours.get(path, [])
        total += len(theirs)
        same = 0
        for a, b in zip(theirs, mine):
            key_a = a[:6]
            key_b = (b['track'], b['channel'], b['pitch'], b['velocity'], b['on'], b['off'])
            if key_a == key_b and abs(a[6] - b['onSeconds']) <= 1.5e-6 and abs(a[7] - b['offSeconds']) <= 1.5e-6:
                same += 1
        identical += same
        if same != len(theirs) or len(mine) != len(theirs):
            bad_files.append(f'{os.path.basename(path)} ({same}/{len(theirs)} identical, {len(mine)} dumped)')
    percent = 100.0 * identical / total if total else 100.0
    print(f'midi_raw: {identical}/{total} notes identical to mido ({percent:.3f}%) in {len(files)} files'
          + (f'; mismatches in {len(bad_files)} files: ' + ', '.join(bad_files[:5]) if bad_files else ''))
    return 0 if not bad_files else 1


if __name__ == '__main__':
    sys.exit(main())
