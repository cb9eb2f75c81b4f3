#!/usr/bin/env python3
"""MuseScore 3 as a real client of our MusicXML.

For every MusicXML file of a folder: read it with our reader and export it
(`recompose convert`), have MuseScore convert our export back to MusicXML
(`mscore3 -o back.musicxml ours.musicxml`), and compare the notes our reader gets from
MuseScore's file with those it gets from our export (`recompose dump`): pitches, offsets,
durations, staff and grace. Voices are not compared (MuseScore renumbers them).

Exit status 1 when a file disagrees, or our `recompose convert` cannot write it, and it is not in
the known-differences list; also when the folder holds no MusicXML file.
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


# MuseScore's complaints about each of our exports, by file (reported, not failed on).
MESSAGES = {}


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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=folder)
    try:
        result = run([mscore, "-o", back, ours], env=env)
    except subprocess.TimeoutExpired:
        return name, "differs", "mscore3 timed out"
    messages = [line.strip() for line in result.stderr.splitlines()
                if line.strip() and not line.strip().startswith(("QStandardPaths:", "convert <", "to <", "... success!"))]
    MESSAGES[name] = messages
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--recompose", required=True)
    parser.add_argument("--mscore", default="mscore3")
    parser.add_argument("--known", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--messages", action="store_true", help="list MuseScore's messages file by file")
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
    counts = collections.Counter()
    unexplained = unwritten = 0
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
    kinds = collections.Counter()
    for name, lines in sorted(MESSAGES.items()):
        for line in lines:
            kind = re.sub(r"0x[0-9a-f]+|\d+", "N", re.sub(r"'[^']*'", "'…'", line))
            kinds[kind] += 1
        if lines and args.messages:
            print(f"MESSAGES {name}: " + " | ".join(lines[:5]))
    if kinds:
        print("MuseScore's messages about our exports (kind: count): "
              + "; ".join(f"{k}: {n}" for k, n in kinds.most_common(8)))
    print(f"musescore parity: {len(files)} files, {counts['same']} same, {counts['differs']} differ "
          f"({counts['known']} known, {unexplained} unexplained), {counts['unread']} not read by us "
          f"({counts['unread known']} known, {unwritten} unexplained)")
    if not files:
        print(f"musescore parity: no MusicXML file in {args.folder}")
    return 1 if unexplained or unwritten or not counts["same"] else 0


if __name__ == "__main__":
    sys.exit(main())
