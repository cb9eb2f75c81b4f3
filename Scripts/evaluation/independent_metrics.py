"""Independent evaluation of two-hand piano pieces (issue 12), written from the metric definitions
with mido and music21 only, so that it shares no code with `recompose evaluate`.

Command (from the repository root; directories given as inputs are searched for music files):

    .venv/bin/python Scripts/evaluation/independent_metrics.py \\
        --reference ../shared/corpus/piano-midi/chopin \\
        --label chopin ../shared/corpus/piano-midi/chopin/*.mid \\
        --label generated out/*.mid [--json] [--jobs 2] [--quantize] [--fast-key]

Inputs: MIDI (.mid, .midi) and MusicXML (.musicxml, .xml, .mxl). Each `--label NAME` starts a
group; the files after it, up to the next `--label`, belong to it (files before any label form
the group "files"). The output is a table, one row per file and a mean row per group; with
`--json`, one JSON object per line instead (files, then `{"label": ..., "mean": true, ...}`).
A file that cannot be read is reported on stderr, left out of every mean, and makes the exit
status 1.

Reading a file
- Time is score time in quarter notes: MIDI ticks divided by the ticks per beat, tempo ignored.
  A note sounds on [onset, offset). MIDI notes are paired per (track, channel, key), first in
  first out; a note-on with velocity 0 is a note-off; a note still open at the end of its track
  ends at the track's last event. Channel 10 (percussion) is left out.
- Hands, MIDI: with two or more tracks holding notes, the track whose mean pitch (over its notes,
  unweighted) is highest is the treble and the lowest is the bass; any other track goes to the
  hand whose mean is nearer to its own (a tie goes to the treble). A file whose notes are all in
  one track is split at middle C: pitch >= 60 is treble. Recompose's own MIDI files have a
  conductor track without notes, then the treble staff, then the bass staff.
- Hands, MusicXML (read with music21; a two-staff part becomes two parts): the first part is the
  treble, the last the bass, any between goes to the hand whose mean pitch is nearer; a single
  part is split at middle C. Ties are merged, grace notes left out, repeats not unfolded.

Metrics (each is None/null when undefined, and a group mean is over the files where it is
defined)
- consonance: at every sixteenth-grid point (multiples of 1/4 quarter) where both hands sound,
  every pair (t, b) of a distinct treble pitch and a distinct bass pitch sounding there; the
  share, pooled over the piece, of pairs whose (t - b) mod 12 is 0, 3, 4, 7, 8 or 9 (unison or
  octave, thirds, fifth, sixths).
- pc_distance: the duration-weighted pitch-class histogram of both hands (normalised to sum 1),
  rotated so that the tonic of music21's `analyze('key')` (on `converter.parse` of the file) is
  index 0; the total-variation distance (half the L1 distance) to the mean rotated histogram of
  the reference pieces (`--reference DIR`, searched recursively) in the same mode. A reference
  piece is measured against its mode's mean, which includes itself (column `ref`). Without
  `--reference`, or with no reference piece in the mode, it is undefined. The reference means are
  cached in `.build/independent-metrics/` of the repository (or `--cache-dir DIR`) keyed by the
  directory listing (paths, sizes, modification times), so a second run does not analyse the
  reference again.
- aligned: of the distinct onset times of the bass hand, the share within 1/48 quarter of a
  treble onset.
- on_grid: of the distinct onset times of both hands, the share within 1/96 quarter of a multiple
  of 1/4 (sixteenth grid) or of 1/3 (eighth-triplet grid), counted from the start of the piece.

Also printed: the key music21 found and the number of notes per hand.

`--quantize` first moves every onset and duration to the nearest multiple of 1/4 or 1/3 quarter
(a duration that would become 0 becomes 1/4), roughly what music21's default MIDI import
(`quantizePost`) does; on_grid is then 1 by construction. Without it (the default) the raw tick
times are measured. On the 48 Chopin files, aligned is 0.684 raw and 0.721 quantized: piano-midi.de
files place some bass notes 1/12 or 1/24 quarter from a treble note, which quantizing merges.

Speed: music21's MIDI import (`converter.parse`), not its key analysis, takes most of the time:
about 5 s per Chopin file. music21 keeps a parsed copy of every file in its scratch directory, so
only the first run on a corpus is slow (48 Chopin files, 2 processes on a 2-core machine shared
with other jobs: 179 s cold, 33 s warm). `--fast-key` runs `analyze('key')` instead on a flat
music21 stream of the notes as read above (MIDI only; MusicXML is parsed anyway): the same key as
the full import for all 48 Chopin files, the same table, 16 s cold.
"""
import bisect
import hashlib
import json
import math
import os
import sys
import time
from collections import defaultdict, deque
from fractions import Fraction
import warnings
from multiprocessing import Pool

