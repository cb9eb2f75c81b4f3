"""Adam exactly as Keras 3 (and Swift's ``Adam``) updates a variable, with global-norm clipping
as Keras's ``global_clipnorm``. ``torch.optim.Adam`` puts ε inside the bias correction and
clips with ``max_norm / (norm + 1e-6)``, which would break parity at 1e-5, hence this class.

At step t (from 1): α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) (in float32), m ← m + (g − m)(1 − β₁),
v ← v + (g² − v)(1 − β₂), w ← w − α·m/(√v + ε).
"""

from __future__ import annotations

import math

import torch


class KerasAdam:
    """The optimiser; ``state_dict``/``load_state_dict`` carry the step count and both moments."""

    def __init__(self, parameters: list[torch.nn.Parameter], learning_rate: float = 0.001, beta1: float = 0.9,
                 beta2: float = 0.999, epsilon: float = 1e-7, clip_norm: float | None = None):
        self.parameters = list(parameters)
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.clip_norm = clip_norm
        self.iterations = 0
        self.momentums = [torch.zeros_like(p) for p in self.parameters]
        self.velocities = [torch.zeros_like(p) for p in self.parameters]

    @staticmethod
    def global_norm(gradients: list[torch.Tensor]) -> float:
        """The L2 norm of all gradients together, accumulated in double as Swift does."""
        return math.sqrt(sum(float(g.double().pow(2).sum()) for g in gradients))

    @torch.no_grad()
    def step(self) -> None:
        """One update from the parameters' ``.grad`` (zeros where a parameter has none)."""
        gradients = [p.grad if p.grad is not None else torch.zeros_like(p) for p in self.parameters]
        scale = 1.0
        if self.clip_norm is not None:
            norm = self.global_norm(gradients)
            if norm > self.clip_norm:
                scale = float(torch.tensor(self.clip_norm / norm, dtype=torch.float32))
        self.iterations += 1
        f32 = torch.float32
        step = torch.tensor(float(self.iterations), dtype=f32)
        b1, b2 = torch.tensor(self.beta1, dtype=f32), torch.tensor(self.beta2, dtype=f32)
        lr = torch.tensor(self.learning_rate, dtype=f32)
        alpha = lr * torch.sqrt(1 - torch.pow(b2, step)) / (1 - torch.pow(b1, step))
        one_minus_b1, one_minus_b2 = 1 - b1, 1 - b2
        eps = torch.tensor(self.epsilon, dtype=f32)
        for w, m, v, g in zip(self.parameters, self.momentums, self.velocities, gradients):
            g = g * torch.tensor(scale, dtype=f32) if scale != 1.0 else g
            m.add_((g - m) * one_minus_b1)
            v.add_((g * g - v) * one_minus_b2)
            w.sub_(m * alpha / (torch.sqrt(v) + eps))

    def state_dict(self) -> dict:
        return {"iterations": self.iterations, "learning_rate": self.learning_rate, "beta1": self.beta1,
                "beta2": self.beta2, "epsilon": self.epsilon, "clip_norm": self.clip_norm,
                "momentums": [m.clone() for m in self.momentums], "velocities": [v.clone() for v in self.velocities]}

    def load_state_dict(self, state: dict) -> None:
        if len(state["momentums"]) != len(self.parameters) or any(
                m.shape != p.shape for m, p in zip(state["momentums"], self.parameters)):
            raise ValueError("optimizer state does not match the model's parameters")
        self.iterations = int(state["iterations"])
        with torch.no_grad():
            for target, source in zip(self.momentums, state["momentums"]):
                target.copy_(source)
            for target, source in zip(self.velocities, state["velocities"]):
                target.copy_(source)
