"""Self-check of independent_metrics.py on tiny files built here with mido (and one hand-written
MusicXML file), against values worked out by hand in the comments.

    cd Scripts/evaluation && ../../.venv/bin/python -m unittest test_independent_metrics
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest
from fractions import Fraction

import mido

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import independent_metrics as im  # noqa: E402

TPQ = 480


def track(notes, name=None):
    """A mido track from (pitch, onset tick, offset tick) triples."""
    events = []
    for pitch, on, off in notes:
        events.append((on, 1, mido.Message('note_on', note=pitch, velocity=80)))
        events.append((off, 0, mido.Message('note_off', note=pitch, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    result = mido.MidiTrack()
    if name:
        result.append(mido.MetaMessage('track_name', name=name, time=0))
    tick = 0
    for at, _, message in events:
        result.append(message.copy(time=at - tick))
        tick = at
    return result


def write_midi(path, *tracks, conductor=True):
    """A format-1 file laid out as Recompose writes it: a conductor track without notes, then
    one track per staff."""
    midi = mido.MidiFile(type=1, ticks_per_beat=TPQ)
    if conductor:
        head = mido.MidiTrack()
        head.append(mido.MetaMessage('set_tempo', tempo=500000, time=0))
        midi.tracks.append(head)
    for notes in tracks:
        midi.tracks.append(track(notes))
    midi.save(path)
    return path


def q(quarters):
    """Ticks of a number of quarter notes."""
    return int(quarters * TPQ)


class Measures(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def hands(self, path):
        return im.split_hands(im.midi_tracks(path), ordered=False)

    def test_consonant_piece(self):
        # Treble C5 E5 quarters over a bass C3 half: pairs 72-48 = 24 (class 0) at grid points
        # 0..3 and 76-48 = 28 (class 4) at 4..7, all consonant; the one bass onset meets a
        # treble onset; onsets 0 and 1 are on the grid.
        path = write_midi(self.path('a.mid'), [(72, 0, q(1)), (76, q(1), q(2))], [(48, 0, q(2))])
        treble, bass = self.hands(path)
        self.assertEqual([n.pitch for n in treble], [72, 76])
        self.assertEqual([n.pitch for n in bass], [48])
        self.assertEqual(im.consonance(treble, bass), 1.0)
        self.assertEqual(im.aligned(treble, bass), 1.0)
        self.assertEqual(im.on_grid(treble, bass), 1.0)

    def test_minor_second(self):
        # C#4 over C3: (61 - 48) mod 12 = 1, dissonant at every grid point.
        path = write_midi(self.path('b.mid'), [(61, 0, q(1))], [(48, 0, q(1))])
        self.assertEqual(im.consonance(*self.hands(path)), 0.0)

    def test_half_consonant_half_aligned(self):
        # Treble E4 for two quarters; bass C3 then D3. Grid points 0..3: 64-48 = 16 (class 4,
        # consonant); 4..7: 64-50 = 14 (class 2, dissonant): 4 of 8 pairs. Bass onsets 0 and 1,
        # treble onset only at 0: aligned 1/2.
        path = write_midi(self.path('c.mid'), [(64, 0, q(2))], [(48, 0, q(1)), (50, q(1), q(2))])
        treble, bass = self.hands(path)
        self.assertEqual(im.consonance(treble, bass), 0.5)
        self.assertEqual(im.aligned(treble, bass), 0.5)

    def test_pairs_are_pooled_over_grid_points_and_hand_crossing_counts_downwards(self):
        # Grid points 0..3: treble {72, 79} over bass {48}: classes 0 and 7, 2 consonant of 2.
        # Grid points 4..7: treble {55} under bass {60} (hands crossed): (55-60) mod 12 = 7,
        # consonant. Then grid points 8..11: treble {65} over bass {60}: class 5 (a fourth), not
        # consonant. Pairs: 8 + 4 + 4 = 16, consonant 12.
        path = write_midi(self.path('d.mid'),
                          [(72, 0, q(1)), (79, 0, q(1)), (55, q(1), q(2)), (65, q(2), q(3))],
                          [(48, 0, q(1)), (60, q(1), q(3))])
        treble, bass = im.split_hands(im.midi_tracks(path), ordered=False)
        self.assertEqual(im.consonance(treble, bass), 12 / 16)

    def test_no_common_sounding_gives_none(self):
        path = write_midi(self.path('e.mid'), [(72, 0, q(1))], [(48, q(1), q(2))])
        self.assertIsNone(im.consonance(*self.hands(path)))

    def test_alignment_tolerance(self):
        # Bass onsets 10 ticks (1/48 quarter, inside) and 491 ticks (1 + 11/480, outside) from the
        # treble onsets 0 and 480.
        path = write_midi(self.path('f.mid'), [(72, 0, q(1)), (74, q(1), q(2))],
                          [(48, 10, q(1)), (50, q(1) + 11, q(2))])
        self.assertEqual(im.aligned(*self.hands(path)), 0.5)

    def test_on_grid(self):
        # Onsets 0, 96 (1/5: 0.05 from 1/4, off), 125 (1/4 + 1/96: on, the bound), 126 (1/4 +
        # 1/80: off), 160 (1/3: on); both hands counted once per distinct time: 3 of 5.
        path = write_midi(self.path('g.mid'), [(72, 0, 96), (74, 96, 125), (76, 125, 126)],
                          [(48, 0, 126), (50, 126, 160), (52, 160, 480), (41, 160, 480)])
        self.assertEqual(im.on_grid(*self.hands(path)), 0.6)

    def test_hands_by_mean_pitch_not_track_order(self):
        # Bass track first, then the treble, then an inner track (mean 58) nearer the bass mean
        # (49) than the treble mean (72); an inner track at 62 goes to the treble.
        path = write_midi(self.path('h.mid'), [(48, 0, q(1)), (50, 0, q(1))], [(72, 0, q(1))],
                          [(58, 0, q(1))], [(62, 0, q(1))])
        treble, bass = self.hands(path)
        self.assertEqual(sorted(n.pitch for n in treble), [62, 72])
        self.assertEqual(sorted(n.pitch for n in bass), [48, 50, 58])

    def test_single_track_split_at_middle_c(self):
        path = write_midi(self.path('i.mid'), [(60, 0, q(1)), (59, 0, q(1)), (72, 0, q(1))], conductor=False)
        treble, bass = self.hands(path)
        self.assertEqual(sorted(n.pitch for n in treble), [60, 72])
        self.assertEqual([n.pitch for n in bass], [59])

    def test_velocity_zero_ends_a_note_and_repeated_keys_pair_first_in_first_out(self):
        midi = mido.MidiFile(type=0, ticks_per_beat=TPQ)
        t = mido.MidiTrack()
        t += [mido.Message('note_on', note=64, velocity=80, time=0),
              mido.Message('note_on', note=64, velocity=80, time=240),
              mido.Message('note_on', note=64, velocity=0, time=240),
              mido.Message('note_off', note=64, velocity=0, time=480)]
        midi.tracks.append(t)
        path = self.path('j.mid')
        midi.save(path)
        [notes] = im.midi_tracks(path)
        self.assertEqual([(n.onset, n.offset) for n in notes],
                         [(Fraction(0), Fraction(1)), (Fraction(1, 2), Fraction(2))])

    def test_histogram_rotation_and_total_variation(self):
        # C4 one quarter, E4 two, G4 one: shares 1/4, 1/2, 1/4. Rotated to G (7): G at 0,
        # C at (0-7) mod 12 = 5, E at 9.
        notes = [im.Note(60, Fraction(0), Fraction(1)), im.Note(64, Fraction(1), Fraction(3)),
                 im.Note(67, Fraction(3), Fraction(4))]
        in_c = im.pitch_class_histogram(notes, 0)
        self.assertEqual(in_c, [0.25, 0, 0, 0, 0.5, 0, 0, 0.25, 0, 0, 0, 0])
        in_g = im.pitch_class_histogram(notes, 7)
        self.assertEqual(in_g, [0.25, 0, 0, 0, 0, 0.25, 0, 0, 0, 0.5, 0, 0])
        self.assertEqual(im.total_variation([1, 0], [0.5, 0.5]), 0.5)

    def test_quantize_snaps_onsets_and_durations(self):
        notes = im.quantized([im.Note(60, Fraction(40, 480), Fraction(50, 480)),
                              im.Note(62, Fraction(150, 480), Fraction(300, 480))])
        # 1/12 is nearest 0; its length 1/48 snaps to 0 and becomes 1/4. 0.3125 is nearest 1/3
        # (0.0208 away, 1/4 is 0.0625); length 0.3125 also becomes 1/3.
        self.assertEqual([(n.onset, n.offset) for n in notes],
                         [(Fraction(0), Fraction(1, 4)), (Fraction(1, 3), Fraction(2, 3))])


def run_json(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = im.main(args + ['--json'])
    return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.reference = os.path.join(self.dir.name, 'reference')
        self.cache = os.path.join(self.dir.name, 'cache')
        os.mkdir(self.reference)

    def test_pc_distance_against_the_mode_mean(self):
        # a: treble E5 D5 B4 C5 quarters over bass C3 and G2 halves. Durations (of 8): C 1+2,
        # D 1, E 1, G 2, B 1. b: a a fifth higher (G major), the same rotated histogram.
        # d: treble E5 F5 D5 C5, same bass: C 3, D 1, E 1, F 1, G 2. TV(a, d) = (1/8 + 1/8)/2 = 1/8.
        # Major mean = (2a + d)/3, so a and b are TV(a, d)/3 = 1/24 from it and d 2/3 * 1/8 = 1/12.
        def piece(name, treble, shift=0):
            return write_midi(os.path.join(self.reference, name),
                              [(p + shift, q(i), q(i + 1)) for i, p in enumerate(treble)],
                              [(48 + shift, 0, q(2)), (43 + shift, q(2), q(4))])
        a = piece('a.mid', [76, 74, 71, 72])
        b = piece('b.mid', [76, 74, 71, 72], shift=7)
        d = piece('d.mid', [76, 77, 74, 72])
        args = ['--reference', self.reference, '--cache-dir', self.cache, '--jobs', '2', '--label', 'x', a, b, d]
        status, rows, err = run_json(args)
        self.assertEqual(status, 0)
        self.assertIn('written to', err)
        by_name = {os.path.basename(r['file']): r for r in rows if not r.get('mean')}
        self.assertEqual([by_name[n]['key'] for n in ('a.mid', 'b.mid', 'd.mid')],
                         ['C major', 'G major', 'C major'])
        self.assertTrue(all(r['reference'] for r in by_name.values()))
        self.assertAlmostEqual(by_name['a.mid']['pc_distance'], 1 / 24)
        self.assertAlmostEqual(by_name['b.mid']['pc_distance'], 1 / 24)
        self.assertAlmostEqual(by_name['d.mid']['pc_distance'], 1 / 12)
        [mean] = [r for r in rows if r.get('mean')]
        self.assertEqual((mean['label'], mean['files']), ('x', 3))
        self.assertAlmostEqual(mean['pc_distance'], (1 / 24 + 1 / 24 + 1 / 12) / 3)

        # The second run reads the reference means from the cache and agrees.
        status, again, err = run_json(args)
        self.assertIn('read from', err)
        self.assertEqual(again, rows)

        # The key from the notes as read (no music21 MIDI import) is the same here, so are the rows.
        status, fast, err = run_json(args + ['--fast-key'])
        self.assertIn('written to', err)
        for row, other in zip(rows, fast):
            for name in ('key', 'pc_distance', 'consonance', 'aligned', 'on_grid'):
                if isinstance(row.get(name), float):
                    self.assertAlmostEqual(row[name], other[name])
                else:
                    self.assertEqual(row.get(name), other.get(name))

    def test_musicxml_two_staves(self):
        # One piano part on two staves: staff 1 C5 E5 quarters, staff 2 C3 half (as in the first
        # MIDI test): consonance 1, aligned 1, on grid 1.
        path = os.path.join(self.dir.name, 'p.musicxml')
        with open(path, 'w') as f:
            f.write(MUSICXML)
        status, rows, _ = run_json(['--jobs', '1', path])
        self.assertEqual(status, 0)
        row = rows[0]
        self.assertEqual((row['treble_notes'], row['bass_notes']), (2, 1))
        self.assertEqual((row['consonance'], row['aligned'], row['on_grid']), (1.0, 1.0, 1.0))
        self.assertIsNone(row['pc_distance'])

    def test_unreadable_file_is_reported_and_left_out(self):
        bad = os.path.join(self.dir.name, 'bad.mid')
        with open(bad, 'wb') as f:
            f.write(b'not a midi file')
        good = write_midi(os.path.join(self.dir.name, 'good.mid'), [(72, 0, q(1))], [(48, 0, q(1))])
        status, rows, err = run_json(['--jobs', '1', bad, good])
        self.assertEqual(status, 1)
        self.assertIn('bad.mid', err)
        self.assertEqual([os.path.basename(r['file']) for r in rows if not r.get('mean')], ['good.mid'])
        self.assertEqual(rows[-1]['files'], 1)


MUSICXML = """<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="3.1">
  <part-list><score-part id="P1"><part-name>Piano</part-name></score-part></part-list>
  <part id="P1">
    <measure number="1">
      <attributes><divisions>1</divisions><time><beats>2</beats><beat-type>4</beat-type></time>
        <staves>2</staves><clef number="1"><sign>G</sign><line>2</line></clef>
        <clef number="2"><sign>F</sign><line>4</line></clef></attributes>
      <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type><staff>1</staff></note>
      <note><pitch><step>E</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type><staff>1</staff></note>
      <backup><duration>2</duration></backup>
      <note><pitch><step>C</step><octave>3</octave></pitch><duration>2</duration><voice>5</voice><type>half</type><staff>2</staff></note>
    </measure>
  </part>
</score-partwise>
"""

if __name__ == '__main__':
    unittest.main()
