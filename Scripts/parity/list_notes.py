#!/usr/bin/env python3
"""Parity of the `list-notes` example (Examples/Sources/list-notes) with music21.

For every MusicXML file given (or found under the folders given), compares the multiset of
(measure number, beat, pitch, quarterLength) that `list-notes FILE --offsets` prints with the
one music21 gives for `converter.parse(FILE).recurse().notes`, and checks that our lines are in
non-decreasing offset order.

On the music21 side:
- chord symbols (`harmony.Harmony`, which `recurse().notes` includes) are left out: they are
  not notes, and `list-notes` lists notes;
- a chord gives one record per pitch; an unpitched note is named by its display step and
  octave, as our reader reads it;
- the beat is `n.beat` and the length `n.quarterLength` (0 for grace notes), both as exact
  fractions; the measure number is `n.measureNumber`;
- pitch names use `b` for flats (music21 writes `-`).
Our measure column is the printed bar name; it is compared as the number music21 gives that
bar (`12a` is 12; Finale's unnumbered `X1` after bar 24 is 24; see MeasureNumbers).

music21's records are cached by file hash under --cache, so reruns are fast.

Usage: list_notes.py --list-notes PATH [--cache DIR] [--jobs N] [--minimum 0.99] [--verbose] PATH...
Exit status 0 when at least --minimum of the files match exactly and every file's lines are in
offset order; the last line is a one-line summary.
"""
import argparse, os, re, subprocess, sys, warnings
from collections import Counter
from fractions import Fraction
from multiprocessing import Pool

import paritylib  # Scripts/parity/paritylib.py

CACHE_VERSION = "1"


def frac(x):
    """An exact fraction's text: music21 gives floats for binary fractions, Fractions otherwise."""
    if isinstance(x, float) and x != x:
        return 'nan'
    value = x if isinstance(x, Fraction) else Fraction(x).limit_denominator(1_000_000)
    return str(value)


def pitch_name(p):
    # music21 writes flats as '-'; microtones (which we do not model) round to the nearest semitone.
    alter = p.accidental.alter if p.accidental is not None else 0
    steps = int(round(alter))
    return p.step + ('#' * steps if steps > 0 else 'b' * -steps) + str(p.octave)


def music21_notes(path):
    import music21
    from music21 import chord, harmony, note
    warnings.simplefilter('ignore')
    score = music21.converter.parse(path, forceSource=True)
    records = []
    for n in score.recurse().notes:
        if isinstance(n, harmony.Harmony):
            continue
        if isinstance(n, chord.ChordBase):
            names = []
            for x in n.notes:
                if isinstance(x, note.Unpitched):
                    names.append('%s%d' % (x.displayStep, x.displayOctave))
                else:
                    names.append(pitch_name(x.pitch))
        elif isinstance(n, note.Unpitched):
            names = ['%s%d' % (n.displayStep, n.displayOctave)]
        else:
            names = [pitch_name(n.pitch)]
        for name in names:
            records.append([str(n.measureNumber), frac(n.beat), name, frac(n.quarterLength)])
    return records


def cached_music21(args):
    path, cache = args
    return path, paritylib.cached(path, cache, CACHE_VERSION, music21_notes)


class MeasureNumbers:
    """music21's number for each bar named in our lines, met in time order.

    music21 (MeasureParser.parseMeasureNumbers) splits a bar's name into its digits and a
    suffix (`12a` is 12, suffix `a`), and numbers Finale's unnumbered bars `X1`, `X2` … after
    the bar before them (`X1` after bar 24 is 24) unless the digits happen to follow on.
    """

    def __init__(self):
        self.name, self.number, self.last = None, None, None

    def __call__(self, name):
        if name != self.name:
            digits = re.sub(r'[^0-9]', '', name)
            suffix = re.sub(r'[0-9]', '', name)
            number = int(digits) if digits else 0
            if suffix == 'X' and self.last is not None and number != self.last + 1:
                number = self.last
            self.name, self.number, self.last = name, number, number
        return str(self.number)


def ours(args):
    tool, path = args
    run = subprocess.run([tool, path, '--offsets'], capture_output=True, text=True)
    if run.returncode != 0:
        return path, {'error': (run.stderr.strip() or 'exit %d' % run.returncode)[-300:]}
    records, offsets = [], []
    measure_number = MeasureNumbers()
    for line in run.stdout.splitlines():
        measure, beat, _part, _staff, pitch, length, offset = line.split(' ')
        records.append([measure_number(measure), beat, pitch, length])
        offsets.append(Fraction(offset))
    disorder = next((i for i in range(1, len(offsets)) if offsets[i] < offsets[i - 1]), None)
    return path, {'records': records, 'disorder': disorder}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--list-notes', dest='tool', required=True, help='the built list-notes example')
    ap.add_argument('--cache', default=os.path.join('.build', 'list-notes-music21-cache'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--minimum', type=float, default=0.99, help='share of files that must match')
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('paths', nargs='+')
    a = ap.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    files = paritylib.musicxml_files(a.paths)
    with Pool(a.jobs) as pool:
        theirs = dict(pool.map(cached_music21, [(f, a.cache) for f in files], chunksize=4))
        mine = dict(pool.map(ours, [(a.tool, f) for f in files], chunksize=8))
    same, differ, disordered = 0, [], []
    for f in files:
        t, m = theirs[f], mine[f]
        if m.get('disorder') is not None:
            disordered.append((f, 'line %d goes back in time' % (m['disorder'] + 1)))
        if 'error' in t or 'error' in m:
            differ.append((f, 'music21: %s / ours: %s' % (t.get('error', 'ok'), m.get('error', 'ok'))))
            continue
        ct = Counter(tuple(r) for r in t['records'])
        cm = Counter(tuple(r) for r in m['records'])
        if ct == cm:
            same += 1
            continue
        only_t = sorted(ct - cm, key=lambda r: (int(r[0]) if r[0].isdigit() else 0, r))
        only_m = sorted(cm - ct, key=lambda r: (int(r[0]) if r[0].isdigit() else 0, r))
        limit = None if a.verbose else 4
        differ.append((f, '%d vs %d pitches; music21 only %s; ours only %s'
                       % (sum(ct.values()), sum(cm.values()), only_t[:limit], only_m[:limit])))
    for f, why in differ:
        print('DIFF', f, '--', why if a.verbose else why[:600])
    for f, why in disordered:
        print('ORDER', f, '--', why)
    share = same / len(files) if files else 0
    print('list_notes parity: %d/%d files equal to music21 (%.1f%%, minimum %.0f%%); %d out of time order'
          % (same, len(files), 100 * share, 100 * a.minimum, len(disordered)))
    return 0 if files and share >= a.minimum and not disordered else 1


if __name__ == '__main__':
    sys.exit(main())
