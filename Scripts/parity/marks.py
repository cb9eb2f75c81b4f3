"""Counts every kind of mark (beams, slurs, ornaments, technical, articulations, fermatas,
dynamics, …) in MusicXML inputs and in what `recompose convert IN OUT.musicxml` writes, with
Python's xml.etree (independent of our reader), and prints: kind, count in the inputs, % kept.

A note mark is kept when the output has it on the same note: same part, same measure, same
onset, same pitch (grace notes by their order), same kind and attributes (a beam's level and
value, a slur's type). Measure-level marks (directions, harmony, barline fermatas) are matched
by part, measure and kind. Marks the writer adds (beams computed for unbeamed measures) are not
counted. Exits non-zero when a kind in OWNED with at least MIN_COUNT occurrences keeps less
than THRESHOLD %."""
import argparse
import collections
import io
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

sys.path.insert(0, os.path.dirname(__file__))
from paritylib import musicxml_files  # noqa: E402

SHOW = None
THRESHOLD = 97.0
MIN_COUNT = 20
# Kinds the note-marks model owns; the threshold rule applies to these. Add a kind here when
# the model starts carrying it.
OWNED_PREFIXES = ('beam ', 'slur', 'glissando', 'slide', 'ornament ', 'technical ', 'articulation ',
                  'arpeggiate', 'non-arpeggiate', 'fermata (note)', 'dynamics (notations)', 'accidental-mark',
                  'other-notation', 'notehead', 'stem', 'grace slash', 'cue', 'lyric', 'tied',
                  # Typed directions and barline marks.
                  'wedge', 'pedal', 'octave-shift', 'dashes', 'bracket', 'segno', 'coda', 'rehearsal',
                  'dynamics (direction)', 'fermata (barline)',
                  # Figured bass and barlines inside the bar.
                  'figured-bass', 'barline (middle)')
# All kinds together must keep at least this share.
TOTAL_THRESHOLD = 99.0


def owned(kind):
    return kind.startswith(OWNED_PREFIXES)


def load(path):
    """The root element of a .xml/.musicxml or .mxl file."""
    if path.endswith('.mxl'):
        with zipfile.ZipFile(path) as z:
            container = ET.fromstring(z.read('META-INF/container.xml'))
            root = next(e for e in container.iter() if e.tag.endswith('rootfile')).get('full-path')
            data = z.read(root)
    else:
        with open(path, 'rb') as f:
            data = f.read()
    return ET.parse(io.BytesIO(data)).getroot()


def measures(root):
    """(part index, measure index, measure element) for partwise and timewise documents."""
    if root.tag == 'score-timewise':
        for m_index, measure in enumerate(root.findall('measure')):
            for p_index, part in enumerate(measure.findall('part')):
                yield p_index, m_index, part
    else:
        for p_index, part in enumerate(root.findall('part')):
            for m_index, measure in enumerate(part.findall('measure')):
                yield p_index, m_index, measure


def note_marks(note):
    """(kind shown in the table, key compared) for each mark of a <note>."""
    marks = []
    for beam in note.findall('beam'):
        value = (beam.text or '').strip()
        marks.append(('beam ' + value, 'beam%s:%s' % (beam.get('number', '1'), value)))
    if note.find('stem') is not None:
        marks.append(('stem', 'stem:' + (note.findtext('stem') or '').strip()))
    if note.find('notehead') is not None:
        marks.append(('notehead', 'notehead:' + (note.findtext('notehead') or '').strip()))
    grace = note.find('grace')
    if grace is not None and grace.get('slash') == 'yes':
        marks.append(('grace slash', 'grace slash'))
    if note.find('cue') is not None:
        marks.append(('cue', 'cue'))
    t = note.find('type')
    if t is not None and t.get('size') == 'cue':
        marks.append(('cue (type size)', 'type-size-cue'))
    for lyric in note.findall('lyric'):
        if lyric.find('text') is not None:
            marks.append(('lyric', 'lyric:%s:%s' % (lyric.get('number', '1'), (lyric.findtext('text') or '').strip())))
        if lyric.find('extend') is not None:
            marks.append(('lyric extend', 'extend:' + lyric.get('number', '1')))
    for notations in note.findall('notations'):
        for child in notations:
            tag = child.tag
            if tag == 'tied':
                marks.append(('tied', 'tied:' + child.get('type', '')))
            elif tag == 'slur':
                marks.append(('slur', 'slur:%s:%s' % (child.get('type'), child.get('number', '1'))))
            elif tag in ('glissando', 'slide'):
                marks.append((tag, '%s:%s' % (tag, child.get('type'))))
            elif tag == 'tuplet':
                marks.append(('tuplet', 'tuplet:' + child.get('type', '')))
            elif tag in ('ornaments', 'technical', 'articulations'):
                group = {'ornaments': 'ornament ', 'technical': 'technical ', 'articulations': 'articulation '}[tag]
                for item in child:
                    detail = (item.text or '').strip() if item.tag in ('fingering', 'string', 'fret', 'tremolo') else ''
                    detail += item.get('type', '') if item.tag in ('wavy-line', 'hammer-on', 'pull-off') else ''
                    marks.append((group + item.tag, '%s%s:%s' % (group, item.tag, detail)))
            elif tag == 'dynamics':
                for item in child:
                    marks.append(('dynamics (notations)', 'ndyn:' + item.tag))
            elif tag == 'fermata':
                marks.append(('fermata (note)', 'fermata:' + child.get('type', '')))
            elif tag in ('arpeggiate', 'non-arpeggiate', 'accidental-mark', 'other-notation'):
                marks.append((tag, tag + ':' + child.get('type', '') + (child.text or '').strip()))
            else:
                marks.append(('notations/' + tag, 'other:' + tag))
    return marks


