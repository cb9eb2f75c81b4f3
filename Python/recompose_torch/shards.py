"""Loading the reduce step's output (``recompose merge``): ``vocabulary.json`` and the shards
``shard-0000I-of-0000N.safetensors``, each checked against the vocabulary before use.

Every problem is a ``ShardError`` naming the file and what is wrong: a missing or corrupt
shard, a shard made with another vocabulary (its ``vocabulary`` metadata differs from
``vocabulary.json``'s fingerprint), ids outside the vocabulary, offsets that do not fit.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

import numpy as np

from . import safetensors_io

CLEFS = ("treble", "bass")
SHARD_NAME = re.compile(r"^shard-(\d{5})-of-(\d{5})\.safetensors$")


class ShardError(ValueError):
    """Bad merged data; the message names the file and the reason."""


@dataclass
class Vocabulary:
    """One clef's labels; the index of a label is its id (``<unk>`` is 0)."""

    notes: list[str]
    durations: list[str]


@dataclass
class ClefPieces:
    """The encoded pieces of one clef: piece p is ``notes[p]``, ``durations[p]`` (int32 ids)."""

    notes: list[np.ndarray] = field(default_factory=list)
    durations: list[np.ndarray] = field(default_factory=list)


@dataclass
class MergedData:
    """The merged corpus: vocabularies and pieces per clef, the piece names in shard order."""

    fingerprint: str
    min_count: int
    vocabularies: dict[str, Vocabulary]
    pieces: dict[str, ClefPieces]
    names: list[str]
    shards: int


def shard_file_name(index: int, count: int) -> str:
    return f"shard-{index:05d}-of-{count:05d}.safetensors"


def read_vocabulary(path: str) -> tuple[str, int, int, dict[str, Vocabulary]]:
    """The fingerprint, min count, shard count and per-clef vocabularies of ``vocabulary.json``."""
    try:
        with open(path, encoding="utf-8") as handle:
            value = json.load(handle)
    except OSError as error:
        raise ShardError(f"{path}: cannot read ({error.strerror}); run `recompose merge` first") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ShardError(f"{path}: not JSON ({error})") from None
    try:
        if value["format"] != 1:
            raise ShardError(f"{path}: format {value['format']} is not 1")
        fingerprint = str(value["fingerprint"])
        shards = int(value["shards"])
        min_count = int(value.get("minCount", 1))
        vocabularies = {}
        for clef in CLEFS:
            notes = [str(x) for x in value[clef]["notes"]]
            durations = [str(x) for x in value[clef]["durations"]]
            for kind, labels in (("notes", notes), ("durations", durations)):
                if not labels or labels[0] != "<unk>":
                    raise ShardError(f"{path}: {clef}.{kind} must start with '<unk>' (id 0)")
                if len(set(labels)) != len(labels):
                    raise ShardError(f"{path}: {clef}.{kind} holds a label twice")
            vocabularies[clef] = Vocabulary(notes, durations)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ShardError):
            raise
        raise ShardError(f"{path}: not a merged vocabulary ({error!r})") from None
    if shards < 1:
        raise ShardError(f"{path}: shard count {shards} is not positive")
    return fingerprint, min_count, shards, vocabularies


def load(directory: str) -> MergedData:
    """Reads and checks every shard named by ``vocabulary.json`` in ``directory``."""
    fingerprint, min_count, count, vocabularies = read_vocabulary(os.path.join(directory, "vocabulary.json"))
    present = sorted(name for name in os.listdir(directory) if SHARD_NAME.match(name))
    stray = [name for name in present if int(SHARD_NAME.match(name).group(2)) != count]
    if stray:
        raise ShardError(f"{directory}: {stray[0]} belongs to a run of another shard count than "
                         f"vocabulary.json's {count}")
    pieces = {clef: ClefPieces() for clef in CLEFS}
    names: list[str] = []
    for index in range(count):
        path = os.path.join(directory, shard_file_name(index, count))
        if not os.path.exists(path):
            raise ShardError(f"{path}: missing (vocabulary.json names {count} shards); "
                             f"re-run `recompose prepare --shard {index}/{count}` and `recompose merge`")
        shard_names = _read_shard(path, index, count, fingerprint, vocabularies, pieces)
        names += shard_names
    return MergedData(fingerprint, min_count, vocabularies, pieces, names, count)


