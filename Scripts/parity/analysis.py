#!/usr/bin/env python3
"""Harmonic analysis parity: `recompose analyze --json --key global` against music21 10.5 on the
Bach chorales (bach/bwv*) of ../shared/corpus/music21, and the speed of both.

    python analysis.py RECOMPOSE_BINARY CORPUS_DIR [--cache DIR] [--jobs N] [--threshold 0.98] [--verbose]

What music21 answers for each chorale (cached by file hash under --cache, so a rerun takes seconds):

- the global key, `score.analyze('key')`;
- per chordified slice (`score.chordify()`, every Chord, by its offset from the start of the
  piece), `roman.romanNumeralFromChord(chord, key).figure` in that global key;
- voice leading: the sounding pitch of each part in each slice (the slices are cut at every
  onset and release of any part, like chordify; a part's top pitch when it has a chord); for
  every two consecutive slices in which both parts of a pair sound and at least one of them
  changes pitch, `voiceLeading.VoiceLeadingQuartet(upper1, upper2, lower1, lower2)` judged by
  `parallelFifth()`, `parallelOctave()`, `hiddenFifth()`, `hiddenOctave()`, `voiceCrossing()`
  and `voiceOverlap()`, reported at the offset of the second slice with the pair (upper part
  index, lower part index, 0 = top staff); and `largeLeap` for a part whose pitch moves by more
  than an octave between two consecutive slices.

Agreement: Roman numerals — share of music21's slices for which we give the same figure at the
same offset; voice leading — findings matched as (offset, kind, parts): matched / music21's
(missed ones count against) and matched / ours (extra ones count against), both >= threshold.

Speed: music21's seconds for the work above (parse, key, chordify, numerals, voice leading) are
measured when the cache entry is made and stored with it; ours is the wall time of the
`recompose analyze` runs (reading, key, slices, numerals, voice leading, cadences). The ratio is
printed; with --min-speedup 50 (what `analysis.sh --bench` passes, on a release build) the check
fails when it is below that. music21's seconds are those of the run that filled the cache.
"""
import argparse
import fractions
import glob
import json
import os
import subprocess
import sys
import time
import warnings
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paritylib  # noqa: E402

warnings.filterwarnings("ignore")
CACHE_VERSION = "analysis-v2"
KINDS = ("parallelFifth", "parallelOctave", "hiddenFifth", "hiddenOctave", "voiceCrossing", "voiceOverlap")


def fraction_text(value):
    f = fractions.Fraction(value).limit_denominator(100000)
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def ours_name(name):
    return name.replace("-", "b")


def part_notes(part):
    """(offset, end, top pitch) of every sounding note or chord of a part, by offset."""
    notes = []
    for n in part.flatten().notes:
        if n.duration.isGrace or n.quarterLength <= 0:
            continue
        top = max(n.pitches, key=lambda p: p.ps)
        notes.append((fractions.Fraction(n.offset), fractions.Fraction(n.offset + n.quarterLength), top))
    notes.sort(key=lambda t: t[0])
    return notes


def music21_voice_leading(score):
    from music21 import voiceLeading
    parts = [part_notes(p) for p in score.parts]
    cuts = sorted({t for notes in parts for n in notes for t in (n[0], n[1])})
    # The pitch each part sounds in each slice (None: silent).
    sounding = []
    for notes in parts:
        row, i, current = [], 0, []
        for start in cuts[:-1]:
            current = [n for n in current if n[1] > start]
            while i < len(notes) and notes[i][0] <= start:
                if notes[i][1] > start:
                    current.append(notes[i])
                i += 1
            row.append(max((n[2] for n in current), key=lambda p: p.ps) if current else None)
        sounding.append(row)
    findings = []
    for k in range(1, len(cuts) - 1):
        offset = fraction_text(cuts[k])
        for i in range(len(parts)):
            a, b = sounding[i][k - 1], sounding[i][k]
            if a is not None and b is not None and abs(b.ps - a.ps) > 12:
                findings.append([offset, "largeLeap", [i]])
            for j in range(i + 1, len(parts)):
                c, d = sounding[j][k - 1], sounding[j][k]
                if a is None or b is None or c is None or d is None:
                    continue
                if a.nameWithOctave == b.nameWithOctave and c.nameWithOctave == d.nameWithOctave:
                    continue
                q = voiceLeading.VoiceLeadingQuartet(a, b, c, d)
                for kind in KINDS:
                    if getattr(q, kind)():
                        findings.append([offset, kind, [i, j]])
    return findings


def music21_analysis(path):
    from music21 import converter, chord, roman
    started = time.perf_counter()
    score = converter.parse(path)
    key = score.analyze("key")
    chords = []
    for c in score.chordify().flatten().getElementsByClass(chord.Chord):
        try:
            figure = roman.romanNumeralFromChord(c, key).figure
        except Exception as error:  # music21 failing on a slice is listed, not compared
            figure = "error: %s" % error
        chords.append([fraction_text(c.offset), [ours_name(p.nameWithOctave) for p in c.pitches], figure])
    findings = music21_voice_leading(score)
    seconds = time.perf_counter() - started
    return {"key": f"{ours_name(key.tonic.name)} {key.mode}", "chords": chords, "voiceLeading": findings,
            "seconds": seconds}


def cached_music21(args):
    path, cache = args
    return path, paritylib.cached(path, cache, CACHE_VERSION, music21_analysis)


