#!/usr/bin/env python3
"""music21's side of the MusicXML read benchmark: converter.parse every file given (no cache)
and print files/s and notes/s in the same format as `recompose-dev xmldump --bench`."""
import sys, time, warnings
import music21

warnings.simplefilter('ignore')
files = sys.argv[1:]
start = time.perf_counter()
notes = failures = 0
for f in files:
    try:
        s = music21.converter.parse(f, forceSource=True)
        for n in s.recurse().notes:
            notes += len(n.pitches) if hasattr(n, 'pitches') else 1
    except Exception:
        failures += 1
elapsed = time.perf_counter() - start
print('music21 %s: %d files (%d unreadable), %d notes in %.3f s: %.0f files/s, %.0f notes/s'
      % (music21.__version__, len(files), failures, notes, elapsed, len(files) / elapsed, notes / elapsed))
