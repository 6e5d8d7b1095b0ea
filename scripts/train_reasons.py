"""Train the reason scorer (``src/careertext/data/reason_model.json``) on the development gold.

Only ``corpus/gold.jsonl`` and ``eval/gold/dev/*.jsonl`` are read: the held-out gold under
``eval/gold/test/`` is never touched here. Candidates are the (sentence, code) pairs the rules
propose (:meth:`careertext.reasons.ReasonExtractor.candidates`); a candidate is positive when a
gold reason of the same code overlaps its sentence. The script prints document-level precision,
recall and F1 of 5-fold cross-validation grouped by document (so no document is scored by a
model that saw it), picks the threshold with the best cross-validated F1, then fits on all of dev
and writes the weights as JSON.

Usage::

    python scripts/train_reasons.py [--out src/careertext/data/reason_model.json] [--c 1.0] \
        [--lexical] [--lexical-scale 1.0]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.sparse import diags
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
REPEATS = (0, 1, 2)
#: Evidence thresholds whose cross-validated evidence F1 is within this of the best tie; the
#: lowest of them is chosen, for evidence recall.
EVIDENCE_TIE = 0.001
DEV_GOLD = [ROOT / "corpus" / "gold.jsonl",
            *sorted((ROOT / "eval" / "gold" / "dev").glob("*.jsonl"))]


def load_dev():
    from careertext.evaluate import load_texts, read_gold

    texts = load_texts(ROOT / "corpus")
    tmp = Path(tempfile.mkdtemp(prefix="careertext-dev-"))
    reddit = [p for p in DEV_GOLD if "reddit" in p.name]
    subprocess.run([sys.executable, str(ROOT / "eval" / "export_posts.py"), str(tmp), "--ids",
                    *map(str, reddit)], check=True, stdout=subprocess.DEVNULL)
    texts.update(load_texts(tmp))
    docs = [d for g in DEV_GOLD for d in read_gold(g, texts)]
    return docs, texts


def build_rows(docs, texts, lexical=False):
    from careertext.pipeline import load_pipeline
    from careertext.reasons import ReasonExtractor

    nlp = load_pipeline()
    extractor = ReasonExtractor(nlp, use_model=False)
    extractor.lexical = lexical
    rows = []
    for d, doc in zip(docs, nlp.pipe(texts[d.doc_id] for d in docs), strict=True):
        for c in extractor.candidates(doc):
            if c["blocked"]:
                continue
            positive = any(g.code == c["code"] and g.start < c["end"] and c["start"] < g.end
                           for g in d.reasons)
            rows.append((d, c, positive))
    return rows


def doc_scores(docs, rows, probs, threshold):
    predicted = {d.doc_id: set() for d in docs}
    for (d, c, _), p in zip(rows, probs, strict=True):
        if p >= threshold:
            predicted[d.doc_id].add(c["code"])
    tp = fp = fn = 0
    for d in docs:
        codes = predicted[d.doc_id]
        tp += len(codes & d.required)
        fp += len(codes - d.required - d.acceptable)
        fn += len(d.required - codes)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evidence_scores(docs, rows, probs, threshold, evidence_threshold):
    """Sentence-level evidence precision, recall and F1 when a code, once accepted for a document
    (a candidate at ``threshold`` or above), also keeps its other candidate sentences scoring
    ``evidence_threshold`` or above. Document-level scores do not change."""
    accepted = {(d.doc_id, c["code"]) for (d, c, _), p in zip(rows, probs, strict=True)
                if p >= threshold}
    kept = [(d, c, pos) for (d, c, pos), p in zip(rows, probs, strict=True)
            if (d.doc_id, c["code"]) in accepted and p >= min(threshold, evidence_threshold)]
    precision = sum(pos for _, _, pos in kept) / len(kept) if kept else 1.0
    spans: dict = {}
    for d, c, _ in kept:
        spans.setdefault((d.doc_id, c["code"]), []).append((c["start"], c["end"]))
    hit = total = 0
    for d in docs:
        for g in d.reasons:
            if g.code not in d.required:
                continue
            total += 1
            hit += any(s < g.end and g.start < e for s, e in spans.get((d.doc_id, g.code), ()))
    recall = hit / total if total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src/careertext/data/reason_model.json")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--lexical", action="store_true",
                        help="add the sentence's lemmas as features")
    parser.add_argument("--lexical-scale", type=float, default=1.0,
                        help="multiply the lemma features by this during training, so that the "
                             "L2 penalty weighs on them more than on the rule features (the "
                             "written weights are rescaled: scoring is unchanged)")
    args = parser.parse_args(argv)

    docs, texts = load_dev()
    rows = build_rows(docs, texts, lexical=args.lexical)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([c["features"] for _, c, _ in rows])
    scale = np.where([n.startswith("w=") for n in vec.get_feature_names_out()],
                     args.lexical_scale, 1.0)
    X = (X @ diags(scale)).tocsr()
    y = np.array([pos for _, _, pos in rows], dtype=int)
    groups = np.array([d.doc_id for d, _, _ in rows])
    print(f"dev documents: {len(docs)}, candidates: {len(rows)}, positive: {int(y.sum())}")

    # 5-fold CV grouped by document, repeated with 3 random assignments of documents to folds
    # (one assignment alone moves F1 by a few points when the candidates change slightly).
    thresholds = np.round(np.arange(0.1, 0.81, 0.05), 2)
    scores = np.zeros((len(REPEATS), len(thresholds), 3))
    oofs = []
    for i, seed in enumerate(REPEATS):
        oof = np.zeros(len(rows))
        folds = GroupKFold(n_splits=5, shuffle=True, random_state=seed)
        for train, test in folds.split(X, y, groups):
            model = LogisticRegression(C=args.c, max_iter=2000)
            model.fit(X[train], y[train])
            oof[test] = model.predict_proba(X[test])[:, 1]
        oofs.append(oof)
        for j, t in enumerate(thresholds):
            scores[i, j] = doc_scores(docs, rows, oof, t)
    mean = scores.mean(axis=0)
    print(f"5-fold CV by document, mean of {len(REPEATS)} repeats (document-level micro scores):")
    best = (0.0, 0.5)
    for t, (p, r, f) in zip(thresholds, mean, strict=True):
        print(f"  threshold {t:.2f}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        best = max(best, (round(float(f), 4), float(t)))
    rule_p, rule_r, rule_f = doc_scores(docs, rows, [c["rule_score"] for _, c, _ in rows], 0.5)
    print(f"rules alone (no training): P {rule_p:.3f}  R {rule_r:.3f}  F1 {rule_f:.3f}")
    print(f"chosen threshold {best[1]} (CV F1 {best[0]:.3f})")

    # More evidence for an accepted code: its other sentences down to a lower threshold, chosen
    # for the best sentence-level evidence F1 (document-level scores are unchanged by it); of
    # thresholds within EVIDENCE_TIE of the best F1, the lowest: evidence recall is the target.
    print("evidence threshold (codes accepted at the chosen threshold; sentence-level):")
    evidence = {}
    for t2 in [t for t in thresholds if t <= best[1]] + [0.05]:
        p, r, f = np.mean([evidence_scores(docs, rows, oof, best[1], t2) for oof in oofs], axis=0)
        print(f"  evidence threshold {t2:.2f}: precision {p:.3f}  recall {r:.3f}  F1 {f:.4f}")
        evidence[float(t2)] = round(float(f), 4)
    top = max(evidence.values())
    evidence_threshold = min(t2 for t2, f in evidence.items() if f >= top - EVIDENCE_TIE)
    print(f"chosen evidence threshold {evidence_threshold} (CV evidence F1 "
          f"{evidence[evidence_threshold]:.4f}; best {top:.4f})")

    model = LogisticRegression(C=args.c, max_iter=2000).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {name: round(float(w), 6)
               for name, w in zip(names, model.coef_[0] * scale, strict=True) if abs(w) > 1e-9}
    data = {
        "format": 1, "bias": round(float(model.intercept_[0]), 6), "threshold": best[1],
        "evidence_threshold": evidence_threshold,
        "weights": weights,
        "meta": {"trained_on": [str(p.relative_to(ROOT)) for p in DEV_GOLD],
                 "documents": len(docs), "candidates": len(rows), "C": args.c,
                 "lexical": args.lexical, "lexical_scale": args.lexical_scale,
                 "cv_f1": round(best[0], 4)},
    }
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
