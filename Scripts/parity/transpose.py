#!/usr/bin/env python3
"""Transposition parity: `recompose transpose` over test-suite and corpus files, checked with
xml.etree (independent of our reader) and music21's Pitch.transpose as the oracle.

Usage: transpose.py PATH/TO/recompose [--corpus-step N]

For each file F: `recompose convert F plain.musicxml` (our export, untransposed) and
`recompose transpose F moved.musicxml --interval M2` (and `--key "C major"`, whose interval is
read off the first note). Then, from the two exports' XML:
  notes        per part and measure, the multiset of pitches of `moved` equals music21's
               transposition of `plain`'s pitches;
  harmony      every <harmony> root and bass of `moved` equals music21's transposition of
               `plain`'s, in order;
  accidentals  every printed <accidental> of `moved` names its note's <alter>;
  needed       every note of `moved` whose alteration differs from what the key signature and
               the bar's earlier notes on its line and octave imply prints an <accidental>.
Prints the first differences and one summary line; exits 1 on any difference.
"""
import argparse
import io
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter

from music21 import interval as m21interval, pitch as m21pitch

import paritylib  # Scripts/parity/paritylib.py

ACCIDENTAL_ALTER = {"sharp": 1, "flat": -1, "natural": 0, "double-sharp": 2, "sharp-sharp": 2, "flat-flat": -2,
                    "triple-sharp": 3, "triple-flat": -3}
SHARP_ORDER = "FCGDAEB"


def load(path):
    if path.endswith(".mxl"):
        with zipfile.ZipFile(path) as z:
            container = ET.fromstring(z.read("META-INF/container.xml"))
            root = [e for e in container.iter() if e.tag.endswith("rootfile")][0].get("full-path")
            return ET.fromstring(z.read(root))
    return ET.parse(path).getroot()


def name(step, alter):
    return step + ("#" * alter if alter > 0 else "-" * -alter)


def note_pitch(n):
    p = n.find("pitch")
    if p is None:
        return None
    alter = int(float(p.findtext("alter", "0")))
    return p.findtext("step"), alter, int(p.findtext("octave"))


_memo = {}


def transpose(step, alter, octave, iv):
    """music21's answer, remembered: a piece repeats few pitches many times."""
    key = (step, alter, octave, iv.directedName)
    if key not in _memo:
        p = m21pitch.Pitch(name(step, alter) + str(octave)).transpose(iv)
        _memo[key] = (p.step, int(p.accidental.alter) if p.accidental else 0, p.octave)
    return _memo[key]


def measures(root):
    for pi, part in enumerate(root.findall("part")):
        for mi, m in enumerate(part.findall("measure")):
            yield pi, mi, m


def key_alters(fifths):
    alters = {s: 0 for s in "CDEFGAB"}
    for i in range(abs(fifths)):
        # Beyond seven, the cycle goes round again with double sharps (flats).
        alters[SHARP_ORDER[i % 7] if fifths > 0 else SHARP_ORDER[6 - i % 7]] += 1 if fifths > 0 else -1
    return alters


