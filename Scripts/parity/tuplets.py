"""Tuplets written back: every MusicXML file read and written again by recompose must carry no
`<time-modification>` whose numbers (actual:normal) the input file never wrote.

A rounded `<duration>` (a triplet sixteenth stored as 42 or 43 of 256 divisions) must come back as
the file's notated 3:2, not as a ratio invented to fit the rounded number (128:85). The count is
per note of the output, matched to the input note of the same part, measure, pitch and occurrence
(a piece the writer split off a note is checked against every ratio of the input file). Uses only xml.etree: no music21 needed.

Nesting: on every file whose input opens a `<tuplet>` of a number other than 1 (only nested
brackets need one), each note's tuplets as `recompose-dev xmldump --tuplets` reads them are
compared with music21's `note.duration.tuplets` on the same file, as ratios in one note value
(5 sixteenths in the time of 2 eighths is 5:4): the input, and our export of it. music21 lists a
note's tuplets by bracket number; we list them outermost first (of two brackets begun together,
the one ending first is inside), so on the input the lists are compared as multisets and the
notes whose order differs are printed apart; our export numbers brackets outermost first, so
there music21's list must equal ours, order included."""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from fractions import Fraction

import paritylib


def root_of(path):
    """The score element of a .xml/.musicxml file or of an .mxl archive's main file."""
    if path.endswith('.mxl'):
        with zipfile.ZipFile(path) as z:
            container = ET.fromstring(z.read('META-INF/container.xml'))
            name = next(e.get('full-path') for e in container.iter() if e.tag.endswith('rootfile'))
            return ET.fromstring(z.read(name))
    return ET.parse(path).getroot()


def ratios(root):
    """Counter of (actual, normal) over every note's <time-modification>."""
    found = collections.Counter()
    for tm in root.iter('time-modification'):
        a, n = tm.findtext('actual-notes'), tm.findtext('normal-notes')
        try:
            found[(int(a), int(n))] += 1
        except (TypeError, ValueError):
            pass
    return found


def odd(n):
    while n and n % 2 == 0:
        n //= 2
    return n


def note_ratios(root):
    """Each note's identity — (part index, measure index, pitch or 'rest', occurrence of that
    pitch in the measure) — mapped to what its rhythm allows: its own (actual, normal), or for a
    note without <type> (a hidden playback note of 5/24 or 1/17 of a quarter, which implies only
    its length) the odd part (> 1) of its length's denominator."""
    notes = {}
    for p, part in enumerate(root.iter('part')):
        divisions = 1
        for m, measure in enumerate(part.iter('measure')):
            seen = collections.Counter()
            for element in measure:
                if element.tag == 'attributes' and element.findtext('divisions'):
                    divisions = int(float(element.findtext('divisions')))
                if element.tag != 'note':
                    continue
                pitch = element.find('pitch')
                name = 'rest' if pitch is None else '%s%s%s' % (
                    pitch.findtext('step'), pitch.findtext('alter') or '0', pitch.findtext('octave'))
                name = name.replace('.0', '')
                key = (p, m, name, seen[name])
                seen[name] += 1
                tm = element.find('time-modification')
                allowed = None
                if tm is not None:
                    try:
                        allowed = (int(tm.findtext('actual-notes')), int(tm.findtext('normal-notes')))
                    except (TypeError, ValueError):
                        pass
                elif element.find('type') is None and element.findtext('duration'):
                    length = Fraction(element.findtext('duration').strip()) / divisions
                    if length and odd(length.denominator) > 1:
                        allowed = odd(length.denominator)
                notes[key] = (allowed, tm)
    return notes


def has_nested_brackets(root):
    """Whether the document opens a <tuplet> numbered other than 1 (nesting needs a second number)."""
    return any(t.get('type') == 'start' and t.get('number', '1').strip() != '1' for t in root.iter('tuplet'))


def canonical(actual, normal, actual_length, normal_length):
    """A tuplet as actual:normal counted in its actual note value (5 sixteenths : 2 eighths -> 5:4)."""
    if actual_length and normal_length and actual_length != normal_length:
        n = Fraction(normal) * Fraction(normal_length) / Fraction(actual_length)
        return '%d:%d' % (actual * n.denominator, n.numerator)
    return '%d:%d' % (actual, normal)


def music21_tuplets(path):
    """{(part index, offset, pitches): [tuplet, ...]} for every note, chord and rest, as music21 reads it."""
    from music21 import converter
    score = converter.parse(path, forceSource=True)
    found = {}
    for p, part in enumerate(score.parts):
        for n in part.recurse().notesAndRests:
            if n.duration.isGrace:
                continue
            pitches = tuple(sorted(x.nameWithOctave.replace('-', 'b') for x in n.pitches)) if not n.isRest else ()
            key = (p, Fraction(n.getOffsetInHierarchy(score)).limit_denominator(10 ** 6), pitches)
            found[key] = [canonical(t.numberNotesActual, t.numberNotesNormal,
                                    t.durationActual.quarterLength if t.durationActual else None,
                                    t.durationNormal.quarterLength if t.durationNormal else None)
                          for t in n.duration.tuplets]
    return found


