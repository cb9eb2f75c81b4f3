"""Reading and writing the model folder ``recompose generate`` loads (Swift's ``ModelBundle``):

    MODEL/
      recompose-model.json      manifest: version 2, recipe, preprocessing, training, summaries
      treble/ model.safetensors config.json vocabulary.json
      bass/   model.safetensors config.json vocabulary.json

Every JSON field is the one Swift's ``Codable`` types write (sorted keys; optional fields left
out when absent), and every file is written atomically (temporary file + rename).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

import numpy as np
import torch

from . import safetensors_io
from .model import ModelConfiguration, SequenceModel

MANIFEST = "recompose-model.json"
FORMAT_VERSION = 2
RECIPES = ("seed", "bar-aware")
CLEFS = ("treble", "bass")
STEPS = {"C": 0, "D": 1, "E": 2, "F": 3, "G": 4, "A": 5, "B": 6}


class BundleError(ValueError):
    """A model folder that cannot be read or written; the message names the file and why."""


@dataclass
class ClefModel:
    """One clef's network, vocabularies and seed windows (lists of (note, duration) labels)."""

    network: SequenceModel
    notes: list[str]
    durations: list[str]
    seeds: list[list[tuple[str, str]]]
    seed_modes: list[str | None] | None = None


def preprocessing_json(sequence_length: int, seed: int = 1, minimum_label_count: int = 1,
                       validation_fraction: float = 0.1) -> dict:
    """Swift's ``PreprocessingOptions`` as JSON (C major target, split at C4, all files)."""
    return {"minimumLabelCount": minimum_label_count, "seed": seed, "sequenceLength": sequence_length,
            "splitPoint": {"alter": 0, "octave": 4, "step": STEPS["C"]},
            "targetKey": {"mode": "major", "tonicAlter": 0, "tonicStep": STEPS["C"]},
            "validationFraction": validation_fraction}


def training_json(epochs: int, batch_size: int, learning_rate: float, clip_norm: float | None, seed: int,
                  warmup_steps: int | None = None, floor: float | None = None) -> dict:
    """Swift's ``TrainingOptions`` as JSON; the warm-up + cosine schedule when given."""
    value: dict = {"batchSize": batch_size, "epochs": epochs, "learningRate": learning_rate, "seed": seed}
    if clip_norm is not None:
        value["clipNorm"] = clip_norm
    if warmup_steps is not None:
        value["schedule"] = {"warmupCosine": {"floor": floor if floor is not None else 0.0,
                                              "warmupSteps": warmup_steps}}
    return value


def summary_json(sequences: int, seconds: float, train_loss: float, validation_loss: float | None,
                 epochs: int) -> dict:
    """Swift's ``TrainingSummary`` as JSON (one target per window: the seed's training)."""
    value = {"bestEpoch": epochs, "epochs": epochs, "seconds": seconds, "sequences": sequences,
             "sequencesPerSecond": sequences / max(seconds, 1e-9), "stoppedByTimeLimit": False,
             "targets": sequences, "trainLoss": train_loss}
    if validation_loss is not None:
        value["validationLoss"] = validation_loss
    return value


def save_clef(folder: str, clef: ClefModel) -> None:
    """Writes ``model.safetensors``, ``config.json`` and ``vocabulary.json``."""
    configuration = clef.network.configuration
    if len(clef.notes) != configuration.note_vocabulary_size or len(clef.durations) != configuration.duration_vocabulary_size:
        raise BundleError(f"{folder}: vocabulary sizes {len(clef.notes)}/{len(clef.durations)} do not match the "
                          f"network's {configuration.note_vocabulary_size}/{configuration.duration_vocabulary_size}")
    tensors = [(name, p.detach().cpu().float().numpy()) for name, p in clef.network.named_weights()]
    safetensors_io.write(os.path.join(folder, "model.safetensors"), tensors)
    config = json.dumps(configuration.to_json(), indent=2, sort_keys=True).encode()
    safetensors_io.write_atomic(os.path.join(folder, "config.json"), config)
    labels = {"durations": clef.durations, "notes": clef.notes,
              "seeds": [[{"durationLabel": d, "noteLabel": n} for n, d in window] for window in clef.seeds]}
    if clef.seed_modes is not None:
        labels["seedModes"] = clef.seed_modes
    safetensors_io.write_atomic(os.path.join(folder, "vocabulary.json"),
                                json.dumps(labels, sort_keys=True, separators=(",", ":")).encode())