def check(plain, moved, iv, problems, counts):
    pitches = {}
    for pi, mi, m in measures(plain):
        pitches[(pi, mi)] = Counter(transpose(*note_pitch(n), iv) for n in m.findall("note") if note_pitch(n))
    harmonies = []
    for pi, mi, m in measures(plain):
        for h in m.findall("harmony"):
            r, b = h.find("root"), h.find("bass")
            harmonies.append((transpose(r.findtext("root-step"), int(float(r.findtext("root-alter", "0"))), 4, iv)[:2] if r is not None else None,
                              transpose(b.findtext("bass-step"), int(float(b.findtext("bass-alter", "0"))), 4, iv)[:2] if b is not None else None))
    got_h = []
    keys = {}
    for pi, mi, m in measures(moved):
        got = Counter(note_pitch(n) for n in m.findall("note") if note_pitch(n))
        counts["notes"] += sum(got.values())
        if got != pitches.get((pi, mi)):
            problems.append(f"notes part {pi} measure {mi}: {sorted(got.items())[:4]} vs {sorted(pitches.get((pi, mi), {}).items())[:4]}")
        for h in m.findall("harmony"):
            r, b = h.find("root"), h.find("bass")
            got_h.append(((r.findtext("root-step"), int(float(r.findtext("root-alter", "0")))) if r is not None else None,
                          (b.findtext("bass-step"), int(float(b.findtext("bass-alter", "0")))) if b is not None else None))
        for k in m.iter("key"):
            staff = k.get("number")
            if staff:
                keys[(pi, staff)] = int(k.findtext("fifths", "0"))
            else:  # a key for every staff of the part
                for known in [s for s in keys if s[0] == pi]:
                    del keys[known]
                keys[(pi, None)] = int(k.findtext("fifths", "0"))
        in_force = {}
        for n in m.findall("note"):
            p = note_pitch(n)
            if not p:
                continue
            staff = n.findtext("staff", "1")
            acc = n.find("accidental")
            if acc is not None:
                counts["accidentals"] += 1
                if ACCIDENTAL_ALTER.get(acc.text) != p[1]:
                    problems.append(f"accidental part {pi} measure {mi}: <accidental>{acc.text} on alter {p[1]}")
            slot = (staff, p[0], p[2])
            expected = in_force.get(slot, key_alters(keys.get((pi, staff), keys.get((pi, None), 0)))[p[0]])
            tied_over = any(t.get("type") == "stop" for t in n.findall("tie")) and slot not in in_force
            if not tied_over:
                if p[1] != expected:
                    counts["needed"] += 1
                    if acc is None:
                        problems.append(f"needed part {pi} measure {mi}: {name(p[0], p[1])}{p[2]} has no accidental")
                in_force[slot] = p[1]
    counts["harmony"] += len(got_h)
    if got_h != harmonies:
        problems.append(f"harmony: {got_h[:5]} vs expected {harmonies[:5]}")


def has_harmony(path):
    try:
        return any(True for _ in load(path).iter("harmony"))
    except Exception:  # noqa: BLE001
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("shared")
    ap.add_argument("--corpus-step", type=int, default=4)
    args = ap.parse_args()
    suite = paritylib.musicxml_files([os.path.join(args.shared, "musicxml/testsuite")])
    corpus = paritylib.musicxml_files([os.path.join(args.shared, "corpus/music21")])
    files = suite + [f for i, f in enumerate(corpus) if i % args.corpus_step == 0 or has_harmony(f)]
    problems, counts = [], Counter()
    checked = refused = 0
    with tempfile.TemporaryDirectory() as tmp:
        plain_path, moved_path = os.path.join(tmp, "plain.musicxml"), os.path.join(tmp, "moved.musicxml")
        for f in files:
            if subprocess.run([args.binary, "convert", f, plain_path], capture_output=True).returncode != 0:
                refused += 1  # files our reader refuses (the malformed test-suite file) are musicxml.sh's business
                continue
            plain = load(plain_path)
            for mode in (["--interval", "M2"], ["--key", "C major"]):
                r = subprocess.run([args.binary, "transpose", f, moved_path] + mode, capture_output=True, text=True)
                if r.returncode != 0:
                    problems.append(f"{os.path.basename(f)} {' '.join(mode)}: {r.stderr.strip()[:200]}")
                    continue
                moved = load(moved_path)
                iv = m21interval.Interval("M2")
                if mode[0] == "--key":
                    a = next((note_pitch(n) for n in plain.iter("note") if note_pitch(n)), None)
                    b = next((note_pitch(n) for n in moved.iter("note") if note_pitch(n)), None)
                    if a is None:
                        continue
                    iv = m21interval.Interval(m21pitch.Pitch(name(a[0], a[1]) + str(a[2])), m21pitch.Pitch(name(b[0], b[1]) + str(b[2])))
                before = len(problems)
                check(plain, moved, iv, problems, counts)
                for i in range(before, len(problems)):
                    problems[i] = f"{os.path.basename(f)} {' '.join(mode)}: {problems[i]}"
                checked += 1
    for p in problems[:40]:
        print(p)
    print(f"transpose: {checked} transpositions of {len(files) - refused} files, {counts['notes']} notes, "
          f"{counts['harmony']} chord symbols, {counts['accidentals']} accidentals ({counts['needed']} needed): "
          f"{len(problems)} differences {'OK' if not problems else 'FAIL'}")
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
