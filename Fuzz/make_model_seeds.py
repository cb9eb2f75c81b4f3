"""Writes seed inputs for the model-loader fuzz target into the folder given as argument.

Each seed is a tiny but valid model in the target's layout: a little-endian UInt16 length of
the config JSON, the JSON, then a safetensors file with the tensors the config calls for.
Written independently of the Swift writer so the seeds also check the reader against the format.
"""
import json
import os
import struct
import sys


def safetensors(tensors):
    header, offset, blobs = {}, 0, []
    for name, shape in tensors:
        count = 1
        for d in shape:
            count *= d
        blob = b"".join(struct.pack("<f", (i % 7) / 10.0) for i in range(count))
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def model(notes, durations, units, dense):
    config = {"noteVocabularySize": notes, "durationVocabularySize": durations,
              "lstmUnits": units, "denseUnits": dense, "dropout": 0.25}
    tensors, width = [], notes + durations
    for i, u in enumerate(units, 1):
        tensors += [(f"lstm_{i}.kernel", [width, 4 * u]), (f"lstm_{i}.recurrent_kernel", [u, 4 * u]),
                    (f"lstm_{i}.bias", [4 * u])]
        width = u
    tensors += [("dense.kernel", [width, dense]), ("dense.bias", [dense]),
                ("notes.kernel", [dense, notes]), ("notes.bias", [notes]),
                ("durations.kernel", [dense, durations]), ("durations.bias", [durations])]
    text = json.dumps(config).encode()
    return struct.pack("<H", len(text)) + text + safetensors(tensors)


folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for k, args in enumerate([(3, 2, [2], 2), (4, 3, [3, 2], 3), (2, 2, [1, 1, 1], 1)]):
    with open(os.path.join(folder, f"model-{k}"), "wb") as f:
        f.write(model(*args))
