"""DistributedDataParallel trainer for torchrun; writes a model folder ``recompose generate`` uses.

    torchrun --standalone --nproc_per_node 2 -m recompose_torch.train \\
        --data MERGED --out MODEL --recipe bar-aware --steps 200 --checkpoint-dir CKPT

One process without torchrun trains too (world size 1). The backend is ``nccl`` when CUDA is
available, ``gloo`` on CPU. The global batch (``--batch-size``) is fixed and divided by the world
size; each rank takes its rows of the same seeded batch (see ``windows``), so the losses of a
W-process run equal those of a 1-process run with the same global batch to float tolerance.
Dropout masks are drawn for the whole global batch from a generator seeded by (seed, clef,
step) and sliced per rank, for the same reason.

The clefs are trained one after the other (treble, then bass), each for ``--steps`` optimiser
steps (or ``--epochs`` passes). Rank 0 writes a checkpoint (model, optimiser, step) atomically
every ``--checkpoint-every`` steps and when a clef is done; every rank starts from the newest
checkpoint of ``--checkpoint-dir``, so torchrun's elastic restart (``--max-restarts``) resumes a
run whose rank died instead of starting over.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.distributed as dist

from . import bundle, shards
from .model import ModelConfiguration, SequenceModel, dropout_masks, loss as model_loss
from .optimizer import KerasAdam
from .windows import WindowSet, global_batch, rank_rows, split_pieces


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m recompose_torch.train", description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="the folder `recompose merge --out` wrote")
    parser.add_argument("--out", required=True, help="the model folder to write")
    parser.add_argument("--recipe", default="bar-aware", choices=bundle.RECIPES)
    parser.add_argument("--steps", type=int, help="optimiser steps per clef (default: --epochs passes)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=64, help="the global batch, divided among the ranks")
    parser.add_argument("--sequence-length", type=int, default=100)
    parser.add_argument("--learning-rate", type=float, default=0.001)
    parser.add_argument("--clip-norm", type=float, default=5.0, help="global gradient norm limit; 0: none")
    parser.add_argument("--schedule", choices=("constant", "warmup-cosine"), default="constant")
    parser.add_argument("--warmup-steps", type=int, default=30)
    parser.add_argument("--floor", type=float, default=0.05, help="the cosine's end, a fraction of the peak")
    parser.add_argument("--lstm-units", default="256,256,256")
    parser.add_argument("--dense-units", type=int, default=256)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--validation-fraction", type=float, default=0.1)
    parser.add_argument("--validation-windows", type=int, default=256, help="at most this many scored at the end")
    parser.add_argument("--seed-windows", type=int, default=16)
    parser.add_argument("--clefs", default="treble,bass")
    parser.add_argument("--checkpoint-dir", help="where checkpoints go and resuming looks (default: none)")
    parser.add_argument("--checkpoint-every", type=int, default=50)
    parser.add_argument("--threads", type=int, help="torch threads per rank (default 1: scale with processes)")
    parser.add_argument("--metrics", help="append one JSON line per step and a summary line to this file (rank 0)")
    parser.add_argument("--fail-at-step", type=int, help=argparse.SUPPRESS)  # tests: the last rank dies there once
    args = parser.parse_args(argv)
    if args.batch_size < 1 or args.sequence_length < 1 or args.learning_rate <= 0:
        parser.error("--batch-size, --sequence-length and --learning-rate must be positive")
    if args.steps is not None and args.steps < 1:
        parser.error("--steps must be at least 1")
    return args


class Run:
    """The distributed context: rank, world size, device."""

    def __init__(self, threads: int | None):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        self.cuda = torch.cuda.is_available()
        self.device = torch.device(f"cuda:{local}") if self.cuda else torch.device("cpu")
        if self.cuda:
            torch.cuda.set_device(self.device)
        # One thread per rank unless told: on two cores one process with two intra-op threads ran
        # at a tenth of the speed of one thread (OpenMP threads spin while the cores are shared).
        torch.set_num_threads(threads or 1)
        self.distributed = self.world > 1
        if self.distributed:
            # After an elastic restart torchrun hands the new workers the same store, which still
            # holds the dead round's addresses; a prefix per round keeps the new mesh from
            # dialling them ("Connection refused").
            store, _, _ = next(dist.rendezvous("env://"))
            round_ = os.environ.get("TORCHELASTIC_RESTART_COUNT", "0")
            dist.init_process_group(backend="nccl" if self.cuda else "gloo",
                                    store=dist.PrefixStore(f"recompose-round-{round_}", store),
                                    rank=self.rank, world_size=self.world)

    def mean(self, value: float) -> float:
        """The mean of a scalar over the ranks."""
        if not self.distributed:
            return value
        tensor = torch.tensor([value], dtype=torch.float64, device=self.device)
        dist.all_reduce(tensor)
        return float(tensor.item()) / self.world

    def close(self) -> None:
        if self.distributed:
            dist.destroy_process_group()


def say(run: Run, message: str) -> None:
    if run.rank == 0:
        print(message, flush=True)


def log(args: argparse.Namespace, run: Run, record: dict) -> None:
    if run.rank == 0 and args.metrics:
        with open(args.metrics, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")


def learning_rate(args: argparse.Namespace, step: int, total: int) -> float:
    """Swift's ``LearningRateSchedule``: constant, or a linear warm-up to the peak then a cosine
    decay to ``floor`` × peak at the end of the run."""
    peak = args.learning_rate
    if args.schedule == "constant":
        return peak
    progress = min(max(step / max(total, 1), 0.0), 1.0)
    decayed = peak * (args.floor + (1 - args.floor) * 0.5 * (1 + math.cos(math.pi * progress)))
    return decayed * (step + 1) / args.warmup_steps if step < args.warmup_steps else decayed


def checkpoint_path(directory: str, clef: str, step: int) -> str:
    return os.path.join(directory, clef, f"step-{step:08d}.pt")


def newest_checkpoint(directory: str | None, clef: str) -> str | None:
    if not directory:
        return None
    found = sorted(glob.glob(os.path.join(directory, clef, "step-*.pt")))
    return found[-1] if found else None


def save_checkpoint(directory: str, clef: str, step: int, model: SequenceModel, optimizer: KerasAdam,
                    losses: list[float], keep: int = 2) -> None:
    """Writes a checkpoint atomically (temporary file + rename) and keeps the newest ``keep``."""
    path = checkpoint_path(directory, clef, step)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    torch.save({"step": step, "model": {k: v.detach().cpu() for k, v in model.state_dict().items()},
                "optimizer": optimizer.state_dict(), "losses": losses}, temporary)
    os.replace(temporary, path)
    for old in sorted(glob.glob(os.path.join(directory, clef, "step-*.pt")))[:-keep]:
        os.unlink(old)


def train_clef(args: argparse.Namespace, run: Run, clef: str, data: shards.MergedData,
               training: list[int], validation: list[int]) -> tuple[bundle.ClefModel, dict, list[float]]:
    vocabulary = data.vocabularies[clef]
    pieces = data.pieces[clef]
    train_set = WindowSet([pieces.notes[i] for i in training], [pieces.durations[i] for i in training],
                          args.sequence_length)
    valid_set = WindowSet([pieces.notes[i] for i in validation], [pieces.durations[i] for i in validation],
                          args.sequence_length)
    if len(train_set) < args.batch_size:
        raise SystemExit(f"train: {clef}: {len(train_set)} training windows of {args.sequence_length} elements are "
                         f"fewer than one global batch of {args.batch_size}; lower --batch-size or --sequence-length")
    per_epoch = len(train_set) // args.batch_size
    total = args.steps if args.steps is not None else args.epochs * per_epoch
    configuration = ModelConfiguration(len(vocabulary.notes), len(vocabulary.durations),
                                       [int(u) for u in args.lstm_units.split(",")], args.dense_units, args.dropout)
    generator = torch.Generator().manual_seed(args.seed)
    model = SequenceModel(configuration, generator).to(run.device)
    optimizer = KerasAdam(list(model.parameters()), args.learning_rate,
                          clip_norm=args.clip_norm if args.clip_norm > 0 else None)
    start, losses = 0, []
    resume = newest_checkpoint(args.checkpoint_dir, clef)
    if resume:
        try:
            state = torch.load(resume, map_location=run.device, weights_only=False)
            model.load_state_dict(state["model"])
            optimizer.load_state_dict(state["optimizer"])
            start, losses = int(state["step"]), list(state["losses"])
        except Exception as error:  # a damaged file or one of another architecture: say which
            raise SystemExit(f"train: {clef}: cannot resume from {resume} ({type(error).__name__}: "
                             f"{str(error)[:300]}); remove it or use another --checkpoint-dir") from None
        say(run, f"train: {clef}: resumed from {resume} (step {start} of {total})")
        log(args, run, {"event": "resumed", "clef": clef, "step": start})
    parallel = torch.nn.parallel.DistributedDataParallel(model) if run.distributed else model
    say(run, f"train: {clef}: {len(train_set)} training windows, {len(valid_set)} validation windows, {total} steps "
             f"of {args.batch_size} on {run.world} process(es) ({'nccl' if run.cuda else 'gloo' if run.distributed else 'single'})")
    began = time.monotonic()
    for step in range(start, total):
        if args.fail_at_step is not None and step == args.fail_at_step and run.rank == run.world - 1 \
                and os.environ.get("TORCHELASTIC_RESTART_COUNT", "0") == "0":
            print(f"train: rank {run.rank} dies at step {step} (--fail-at-step)", file=sys.stderr, flush=True)
            os._exit(17)
        rows = rank_rows(global_batch(len(train_set), args.batch_size, step, args.seed), run.rank, run.world)
        notes, durations, target_notes, target_durations = (torch.from_numpy(a).to(run.device)
                                                            for a in train_set.batch(rows))
        masks = None
        if configuration.dropout > 0:
            masks_generator = torch.Generator().manual_seed(hash_seed(args.seed, clef, step))
            share = args.batch_size // run.world
            masks = [m[run.rank * share : (run.rank + 1) * share].to(run.device) for m in
                     dropout_masks(configuration, args.batch_size, args.sequence_length, masks_generator)]
        optimizer.learning_rate = learning_rate(args, step, total)
        model.zero_grad(set_to_none=True)
        note_logits, duration_logits = parallel(notes, durations, masks)
        value = model_loss(note_logits, duration_logits, target_notes, target_durations)
        value.backward()  # DDP averages the ranks' gradients: the mean over the global batch
        optimizer.step()
        global_loss = run.mean(float(value.item()))
        if not math.isfinite(global_loss):
            raise SystemExit(f"train: {clef}: the loss became {global_loss} at step {step}; "
                             "lower --learning-rate or set --clip-norm")
        losses.append(global_loss)
        log(args, run, {"clef": clef, "step": step, "loss": global_loss, "learningRate": optimizer.learning_rate,
                        "seconds": time.monotonic() - began})
        done = step + 1
        if args.checkpoint_dir and run.rank == 0 and (done % args.checkpoint_every == 0 or done == total):
            save_checkpoint(args.checkpoint_dir, clef, done, model, optimizer, losses)
        if run.distributed:
            dist.barrier()  # a checkpoint is on disk before any rank goes past it
    seconds = time.monotonic() - began
    steps_run = total - start
    sequences = steps_run * args.batch_size
    model.eval()
    validation_loss = None
    if len(valid_set) and run.rank == 0:
        picked = np.linspace(0, len(valid_set) - 1, min(len(valid_set), args.validation_windows)).astype(np.int64)
        with torch.no_grad():
            batch = [torch.from_numpy(a).to(run.device) for a in valid_set.batch(picked)]
            validation_loss = float(model_loss(*model(batch[0], batch[1]), batch[2], batch[3]))
    last_epoch = losses[-min(len(losses), per_epoch):]
    summary = bundle.summary_json(sequences, seconds, float(np.mean(last_epoch)), validation_loss,
                                  max(1, math.ceil(total / per_epoch)))
    record = {"event": "clef", "clef": clef, "steps": steps_run, "sequences": sequences, "seconds": seconds,
              "sequencesPerSecond": sequences / max(seconds, 1e-9), "world": run.world,
              "trainLoss": summary["trainLoss"], "validationLoss": validation_loss}
    log(args, run, record)
    say(run, f"train: {clef}: {steps_run} steps, {sequences / max(seconds, 1e-9):.1f} sequences/s, "
             f"loss {summary['trainLoss']:.4f}" + (f", validation {validation_loss:.4f}" if validation_loss else ""))
    seeds = []
    for p in range(len(pieces.notes)):
        if len(seeds) >= args.seed_windows:
            break
        if len(pieces.notes[p]):
            window = zip(pieces.notes[p][: args.sequence_length], pieces.durations[p][: args.sequence_length])
            seeds.append([(vocabulary.notes[n], vocabulary.durations[d]) for n, d in window])
    return bundle.ClefModel(model.cpu(), vocabulary.notes, vocabulary.durations, seeds), summary, losses


def hash_seed(seed: int, clef: str, step: int) -> int:
    """A dropout seed from (seed, clef, step) that does not depend on the rank or world size."""
    return (seed * 1_000_003 + (0 if clef == "treble" else 500_009) + step * 7_919) % (2**63)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    run = Run(args.threads)
    try:
        try:
            data = shards.load(args.data)
        except shards.ShardError as error:
            print(f"train: {error}", file=sys.stderr)
            return 2
        clefs = [c for c in args.clefs.split(",") if c]
        unknown = [c for c in clefs if c not in shards.CLEFS]
        if unknown:
            print(f"train: unknown clef '{unknown[0]}' (known: treble, bass)", file=sys.stderr)
            return 2
        if args.batch_size % run.world:
            print(f"train: the global batch of {args.batch_size} does not divide among {run.world} ranks; "
                  f"use a multiple of {run.world}", file=sys.stderr)
            return 2
        training, validation = split_pieces(len(data.names), args.validation_fraction, args.seed)
        models, summaries = {}, {}
        for clef in clefs:
            models[clef], summaries[clef], _ = train_clef(args, run, clef, data, training, validation)
        if run.rank == 0:
            warmup = args.schedule == "warmup-cosine"
            # The epochs the run covered (with --steps, what those steps amount to).
            epochs = max(summary["epochs"] for summary in summaries.values())
            bundle.save(args.out, models, args.recipe,
                        bundle.preprocessing_json(args.sequence_length, args.seed, data.min_count,
                                                  args.validation_fraction),
                        bundle.training_json(epochs, args.batch_size, args.learning_rate,
                                             args.clip_norm if args.clip_norm > 0 else None, args.seed,
                                             args.warmup_steps if warmup else None, args.floor if warmup else None),
                        summaries, command="python -m recompose_torch.train " + " ".join(sys.argv[1:]))
            say(run, f"train: wrote {args.out}")
        return 0
    finally:
        run.close()


if __name__ == "__main__":
    sys.exit(main())
