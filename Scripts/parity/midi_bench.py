#!/usr/bin/env python3
"""Benchmark: recompose (raw read; read + quantize) against symusic and mido (raw read) and,
optionally, music21's converter.parse, on the same files in the same run.

Usage: midi_bench.py RECOMPOSE_DEV_RELEASE_BINARY DIR [--music21] [--repeat N]
Prints one line per reader. Not a pass/fail check (timings depend on the machine).
"""
import glob
import json
import os
import subprocess
import sys
import time


def best_of(repeat, fn):
    best = float('inf')
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    args = sys.argv[1:]
    use_music21 = '--music21' in args
    args = [a for a in args if a != '--music21']
    repeat = 5
    if '--repeat' in args:
        i = args.index('--repeat')
        repeat = int(args[i + 1])
        del args[i:i + 2]
    binary, root = args[0], args[1]
    files = sorted(glob.glob(os.path.join(root, '**', '*.mid'), recursive=True))
    blobs = [open(f, 'rb').read() for f in files]
    out = json.loads(subprocess.run([binary, 'bench-midi', '--repeat', str(repeat), root],
                                    capture_output=True, text=True, check=True).stdout)
    notes = out['notes']
    print(f'{len(files)} files, {notes} notes (recompose count)')
    print(f'recompose raw read (read + pair notes): {out["rawSeconds"]:.4f} s')
    print(f'recompose read + quantize to score:      {out["quantizeSeconds"]:.4f} s')
    try:
        import symusic
        t, n = best_of(repeat, lambda: sum(sum(len(tr.notes) for tr in symusic.Score.from_midi(b).tracks) for b in blobs))
        print(f'symusic Score.from_midi (raw):            {t:.4f} s ({n} notes); recompose raw / symusic = {out["rawSeconds"] / t:.2f}x')
    except ImportError:
        print('symusic not installed')
    import io
    import mido
    t, _ = best_of(1, lambda: [mido.MidiFile(file=io.BytesIO(b)) for b in blobs])
    print(f'mido MidiFile (parse only):               {t:.4f} s')
    if use_music21:
        import warnings
        warnings.filterwarnings('ignore')
        import music21
        t, _ = best_of(1, lambda: [music21.converter.parse(f) for f in files])
        print(f'music21 converter.parse:                  {t:.2f} s; recompose quantize is {t / out["quantizeSeconds"]:.0f}x faster')


if __name__ == '__main__':
    sys.exit(main())
