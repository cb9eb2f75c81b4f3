#!/usr/bin/env python3
"""Writes Recompose's bundled training corpus: two-hand piano exercises of 32 bars in MusicXML.

Every piece is composed by this script (no third-party music): a chord progression in a key,
a right-hand melody built from chord tones and passing notes in varied rhythms (with the odd
triplet), and a left hand in one of several accompaniment patterns (Alberti bass, block chords,
broken chords, waltz bass). The corpus therefore covers many keys, 4/4 and 3/4, ties-free
rhythms, chords and tuplets: what preprocessing must handle. Deterministic: the same script
writes the same files. Standard library only.

    python3 Scripts/make-corpus.py Corpus/exercises
"""
import os
import random
import sys
from xml.sax.saxutils import escape

DIVISIONS = 12  # quarter = 12: eighth 6, sixteenth 3, triplet eighth 4
STEPS = "CDEFGAB"
NATURAL = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
TYPES = {48: ("whole", 0), 36: ("half", 1), 24: ("half", 0), 18: ("quarter", 1), 12: ("quarter", 0),
         9: ("eighth", 1), 6: ("eighth", 0), 3: ("16th", 0)}

# (tonic step, tonic alter, mode, fifths)
KEYS = [("C", 0, "major", 0), ("G", 0, "major", 1), ("D", 0, "major", 2), ("F", 0, "major", -1),
        ("B", -1, "major", -2), ("E", -1, "major", -3), ("A", 0, "major", 3),
        ("A", 0, "minor", 0), ("E", 0, "minor", 1), ("D", 0, "minor", -1), ("G", 0, "minor", -2),
        ("B", 0, "minor", 2), ("C", 0, "minor", -3)]
MAJOR = [0, 2, 4, 5, 7, 9, 11]
HARMONIC_MINOR = [0, 2, 3, 5, 7, 8, 11]
PROGRESSIONS = {
    "major": [[1, 4, 5, 1], [1, 6, 4, 5], [1, 2, 5, 1], [1, 4, 1, 5], [6, 4, 5, 1], [1, 5, 6, 4]],
    "minor": [[1, 4, 5, 1], [1, 6, 4, 5], [1, 4, 7, 3], [1, 5, 1, 5], [4, 5, 1, 1], [1, 7, 6, 5]],
}
RHYTHMS_4 = [[12, 12, 12, 12], [24, 12, 12], [6, 6, 12, 12, 12], [18, 6, 24], [12, 6, 6, 24],
             [6, 6, 6, 6, 12, 12], [36, 12], [4, 4, 4, 12, 24], [12, 12, 24], [3, 3, 6, 12, 24]]
RHYTHMS_3 = [[12, 12, 12], [24, 12], [6, 6, 12, 12], [18, 6, 12], [36], [4, 4, 4, 24], [12, 6, 6, 12]]


