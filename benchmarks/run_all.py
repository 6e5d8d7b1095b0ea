"""Run every ``benchmarks/bench_*.py`` in turn (with ``--quick`` unless ``--full``).

Usage::

    python benchmarks/run_all.py            # each benchmark with --quick
    python benchmarks/run_all.py --full     # each benchmark at full size (long)
    python benchmarks/run_all.py --only scale sentiment

Each benchmark prints its own table; the exit code is non-zero when one of them failed.
Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="run at full size (no --quick)")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="only these benchmarks (bench_NAME.py)")
    args = parser.parse_args(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    failed = []
    for script in scripts:
        cmd = [sys.executable, str(script)] + ([] if args.full else ["--quick"])
        print(f"\n=== {script.name} {' '.join(cmd[2:])}", flush=True)
        t = time.perf_counter()
        code = subprocess.call(cmd)
        print(f"=== {script.name}: exit {code}, {time.perf_counter() - t:.0f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
