"""The network of the Swift trainer (Sources/NeuralNetwork/SequenceModel.swift) in PyTorch, with
the same parameter names, layouts and equations, so weights move between the two unchanged.

Stacked LSTMs over the one-hot (note, duration) input, dropout after every LSTM but the last,
a ReLU dense layer and two linear heads (note/chord and duration) whose logits feed a softmax
cross-entropy each; the loss is the sum of the two heads' batch means.

Weights are Keras's: an LSTM's ``kernel`` is ``[input, 4u]``, ``recurrent_kernel`` ``[u, 4u]``,
``bias`` ``[4u]``, gate blocks in the order i, f, c, o; a dense ``kernel`` is ``[input, output]``.
The first LSTM's input product is the sum of two kernel rows (the note's and the duration's,
the latter offset by the note vocabulary), the same value as the one-hot product without the
multiplications by zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn


@dataclass
class ModelConfiguration:
    """The architecture, as ``config.json`` holds it (Swift's ``ModelConfiguration``)."""

    note_vocabulary_size: int
    duration_vocabulary_size: int
    lstm_units: list[int] = field(default_factory=lambda: [256, 256, 256])
    dense_units: int = 256
    dropout: float = 0.3
    conditioning_size: int = 0

    def validate(self) -> None:
        """Raises ``ValueError`` naming the first bad field."""
        if self.note_vocabulary_size <= 0:
            raise ValueError("noteVocabularySize must be > 0")
        if self.duration_vocabulary_size <= 0:
            raise ValueError("durationVocabularySize must be > 0")
        if not self.lstm_units or any(u <= 0 for u in self.lstm_units):
            raise ValueError("lstmUnits must be a non-empty list of positive sizes")
        if self.dense_units <= 0:
            raise ValueError("denseUnits must be > 0")
        if not 0 <= self.dropout < 1:
            raise ValueError("dropout must be in [0, 1)")
        if self.conditioning_size != 0:
            raise ValueError("conditioned networks (the duet recipe) are not supported by recompose_torch")

    @property
    def input_size(self) -> int:
        return self.note_vocabulary_size + self.duration_vocabulary_size + self.conditioning_size

    def to_json(self) -> dict:
        """The ``config.json`` object; ``conditioningSize`` only when non-zero, as Swift writes it."""
        value = {"denseUnits": self.dense_units, "dropout": self.dropout,
                 "durationVocabularySize": self.duration_vocabulary_size, "lstmUnits": list(self.lstm_units),
                 "noteVocabularySize": self.note_vocabulary_size}
        if self.conditioning_size:
            value["conditioningSize"] = self.conditioning_size
        return value

    @staticmethod
    def from_json(value: dict, path: str = "config.json") -> "ModelConfiguration":
        try:
            configuration = ModelConfiguration(
                note_vocabulary_size=int(value["noteVocabularySize"]),
                duration_vocabulary_size=int(value["durationVocabularySize"]),
                lstm_units=[int(u) for u in value["lstmUnits"]], dense_units=int(value["denseUnits"]),
                dropout=float(value["dropout"]), conditioning_size=int(value.get("conditioningSize", 0)))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}: not a model configuration ({error!r})") from None
        try:
            configuration.validate()
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None
        return configuration


