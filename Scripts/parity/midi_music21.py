#!/usr/bin/env python3
"""Compare recompose's quantized MIDI import with music21's converter.parse, hand by hand.

For each file, both scores are reduced to per-hand lists of (onset, MIDI pitch) of the notes that
sound (tie continuations dropped, chords expanded). Hands are matched by mean pitch (music21
makes one part per track; recompose makes one staff per track, higher hand on top). Per hand:
  - count: the same number of notes;
  - pitches: the same MIDI pitch sequence, ordered by onset then pitch;
  - onsets: for each pitch, the i-th onset of that pitch agrees (target: >= 95% of notes).

Usage: midi_music21.py RECOMPOSE_BINARY FILE... [--min-onsets 95]
Prints a line per file and a summary; exits 1 when a count differs or onsets agree < the target.
"""
import json
import subprocess
import sys
from collections import defaultdict

import warnings

import mido
import music21

warnings.filterwarnings("ignore")

STEPS = {'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}


def midi_of(name):
    step = STEPS[name[0]]
    i = 1
    alter = 0
    while i < len(name) and name[i] in '#b':
        alter += 1 if name[i] == '#' else -1
        i += 1
    return (int(name[i:]) + 1) * 12 + step + alter


def music21_hands(path):
    """Per part: notes at music21's own offsets, and with whole-bar placement errors undone.

    music21 (10.x) sometimes places measures a bar away from where their notes belong (in
    chpn_op10_e01's left hand bar 8 starts at 32 instead of 28; in chp_op31 bars are skipped),
    shifting every later note of that hand by whole bars while the quantized position inside
    the bar is right. Every note music21 makes from MIDI keeps its raw onset tick
    (`editorial.midiTickStart`), so the second list moves each note by the whole number of bars
    that brings it nearest that tick, which undoes the misplacement and nothing else
    (quantization moves a note by less than half a bar).
    """
    ticks_per_quarter = mido.MidiFile(path).ticks_per_beat
    score = music21.converter.parse(path)
    stored, corrected = [], []
    for part in score.parts:
        notes, fixed = [], []
        for measure in part.getElementsByClass('Measure'):
            bar = measure.barDuration.quarterLength or measure.duration.quarterLength or 1
            for element in measure.recurse().notes:
                tie = element.tie.type if element.tie is not None else None
                if tie in ('stop', 'continue'):
                    continue
                offset = music21.common.opFrac(measure.offset + element.getOffsetInHierarchy(measure))
                tick = element.editorial.get('midiTickStart', None)
                shift = 0
                if tick is not None:
                    shift = round((tick / ticks_per_quarter - float(offset)) / float(bar)) * bar
                for pitch in element.pitches:
                    notes.append((offset, pitch.midi))
                    fixed.append((music21.common.opFrac(offset + shift), pitch.midi))
        if notes:
            stored.append(sorted(notes))
            corrected.append(sorted(fixed))
    return stored, corrected


def recompose_hands(binary, path):
    out = subprocess.run([binary, 'dump', path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    groups = defaultdict(list)
    from fractions import Fraction
    for line in out.stdout.splitlines():
        obj = json.loads(line)
        if obj.get('tie') in ('stop', 'continue'):
            continue
        offset = Fraction(obj['offset'])
        for name in obj['pitches']:
            groups[(obj['part'], obj['staff'])].append((offset, midi_of(name)))
    return [sorted(v) for _, v in sorted(groups.items())]


def by_mean_pitch(hands):
    return sorted(hands, key=lambda h: -sum(p for _, p in h) / len(h))


def compare(theirs, mine):
    per_pitch_a, per_pitch_b = defaultdict(list), defaultdict(list)
    for o, p in theirs:
        per_pitch_a[p].append(o)
    for o, p in mine:
        per_pitch_b[p].append(o)
    agree = 0
    for p, onsets in per_pitch_a.items():
        agree += sum(1 for a, b in zip(sorted(onsets), sorted(per_pitch_b.get(p, []))) if a == b)
    same_pitches = [p for _, p in theirs] == [p for _, p in mine]
    return len(theirs) == len(mine), same_pitches, agree


def main():
    args = sys.argv[1:]
    target = 95.0
    if '--min-onsets' in args:
        i = args.index('--min-onsets')
        target = float(args[i + 1])
        del args[i:i + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, files = args[0], args[1:]
    total = agree_total = stored_agree_total = hands_total = count_ok = pitch_ok = 0
    failures = []
    for path in files:
        stored, recomputed = music21_hands(path)  # recomputed: whole-bar misplacements undone
        order = sorted(range(len(recomputed)), key=lambda i: -sum(p for _, p in recomputed[i]) / len(recomputed[i]))
        theirs = [recomputed[i] for i in order]
        theirs_stored = [stored[i] for i in order]
        mine = by_mean_pitch(recompose_hands(binary, path))
        line = []
        if len(theirs) != len(mine):
            failures.append(f'{path}: {len(theirs)} hands in music21, {len(mine)} in recompose')
        for hand, (a, a_stored, b) in enumerate(zip(theirs, theirs_stored, mine)):
            same_count, same_pitches, agree = compare(a, b)
            stored_agree = compare(a_stored, b)[2]
            hands_total += 1
            count_ok += same_count
            pitch_ok += same_pitches
            total += len(a)
            agree_total += agree
            stored_agree_total += stored_agree
            line.append(f'hand {hand + 1}: {len(a)}/{len(b)} notes, pitches {"same" if same_pitches else "differ"}, '
                        f'onsets {100.0 * agree / max(len(a), 1):.2f}% '
                        f'(music21 measure placement: {100.0 * stored_agree / max(len(a), 1):.2f}%)')
            if not same_count:
                failures.append(f'{path} hand {hand + 1}: {len(a)} notes in music21, {len(b)} in recompose')
        print(f'{path}: ' + '; '.join(line), flush=True)
    percent = 100.0 * agree_total / max(total, 1)
    stored_percent = 100.0 * stored_agree_total / max(total, 1)
    print(f'midi_music21: {len(files)} files, {hands_total} hands: counts equal in {count_ok}, pitch sequences '
          f'equal in {pitch_ok}; onsets equal for {agree_total}/{total} notes ({percent:.2f}%, target {target}%; '
          f'{stored_percent:.2f}% with music21\'s own measure placement)')
    for failure in failures[:10]:
        print('  ' + failure)
    return 0 if not failures and percent >= target else 1


if __name__ == '__main__':
    sys.exit(main())