MIDI_EXTENSIONS = ('.mid', '.midi')
MUSICXML_EXTENSIONS = ('.musicxml', '.xml', '.mxl')
CONSONANT_CLASSES = frozenset({0, 3, 4, 7, 8, 9})
GRID = Fraction(1, 4)
ALIGN_TOLERANCE = Fraction(1, 48)
GRID_TOLERANCE = Fraction(1, 96)
MIDDLE_C = 60
METRICS = ('consonance', 'pc_distance', 'aligned', 'on_grid')
# Bumped whenever the histogram or key analysis changes, so cached reference means are redone.
CACHE_VERSION = 1


class MetricsError(Exception):
    """A file that cannot be measured (unreadable, no notes, unknown format), with its path."""

    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Note:
    """One sounding note: MIDI pitch, onset and offset in quarter notes (Fractions)."""
    __slots__ = ('pitch', 'onset', 'offset')

    def __init__(self, pitch, onset, offset):
        self.pitch = pitch
        self.onset = onset
        self.offset = offset

    def __repr__(self):
        return f"Note({self.pitch}, {self.onset}, {self.offset})"


# Reading -----------------------------------------------------------------------------------

def midi_tracks(path):
    """The notes of each track of a MIDI file that holds notes, as lists of Note."""
    import mido
    try:
        midi = mido.MidiFile(path)
    except Exception as error:  # mido raises several types (OSError, EOFError, ValueError, KeyError)
        raise MetricsError(path, f"unreadable MIDI ({error})") from error
    ticks_per_beat = midi.ticks_per_beat
    if not ticks_per_beat or ticks_per_beat <= 0:
        raise MetricsError(path, "not a ticks-per-beat (metrical) MIDI file")
    tracks = []
    for track in midi.tracks:
        tick = 0
        # FIFO per (channel, key): a re-struck key closes its earliest open note first.
        open_notes = defaultdict(deque)
        notes = []
        for message in track:
            tick += message.time
            if message.type not in ('note_on', 'note_off') or message.channel == 9:
                continue
            slot = (message.channel, message.note)
            if message.type == 'note_on' and message.velocity > 0:
                open_notes[slot].append(tick)
            elif open_notes[slot]:
                start = open_notes[slot].popleft()
                notes.append(Note(message.note, Fraction(start, ticks_per_beat), Fraction(tick, ticks_per_beat)))
        for (channel, key), starts in open_notes.items():
            for start in starts:
                notes.append(Note(key, Fraction(start, ticks_per_beat), Fraction(tick, ticks_per_beat)))
        if notes:
            notes.sort(key=lambda n: (n.onset, n.pitch))
            tracks.append(notes)
    return tracks


def quarters(value):
    """A music21 offset or quarterLength (float or Fraction) as an exact Fraction."""
    return Fraction(value).limit_denominator(1 << 20)


def music21_parts(score):
    """The notes of each part of a music21 score (ties merged, grace notes left out)."""
    parts = []
    for part in score.parts:
        notes = []
        for element in part.stripTies().flatten().notes:
            if element.duration.isGrace or element.quarterLength == 0:
                continue
            onset = quarters(element.offset)
            offset = onset + quarters(element.quarterLength)
            for pitch in element.pitches:
                notes.append(Note(pitch.midi, onset, offset))
        if notes:
            notes.sort(key=lambda n: (n.onset, n.pitch))
            parts.append(notes)
    return parts


def snap(value):
    """The nearest multiple of 1/4 or 1/3 (the lower on a tie)."""
    candidates = [Fraction(round(value * 4), 4), Fraction(round(value * 3), 3)]
    return min(candidates, key=lambda c: (abs(c - value), c))


def quantized(notes):
    """Notes with onsets and durations snapped to the sixteenth / eighth-triplet grid."""
    result = []
    for note in notes:
        onset = snap(note.onset)
        length = snap(note.offset - note.onset) or Fraction(1, 4)
        result.append(Note(note.pitch, onset, onset + length))
    result.sort(key=lambda n: (n.onset, n.pitch))
    return result


def mean_pitch(notes):
    """Mean MIDI pitch of the notes, each note counted once."""
    return sum(n.pitch for n in notes) / len(notes)


