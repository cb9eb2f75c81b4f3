#!/usr/bin/env python3
"""Key estimation parity: `recompose info --json` (our MusicXML reader + our Krumhansl–Schmuckler
with the Aarden–Essen profile) against music21's `converter.parse(f).analyze('key')` on every
MusicXML file of ../shared/corpus/music21.

    python keys.py RECOMPOSE_BINARY CORPUS_DIR [--threshold 0.98] [--every N]

`--every N` compares every Nth file only (in sorted order), with the same threshold: music21
parses the files one by one in one process, minutes for the whole corpus.

Prints each disagreement (file, ours, music21's, both correlations) and a summary line; exits 1
when agreement on tonic and mode is below the threshold. The threshold is not 100% because a few
files are read differently by the two readers (see Sources/Notation/Notation.docc/MusicXML.md for the listed reader
differences); every disagreement is printed so it can be explained.

Also exits 1 when our reader cannot read a file (a reader failure, not a key difference: every
file of music21's corpus is meant to be read) and when nothing was compared, so the check cannot
pass on an empty or unreadable corpus. Files music21 cannot read are not compared; each is listed.
"""
import glob
import json
import os
import subprocess
import sys
import warnings

warnings.filterwarnings("ignore")


def ours_name(name):
    return name.replace("-", "b")


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    threshold = float(sys.argv[sys.argv.index("--threshold") + 1]) if "--threshold" in sys.argv else 0.98
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    files = sorted(f for ext in ("mxl", "xml", "musicxml")
                   for f in glob.glob(os.path.join(corpus, "**", "*." + ext), recursive=True))
    found = len(files)
    files = files[::max(every, 1)]
    ours, our_errors = {}, {}
    for start in range(0, len(files), 64):
        chunk = files[start:start + 64]
        run = subprocess.run([binary, "info", "--json", *chunk], capture_output=True, text=True)
        for line in run.stdout.splitlines():
            record = json.loads(line)
            ours[record["file"]] = record
        # A file without a record is one we could not read; keep our message for it.
        for path in chunk:
            if path not in ours:
                said = [l for l in run.stderr.splitlines() if path in l]
                our_errors[path] = said[0] if said else f"no record (exit {run.returncode})"
    from music21 import converter
    agree, differences, ours_failed, theirs_failed = 0, [], [], []
    for path in files:
        mine = ours.get(path)
        try:
            key = converter.parse(path).analyze("key")
            theirs = f"{ours_name(key.tonic.name)} {key.mode}"
            their_r = key.correlationCoefficient
        except Exception as error:  # music21 cannot read it: not a comparison, but listed
            theirs_failed.append((path, f"music21: {error}" + ("" if mine else "; ours: unreadable too")))
            continue
        if mine is None:  # music21 reads it and we do not: a failure of ours
            ours_failed.append((path, our_errors.get(path, "no record")))
            continue
        if mine.get("key") == theirs:
            agree += 1
        else:
            differences.append((path, mine.get("key"), mine.get("keyCorrelation"), theirs, their_r))
    for path, mk, mr, tk, tr in differences:
        print(f"DIFF {os.path.relpath(path, corpus)}: ours {mk} (r={mr}), music21 {tk} (r={tr:.4f})")
    for path, why in ours_failed:
        print(f"UNREADABLE BY US {os.path.relpath(path, corpus)}: {why}")
    for path, why in theirs_failed:
        print(f"NOT COMPARED {os.path.relpath(path, corpus)}: {why}")
    compared = agree + len(differences) + len(ours_failed)
    share = agree / compared if compared else 0.0
    sampled = f" (one in {every} of {found} files)" if every > 1 else ""
    print(f"keys: {agree}/{compared} files agree on the estimated key ({share:.2%}){sampled}; "
          f"{len(ours_failed)} unreadable by us; {len(theirs_failed)} not compared (music21 cannot read them); "
          f"threshold {threshold:.0%}")
    if not compared:
        print(f"keys: nothing compared ({len(files)} files found under {corpus})")
    sys.exit(0 if compared and not ours_failed and share >= threshold else 1)

if __name__ == "__main__":
    main()