def _read_shard(path: str, index: int, count: int, fingerprint: str, vocabularies: dict[str, Vocabulary],
                pieces: dict[str, ClefPieces]) -> list[str]:
    try:
        tensors, metadata = safetensors_io.read(path)
    except safetensors_io.SafeTensorsError as error:
        raise ShardError(f"corrupt shard: {error}") from None
    if metadata.get("format") != "1":
        raise ShardError(f"{path}: metadata format {metadata.get('format')!r} is not '1'")
    if metadata.get("vocabulary") != fingerprint:
        raise ShardError(f"{path}: made with vocabulary {metadata.get('vocabulary')!r}, but vocabulary.json's "
                         f"fingerprint is {fingerprint!r}; merge the shards again")
    if metadata.get("shard") != str(index) or metadata.get("shards") != str(count):
        raise ShardError(f"{path}: metadata says shard {metadata.get('shard')} of {metadata.get('shards')}, "
                         f"the file name {index} of {count}")
    try:
        names = json.loads(metadata.get("pieces", "[]"))
        assert isinstance(names, list)
    except (json.JSONDecodeError, AssertionError):
        raise ShardError(f"{path}: metadata 'pieces' is not a JSON array of names") from None
    for clef in CLEFS:
        vocabulary = vocabularies[clef]
        try:
            notes, durations = tensors[f"{clef}.notes"], tensors[f"{clef}.durations"]
            offsets = tensors[f"{clef}.offsets"]
        except KeyError as error:
            raise ShardError(f"{path}: no tensor {error.args[0]}") from None
        if notes.dtype != np.int32 or durations.dtype != np.int32 or offsets.dtype != np.int64:
            raise ShardError(f"{path}: {clef} tensors must be I32 notes/durations and I64 offsets")
        if notes.ndim != 1 or notes.shape != durations.shape or offsets.ndim != 1:
            raise ShardError(f"{path}: {clef}.notes {list(notes.shape)} and {clef}.durations "
                             f"{list(durations.shape)} must be one-dimensional and equal")
        if len(offsets) != len(names) + 1 or offsets[0] != 0 or offsets[-1] != len(notes) or np.any(
                np.diff(offsets) < 0):
            raise ShardError(f"{path}: {clef}.offsets must rise from 0 to {len(notes)} with one entry per piece "
                             f"plus one ({len(names)} pieces)")
        for kind, ids, labels in (("notes", notes, vocabulary.notes), ("durations", durations, vocabulary.durations)):
            if len(ids) and (ids.min() < 0 or ids.max() >= len(labels)):
                raise ShardError(f"{path}: {clef}.{kind} holds id {int(ids.max()) if ids.max() >= len(labels) else int(ids.min())} "
                                 f"outside the vocabulary's 0..<{len(labels)}")
        for p in range(len(names)):
            pieces[clef].notes.append(notes[offsets[p] : offsets[p + 1]])
            pieces[clef].durations.append(durations[offsets[p] : offsets[p + 1]])
    return [str(n) for n in names]


def write_shard(directory: str, index: int, count: int, fingerprint: str, names: list[str],
                clefs: dict[str, list[tuple[np.ndarray, np.ndarray]]]) -> str:
    """Writes one shard in the merge step's format (for tests and hand-made data)."""
    tensors = []
    for clef in CLEFS:
        pairs = clefs[clef]
        offsets = np.zeros(len(pairs) + 1, dtype=np.int64)
        for p, (n, _) in enumerate(pairs):
            offsets[p + 1] = offsets[p] + len(n)
        notes = np.concatenate([n for n, _ in pairs]).astype(np.int32) if pairs else np.zeros(0, np.int32)
        durations = np.concatenate([d for _, d in pairs]).astype(np.int32) if pairs else np.zeros(0, np.int32)
        tensors += [(f"{clef}.notes", notes), (f"{clef}.durations", durations), (f"{clef}.offsets", offsets)]
    path = os.path.join(directory, shard_file_name(index, count))
    safetensors_io.write(path, tensors, {"format": "1", "vocabulary": fingerprint, "shard": str(index),
                                         "shards": str(count), "pieces": json.dumps(names)})
    return path


def write_vocabulary(directory: str, fingerprint: str, shards: int, vocabularies: dict[str, Vocabulary],
                     min_count: int = 1) -> str:
    """Writes ``vocabulary.json`` in the merge step's format (for tests and hand-made data)."""
    value = {"format": 1, "fingerprint": fingerprint, "minCount": min_count, "shards": shards}
    for clef in CLEFS:
        value[clef] = {"notes": vocabularies[clef].notes, "durations": vocabularies[clef].durations}
    path = os.path.join(directory, "vocabulary.json")
    safetensors_io.write_atomic(path, json.dumps(value, sort_keys=True).encode("utf-8"))
    return path