def recompose_tuplets(binary, path):
    """The same mapping from `recompose-dev xmldump --tuplets`."""
    out = subprocess.run([binary, 'xmldump', '--tuplets', path], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        record = json.loads(line)
        if 'file' in record or record['grace']:
            continue
        pitches = tuple(sorted(record['pitches']))
        found[(record['part'], Fraction(record['offset']), pitches)] = record['tuplets']
    return found


def nesting_check(binary, files, exported):
    """(files checked, notes compared, notes that differ, notes in another order, report lines)."""
    checked, compared, differ, reordered, lines = 0, 0, 0, 0, []
    for f in files:
        try:
            if not has_nested_brackets(root_of(f)):
                continue
        except Exception:
            continue
        checked += 1
        for label, path in (('read', f), ('export', exported.get(f))):
            if path is None:
                lines.append('NESTING %s: no export' % f)
                differ += 1
                continue
            theirs, ours = music21_tuplets(path), recompose_tuplets(binary, path)
            for key in sorted(set(theirs) | set(ours)):
                compared += 1
                a, b = theirs.get(key), ours.get(key)
                # Our export numbers brackets by level, so music21 must list them in our order.
                if a is None or b is None or sorted(a) != sorted(b) or (label == 'export' and a != b):
                    differ += 1
                    lines.append('NESTING %s (%s) part %d offset %s %s: music21 %s, recompose %s'
                                 % (os.path.basename(f), label, key[0], key[1], ' '.join(key[2]) or 'rest', a, b))
                elif a != b:
                    reordered += 1
                    if label == 'read':
                        lines.append('order %s offset %s: music21 %s (by bracket number), recompose %s (outermost first)'
                                     % (os.path.basename(f), key[1], a, b))
    return checked, compared, differ, reordered, lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--recompose-dev', dest='recompose', required=True)
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('paths', nargs='+')
    a = ap.parse_args()
    files = paritylib.musicxml_files(a.paths)
    invented_notes, invented_files, unreadable, written = 0, [], 0, 0
    exports = {}
    with tempfile.TemporaryDirectory() as out:
        # xmldump --export names each output after its input's base name: one batch per name.
        batches = collections.defaultdict(list)
        seen = collections.Counter()
        for f in files:
            name = os.path.splitext(os.path.basename(f))[0]
            batches[seen[name]].append(f)
            seen[name] += 1
        for index, batch in sorted(batches.items()):
            folder = os.path.join(out, str(index))
            os.makedirs(folder)
            for i in range(0, len(batch), 100):
                subprocess.run([a.recompose, 'xmldump', '--export', folder] + batch[i:i + 100],
                               capture_output=True, text=True)
            for f in batch:
                exported = os.path.join(folder, os.path.splitext(os.path.basename(f))[0] + '.musicxml')
                if not os.path.exists(exported):
                    unreadable += 1  # the reader refused it: nothing written, nothing invented
                    continue
                written += 1
                exports[f] = os.path.join(folder, os.path.splitext(os.path.basename(f))[0] + '.musicxml')
                try:
                    root = root_of(f)
                    given, inputs = ratios(root), note_ratios(root)
                except Exception:
                    unreadable += 1
                    continue
                new = collections.Counter()
                for key, (_, tm) in note_ratios(ET.parse(exported).getroot()).items():
                    if tm is None:
                        continue
                    ratio = (int(tm.findtext('actual-notes')), int(tm.findtext('normal-notes')))
                    if key in inputs:
                        allowed = inputs[key][0]
                        ok = allowed == ratio or (isinstance(allowed, int) and odd(ratio[0]) == allowed)
                    else:
                        ok = ratio in given  # a piece the writer split off: the file's ratios
                    if not ok:
                        new[ratio] += 1
                if new:
                    count = sum(new.values())
                    invented_notes += count
                    invented_files.append((f, count, sorted(new.items(), key=lambda x: -x[1])[:4]))
        checked, compared, differ, reordered, lines = nesting_check(a.recompose, files, exports)
    for f, count, examples in sorted(invented_files, key=lambda x: -x[1]):
        print('INVENTED', f, '--', count, 'notes, e.g.', ', '.join('%d:%d ×%d' % (r[0], r[1], c) for r, c in examples))
    print('tuplets: %d files written, %d notes with a <time-modification> the input never wrote (in %d files); '
          '%d files not written (refused by the reader)' % (written, invented_notes, len(invented_files), unreadable))
    for line in lines:
        print(line)
    print('tuplets: nesting: %d files with nested brackets, %d notes compared with music21 (read and exported), '
          '%d differ, %d listed in another order' % (checked, compared, differ, reordered))
    return 0 if written and not invented_notes and checked and not differ else 1


if __name__ == '__main__':
    sys.exit(main())
