#!/usr/bin/env python3
"""Runs the Examples package's programs on real files and checks what they did against
independent oracles: music21 (keys, meters, staves) and mido (MIDI notes, a cut file).

    examples.py BIN_DIR SHARED_DIR

BIN_DIR holds the built examples (Examples/.build/debug). Prints one line per check and a
summary; exits 1 when any check fails. list-notes is checked on the whole corpus by
list_notes.sh; this script checks the others, and that every main.swift stays within 25 lines
of code (what the issue allows an example).
"""
import glob
import os
import subprocess
import sys
import tempfile
import warnings
import xml.etree.ElementTree as ET

warnings.filterwarnings("ignore")
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=300)


def lines_of_code(path):
    count = 0
    for line in open(path, encoding="utf-8"):
        text = line.strip()
        if text and not text.startswith("//"):
            count += 1
    return count


def main():
    bin_dir, shared = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from music21 import converter
    import mido

    mains = sorted(glob.glob(os.path.join(root, "Examples", "Sources", "*", "main.swift")))
    check("examples exist", len(mains) >= 7, f"{len(mains)} programs")
    for path in mains:
        n = lines_of_code(path)
        check(f"{os.path.basename(os.path.dirname(path))}/main.swift within 25 lines of code", n <= 25, f"{n}")

    tmp = tempfile.mkdtemp(prefix="recompose-examples-")
    exe = lambda name: os.path.join(bin_dir, name)

    # transpose: exercise 6 (E-flat major) to D major; music21 must find D major in the result.
    source = os.path.join(root, "Corpus", "exercises", "exercise-06.musicxml")
    out = os.path.join(tmp, "in-d.musicxml")
    r = run(exe("transpose"), source, "D major", out)
    key = converter.parse(out).analyze("key") if r.returncode == 0 and os.path.exists(out) else None
    check("transpose Eb major -> D major", key is not None and (key.tonic.name, key.mode) == ("D", "major"),
          f"exit {r.returncode}, music21 reads {key.tonic.name + ' ' + key.mode if key else 'nothing'}")

    # changes: every meter change of a chorale with several, at the measure and beat where
    # music21 places them.
    from fractions import Fraction
    chorale = os.path.join(shared, "corpus", "music21", "bach", "bwv41.6.mxl")
    r = run(exe("changes"), chorale)
    ours = set()
    for line in r.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[4] == "meter":
            ours.add((int(fields[0]), Fraction(fields[1]), fields[5]))
    part = converter.parse(chorale).parts[0]
    theirs = {(ts.measureNumber, Fraction(ts.beat), ts.ratioString)
              for ts in part.recurse().getElementsByClass("TimeSignature")}
    check("changes: the meters of bwv41.6 where music21 places them",
          r.returncode == 0 and ours == theirs and len(theirs) >= 3,
          f"ours {sorted(ours)}, music21 {sorted(theirs)}")

    # split-hands: a one-track piano file (both hands of a Chopin prelude merged with mido)
    # comes out as one part on two staves with every note of the file.
    midi_file = os.path.join(shared, "corpus", "piano-midi", "chopin", "chpn-p7.mid")
    merged = mido.MidiFile(ticks_per_beat=mido.MidiFile(midi_file).ticks_per_beat)
    merged.tracks.append(mido.merge_tracks(mido.MidiFile(midi_file).tracks))
    one_track = os.path.join(tmp, "one-track.mid")
    merged.save(one_track)
    sounding = sum(1 for m in merged.tracks[0] if m.type == "note_on" and m.velocity > 0)
    out = os.path.join(tmp, "hands.musicxml")
    r = run(exe("split-hands"), one_track, out)
    staves, notes = [], 0
    if r.returncode == 0 and os.path.exists(out):
        tree = ET.parse(out)
        for p in tree.getroot().iter("part"):
            first = p.find("measure/attributes/staves")
            staves.append(int(first.text) if first is not None else 1)
        for n in tree.getroot().iter("note"):
            tie_stops = [t for t in n.findall("tie") if t.get("type") == "stop"]
            if n.find("pitch") is not None and not tie_stops:
                notes += 1
    check("split-hands: one track in, one part on two staves out", staves == [2], f"staves {staves}")
    check("split-hands: every note of the file kept", notes == sounding, f"{notes} notes written, mido counts {sounding}")

    # read-damaged: a MIDI file cut in half reads with warnings (exit 0); a broken MusicXML file
    # gives its name and line (exit 1).
    data = open(midi_file, "rb").read()
    cut = os.path.join(tmp, "cut.mid")
    open(cut, "wb").write(data[: len(data) // 2])
    r = run(exe("read-damaged"), cut)
    check("read-damaged: a cut MIDI file reads with warnings naming it",
          r.returncode == 0 and r.stdout.strip() != "" and all(l.startswith(cut) for l in r.stdout.splitlines()),
          f"exit {r.returncode}, {len(r.stdout.splitlines())} warnings")
    broken = os.path.join(tmp, "broken.musicxml")
    open(broken, "w").write('<?xml version="1.0"?>\n<score-partwise>\n<part-list>\n</score-partwise>\n')
    r = run(exe("read-damaged"), broken)
    check("read-damaged: a malformed file's message names the file and the line",
          r.returncode == 1 and r.stdout.startswith(broken + ":4:"), r.stdout.strip()[:120])

    # train + compose: one epoch on the bundled corpus, then a piece in A minor. mido and music21
    # read what compose wrote: 32 bars of 4/4 on two staves, notes in both hands.
    model = os.path.join(tmp, "model")
    r = run(exe("train"), os.path.join(root, "Corpus", "exercises"), model, "1")
    check("train: one epoch on Corpus/exercises writes a model",
          r.returncode == 0 and all(os.path.exists(os.path.join(model, clef, "model.safetensors")) for clef in ("treble", "bass")),
          f"exit {r.returncode} {r.stderr.strip()[:200]}")
    piece = os.path.join(tmp, "piece")
    r = run(exe("compose"), model, piece, "A minor", "2")
    ok = r.returncode == 0 and os.path.exists(piece + ".mid") and os.path.exists(piece + ".musicxml")
    detail = f"exit {r.returncode} {r.stderr.strip()[:200]}"
    if ok:
        notes = sum(1 for t in mido.MidiFile(piece + ".mid").tracks for m in t if m.type == "note_on" and m.velocity > 0)
        score = converter.parse(piece + ".musicxml")
        staves = [len(p.getElementsByClass("Measure")) for p in score.parts]
        hands = [len(p.recurse().notes) for p in score.parts]
        ok = notes > 0 and staves == [32, 32] and all(n > 0 for n in hands)
        detail = f"{notes} MIDI notes, measures per staff {staves}, notes per staff {hands}"
    check("compose: a 32-bar two-hand piece as MIDI and MusicXML", ok, detail)

    passed = sum(results)
    print(f"examples: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