class SequenceModel(nn.Module):
    """The network; ``forward`` returns the two heads' logits for the element after each window."""

    def __init__(self, configuration: ModelConfiguration, generator: torch.Generator | None = None):
        super().__init__()
        configuration.validate()
        self.configuration = configuration
        self.lstm_kernels = nn.ParameterList()
        self.lstm_recurrent = nn.ParameterList()
        self.lstm_biases = nn.ParameterList()
        size = configuration.input_size
        for units in configuration.lstm_units:
            self.lstm_kernels.append(nn.Parameter(_glorot(size, 4 * units, generator)))
            self.lstm_recurrent.append(nn.Parameter(_orthogonal(units, 4 * units, generator)))
            bias = torch.zeros(4 * units)
            bias[units : 2 * units] = 1  # Keras's unit_forget_bias
            self.lstm_biases.append(nn.Parameter(bias))
            size = units
        d = configuration.dense_units
        self.dense_kernel = nn.Parameter(_glorot(size, d, generator))
        self.dense_bias = nn.Parameter(torch.zeros(d))
        self.notes_kernel = nn.Parameter(_glorot(d, configuration.note_vocabulary_size, generator))
        self.notes_bias = nn.Parameter(torch.zeros(configuration.note_vocabulary_size))
        self.durations_kernel = nn.Parameter(_glorot(d, configuration.duration_vocabulary_size, generator))
        self.durations_bias = nn.Parameter(torch.zeros(configuration.duration_vocabulary_size))

    # Parameters under the Swift/Keras names, in Swift's order.
    def named_weights(self) -> list[tuple[str, nn.Parameter]]:
        names: list[tuple[str, nn.Parameter]] = []
        for index in range(len(self.lstm_kernels)):
            prefix = f"lstm_{index + 1}"
            names += [(f"{prefix}.kernel", self.lstm_kernels[index]),
                      (f"{prefix}.recurrent_kernel", self.lstm_recurrent[index]),
                      (f"{prefix}.bias", self.lstm_biases[index])]
        names += [("dense.kernel", self.dense_kernel), ("dense.bias", self.dense_bias),
                  ("notes.kernel", self.notes_kernel), ("notes.bias", self.notes_bias),
                  ("durations.kernel", self.durations_kernel), ("durations.bias", self.durations_bias)]
        return names

    def check_ids(self, notes: torch.Tensor, durations: torch.Tensor, what: str = "input") -> None:
        """Raises ``ValueError`` for an id outside the vocabularies (Swift refuses them too)."""
        vn, vd = self.configuration.note_vocabulary_size, self.configuration.duration_vocabulary_size
        if notes.numel() and (int(notes.min()) < 0 or int(notes.max()) >= vn):
            raise ValueError(f"{what}: note id outside 0..<{vn} (min {int(notes.min())}, max {int(notes.max())})")
        if durations.numel() and (int(durations.min()) < 0 or int(durations.max()) >= vd):
            raise ValueError(
                f"{what}: duration id outside 0..<{vd} (min {int(durations.min())}, max {int(durations.max())})")

    def forward(self, notes: torch.Tensor, durations: torch.Tensor,
                dropout_masks: list[torch.Tensor] | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Logits ``[B, Vn]`` and ``[B, Vd]`` after windows ``notes``/``durations`` ``[B, T]`` (int).

        ``dropout_masks`` (one ``[B, T, u]`` tensor of 0 or 1/(1-rate) per LSTM but the last) turns
        on training-mode dropout; None is inference.
        """
        self.check_ids(notes, durations)
        vn = self.configuration.note_vocabulary_size
        kernel = self.lstm_kernels[0]
        # x·kernel for a one-hot x is the sum of the two active rows.
        projection = kernel[notes.long()] + kernel[vn + durations.long()]  # [B, T, 4u]
        last = len(self.lstm_kernels) - 1
        sequence = hidden = projection
        for index in range(len(self.lstm_kernels)):
            if index > 0:
                projection = sequence @ self.lstm_kernels[index]
            outputs = _lstm(projection + self.lstm_biases[index], self.lstm_recurrent[index],
                            return_sequences=index < last)
            if index < last:
                sequence = outputs
                if dropout_masks is not None and self.configuration.dropout > 0:
                    sequence = sequence * dropout_masks[index]
            else:
                hidden = outputs
        dense = torch.relu(hidden @ self.dense_kernel + self.dense_bias)
        return dense @ self.notes_kernel + self.notes_bias, dense @ self.durations_kernel + self.durations_bias


def loss(note_logits: torch.Tensor, duration_logits: torch.Tensor, target_notes: torch.Tensor,
         target_durations: torch.Tensor) -> torch.Tensor:
    """The sum of the two heads' mean sparse categorical cross-entropies (Swift's and Keras's)."""
    return (nn.functional.cross_entropy(note_logits, target_notes.long())
            + nn.functional.cross_entropy(duration_logits, target_durations.long()))


def _lstm(projection: torch.Tensor, recurrent: torch.Tensor, return_sequences: bool) -> torch.Tensor:
    """Runs an LSTM given each step's input projection plus bias ``[B, T, 4u]``."""
    batch, _, gates = projection.shape
    units = gates // 4
    h = projection.new_zeros(batch, units)
    c = projection.new_zeros(batch, units)
    outputs = []
    # One unbind, not a slice per step: a slice's backward would zero-fill the whole [B, T, 4u]
    # gradient at every step (most of the step's time at T = 100).
    for x in projection.unbind(1):
        z = x + h @ recurrent
        i, f, g, o = z.split(units, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        if return_sequences:
            outputs.append(h)
    return torch.stack(outputs, dim=1) if return_sequences else h


def _glorot(rows: int, cols: int, generator: torch.Generator | None) -> torch.Tensor:
    limit = (6.0 / (rows + cols)) ** 0.5
    return (torch.rand(rows, cols, generator=generator, dtype=torch.float64) * 2 - 1).mul(limit).float()


def _orthogonal(rows: int, cols: int, generator: torch.Generator | None) -> torch.Tensor:
    tall, narrow = max(rows, cols), min(rows, cols)
    q, r = torch.linalg.qr(torch.randn(tall, narrow, generator=generator, dtype=torch.float64))
    q = q * torch.sign(torch.diagonal(r))
    return (q if rows >= cols else q.T).float().contiguous()


def dropout_masks(configuration: ModelConfiguration, batch: int, steps: int,
                  generator: torch.Generator) -> list[torch.Tensor]:
    """Inverted-dropout masks for a batch: 0 with probability ``dropout``, else 1/(1-dropout)."""
    rate = configuration.dropout
    masks = []
    for units in configuration.lstm_units[:-1]:
        keep = torch.rand(batch, steps, units, generator=generator) >= rate
        masks.append(keep.float() / (1 - rate))
    return masks