def run_ours(binary, files):
    """Our records per file, the files we could not read (with our message) and the wall time."""
    records, failed = {}, {}
    seconds = 0.0
    for start in range(0, len(files), 100):
        chunk = files[start:start + 100]
        started = time.perf_counter()
        run = subprocess.run([binary, "analyze", "--json", "--key", "global", *chunk], capture_output=True, text=True)
        seconds += time.perf_counter() - started
        for line in run.stdout.splitlines():
            record = json.loads(line)
            records.setdefault(record["file"], []).append(record)
        for path in chunk:
            if path not in records:
                said = [l for l in run.stderr.splitlines() if path in l]
                failed[path] = said[0] if said else f"no record (exit {run.returncode})"
    return records, failed, seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--cache", default=os.path.join(".build", "analysis-music21-cache"))
    ap.add_argument("--jobs", type=int, default=1,
                    help="music21 processes filling the cache; more than one per free core inflates its timings")
    ap.add_argument("--threshold", type=float, default=0.98)
    ap.add_argument("--min-speedup", type=float, default=0.0)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--warm-only", action="store_true", help="fill music21's cache and stop")
    ap.add_argument("--every", type=int, default=1,
                    help="judge every Nth chorale only (CI: music21 takes 7-13 minutes over all of them cold)")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.corpus, "**", "bwv*.*"), recursive=True))
    files = [f for f in files if f.endswith((".mxl", ".xml", ".musicxml")) and os.sep + "bach" + os.sep in f]
    files = files[::max(1, a.every)]
    if not files:
        print(f"analysis: no Bach chorales under {a.corpus}")
        sys.exit(1)
    os.makedirs(a.cache, exist_ok=True)
    with Pool(a.jobs) as pool:
        theirs = dict(pool.map(cached_music21, [(f, a.cache) for f in files], chunksize=4))
    if a.warm_only:
        print(f"analysis: music21's answers cached for {len(theirs)} files")
        return
    ours, failed, our_seconds = run_ours(a.binary, files)

    rn_total = rn_equal = 0
    vl_theirs = vl_ours = vl_matched = 0
    their_seconds = 0.0
    not_compared, shown = [], 0
    key_differences = 0
    for path in files:
        result = theirs[path]
        rel = os.path.relpath(path, a.corpus)
        if "error" in result:
            not_compared.append(f"{rel}: music21: {result['error']}")
            continue
        m21 = result["records"]
        their_seconds += m21["seconds"]
        records = ours.get(path, [])
        our_chords = {r["scoreOffset"]: r for r in records if r["type"] == "chord"}
        key = next((r["key"] for r in records if r["type"] == "chord"), None)
        if key is not None and key != m21["key"]:
            key_differences += 1
            if a.verbose:
                print(f"KEY {rel}: ours {key}, music21 {m21['key']}")
        for offset, pitches, figure in m21["chords"]:
            if figure.startswith("error"):
                continue
            rn_total += 1
            mine = our_chords.get(offset)
            if mine is not None and mine.get("roman") == figure:
                rn_equal += 1
            elif a.verbose or shown < 20:
                shown += 1
                print(f"ROMAN {rel} @{offset}: ours {mine and mine.get('roman')} {mine and mine.get('pitches')}, "
                      f"music21 {figure} {pitches} in {m21['key']}")
        theirs_vl = {}
        for offset, kind, voices in m21["voiceLeading"]:
            k = (offset, kind, tuple(voices))
            theirs_vl[k] = theirs_vl.get(k, 0) + 1
        ours_vl = {}
        for r in records:
            if r["type"] == "voiceLeading":
                k = (r["scoreOffset"], r["kind"], tuple(r["voices"]))
                ours_vl[k] = ours_vl.get(k, 0) + 1
        vl_theirs += sum(theirs_vl.values())
        vl_ours += sum(ours_vl.values())
        for k, n in theirs_vl.items():
            vl_matched += min(n, ours_vl.get(k, 0))
        if a.verbose:
            for k in sorted(set(theirs_vl) | set(ours_vl)):
                if theirs_vl.get(k, 0) != ours_vl.get(k, 0):
                    print(f"VL {rel} {k}: ours {ours_vl.get(k, 0)}, music21 {theirs_vl.get(k, 0)}")
    for path, why in failed.items():
        print(f"UNREADABLE BY US {os.path.relpath(path, a.corpus)}: {why}")
    for line in not_compared:
        print(f"NOT COMPARED {line}")
    rn_share = rn_equal / rn_total if rn_total else 0.0
    recall = vl_matched / vl_theirs if vl_theirs else 1.0
    precision = vl_matched / vl_ours if vl_ours else 1.0
    speedup = their_seconds / our_seconds if our_seconds else 0.0
    ok = rn_total > 0 and not failed and rn_share >= a.threshold and recall >= a.threshold \
        and precision >= a.threshold and speedup >= a.min_speedup
    print(f"analysis: {len(files)} chorales; roman {rn_equal}/{rn_total} slices equal ({rn_share:.2%}); "
          f"voice leading {vl_matched} matched of music21's {vl_theirs} ({recall:.2%}) and of our {vl_ours} "
          f"({precision:.2%}); {key_differences} global keys differ; music21 {their_seconds:.1f} s, "
          f"ours {our_seconds:.2f} s ({speedup:.0f}x); threshold {a.threshold:.0%}"
          + (f", speed >= {a.min_speedup:.0f}x" if a.min_speedup else ""))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