class Key:
    def __init__(self, step, alter, mode, fifths):
        self.step, self.alter, self.mode, self.fifths = step, alter, mode, fifths
        self.scale = MAJOR if mode == "major" else HARMONIC_MINOR

    def degree_pitch(self, degree, octave):
        """(step, alter, octave) of scale degree (1-based, may exceed 7) above the tonic in octave."""
        d = degree - 1
        step_index = (STEPS.index(self.step) + d) % 7
        octave_shift = (STEPS.index(self.step) + d) // 7
        semis = self.scale[d % 7] + 12 * (d // 7)
        tonic_midi = 12 * (octave + 1) + NATURAL[self.step] + self.alter
        midi = tonic_midi + semis
        step = STEPS[step_index]
        o = octave + octave_shift
        natural = 12 * (o + 1) + NATURAL[step]
        return (step, midi - natural, o)


def midi_of(p):
    return 12 * (p[2] + 1) + NATURAL[p[0]] + p[1]


def chord_degrees(root):
    return [root, root + 2, root + 4]


def melody_bar(rng, key, root, rhythm, previous):
    tones = chord_degrees(root)
    notes = []
    current = previous
    for i, length in enumerate(rhythm):
        strong = i == 0 or length >= 12
        if strong:
            candidates = [t + 7 * o for t in tones for o in (0, 1)]
        else:
            candidates = [current - 1, current + 1, current + 2, current - 2]
        candidates = [c for c in candidates if 1 <= c <= 12]
        candidates.sort(key=lambda c: abs(c - current))
        current = candidates[0] if rng.random() < 0.6 else rng.choice(candidates[:3])
        notes.append(([key.degree_pitch(current, 4)], length))
    return notes, current


def bass_bar(rng, key, root, pattern, bar):
    low = lambda deg: key.degree_pitch(deg, 2 if key.degree_pitch(deg, 3)[2] > 3 or deg > 4 else 3)
    r, t, f = (key.degree_pitch(root, 3), key.degree_pitch(root + 2, 3), key.degree_pitch(root + 4, 3))
    if midi_of(r) > 55:
        r, t, f = key.degree_pitch(root, 2), key.degree_pitch(root + 2, 2), key.degree_pitch(root + 4, 2)
    if pattern == "alberti":
        unit = [r, f, t, f]
        n = bar // 6
        return [([unit[i % 4]], 6) for i in range(n)]
    if pattern == "block":
        return [([r, t, f], 24)] * (bar // 24) + ([([r, t, f], 12)] if bar % 24 else [])
    if pattern == "broken":
        seq = [r, t, f, t]
        return [([seq[i % 4]], 12) for i in range(bar // 12)]
    if pattern == "waltz":
        return [([r], 12)] + [([t, f], 12)] * (bar // 12 - 1)
    return [([r], bar)]


def pitch_xml(p):
    step, alter, octave = p
    a = f"<alter>{alter}</alter>" if alter else ""
    return f"<pitch><step>{step}</step>{a}<octave>{octave}</octave></pitch>"


def notes_xml(events, staff, voice):
    out = []
    run = 0  # position inside a triplet group
    for pitches, length in events:
        for i, p in enumerate(pitches):
            chord = "<chord/>" if i else ""
            if length == 4:
                kind, dots = "eighth", 0
                tm = "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>"
                tup = ""
                if i == 0:
                    if run == 0:
                        tup = '<notations><tuplet type="start" bracket="yes"/></notations>'
                    elif run == 2:
                        tup = '<notations><tuplet type="stop"/></notations>'
            else:
                kind, dots = TYPES[length]
                tm = tup = ""
            body = "<rest/>" if p is None else pitch_xml(p)
            out.append(f"<note>{chord}{body}<duration>{length}</duration><voice>{voice}</voice>"
                       f"<type>{kind}</type>{'<dot/>' * dots}{tm}<staff>{staff}</staff>{tup}</note>")
        if length == 4:
            run = (run + 1) % 3
    return "".join(out)


def piece(index, rng):
    key = Key(*KEYS[index % len(KEYS)])
    beats = 3 if index % 4 == 3 else 4
    bar = beats * 12
    rhythms = RHYTHMS_3 if beats == 3 else RHYTHMS_4
    patterns = ["waltz"] if beats == 3 else ["alberti", "block", "broken", "alberti"]
    pattern = rng.choice(patterns)
    def section(bars):
        chords = []
        while len(chords) < bars:
            chords += rng.choice(PROGRESSIONS[key.mode])
        return chords[:bars]

    def phrase(chords, previous, last_phrase):
        bars = []
        for number, root in enumerate(chords, start=1):
            rhythm = rng.choice(rhythms)
            right, previous = melody_bar(rng, key, root, rhythm, previous)
            final = last_phrase and number == len(chords)
            if final:
                right = [([key.degree_pitch(8 if previous > 5 else 1, 4)], bar)]
            left = bass_bar(rng, key, root, pattern if not final else "whole", bar)
            bars.append((right, left))
        return bars, previous

    # Form A B A C: the return of A teaches the model repetition; C ends on a cadence.
    a_chords, b_chords, c_chords = section(8), section(8), section(6) + [5, 1]
    tempo = rng.choice([72, 84, 96, 108, 120])
    a, previous = phrase(a_chords, 5, False)
    b, previous = phrase(b_chords, previous, False)
    c, previous = phrase(c_chords, previous, True)
    measures = []
    for number, (right, left) in enumerate(a + b + a + c, start=1):
        attrs = ""
        if number == 1:
            attrs = (f"<attributes><divisions>{DIVISIONS}</divisions><key><fifths>{key.fifths}</fifths>"
                     f"<mode>{key.mode}</mode></key><time><beats>{beats}</beats><beat-type>4</beat-type></time>"
                     "<staves>2</staves><clef number=\"1\"><sign>G</sign><line>2</line></clef>"
                     "<clef number=\"2\"><sign>F</sign><line>4</line></clef></attributes>"
                     "<direction placement=\"above\"><direction-type><metronome><beat-unit>quarter</beat-unit>"
                     f"<per-minute>{tempo}</per-minute></metronome></direction-type><staff>1</staff>"
                     f"<sound tempo=\"{tempo}\"/></direction>")
        measures.append(f'<measure number="{number}">{attrs}{notes_xml(right, 1, 1)}'
                        f"<backup><duration>{bar}</duration></backup>{notes_xml(left, 2, 5)}</measure>")
    tonic = key.step + ("b" if key.alter < 0 else "#" if key.alter > 0 else "")
    title = f"Exercise {index + 1} in {tonic} {key.mode}"
    return title, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<score-partwise version=\"4.0\">"
                   f"<work><work-title>{escape(title)}</work-title></work>"
                   "<identification><creator type=\"composer\">Recompose corpus script</creator>"
                   "<rights>CC0 1.0: written by Scripts/make-corpus.py</rights></identification>"
                   "<part-list><score-part id=\"P1\"><part-name>Piano</part-name></score-part></part-list>"
                   "<part id=\"P1\">" + "".join(measures) + "</part></score-partwise>\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Corpus/exercises"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 26
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        rng = random.Random(1000 + i)
        title, xml = piece(i, rng)
        path = os.path.join(out, f"exercise-{i + 1:02d}.musicxml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)
    print(f"wrote {count} pieces to {out}")


if __name__ == "__main__":
    main()