def save(folder: str, clefs: dict[str, ClefModel], recipe: str, preprocessing: dict, training: dict,
         summaries: dict[str, dict], command: str | None = None) -> None:
    """Writes a whole model folder; the manifest last, so a folder with a manifest is complete."""
    if recipe not in RECIPES:
        raise BundleError(f"recipe '{recipe}' is not one recompose_torch trains ({', '.join(RECIPES)})")
    for name, clef in clefs.items():
        save_clef(os.path.join(folder, name), clef)
    manifest = {"preprocessing": preprocessing, "recipe": recipe, "summaries": summaries, "training": training,
                "version": FORMAT_VERSION}
    if command is not None:
        manifest["command"] = command
    safetensors_io.write_atomic(os.path.join(folder, MANIFEST), json.dumps(manifest, indent=2, sort_keys=True).encode())


def load_clef(folder: str) -> ClefModel:
    """Reads one clef's network and vocabularies, checking they agree."""
    config_path = os.path.join(folder, "config.json")
    try:
        with open(config_path, encoding="utf-8") as handle:
            configuration = ModelConfiguration.from_json(json.load(handle), config_path)
    except OSError as error:
        raise BundleError(f"{config_path}: cannot read ({error.strerror})") from None
    except (json.JSONDecodeError, ValueError) as error:
        raise BundleError(str(error) if isinstance(error, ValueError) and not isinstance(
            error, json.JSONDecodeError) else f"{config_path}: not JSON ({error})") from None
    weights_path = os.path.join(folder, "model.safetensors")
    try:
        tensors, _ = safetensors_io.read(weights_path)
    except safetensors_io.SafeTensorsError as error:
        raise BundleError(str(error)) from None
    network = SequenceModel(configuration)
    expected = network.named_weights()
    with torch.no_grad():
        for name, parameter in expected:
            if name not in tensors:
                raise BundleError(f"{weights_path}: no tensor '{name}'")
            if list(tensors[name].shape) != list(parameter.shape) or tensors[name].dtype != np.float32:
                raise BundleError(f"{weights_path}: '{name}' is {tensors[name].dtype} {list(tensors[name].shape)}, "
                                  f"expected float32 {list(parameter.shape)}")
            parameter.copy_(torch.from_numpy(tensors[name]))
    extra = sorted(set(tensors) - {name for name, _ in expected})
    if extra:
        raise BundleError(f"{weights_path}: unexpected tensor '{extra[0]}' for this configuration")
    labels_path = os.path.join(folder, "vocabulary.json")
    try:
        with open(labels_path, encoding="utf-8") as handle:
            labels = json.load(handle)
        notes, durations = list(labels["notes"]), list(labels["durations"])
        seeds = [[(t["noteLabel"], t["durationLabel"]) for t in window] for window in labels.get("seeds", [])]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise BundleError(f"{labels_path}: cannot read the vocabularies ({error!r})") from None
    if len(notes) != configuration.note_vocabulary_size or len(durations) != configuration.duration_vocabulary_size:
        raise BundleError(f"{folder}: vocabulary sizes do not match the network")
    return ClefModel(network, notes, durations, seeds, labels.get("seedModes"))


def load(folder: str) -> tuple[dict, dict[str, ClefModel]]:
    """The manifest and the clef models of a model folder written by Swift or by ``save``."""
    path = os.path.join(folder, MANIFEST)
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except OSError:
        raise BundleError(f"{folder}: no {MANIFEST} (not a model folder)") from None
    except json.JSONDecodeError as error:
        raise BundleError(f"{path}: not JSON ({error})") from None
    if manifest.get("version") != FORMAT_VERSION:
        raise BundleError(f"{path}: bundle format {manifest.get('version')}, expected {FORMAT_VERSION}")
    clefs = {clef: load_clef(os.path.join(folder, clef)) for clef in CLEFS if os.path.isdir(os.path.join(folder, clef))}
    if not clefs:
        raise BundleError(f"{folder}: no treble/ or bass/ model")
    return manifest, clefs
