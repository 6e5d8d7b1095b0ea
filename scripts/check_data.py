"""Check that the learned package data files are what their scripts make at this commit.

careertext ships five files learned from data: ``career_lexicon.tsv``
(``scripts/build_career_lexicon.py``), ``career_topics.tsv``, ``career_words.tsv`` and
``career_layer.tsv`` (``scripts/build_career_layer.py``) and ``reason_model.json``
(``scripts/train_reasons.py``, with the settings recorded in its ``meta``). Each depends on the
scorer, the extractor and the gold as they are now, so a change to any of them can leave a file
stale: the README would then claim figures for data the code no longer makes. This script
rebuilds every file into a temporary folder and compares it with the package's copy: the same
terms (or features) and the same numbers within ``--tolerance`` (the floating-point sums of
another machine may move a last digit). It needs ``../shared`` beside the project, takes about
three minutes, and exits with status 1 and the differences when a file is stale; ``make data``
rebuilds them in place.

Usage::

    python scripts/check_data.py            # or: make check-data
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src" / "careertext" / "data"
SHARED = ROOT.parent / "shared"
MAX_SHOWN = 10


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _read_tsv(path: Path) -> dict[str, list[str]]:
    """The rows of a data TSV by their first column (comments and the header skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return {cols[0]: cols[1:] for cols in (ln.split("\t") for ln in lines[1:])}


def _same_value(a, b, tolerance: float) -> bool:
    if isinstance(a, str) and isinstance(b, str) and _is_number(a) and _is_number(b):
        a, b = float(a), float(b)
    if isinstance(a, bool) or isinstance(b, bool) or not (
            isinstance(a, int | float) and isinstance(b, int | float)):
        return a == b
    return abs(a - b) <= tolerance


def compare_tables(shipped: dict, rebuilt: dict, tolerance: float) -> list[str]:
    """Differences between two keyed tables (values: lists or scalars), as readable lines.

    Examples
    --------
    >>> compare_tables({"toxic": ["-2.1", "40"]}, {"toxic": ["-2.1004", "40"]}, 0.001)
    []
    >>> compare_tables({"toxic": ["-2.1"]}, {"toxic": ["-1.9"], "rude": ["-1.0"]}, 0.001)
    ["only in the rebuilt file: 'rude'", "'toxic': shipped ['-2.1'], rebuilt ['-1.9']"]
    """
    out = [f"only in the shipped file: {k!r}" for k in sorted(shipped.keys() - rebuilt.keys())]
    out += [f"only in the rebuilt file: {k!r}" for k in sorted(rebuilt.keys() - shipped.keys())]
    for key in sorted(shipped.keys() & rebuilt.keys()):
        a, b = shipped[key], rebuilt[key]
        if isinstance(a, list) and isinstance(b, list):
            same = len(a) == len(b) and all(
                _same_value(x, y, tolerance) for x, y in zip(a, b, strict=True))
        else:
            same = _same_value(a, b, tolerance)
        if not same:
            out.append(f"{key!r}: shipped {a!r}, rebuilt {b!r}")
    return out


def _flatten_model(path: Path) -> dict:
    """A reason model as one flat table: its settings, its bias and each weight."""
    data = json.loads(path.read_text(encoding="utf-8"))
    flat = {f"weights.{k}": v for k, v in data.pop("weights").items()}
    meta = data.pop("meta")
    flat.update({f"meta.{k}": v for k, v in meta.items()})
    flat.update(data)
    return flat


def _run(args: list[str]) -> None:
    print("$ python " + " ".join(args), flush=True)
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        print(done.stdout[-2000:] + done.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"check_data: {args[0]} failed with status {done.returncode}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tolerance", type=float, default=0.002,
                    help="largest difference allowed between two numbers (default 0.002)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"check_data: {SHARED} is missing; the data files are learned from it",
              file=sys.stderr)
        return 2
    shipped_model = _flatten_model(DATA_DIR / "reason_model.json")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        _run(["scripts/build_career_lexicon.py", "--out", str(out / "career_lexicon.tsv")])
        _run(["scripts/build_career_layer.py", "--out-dir", str(out)])
        train = ["scripts/train_reasons.py", "--out", str(out / "reason_model.json"),
                 "--c", str(shipped_model["meta.C"])]
        if shipped_model["meta.lexical"]:
            train += ["--lexical", "--lexical-scale", str(shipped_model["meta.lexical_scale"])]
        _run(train)
        results = {name: compare_tables(_read_tsv(DATA_DIR / name), _read_tsv(out / name),
                                        args.tolerance)
                   for name in ("career_lexicon.tsv", "career_topics.tsv", "career_words.tsv",
                                "career_layer.tsv")}
        results["reason_model.json"] = compare_tables(
            shipped_model, _flatten_model(out / "reason_model.json"), args.tolerance)
    stale = {name: diffs for name, diffs in results.items() if diffs}
    for name in results:
        print(f"{name}: {'STALE' if name in stale else 'up to date'}")
    for name, diffs in stale.items():
        print(f"\n{name}: {len(diffs)} difference(s)")
        for line in diffs[:MAX_SHOWN]:
            print(f"  {line}")
        if len(diffs) > MAX_SHOWN:
            print(f"  ... and {len(diffs) - MAX_SHOWN} more")
    if stale:
        print("\nThe code or the gold changed since these files were built: run `make data` to "
              "rebuild them, then re-measure what the README reports about them.")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
