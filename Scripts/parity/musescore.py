#!/usr/bin/env python3
"""MuseScore 3 as a real client of our MusicXML.

For every MusicXML file of a folder: read it with our reader and export it
(`recompose convert`), have MuseScore convert our export back to MusicXML
(`mscore3 -o back.musicxml ours.musicxml`), and compare the notes our reader gets from
MuseScore's file with those it gets from our export (`recompose dump`): pitches, offsets,
durations, staff and grace. Voices are not compared (MuseScore renumbers them).

MuseScore's import errors (its `Error at line … col …: …` lines and `… is not a valid MusicXML
file`) about our exports are failures too unless listed, file by file, in the known-messages file;
for a test-suite file the script also has MuseScore read the original and says whether it
complains the same way. Its other output (debug lines such as `determineTupletBaseLen …`) is
counted and reported, not failed on.

`--midi FOLDER` also exports every MIDI file under FOLDER (recursively) with `recompose convert`
and has MuseScore read each export (`mscore3 -o ours.mscx ours.musicxml`): any import error fails.
`--every N` checks only every Nth MIDI file (in sorted order).

Exit status 1 when a file disagrees, or our `recompose convert` cannot write it, and it is not in
the known-differences list; when an import error is not a known one; also when the folder holds
no MusicXML file.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile


# MuseScore's output about each of our exports, by file.
MESSAGES = {}

# The lines MuseScore's importer logs as errors (`logError`) or prints when its schema check fails;
# everything else it prints is debug output of its layout and tuplet code.
ERROR = re.compile(r"^Error at line \d+ col \d+: |is not a valid MusicXML file")
NOISE = ("QStandardPaths:", "convert <", "to <", "... success!")


def mscore_lines(stderr):
    return [line.strip() for line in stderr.splitlines()
            if line.strip() and not line.strip().startswith(NOISE)]


def errors_of(lines):
    return [re.sub(r"^Error at line \d+ col \d+: ", "", line) for line in lines if ERROR.search(line)]


def mscore_env(folder):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=folder)


def run(args, timeout=120, env=None):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env)


def notes(recompose, path):
    result = run([recompose, "dump", path])
    if result.returncode != 0:
        return None, result.stderr.strip()
    counter = collections.Counter()
    for line in result.stdout.splitlines():
        item = json.loads(line)
        counter[(item["part"], item["staff"], item["offset"], item["duration"],
                 tuple(item["pitches"]), item["grace"])] += 1
    return counter, ""


def check(recompose, mscore, source, work):
    name = os.path.basename(source)
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)
    ours = os.path.join(folder, "ours.musicxml")
    back = os.path.join(folder, "back.musicxml")
    converted = run([recompose, "convert", source, ours])
    if converted.returncode != 0:
        return name, "unread", converted.stderr.strip()
    env = mscore_env(folder)
    try:
        result = run([mscore, "-o", back, ours], env=env)
    except subprocess.TimeoutExpired:
        return name, "differs", "mscore3 timed out"
    MESSAGES[name] = mscore_lines(result.stderr)
    if errors_of(MESSAGES[name]):
        # Evidence for the known-messages list: does MuseScore say the same of the original?
        try:
            original = run([mscore, "-o", os.path.join(folder, "original.mscx"), source], env=env)
            ORIGINAL_ERRORS[name] = errors_of(mscore_lines(original.stderr))
        except subprocess.TimeoutExpired:
            ORIGINAL_ERRORS[name] = []
    if result.returncode != 0 or not os.path.exists(back):
        return name, "differs", "mscore3 failed: " + result.stderr.strip()[-300:]
    mine, error = notes(recompose, ours)
    if mine is None:
        return name, "differs", "our export unreadable: " + error
    theirs, error = notes(recompose, back)
    if theirs is None:
        return name, "differs", "MuseScore's file unreadable: " + error
    if mine == theirs:
        return name, "same", f"{sum(mine.values())} notes"
    # Does MuseScore read the original file the same way as our export? Then the difference is
    # MuseScore's own import, not something our export introduced.
    original_back = os.path.join(folder, "original-back.musicxml")
    same_as_original = ""
    try:
        if run([mscore, "-o", original_back, source], env=env).returncode == 0 and os.path.exists(original_back):
            from_original, _ = notes(recompose, original_back)
            same_as_original = (" (MuseScore reads the original file the same way)" if from_original == theirs
                                else " (MuseScore reads the original file differently)")
    except subprocess.TimeoutExpired:
        pass
    only_mine = sorted((mine - theirs).elements())[:3]
    only_theirs = sorted((theirs - mine).elements())[:3]
    return name, "differs", (f"{sum((mine - theirs).values())} only ours, e.g. {only_mine}; "
                             f"{sum((theirs - mine).values())} only MuseScore's, e.g. {only_theirs}" + same_as_original)


# MuseScore's import errors about the original test-suite file, for files whose export drew some.
ORIGINAL_ERRORS = {}


def check_midi(recompose, mscore, source, work):
    """Exports one MIDI file and has MuseScore read the export: (name, errors, other lines)."""
    name = os.path.relpath(source, MIDI_ROOT[0])
    folder = os.path.join(work, "midi", name.replace(os.sep, "_"))
    os.makedirs(folder, exist_ok=True)
    ours = os.path.join(folder, "ours.musicxml")
    converted = run([recompose, "convert", source, ours])
    if converted.returncode != 0:
        return name, ["recompose convert failed: " + converted.stderr.strip()[-300:]], []
    try:
        result = run([mscore, "-o", os.path.join(folder, "ours.mscx"), ours], env=mscore_env(folder))
    except subprocess.TimeoutExpired:
        return name, ["mscore3 timed out"], []
    lines = mscore_lines(result.stderr)
    errors = errors_of(lines)
    if result.returncode != 0:
        errors.append(f"mscore3 exited with status {result.returncode}")
    return name, errors, [line for line in lines if not ERROR.search(line)]


MIDI_ROOT = [""]


def kind_of(line):
    return re.sub(r"0x[0-9a-f]+|\d+", "N", re.sub(r"'[^']*'", "'…'", line))


def read_known_messages(path):
    """`FILE | message | reason` lines: MuseScore errors explained in the Rendering article."""
    known = collections.defaultdict(dict)
    if not path:
        return known
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                parts = [p.strip() for p in line.split(" | ")]
                if len(parts) == 3:
                    known[parts[0]][parts[1]] = parts[2]
    return known


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--recompose", required=True)
    parser.add_argument("--mscore", default="mscore3")
    parser.add_argument("--known", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--messages", action="store_true", help="list MuseScore's messages file by file")
    parser.add_argument("--known-messages", help="FILE | message | reason: MuseScore import errors explained")
    parser.add_argument("--midi", help="also export every MIDI file under this folder and have MuseScore read it")
    parser.add_argument("--every", type=int, default=1, help="check every Nth MIDI file only")
    parser.add_argument("folder")
    args = parser.parse_args()
    known = {}
    with open(args.known) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                path, _, reason = line.partition(" # ")
                known[path.strip()] = reason.strip()
    files = sorted(os.path.join(args.folder, n) for n in os.listdir(args.folder)
                   if n.endswith((".xml", ".musicxml", ".mxl")))
    known_messages = read_known_messages(args.known_messages)
    counts = collections.Counter()
    unexplained = unwritten = 0
    bad_messages = 0
    with tempfile.TemporaryDirectory(prefix="recompose-musescore-") as work, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, status, detail in pool.map(lambda s: check(args.recompose, args.mscore, s, work), files):
            counts[status] += 1
            if status == "differs":
                if name in known:
                    counts["known"] += 1
                    print(f"KNOWN {name}: {known[name]}; {detail}")
                else:
                    unexplained += 1
                    print(f"DIFFERS {name}: {detail}")
            elif status == "unread":  # we could not read or write it: ours to explain, not MuseScore's
                if name in known:
                    counts["unread known"] += 1
                    print(f"UNREAD (known) {name}: {known[name]}; {detail}")
                else:
                    unwritten += 1
                    print(f"UNREAD {name}: {detail}")
        midi_files = []
        if args.midi:
            MIDI_ROOT[0] = args.midi
            midi_files = sorted(os.path.join(root, n) for root, _, names in os.walk(args.midi)
                                for n in names if n.lower().endswith((".mid", ".midi")))
            midi_total = len(midi_files)
            midi_files = midi_files[::max(args.every, 1)]
            midi_errors = collections.Counter()
            midi_debug = collections.Counter()
            midi_clean = 0
            for name, errors, other in pool.map(lambda s: check_midi(args.recompose, args.mscore, s, work), midi_files):
                for line in other:
                    midi_debug[kind_of(line)] += 1
                if not errors:
                    midi_clean += 1
                    continue
                bad_messages += 1
                for error in errors:
                    midi_errors[kind_of(error)] += 1
                print(f"MIDI MESSAGE {name}: " + " | ".join(errors[:5]))
    known_errors = 0
    debug = collections.Counter()
    for name, lines in sorted(MESSAGES.items()):
        errors = errors_of(lines)
        for line in lines:
            if not ERROR.search(line):
                debug[kind_of(line)] += 1
        original = ORIGINAL_ERRORS.get(name, [])
        for error in errors:
            reason = next((r for m, r in known_messages.get(name, {}).items() if m in error), None)
            also = " (MuseScore says the same of the original file)" if error in original else ""
            if reason is not None:
                known_errors += 1
                if args.messages:
                    print(f"KNOWN MESSAGE {name}: {error}{also} — {reason}")
            else:
                bad_messages += 1
                print(f"MESSAGE {name}: {error}{also}")
        if lines and args.messages:
            print(f"MESSAGES {name}: " + " | ".join(lines[:5]))
    if debug:
        print("MuseScore's other (debug) output about our test-suite exports (kind: count): "
              + "; ".join(f"{k}: {n}" for k, n in debug.most_common(8)))
    print(f"musescore parity: {len(files)} files, {counts['same']} same, {counts['differs']} differ "
          f"({counts['known']} known, {unexplained} unexplained), {counts['unread']} not read by us "
          f"({counts['unread known']} known, {unwritten} unexplained); MuseScore import errors: "
          f"{known_errors} known, {sum(1 for n, l in MESSAGES.items() for e in errors_of(l)) - known_errors} unexplained")
    if args.midi:
        sampled = f" (one in {args.every} of {midi_total})" if args.every > 1 else ""
        print(f"musescore parity, MIDI exports: {len(midi_files)} files{sampled}, {midi_clean} read with no "
              f"import error, {len(midi_files) - midi_clean} with errors"
              + ("; " + "; ".join(f"{k}: {n}" for k, n in midi_errors.most_common(8)) if midi_errors else ""))
        if midi_debug:
            print("MuseScore's other (debug) output about the MIDI exports (kind: count): "
                  + "; ".join(f"{k}: {n}" for k, n in midi_debug.most_common(6)))
        if not midi_files:
            print(f"musescore parity: no MIDI file under {args.midi}")
            return 1
    if not files:
        print(f"musescore parity: no MusicXML file in {args.folder}")
    return 1 if unexplained or unwritten or bad_messages or not counts["same"] else 0


if __name__ == "__main__":
    sys.exit(main())