def split_hands(groups, ordered):
    """(treble, bass) note lists from per-track (or per-part) note lists.

    `ordered` False (MIDI): the highest-mean group is the treble, the lowest the bass. `ordered`
    True (MusicXML): the first group is the treble, the last the bass. Either way any other group
    joins the hand whose mean pitch is nearer to its own, and a single group is split at middle C."""
    if not groups:
        return [], []
    if len(groups) == 1:
        notes = groups[0]
        return [n for n in notes if n.pitch >= MIDDLE_C], [n for n in notes if n.pitch < MIDDLE_C]
    means = [mean_pitch(g) for g in groups]
    if ordered:
        top, bottom = 0, len(groups) - 1
    else:
        top = max(range(len(groups)), key=lambda i: means[i])
        # A distinct bottom even when all means are equal, so that both hands exist.
        bottom = min((i for i in range(len(groups)) if i != top), key=lambda i: means[i])
    treble, bass = [], []
    for i, group in enumerate(groups):
        if i == top:
            treble += group
        elif i == bottom:
            bass += group
        elif abs(means[i] - means[top]) <= abs(means[i] - means[bottom]):
            treble += group
        else:
            bass += group
    treble.sort(key=lambda n: (n.onset, n.pitch))
    bass.sort(key=lambda n: (n.onset, n.pitch))
    return treble, bass


# Metrics -----------------------------------------------------------------------------------

def grid_pitches(notes):
    """{sixteenth-grid index k: set of pitches sounding at k/4 quarter}."""
    sounding = defaultdict(set)
    for note in notes:
        # Grid points k/4 with onset <= k/4 < offset.
        for k in range(math.ceil(note.onset / GRID), math.ceil(note.offset / GRID)):
            sounding[k].add(note.pitch)
    return sounding


def consonance(treble, bass):
    """Share of consonant (treble, bass) pitch pairs over the sixteenth-grid points where both
    hands sound; None when the hands never sound together."""
    top, low = grid_pitches(treble), grid_pitches(bass)
    consonant = total = 0
    memo = {}
    for k, upper in top.items():
        lower = low.get(k)
        if not lower:
            continue
        pair = (frozenset(upper), frozenset(lower))
        if pair not in memo:
            memo[pair] = (sum(1 for t in upper for b in lower if (t - b) % 12 in CONSONANT_CLASSES),
                          len(upper) * len(lower))
        c, n = memo[pair]
        consonant += c
        total += n
    return consonant / total if total else None


def onsets(notes):
    """Distinct onset times, sorted."""
    return sorted({n.onset for n in notes})


def aligned(treble, bass):
    """Share of distinct bass onsets within ALIGN_TOLERANCE of a treble onset; None without bass."""
    low, top = onsets(bass), onsets(treble)
    if not low:
        return None
    hits = 0
    for t in low:
        i = bisect.bisect_left(top, t - ALIGN_TOLERANCE)
        if i < len(top) and top[i] <= t + ALIGN_TOLERANCE:
            hits += 1
    return hits / len(low)


def on_grid(treble, bass):
    """Share of distinct onsets (both hands) on the sixteenth or eighth-triplet grid."""
    times = onsets(treble + bass)
    if not times:
        return None

    def near(t, step):
        units = t / step
        return abs(units - round(units)) * step <= GRID_TOLERANCE

    return sum(1 for t in times if near(t, Fraction(1, 4)) or near(t, Fraction(1, 3))) / len(times)


def pitch_class_histogram(notes, tonic):
    """Duration-weighted pitch-class shares, index 0 = `tonic`; None when nothing sounds."""
    weights = [0.0] * 12
    for note in notes:
        weights[(note.pitch - tonic) % 12] += float(note.offset - note.onset)
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else None


def total_variation(p, q):
    """Half the L1 distance between two distributions (0 = equal, 1 = disjoint)."""
    return sum(abs(a - b) for a, b in zip(p, q)) / 2


# One file ----------------------------------------------------------------------------------

def notes_stream(notes):
    """A flat music21 stream of the notes (for the key analysis without music21's MIDI import)."""
    import music21
    stream = music21.stream.Stream()
    for note in notes:
        if note.offset > note.onset:
            stream.coreInsert(float(note.onset), music21.note.Note(note.pitch, quarterLength=float(note.offset - note.onset)))
    stream.coreElementsChanged()
    return stream