def direction_marks(element):
    """(kind, key) for each mark of a measure-level element other than a note."""
    marks = []
    if element.tag == 'direction':
        for dt in element.findall('direction-type'):
            for item in dt:
                if item.tag == 'dynamics':
                    for d in item:
                        marks.append(('dynamics (direction)', 'dyn:' + d.tag))
                elif item.tag == 'pedal' and item.get('type') == 'change':
                    # A change is a release and a press at one point; the writer spells it so
                    # for MuseScore 3, which rejects type="change".
                    marks.append(('pedal', 'pedal:stop'))
                    marks.append(('pedal', 'pedal:start'))
                elif item.tag in ('wedge', 'pedal', 'octave-shift', 'bracket', 'dashes'):
                    marks.append((item.tag, '%s:%s' % (item.tag, item.get('type'))))
                elif item.tag in ('words', 'metronome', 'segno', 'coda', 'rehearsal'):
                    marks.append((item.tag, item.tag))
    elif element.tag == 'harmony':
        marks.append(('harmony', 'harmony'))
    elif element.tag == 'figured-bass':
        # Each figure as written: prefix, number, suffix, extension; the stack's parentheses.
        for f in element.findall('figure'):
            text = '|'.join((f.findtext(t) or '').strip() for t in ('prefix', 'figure-number', 'suffix'))
            extend = f.find('extend')
            text += '|' + ('' if extend is None else extend.get('type', 'continue'))
            marks.append(('figured-bass', 'figure:%s:%s' % (element.get('parentheses', 'no'), text)))
    elif element.tag == 'barline':
        if element.get('location') == 'middle':
            marks.append(('barline (middle)', 'mid-barline:' + (element.findtext('bar-style') or 'regular').strip()))
        for f in element.findall('fermata'):
            marks.append(('fermata (barline)', 'bfermata'))
        if element.find('repeat') is not None:
            marks.append(('repeat', 'repeat:' + element.find('repeat').get('direction', '')))
        if element.find('ending') is not None:
            marks.append(('ending', 'ending:' + element.find('ending').get('type', '')))
    return marks


def pitch_of(note):
    if note.find('rest') is not None:
        return 'rest'
    p = note.find('pitch')
    if p is not None:
        return '%s%s' % (p.findtext('step', '').strip(), p.findtext('octave', '').strip())
    u = note.find('unpitched')
    if u is not None:
        return '%s%s' % (u.findtext('display-step', 'B').strip(), u.findtext('display-octave', '4').strip())
    return '?'


# How far a rounded <duration> may move a note (see check()).
ROUNDING = Fraction(1, 16)


def collect(root):
    """{(part, measure, note key, mark key): count} and {mark key: kind}."""
    counts = collections.Counter()
    kinds = {}
    divisions = collections.defaultdict(lambda: Fraction(1))
    for p, m, measure in measures(root):
        at = Fraction(0)
        last_onset = Fraction(0)
        seen = collections.Counter()
        # Figured bass stands under the next note that is not a grace note or chord tone, each
        # after the ones before it there have run their <duration>: its place is part of its key.
        figures = []

        def place_figures(onset):
            for kind, key, duration in figures:
                full = '%s@%s' % (key, onset)
                counts[(p, m, None, full)] += 1
                kinds[full] = kind
                onset += duration
            figures.clear()

        for element in measure:
            tag = element.tag
            if tag == 'attributes':
                d = element.findtext('divisions')
                if d:
                    try:
                        divisions[p] = Fraction(d.strip())
                    except ValueError:
                        pass
                continue
            if tag in ('backup', 'forward'):
                try:
                    length = Fraction(element.findtext('duration', '0').strip()) / divisions[p]
                except (ValueError, ZeroDivisionError):
                    length = Fraction(0)
                at = max(Fraction(0), at - length) if tag == 'backup' else at + length
                continue
            if tag != 'note':
                for kind, key in direction_marks(element):
                    if kind == 'figured-bass':
                        try:
                            duration = Fraction(element.findtext('duration', '0').strip()) / divisions[p]
                        except (ValueError, ZeroDivisionError):
                            duration = Fraction(0)
                        figures.append((kind, key, duration))
                        continue
                    if kind == 'barline (middle)':
                        key = '%s@%s' % (key, at)
                    counts[(p, m, None, key)] += 1
                    kinds[key] = kind
                continue
            grace = element.find('grace') is not None
            if figures and not grace and element.find('chord') is None:
                place_figures(at)
            onset = last_onset if element.find('chord') is not None else at
            last_onset = onset
            base = (onset, pitch_of(element), grace)
            seen[base] += 1
            note_key = base + (seen[base],)
            for kind, key in note_marks(element):
                counts[(p, m, note_key, key)] += 1
                kinds[key] = kind
            if element.find('chord') is None and not grace:
                try:
                    at += Fraction(element.findtext('duration', '0').strip()) / divisions[p]
                except (ValueError, ZeroDivisionError):
                    pass
        place_figures(at)
    return counts, kinds


