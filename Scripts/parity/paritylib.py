"""What several parity scripts share: the MusicXML files under some paths, music21's answer for
a file kept in a cache by the file's hash (music21 takes a minute over the corpus; a rerun then
takes seconds), and one round of questions to a `recompose-dev` oracle command."""
import hashlib
import json
import os
import subprocess
import sys


def musicxml_files(paths):
    """Every .xml, .mxl and .musicxml file under the given folders (and the files given), sorted."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.endswith(('.xml', '.mxl', '.musicxml'))]
        else:
            files.append(p)
    return sorted(files)


def ask_oracle(binary, command, cases, name):
    """Sends every case as a JSON line to `binary command` and returns its answers, one per case;
    exits the script (naming the check `name`) when the answers do not line up."""
    text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    out = subprocess.run([binary, command], input=text, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    if len(lines) != len(cases):
        sys.exit(f"{name} parity: expected {len(cases)} answers, got {len(lines)}: {out.stderr[:500]}")
    return [json.loads(line) for line in lines]


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
