#!/usr/bin/env python3
"""MIDI round trip: every MusicXML file of ../shared/corpus/music21 written to MIDI by recompose
and read back must land every struck note in its original measure and offset.

- exact: the MIDI as written (target >= 99.9% of onsets back in place);
- humanised: the same MIDI with every note-on and note-off moved by a seeded uniform jitter of
  at most 1/32 of a quarter (done here with mido), then read back (target >= 99%); and no note
  may come back before a barline it started on (or at).

Onsets are compared per file as multisets of (absolute offset, MIDI key) over struck notes (tie
continuations dropped, chords expanded). Excepted and counted, not failed: grace notes (MIDI
gives them no notated place) and notes whose offset is off the quantizer's grid (sixteenths and
eighth-note triplets), e.g. quintuplets, which no grid quantization can give back.

Usage: midi_roundtrip.py RECOMPOSE RECOMPOSE_DEV ROOT [--limit N]
"""
import bisect
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

import mido

import paritylib

STEPS = {'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}
JITTER = Fraction(1, 32)


def midi_of(name):
    i, alter = 1, 0
    while i < len(name) and name[i] in '#b':
        alter += 1 if name[i] == '#' else -1
        i += 1
    return 12 * (int(name[i:]) + 1) + STEPS[name[0]] + alter


def on_grid(offset):
    """On the quantizer's default grid: a sixteenth or an eighth-note triplet (not 1/6, 1/5 …)."""
    return (offset * 4).denominator == 1 or (offset * 3).denominator == 1


def dump(binary, args, paths):
    """{path: [(offset, key, grace)]} of struck notes, from `binary ARGS PATHS` JSON lines."""
    result, current = {}, None
    for i in range(0, len(paths), 100):
        out = subprocess.run([binary] + args + paths[i:i + 100], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            obj = json.loads(line)
            if 'file' in obj and len(obj) <= 2:
                current = obj['file']
                result[current] = [] if 'error' not in obj else None
            elif current is not None and result[current] is not None and 'pitches' in obj:
                if obj.get('tie') in ('stop', 'continue'):
                    continue
                for name in obj['pitches']:
                    result[current].append((Fraction(obj['offset']), midi_of(name), obj.get('grace', False)))
    return result


def barlines(binary, paths):
    """{path: sorted absolute barline offsets} from the first part's measure lengths."""
    result, current = {}, None
    for i in range(0, len(paths), 100):
        out = subprocess.run([binary, 'xmldump', '--lengths'] + paths[i:i + 100], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            obj = json.loads(line)
            if 'file' in obj and len(obj) <= 2:
                current = obj['file']
            elif current is not None and current not in result and 'lengths' in obj:
                at, lines = Fraction(0), [Fraction(0)]
                for entry in obj['lengths']:
                    at += Fraction(entry.split('=', 1)[1])
                    lines.append(at)
                result[current] = lines
    return result


def jitter(source, target, rng):
    """Writes `source` with every note event moved by up to JITTER quarters either way."""
    mid = mido.MidiFile(source)
    amount = float(JITTER) * mid.ticks_per_beat
    for track in mid.tracks:
        events, tick = [], 0
        for order, msg in enumerate(track):
            tick += msg.time
            if msg.type in ('note_on', 'note_off'):
                moved = max(0, tick + round(rng.uniform(-amount, amount)))
            else:
                moved = tick
            events.append((moved, order, msg))
        events.sort(key=lambda e: (e[0], e[1]))
        # Keep end-of-track last.
        last, previous = max(e[0] for e in events) if events else 0, 0
        track.clear()
        for moved, _, msg in events:
            if msg.type == 'end_of_track':
                moved = last
            track.append(msg.copy(time=moved - previous))
            previous = moved
    mid.save(target)


def compare(original, back, bars):
    """(in place, compared, excepted, moved before their barline)."""
    wanted = collections.Counter((o, k) for o, k, g in original if not g and on_grid(o))
    excepted = sum(1 for o, k, g in original if g or not on_grid(o))
    got = collections.Counter((o, k) for o, k, _ in back)
    in_place = sum((wanted & got).values())
    # A note that did not come back in place must not have come back earlier than the barline
    # at or before its own onset: look for its key among the unmatched read-back notes.
    missing = wanted - got
    extra = sorted((got - wanted).elements())
    by_key = collections.defaultdict(list)
    for o, k in extra:
        by_key[k].append(o)
    before = 0
    for (o, k), count in missing.items():
        bar = bars[bisect.bisect_right(bars, o) - 1] if bars else Fraction(0)
        candidates = [x for x in by_key[k] if abs(x - o) <= Fraction(1, 2)]
        if candidates and min(candidates, key=lambda x: abs(x - o)) < bar:
            before += count
    return in_place, sum(wanted.values()), excepted, before


def main():
    args = sys.argv[1:]
    limit = 0
    if '--limit' in args:
        i = args.index('--limit')
        limit = int(args[i + 1])
        del args[i:i + 2]
    recompose, dev, root = args
    files = paritylib.musicxml_files([root])
    if limit:
        files = files[:limit]
    rng = random.Random(17)
    originals = dump(dev, ['xmldump'], files)
    bars = barlines(dev, files)
    exact_paths, jittered_paths, kept = {}, {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for index, f in enumerate(files):
            if originals.get(f) is None:
                continue
            out = os.path.join(tmp, '%d.mid' % index)
            run = subprocess.run([recompose, 'convert', f, out], capture_output=True, text=True)
            if run.returncode != 0:
                print('NOT WRITTEN', f, run.stderr.strip()[:200])
                continue
            shaken = os.path.join(tmp, '%d-j.mid' % index)
            jitter(out, shaken, rng)
            exact_paths[f], jittered_paths[f] = out, shaken
            kept.append(f)
        exact = dump(recompose, ['dump'], [exact_paths[f] for f in kept] + [exact_paths[kept[0]]])
        shaken = dump(recompose, ['dump'], [jittered_paths[f] for f in kept] + [jittered_paths[kept[0]]])
    totals = {'exact': [0, 0, 0, 0], 'humanised': [0, 0, 0, 0]}
    worst = []
    for f in kept:
        for label, backs, path in (('exact', exact, exact_paths[f]), ('humanised', shaken, jittered_paths[f])):
            back = backs.get(path) or []
            in_place, compared, excepted, before = compare(originals[f], back, bars.get(f, []))
            t = totals[label]
            t[0] += in_place
            t[1] += compared
            t[2] += excepted
            t[3] += before
            if compared and in_place < compared:
                worst.append((compared - in_place, label, f, in_place, compared))
    for missing, label, f, in_place, compared in sorted(worst, reverse=True)[:8]:
        print('WORST %s %s: %d of %d onsets in place' % (label, f, in_place, compared))
    exact_share = 100.0 * totals['exact'][0] / max(totals['exact'][1], 1)
    shaken_share = 100.0 * totals['humanised'][0] / max(totals['humanised'][1], 1)
    print('midi_roundtrip: %d files; exact %d/%d onsets in place (%.2f%%, target 99.9%%); humanised ±1/32 quarter '
          '%d/%d (%.2f%%, target 99%%), %d moved before their barline; excepted: %d grace notes or off-grid tuplet '
          'notes per pass' % (len(kept), totals['exact'][0], totals['exact'][1], exact_share, totals['humanised'][0],
                             totals['humanised'][1], shaken_share, totals['humanised'][3], totals['exact'][2]))
    ok = kept and exact_share >= 99.9 and shaken_share >= 99 and totals['humanised'][3] == 0 and totals['exact'][3] == 0
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