def check(path, binary, out_dir, index):
    """(input counts, kept counts, kinds, failure or None) for one file."""
    try:
        source = load(path)
    except Exception as e:  # not well-formed input (a test-suite file meant to fail)
        return collections.Counter(), collections.Counter(), {}, None if 'ad-' in path else 'input: %s' % e
    counts, kinds = collect(source)
    out = os.path.join(out_dir, '%d.musicxml' % index)
    run = subprocess.run([binary, 'convert', path, out], capture_output=True, text=True)
    if run.returncode != 0:
        return counts, collections.Counter(), kinds, 'convert: ' + (run.stderr.strip().splitlines() or ['?'])[-1]
    written, _ = collect(load(out))
    os.remove(out)
    kept = collections.Counter({k: min(v, written.get(k, 0)) for k, v in counts.items()})
    # A file whose <divisions> cannot express its triplets stores rounded durations; we write the
    # notated (exact) values, so a note can move by the file's rounding (under 1/16 of a quarter)
    # and its marks with it. Such a mark is kept: match what is left by everything but the onset.
    spare = collections.defaultdict(list)
    for k, v in written.items():
        extra = v - min(v, counts.get(k, 0))
        if extra > 0 and k[2] is not None:
            spare[(k[0], k[1], k[2][1:3], k[3])].append([k[2][0], extra])
    for k, v in counts.items():
        missing = v - kept[k]
        if missing <= 0 or k[2] is None:
            continue
        for candidate in spare.get((k[0], k[1], k[2][1:3], k[3]), []):
            if candidate[1] > 0 and abs(candidate[0] - k[2][0]) < ROUNDING:
                take = min(missing, candidate[1])
                candidate[1] -= take
                kept[k] += take
                missing -= take
                if missing == 0:
                    break
    if SHOW:
        for k, v in counts.items():
            if kinds[k[3]] == SHOW and kept[k] < v:
                print('LOST %s %s' % (os.path.basename(path), k))
    return counts, kept, kinds, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--recompose', required=True)
    parser.add_argument('--jobs', type=int, default=2)
    parser.add_argument('--show', help='print where marks of this kind are lost')
    parser.add_argument('paths', nargs='+')
    args = parser.parse_args()
    global SHOW
    SHOW = args.show
    files = [f for f in musicxml_files(args.paths)]
    total, kept = collections.Counter(), collections.Counter()
    failures = []
    with tempfile.TemporaryDirectory() as out_dir, ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda a: check(a[1], args.recompose, out_dir, a[0]), enumerate(files))
        for path, (counts, kept_counts, kinds, failure) in zip(files, results):
            if failure:
                failures.append('%s: %s' % (os.path.basename(path), failure))
            for key, n in counts.items():
                total[kinds[key[3]]] += n
            for key, n in kept_counts.items():
                kept[kinds[key[3]]] += n
    print('%-34s %9s %8s  %s' % ('kind', 'in inputs', 'kept %', 'owner'))
    below = []
    for kind in sorted(total, key=lambda k: (not owned(k), k)):
        pct = 100.0 * kept[kind] / total[kind]
        mine = owned(kind)
        print('%-34s %9d %7.1f%%  %s' % (kind, total[kind], pct, 'notes' if mine else 'other'))
        if mine and total[kind] >= MIN_COUNT and pct < THRESHOLD:
            below.append('%s %.1f%%' % (kind, pct))
    all_in, all_kept = sum(total.values()), sum(kept.values())
    all_pct = 100.0 * all_kept / all_in if all_in else 100.0
    print('%-34s %9d %7.1f%%' % ('all kinds', all_in, all_pct))
    if all_pct < TOTAL_THRESHOLD:
        below.append('all kinds %.1f%%' % all_pct)
    for f in failures:
        print('FAILED ' + f)
    status = 'ok' if not below and not failures else 'FAILED'
    print('marks: %s (%d files, %d marks, %d owned kinds with >= %d below %.0f%%%s%s)' % (
        status, len(files), sum(total.values()), len(below), MIN_COUNT, THRESHOLD,
        ': ' + ', '.join(below) if below else '', '; %d files failed' % len(failures) if failures else ''))
    return 0 if status == 'ok' else 1


if __name__ == '__main__':
    sys.exit(main())
