"""music21's answer for a file, computed once and kept under a cache folder by the file's hash
(music21 takes a minute over the corpus; a rerun then takes seconds). Shared by the parity
scripts that parse whole files with music21 (musicxml.py, list_notes.py)."""
import hashlib
import json
import os


def cached(path, cache, version, compute):
    """`{'records': compute(path)}`, or `{'error': …}` when music21 fails (itself a finding),
    from `cache` when a result for these bytes and this `version` of the computation is there."""
    with open(path, 'rb') as f:
        digest = hashlib.sha1(f.read()).hexdigest()
    cache_file = os.path.join(cache, version + '-' + digest + '.json')
    if os.path.exists(cache_file):
        with open(cache_file) as f:
            return json.load(f)
    try:
        result = {'records': compute(path)}
    except Exception as e:  # music21 failing to read is itself a finding
        result = {'error': '%s: %s' % (type(e).__name__, e)}
    tmp = cache_file + '.%d.tmp' % os.getpid()
    with open(tmp, 'w') as f:
        json.dump(result, f)
    os.replace(tmp, cache_file)
    return result
