"""Hand separation on ground truth: every piano part of the given MusicXML files written on a
treble and a bass staff is merged into one list of notes by `recompose-dev hands`, separated
again, and scored by the notes that land on the staff the file put them on, against a split at
middle C (copies of one key struck together, a unison written on both staves, count as
interchangeable). The staff counts are checked independently here, from the MusicXML with
xml.etree."""
import json
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

from paritylib import musicxml_files


def root_of(path):
    """The score element of a .xml/.musicxml file or of the root file named in an .mxl's container."""
    if path.endswith('.mxl'):
        with zipfile.ZipFile(path) as z:
            container = ET.fromstring(z.read('META-INF/container.xml'))
            name = next(e.get('full-path') for e in container.iter() if e.tag.endswith('rootfile'))
            return ET.fromstring(z.read(name))
    return ET.parse(path).getroot()


def staff_counts(path):
    """{part id: [notes on staff 1, notes on staff 2]} for parts declaring two staves; grace
    notes, rests and unpitched notes left out, as the separation leaves them out."""
    counts = {}
    for part in root_of(path).iter('part'):
        if not any(s.text and s.text.strip() == '2' for s in part.iter('staves')):
            continue
        c = [0, 0]
        for note in part.iter('note'):
            if note.find('pitch') is None or note.find('grace') is not None:
                continue
            staff = note.find('staff')
            number = int(staff.text) if staff is not None else 1
            if number in (1, 2):
                c[number - 1] += 1
        counts[part.get('id')] = c
    return counts


def main():
    binary, paths = sys.argv[1], [a for a in sys.argv[2:] if not a.startswith("--")]
    files = musicxml_files(paths)
    out = subprocess.run([binary, 'hands'] + files, capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    total = base = cost = 0
    parts = below = mismatched = errors = 0
    per_file = {}
    for r in records:
        if 'error' in r:
            errors += 1
            continue
        expected = staff_counts(r['file']).get(r['part'])
        if expected != [r['staff1'], r['staff2']]:
            mismatched += 1
            print('hands: %s part %s: staves %s in the file, %s read' % (r['file'], r['part'], expected, [r['staff1'], r['staff2']]))
            continue
        n = r['staff1'] + r['staff2']
        if n == 0:
            continue
        parts += 1
        total += n
        base += r['baseline']
        cost += r['cost']
        f = per_file.setdefault(r['file'], [0, 0, 0])
        f[0] += n; f[1] += r['baseline']; f[2] += r['cost']
    # Every file above the fixed split (or both perfect).
    worse = sorted((c / n - b / n, name, n, b, c) for name, (n, b, c) in per_file.items() if n and (c < b or c == b < n))
    below = len(worse)
    for gap, name, n, b, c in worse:
        print('hands: not above the baseline: %s: %d notes, %.2f%% vs %.2f%%' % (name, n, 100 * c / n, 100 * b / n))
    margin = min((c - b) / n for n, b, c in per_file.values() if n) if per_file else 0
    if '--verbose' in sys.argv:
        for name, (n, b, c) in sorted(per_file.items()):
            print('  %s: %d notes, cost %.2f%%, middle C %.2f%%' % (name, n, 100 * c / n, 100 * b / n))
    if total == 0:
        sys.exit('hands: no two-staff piano part found')
    print('hands: %d files, %d parts, %d notes: %.2f%% on the right staff (middle-C split %.2f%%); '
          'smallest margin over the split on a file %+.2f points; '
          '%d files not above the baseline, %d unreadable, %d with staff counts differing from the file'
          % (len(per_file), parts, total, 100 * cost / total, 100 * base / total, 100 * margin, below, errors, mismatched))
    # Issue 17: at least 95% overall, and above the fixed split on every file.
    if cost / total < 0.95 or below or mismatched:
        sys.exit(1)


if __name__ == '__main__':
    main()
