"""The map step at scale with Ray Data: one ``recompose prepare --shard I/N`` per shard, run as
Ray tasks over a list of files, then (optionally) the reduce step ``recompose merge``.

    python examples/ray_prepare.py --recompose .build/release/recompose --files-from list.txt \\
        --base CORPUS --shards 64 --shard-out PREPARED [--merge MERGED] [--num-cpus 2]

On a laptop ``ray.init(num_cpus=N)`` runs the tasks in local processes; on a cluster start Ray
(``ray start --head`` / ``--address``) and pass ``--address auto``: every node needs the
``recompose`` binary and the files at the same paths (a shared file system), and writes its
shards into ``--shard-out`` there. Shards are independent, so a failed one is retried alone
(``--retries``); the reduce step refuses an incomplete set by name.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time


def prepare_command(args: argparse.Namespace, index: int) -> list[str]:
    command = [args.recompose, "prepare", "--shard", f"{index}/{args.shards}", "--shard-out", args.shard_out]
    if args.files_from:
        command += ["--files-from", args.files_from]
    if args.base:
        command += ["--corpus", args.base]
    return command + list(args.extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recompose", required=True, help="the recompose binary")
    parser.add_argument("--files-from", help="one path a line (relative to --base); default: every file of --base")
    parser.add_argument("--base", help="the corpus folder (recompose prepare --corpus)")
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--shard-out", required=True)
    parser.add_argument("--merge", help="then run `recompose merge` into this folder")
    parser.add_argument("--num-cpus", type=int, default=2, help="local mode: Ray's CPUs (ignored with --address)")
    parser.add_argument("--address", help="a running Ray cluster ('auto' on a node of it)")
    parser.add_argument("--retries", type=int, default=1)
    parser.add_argument("extra", nargs="*", help="more `recompose prepare` options after --, e.g. -- --seq 100")
    args = parser.parse_args(argv)
    if args.shards < 1:
        parser.error("--shards must be at least 1")

    import ray  # imported here so --help works without Ray

    if args.address:
        ray.init(address=args.address, log_to_driver=False)
    else:
        ray.init(num_cpus=args.num_cpus, include_dashboard=False, log_to_driver=False)
    began = time.monotonic()

    def prepare(row: dict) -> dict:
        command = prepare_command(args, int(row["shard"]))
        for attempt in range(args.retries + 1):
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode == 0:
                break
        return {"shard": row["shard"], "status": result.returncode, "attempts": attempt + 1,
                "stderr": result.stderr[-2000:]}

    # One row per shard; each map call runs one `recompose prepare` process on one CPU.
    rows = ray.data.from_items([{"shard": i} for i in range(args.shards)], override_num_blocks=args.shards)
    results = sorted(rows.map(prepare, num_cpus=1).take_all(), key=lambda r: r["shard"])
    ray.shutdown()
    failed = [r for r in results if r["status"] != 0]
    for r in failed:
        print(f"ray_prepare: shard {r['shard']}/{args.shards} failed after {r['attempts']} attempt(s):\n{r['stderr']}",
              file=sys.stderr)
    print(f"ray_prepare: {len(results) - len(failed)} of {args.shards} shards prepared in "
          f"{time.monotonic() - began:.1f} s")
    if failed:
        return 1
    if args.merge:
        merge = subprocess.run([args.recompose, "merge", "--shards", args.shard_out, "--out", args.merge])
        return merge.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
