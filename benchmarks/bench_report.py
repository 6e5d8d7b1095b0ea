"""Report regeneration: first run vs an unchanged re-run vs a re-run with one essay changed.

All three runs happen in this one process (the spaCy pipeline is loaded before the first), on a
copy of the bundled ``corpus/``, in a temporary folder. Prints the times and their ratio.

Usage::

    python benchmarks/bench_report.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import careertext

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="careertext-bench-report-"))
    try:
        corpus = work / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        out = work / "out"
        careertext.load_pipeline()

        def timed(**kw):
            start = time.perf_counter()
            result = careertext.report(corpus, out, progress=False, **kw)
            return time.perf_counter() - start, result

        first, r1 = timed()
        again, r2 = timed()
        essay = sorted(corpus.glob("*.md"))[4]
        essay.write_text(essay.read_text("utf-8") + "\nOne more sentence.\n", encoding="utf-8")
        changed, r3 = timed()
        print(f"essays: {r1.n_essays}")
        print(f"first run (nothing cached):        {first:7.2f} s")
        print(f"unchanged re-run:                  {again:7.2f} s  ({first / again:,.0f}x faster;"
              f" {r2.n_cached} essays from the cache)")
        print(f"re-run with one essay changed:     {changed:7.2f} s  ({r3.n_cached} of "
              f"{r3.n_essays} essays from the cache)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
