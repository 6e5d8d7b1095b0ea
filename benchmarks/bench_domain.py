"""How often the sentiment scorer's domain gate reads a text as career text.

:func:`careertext.sentiment.is_career_text` decides whether ``domain="auto"`` reads a document
as career text (career lexicon and layer on top of VADER) or as general text (VADER exactly).
This benchmark prints the share of texts it reads as career text in two development sets the
project wrote itself (no third-party text), one row per kind of text:

* ``eval/domain/general_dev.tsv``: 320 everyday texts that are not about the writer's work
  (tweets, film and product review sentences, news sentences, misc.), a quarter of them with
  words that also occur at work ("performance", "staff", "delivery"): the gate should say no;
* ``eval/domain/career_dev.tsv``: 240 texts about one's own job (exit-interview lines, posts,
  employee reviews, essay sentences), many of them naming no workplace noun ("Got laid off
  this morning."): the gate should say yes.

Usage::

    python benchmarks/bench_domain.py        # (--quick is accepted and changes nothing)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careertext.sentiment import is_career_text  # noqa: E402

SETS = {"general": ROOT / "eval" / "domain" / "general_dev.tsv",
        "career": ROOT / "eval" / "domain" / "career_dev.tsv"}


def read_set(path: Path) -> list[tuple[str, str]]:
    """``(kind, text)`` rows of a ``kind<TAB>text`` file with a header line."""
    rows = []
    with path.open(encoding="utf-8") as f:
        next(f)
        for n, line in enumerate(f, start=2):
            kind, sep, text = line.rstrip("\n").partition("\t")
            if not sep or not text:
                raise SystemExit(f"{path}:{n}: expected 'kind<TAB>text'")
            rows.append((kind, text))
    return rows


def gate_rates(rows: list[tuple[str, str]]) -> dict[str, tuple[int, float]]:
    """Per kind (and ``all``): number of texts and share read as career text."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for kind, text in rows:
        hit = is_career_text(text)
        by_kind[kind].append(hit)
        by_kind["all"].append(hit)
    return {k: (len(v), sum(v) / len(v)) for k, v in by_kind.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="accepted for run_all.py")
    parser.parse_args(argv)
    print(f"{'set':8} {'kind':8} {'texts':>5}  read as career text")
    for name, path in SETS.items():
        for kind, (n, share) in sorted(gate_rates(read_set(path)).items(),
                                       key=lambda kv: kv[0] == "all"):
            print(f"{name:8} {kind:8} {n:5d}  {share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