def analyse(path, quantize=False, fast_key=False):
    """Everything about one file except pc_distance (which needs the reference means):
    a dict, or {'path', 'error'} when the file cannot be measured."""
    try:
        import music21
        # music21 warns about every MIDI track name it cannot map to an instrument.
        warnings.simplefilter('ignore')
        lower = path.lower()
        score = None
        if lower.endswith(MIDI_EXTENSIONS):
            groups, ordered = midi_tracks(path), False
        elif not lower.endswith(MUSICXML_EXTENSIONS):
            raise MetricsError(path, "not a .mid/.midi/.musicxml/.xml/.mxl file")
        if not (fast_key and lower.endswith(MIDI_EXTENSIONS)):
            try:
                score = music21.converter.parse(path)
            except Exception as error:  # music21 raises many types for malformed input
                raise MetricsError(path, f"music21 cannot read it ({error})") from error
        if lower.endswith(MUSICXML_EXTENSIONS):
            groups, ordered = music21_parts(score), True
        if quantize:
            groups = [quantized(g) for g in groups]
        treble, bass = split_hands(groups, ordered)
        if not treble and not bass:
            raise MetricsError(path, "no notes")
        if score is None:
            score = notes_stream(treble + bass)
        try:
            key = score.analyze('key')
        except Exception as error:
            raise MetricsError(path, f"music21 key analysis failed ({error})") from error
        tonic = key.tonic.pitchClass
        return {
            'path': path,
            'key': f"{key.tonic.name} {key.mode}",
            'mode': key.mode,
            'histogram': pitch_class_histogram(treble + bass, tonic),
            'treble_notes': len(treble),
            'bass_notes': len(bass),
            'consonance': consonance(treble, bass),
            'aligned': aligned(treble, bass),
            'on_grid': on_grid(treble, bass),
        }
    except MetricsError as error:
        return {'path': path, 'error': error.reason}


# Reference means ---------------------------------------------------------------------------

