"""Score the lesson detector at sentence level on the labelled lesson sets.

Usage::

    python eval/lessons/evaluate.py [--split corpus|dev|test|all] [--posts DIR] [--show]
                                    [--by-source]

``corpus_lessons.jsonl`` labels the bundled essays (``corpus/*.md``) by exact sentence;
``reddit_lessons.jsonl`` and ``reddit_lessons_b.jsonl`` label Reddit posts, and
``shared_lessons.jsonl`` the five essays of ``../shared/corpus`` (all held out), by character
span only. The posts are written to
``--posts`` (default: a temporary folder) with ``eval/export_posts.py``. Sentences are the units
of :func:`careertext.matching.sentence_units` on the default pipeline; a unit is gold-positive when
a labelled span covers more than half of it and predicted-positive when a detected passage does.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_docs() -> dict[str, str]:
    out = {}
    for path in sorted((ROOT / "corpus").glob("[0-9]*.md")):
        text = path.read_text(encoding="utf-8")
        m = re.match(r"^---\n.*?\n---\n", text, re.S)
        out[path.stem] = text[m.end():] if m else text
    return out


def load_gold(split: str, posts: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Return ``(doc_id, text, [(start, end, kind)])`` for the chosen split."""
    items = []
    if split in ("dev", "all", "corpus"):
        texts = corpus_docs()
        for line in (HERE / "corpus_lessons.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text = texts[rec["doc_id"]]
            spans = []
            for lab in rec["lessons"]:
                s = text.index(lab["evidence"])
                spans.append((s, s + len(lab["evidence"]), lab["kind"]))
            items.append((rec["doc_id"], text, spans))
    if split == "corpus":
        return items
    from careertext.evaluate import load_texts

    gold_paths = [HERE / "reddit_lessons.jsonl", HERE / "reddit_lessons_b.jsonl"]
    if not any(posts.glob("*.txt")):
        subprocess.run([sys.executable, str(ROOT / "eval" / "export_posts.py"), str(posts),
                        "--ids", *map(str, gold_paths)], check=True, stdout=subprocess.DEVNULL)
    sources = [(path, posts) for path in gold_paths]
    if SHARED_CORPUS.is_dir():  # all held out ("split": "test")
        sources.append((HERE / "shared_lessons.jsonl", SHARED_CORPUS))
    for gold_path, folder in sources:
        records = [json.loads(line)
                   for line in gold_path.read_text(encoding="utf-8").splitlines()]
        records = [r for r in records if split == "all" or r["split"] == split]
        texts = load_texts(folder, ids=[r["doc_id"] for r in records])
        items += [(r["doc_id"], texts[r["doc_id"]],
                   [(*lab["span"], lab["kind"]) for lab in r["lessons"]]) for r in records]
    return items


def _covered(unit: tuple[int, int], spans) -> str | None:
    s, e = unit
    for a, b, kind in spans:
        if min(e, b) - max(s, a) > (e - s) / 2:
            return kind
    return None


def score(items, nlp=None, show: bool = False) -> dict[str, float]:
    from careertext.lessons import extract_lessons_many
    from careertext.matching import sentence_units
    from careertext.pipeline import load_pipeline

    nlp = load_pipeline(nlp)
    tp = fp = fn = kind_ok = 0
    texts = [t for _, t, _ in items]
    found_all = extract_lessons_many(texts, nlp=nlp)
    for (doc_id, text, gold), found in zip(items, found_all, strict=True):
        pred = [(p.start, p.end, p.kind) for p in found]
        for u in sentence_units(nlp(text)):
            unit = (u.start_char, u.end_char)
            g, p = _covered(unit, gold), _covered(unit, pred)
            if g and p:
                tp += 1
                kind_ok += g == p
            elif p:
                fp += 1
            elif g:
                fn += 1
            if show and (g or p) and g != p:
                print(f"{doc_id}\tgold={g}\tpred={p}\t{u.text[:110]!r}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(f1, 3), "kind_accuracy": round(kind_ok / tp, 3) if tp else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["corpus", "dev", "test", "all"], default="test")
    parser.add_argument("--posts", type=Path, default=None)
    parser.add_argument("--show", action="store_true", help="print the disagreements")
    parser.add_argument("--by-source", action="store_true",
                        help="also score essays, Reddit career posts and r/antiwork apart")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        posts = args.posts or Path(tmp)
        items = load_gold(args.split, posts)
        groups = {"all": items}
        if args.by_source:
            for name, pattern in (("shared essays", r"\d{3}_[0-9a-f]{16}"),
                                  ("reddit career", r"rct_"), ("r/antiwork", r"aw_")):
                sel = [it for it in items if re.match(pattern, it[0])]
                if sel:
                    groups[name] = sel
        for name, sel in groups.items():
            print(json.dumps({"split": args.split, "source": name, "docs": len(sel),
                              **score(sel, show=args.show and name == "all")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
