"""Tuplets written back: every MusicXML file read and written again by recompose must carry no
`<time-modification>` whose numbers (actual:normal) the input file never wrote.

A rounded `<duration>` (a triplet sixteenth stored as 42 or 43 of 256 divisions) must come back as
the file's notated 3:2, not as a ratio invented to fit the rounded number (128:85). The count is
per note of the output, matched to the input note of the same part, measure, pitch and occurrence
(a piece the writer split off a note is checked against every ratio of the input file). Uses only xml.etree: no music21 needed."""
import argparse
import collections
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--recompose-dev', dest='recompose', required=True)
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('paths', nargs='+')
    a = ap.parse_args()
    files = paritylib.musicxml_files(a.paths)
    invented_notes, invented_files, unreadable, written = 0, [], 0, 0
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
    for f, count, examples in sorted(invented_files, key=lambda x: -x[1]):
        print('INVENTED', f, '--', count, 'notes, e.g.', ', '.join('%d:%d ×%d' % (r[0], r[1], c) for r, c in examples))
    print('tuplets: %d files written, %d notes with a <time-modification> the input never wrote (in %d files); '
          '%d files not written (refused by the reader)' % (written, invented_notes, len(invented_files), unreadable))
    return 0 if written and not invented_notes else 1


if __name__ == '__main__':
    sys.exit(main())