def music_files(directory):
    """Music files under a directory, recursively, sorted."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(MIDI_EXTENSIONS + MUSICXML_EXTENSIONS):
                found.append(os.path.join(root, name))
    return found


def listing_key(files, quantize, fast_key):
    """A hash of the files' paths, sizes and modification times, the cache and music21 versions
    (key analysis may change between releases) and the options that change histograms or keys."""
    import music21
    digest = hashlib.sha256(f"{CACHE_VERSION} {music21.__version__} {quantize} {fast_key}".encode())
    for f in files:
        stat = os.stat(f)
        digest.update(f"{os.path.abspath(f)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def mode_means(records):
    """{mode: mean rotated histogram} over the records that have one."""
    sums, counts = {}, defaultdict(int)
    for r in records:
        if 'error' in r or r['histogram'] is None:
            continue
        acc = sums.setdefault(r['mode'], [0.0] * 12)
        for i, v in enumerate(r['histogram']):
            acc[i] += v
        counts[r['mode']] += 1
    return {mode: [v / counts[mode] for v in acc] for mode, acc in sums.items()}


# Command line ------------------------------------------------------------------------------

USAGE = ("usage: independent_metrics.py [--reference DIR] [--cache-dir DIR] [--json] [--quantize] [--fast-key] [--jobs N] "
         "[--label NAME] FILE_OR_DIR... [--label NAME FILE_OR_DIR...]...")


def parse_arguments(argv):
    """(groups [(label, [paths])], reference dir or None, cache dir, json flag, quantize flag,
    fast-key flag, jobs)."""
    groups, reference, as_json, quantize, fast_key, jobs = [], None, False, False, False, 2
    cache_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                                              '.build', 'independent-metrics'))
    current = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('-h', '--help'):
            print(__doc__)
            print(USAGE)
            sys.exit(0)
        if arg in ('--reference', '--label', '--jobs', '--cache-dir'):
            if i + 1 >= len(argv):
                raise SystemExit(f"{arg} needs a value\n{USAGE}")
            value = argv[i + 1]
            i += 2
            if arg == '--reference':
                reference = value
            elif arg == '--cache-dir':
                cache_dir = value
            elif arg == '--jobs':
                try:
                    jobs = max(1, int(value))
                except ValueError:
                    raise SystemExit(f"--jobs needs a number, not {value!r}")
            else:
                current = (value, [])
                groups.append(current)
            continue
        if arg == '--json':
            as_json = True
        elif arg == '--quantize':
            quantize = True
        elif arg == '--fast-key':
            fast_key = True
        elif arg.startswith('--'):
            raise SystemExit(f"unknown option {arg}\n{USAGE}")
        else:
            if current is None:
                current = ('files', [])
                groups.append(current)
            if os.path.isdir(arg):
                current[1].extend(music_files(arg))
            else:
                current[1].append(arg)
        i += 1
    groups = [g for g in groups if g[1]]
    if not groups:
        raise SystemExit(f"no input files\n{USAGE}")
    if reference is not None and not os.path.isdir(reference):
        raise SystemExit(f"--reference {reference}: not a directory")
    return groups, reference, cache_dir, as_json, quantize, fast_key, jobs


def fmt(value, width=8):
    """A metric for the table: three decimals, or '-' when undefined."""
    return f"{value:>{width}.3f}" if value is not None else f"{'-':>{width}}"


def main(argv):
    """Runs the command line; returns the exit status (1 when a file could not be measured)."""
    started = time.monotonic()
    groups, reference, cache_dir, as_json, quantize, fast_key, jobs = parse_arguments(argv)
    inputs = list(dict.fromkeys(os.path.abspath(p) for _, paths in groups for p in paths))

    reference_files = [os.path.abspath(f) for f in music_files(reference)] if reference else []
    means, cache_file, cache_hit = None, None, False
    if reference:
        cache_file = os.path.join(cache_dir, f"reference-{listing_key(reference_files, quantize, fast_key)[:32]}.json")
        try:
            with open(cache_file) as handle:
                means, cache_hit = json.load(handle), True
        except (OSError, ValueError):
            means = None
    to_analyse = list(inputs)
    if reference and not cache_hit:
        known = set(inputs)
        to_analyse += [f for f in reference_files if f not in known]

    if jobs > 1 and len(to_analyse) > 1:
        # Largest files first, so that no long file is left running alone at the end.
        by_size = sorted(to_analyse, key=lambda p: -os.path.getsize(p) if os.path.exists(p) else 0)
        with Pool(min(jobs, len(to_analyse))) as pool:
            records = pool.starmap(analyse, [(p, quantize, fast_key) for p in by_size], chunksize=1)
    else:
        records = [analyse(p, quantize, fast_key) for p in to_analyse]
    by_path = {r['path']: r for r in records}

    if reference and not cache_hit:
        reference_records = [by_path[f] for f in reference_files]
        for r in reference_records:
            if 'error' in r:
                print(f"warning: reference {r['path']} left out: {r['error']}", file=sys.stderr)
        means = mode_means(reference_records)
        try:
            os.makedirs(os.path.dirname(cache_file), exist_ok=True)
            with open(cache_file, 'w') as handle:
                json.dump(means, handle)
        except OSError as error:
            # The cache only saves time; the figures are the same without it.
            print(f"warning: cannot write the cache {cache_file}: {error}", file=sys.stderr)
    reference_set = set(reference_files)

    failed = False
    if not as_json:
        print(f"{'file':<28} {'key':<10} {'ref':>3} {'treble':>6} {'bass':>6} "
              + " ".join(f"{m:>11}" for m in METRICS))
    for label, paths in groups:
        sums, counts, files = defaultdict(float), defaultdict(int), 0
        for p in paths:
            r = by_path[os.path.abspath(p)]
            if 'error' in r:
                failed = True
                print(f"error: {p}: {r['error']}", file=sys.stderr)
                continue
            files += 1
            mean = (means or {}).get(r['mode'])
            distance = total_variation(r['histogram'], mean) if mean and r['histogram'] else None
            row = {'label': label, 'file': p, 'key': r['key'], 'reference': r['path'] in reference_set,
                   'treble_notes': r['treble_notes'], 'bass_notes': r['bass_notes'],
                   'consonance': r['consonance'], 'pc_distance': distance,
                   'aligned': r['aligned'], 'on_grid': r['on_grid']}
            for m in METRICS:
                if row[m] is not None:
                    sums[m] += row[m]
                    counts[m] += 1
            if as_json:
                print(json.dumps(row))
            else:
                print(f"{os.path.basename(p)[:28]:<28} {r['key']:<10} {'yes' if row['reference'] else '':>3} "
                      f"{r['treble_notes']:>6} {r['bass_notes']:>6} "
                      + " ".join(fmt(row[m], 11) for m in METRICS))
        group_mean = {m: (sums[m] / counts[m] if counts[m] else None) for m in METRICS}
        if as_json:
            print(json.dumps({'label': label, 'mean': True, 'files': files, **group_mean}))
        else:
            print(f"{'mean ' + label + ' (' + str(files) + ')':<28} {'':<10} {'':>3} {'':>6} {'':>6} "
                  + " ".join(fmt(group_mean[m], 11) for m in METRICS))
    print(f"{len(to_analyse)} files analysed in {time.monotonic() - started:.1f} s"
          + (f"; reference means {'read from' if cache_hit else 'written to'} {cache_file}" if reference else ""),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
