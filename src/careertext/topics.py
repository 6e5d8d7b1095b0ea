"""Recurring lessons across essays: :class:`LessonModel`, a scikit-learn topic model of passages.

Passages (lesson sentences from :func:`careertext.lessons.extract_lessons`, or whole posts) are
reduced to lemmas with stop words and forum boilerplate removed, weighted with TF-IDF over
uni- and bigrams, and factorised into lessons with NMF (default), LDA, k-means on LSA embeddings
or HDBSCAN. ``n_lessons="auto"`` picks the number of lessons by NPMI coherence, diversity and
stability across seeds (kept in ``selection_``). Each lesson gets a readable label, its best
terms, representative quotes, the essays that voice it and its share of passages.

Passages are tokenised by :func:`~careertext.tokens.lemma_tokens` (:mod:`careertext.tokens`); the
metrics :func:`npmi_coherence`, :func:`topic_diversity` and :func:`topic_stability` live in
:mod:`careertext.topic_metrics`. Both modules' public functions are re-exported here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.exceptions import NotFittedError as _SkNotFittedError
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted

from .errors import CareertextError, InputError, NotFittedError
from .tokens import _Lemmatizer, lemma_tokens
from .topic_metrics import _npmi, npmi_coherence, topic_diversity, topic_stability

__all__ = [
    "FORMAT_VERSION",
    "Lesson",
    "LessonModel",
    "LessonModelNotFittedError",
    "lemma_tokens",
    "npmi_coherence",
    "topic_diversity",
    "topic_stability",
]

FORMAT_VERSION = 1
METHODS = ("nmf", "lda", "kmeans", "hdbscan")
LARGE = 20_000  # passages from which the online/mini-batch solvers are used
SELECTION_SAMPLE = 3_000  # passages used to choose k


class LessonModelNotFittedError(NotFittedError, _SkNotFittedError):
    """A :class:`LessonModel` is used before ``fit`` (also a scikit-learn ``NotFittedError``)."""


# -- results ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Lesson:
    """A recurring lesson found by :class:`LessonModel`.

    Attributes
    ----------
    label : str
        Short readable name from its best terms (or the seed label of a guided lesson).
    terms : tuple of (str, float)
        Top terms with their weights, best first.
    quotes : tuple of str
        The most representative passages.
    essays : tuple of str
        Ids of the essays whose passages voice it, most passages first.
    share : float
        Share of the fitted passages whose main lesson it is.
    seed : str or None
        The ``seed_terms`` label that guided it, if any.
    """

    label: str
    terms: tuple[tuple[str, float], ...]
    quotes: tuple[str, ...] = ()
    essays: tuple[str, ...] = ()
    share: float = 0.0
    seed: str | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (JSON-safe)."""
        return {"label": self.label, "terms": [[t, w] for t, w in self.terms],
                "quotes": list(self.quotes), "essays": list(self.essays), "share": self.share,
                "seed": self.seed}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Lesson:
        return cls(label=d["label"], terms=tuple((str(t), float(w)) for t, w in d["terms"]),
                   quotes=tuple(d["quotes"]), essays=tuple(d["essays"]), share=float(d["share"]),
                   seed=d.get("seed"))


# -- the model ----------------------------------------------------------------------------------
class LessonModel(TransformerMixin, BaseEstimator):
    """Topic model of lesson passages that finds the lessons recurring across essays.

    Parameters
    ----------
    n_lessons : int or "auto"
        Number of lessons; ``"auto"`` chooses it in ``k_range`` by NPMI coherence, diversity and
        stability across seeds. Capped by the data (at most half the passages). Ignored by
        ``method="hdbscan"``, which finds its own number.
    method : {"nmf", "lda", "kmeans", "hdbscan"}
        NMF on TF-IDF (default; mini-batch NMF from 20,000 passages), LDA on counts (online from
        20,000 passages), k-means or HDBSCAN on LSA embeddings (TruncatedSVD of TF-IDF).
    random_state : int, RandomState or None
        Seed; a fixed int makes ``fit`` deterministic.
    k_range : (int, int)
        Smallest and largest number of lessons tried by ``"auto"``.
    n_top_terms : int
        Terms kept per lesson (and scored for coherence).
    seed_terms : dict of str to list of str, optional
        Guided lessons ``{label: [terms]}`` (NMF only): each initialises one lesson, whose label it
        keeps.
    max_features, ngram_range, min_df, max_df :
        Vocabulary options of the TF-IDF (``min_df`` is lowered on tiny corpora).
    batch_size : int, optional
        Mini-batch size of the large-corpus solvers (default 2048).
    n_quotes : int
        Quotes kept per lesson.
    term_relevance : float
        How terms are ranked within a lesson: ``1.0`` by weight alone; lower values favour terms
        specific to the lesson (``weight ** r * (weight / total weight of the term) ** (1 - r)``,
        the relevance of LDAvis), which makes the lessons more distinct and their terms co-occur
        more (LDA's topic-word distributions are ranked by weight alone). For short passages
        (median under 15 content words, 200 passages or more) at least 0.8 is used, and
        ``min_df`` is at least 3: single sentences share few words.
    term_coverage : bool
        Choose a lesson's top terms among its ``3 * n_top_terms`` most relevant ones by how its
        own passages use them: first the term most of them hold, then each time the term most
        often found together with those already chosen. The terms listed are then words the
        lesson's passages share, not words that each occur in a few of them: on single lesson
        sentences (posts not used in the benchmark) NPMI rose from -0.094 to 0.051.
        ``False``: by relevance alone.

    Attributes
    ----------
    lessons_ : list of Lesson
    components_ : ndarray of shape (n_lessons, n_features)
        Term weights per lesson.
    n_lessons_ : int
    selection_ : list of dict
        Per tried k: ``k``, ``npmi``, ``diversity``, ``stability`` and ``score`` (empty unless
        ``n_lessons="auto"``).
    vocabulary_ : dict of str to int
    idf_ : ndarray
    n_features_in_ : int
        Number of TF-IDF features (terms).

    Examples
    --------
    >>> texts = ["Negotiate your salary and ask for a raise."] * 3 + [
    ...     "Protect your health and sleep, burnout is real."] * 3
    >>> m = LessonModel(n_lessons=2, random_state=0, min_df=1).fit(texts)
    >>> sorted(lesson.label.split(" / ")[0] for lesson in m.lessons_)
    ['burnout real', 'negotiate']
    """

    def __init__(self, n_lessons: int | str = "auto", method: str = "nmf", random_state=None,
                 k_range: tuple[int, int] = (3, 12), n_top_terms: int = 10,
                 seed_terms: Mapping[str, Sequence[str]] | None = None,
                 max_features: int | None = 20000, ngram_range: tuple[int, int] = (1, 2),
                 min_df: int | float = 2, max_df: float = 0.5, batch_size: int | None = None,
                 n_quotes: int = 3, term_relevance: float = 0.5,
                 term_coverage: bool = True) -> None:
        self.n_lessons = n_lessons
        self.method = method
        self.random_state = random_state
        self.k_range = k_range
        self.n_top_terms = n_top_terms
        self.seed_terms = seed_terms
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.batch_size = batch_size
        self.n_quotes = n_quotes
        self.term_relevance = term_relevance
        self.term_coverage = term_coverage

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.input_tags.sparse = False
        tags.requires_fit = True
        tags.non_deterministic = self.random_state is None
        return tags

    # -- input ----------------------------------------------------------------------------------
    @staticmethod
    def _texts(X: Any) -> list[Any]:
        if isinstance(X, (str, bytes)) or X is None:
            raise InputError("E050", f"X must be a list of passages (str or spaCy Doc), not "
                             f"{type(X).__name__}.", "Wrap a single text in a list: [text].")
        try:
            texts = list(X)
        except TypeError:
            raise InputError("E050", f"X must be an iterable of passages, not "
                             f"{type(X).__name__}.", "Pass a list of strings.") from None
        for i, t in enumerate(texts):
            if not isinstance(t, str) and not (hasattr(t, "text") and hasattr(t, "vocab")):
                raise InputError("E050", f"X[{i}] must be a str or a spaCy Doc, not "
                                 f"{type(t).__name__}.", "Decode bytes and drop None values.")
        return texts

    def _validate_params(self) -> None:
        if self.method not in METHODS:
            raise CareertextError("E052", f"Unknown method {self.method!r}.",
                                  f"Use one of {', '.join(METHODS)}.")
        if not (self.n_lessons == "auto" or (isinstance(self.n_lessons, (int, np.integer))
                                            and not isinstance(self.n_lessons, bool)
                                            and self.n_lessons >= 1)):
            raise CareertextError("E053", f"n_lessons must be 'auto' or a positive int, not "
                                  f"{self.n_lessons!r}.")
        lo, hi = self.k_range
        if not (1 <= lo <= hi):
            raise CareertextError("E053", f"k_range must be (low, high) with 1 <= low <= high, "
                                  f"not {self.k_range!r}.")
        if self.seed_terms is not None:
            if self.method != "nmf":
                raise CareertextError("E054", "seed_terms needs method='nmf'.",
                                      "Drop seed_terms or use method='nmf'.")
            if not isinstance(self.seed_terms, Mapping) or not all(
                    isinstance(v, (list, tuple)) and v and all(isinstance(t, str) for t in v)
                    for v in self.seed_terms.values()):
                raise CareertextError("E054", "seed_terms must map labels to non-empty lists of "
                                      "terms, e.g. {'savings': ['save', 'emergency fund']}.")

    # -- vectorising ----------------------------------------------------------------------------
    def _fit_vectorizer(self, tokens: list[list[str]], min_df):
        from sklearn.feature_extraction.text import TfidfVectorizer

        n = len(tokens)
        max_df = self.max_df if n >= 20 else 1.0
        for attempt in range(3):
            vec = TfidfVectorizer(analyzer=_identity_analyzer(self.ngram_range),
                                  min_df=min_df, max_df=max_df, max_features=self.max_features,
                                  sublinear_tf=True, dtype=np.float64)
            try:
                X = vec.fit_transform(tokens)
            except ValueError:
                X = None
            if X is not None and X.shape[1] > 0:
                return vec, X
            min_df, max_df = 1, 1.0
            if attempt == 1:
                break
        raise CareertextError("E051", "No usable terms in the passages (empty texts, or only "
                              "stop words).", "Pass passages with some content words.")

    def _tfidf(self, tokens: list[list[str]]):
        from sklearn.preprocessing import normalize

        counts = self._counts(tokens)
        X = counts.astype(np.float64)
        if X.nnz:
            X.data = np.log(X.data) + 1.0
        X = X @ sp.diags(self.idf_)
        return normalize(X, copy=False), counts

    def _counts(self, tokens: list[list[str]]):
        from sklearn.feature_extraction.text import CountVectorizer

        vec = CountVectorizer(analyzer=_identity_analyzer(self.ngram_range),
                              vocabulary=self.vocabulary_)
        return vec.transform(tokens)

    # -- fitting --------------------------------------------------------------------------------
    def fit(self, X, y=None, *, essay_ids: Sequence[Any] | None = None,
            groups: Sequence[Any] | None = None) -> LessonModel:
        """Find the lessons of passages ``X`` (strs or spaCy Docs).

        ``essay_ids`` (or ``groups``, its scikit-learn name) gives the essay of each passage,
        for ``Lesson.essays``; by default each passage is its own essay, numbered from 0.
        """
        self._validate_params()
        texts = self._texts(X)
        ids = essay_ids if essay_ids is not None else groups
        if ids is not None:
            ids = [str(i) for i in ids]
            if len(ids) != len(texts):
                raise CareertextError("E055", f"essay_ids has {len(ids)} items for "
                                      f"{len(texts)} passages.", "Give one id per passage.")
        else:
            ids = [str(i) for i in range(len(texts))]
        if not texts:
            raise CareertextError("E051", "X is empty.", "Pass at least one passage.")
        rng = check_random_state(self.random_state)
        tokens = lemma_tokens(texts)
        # Single sentences share few words: rank terms more by weight and drop rarer terms, or
        # the top terms seldom co-occur (measured on sentences of posts not used in the benchmark)
        short = len(tokens) >= 200 and float(np.median([len(t) for t in tokens])) < 15
        self._relevance = max(float(self.term_relevance), 0.8) if short else float(
            self.term_relevance)
        vec, X_tfidf = self._fit_vectorizer(tokens, min_df=max(self.min_df, 3) if short and
                                            isinstance(self.min_df, int) else self.min_df)
        terms = vec.get_feature_names_out()
        self.vocabulary_ = {str(t): int(i) for i, t in enumerate(terms)}
        self.idf_ = np.asarray(vec.idf_, dtype=np.float64)
        self.n_features_in_ = len(terms)
        self._feature_names = np.asarray(terms, dtype=object)
        n_docs = X_tfidf.shape[0]
        counts = self._counts(tokens) if self.method == "lda" else None
        binary = (X_tfidf > 0).astype(np.float64).tocsc()
        seeds = self._seed_columns(n_docs)
        k_cap = max(1, min(n_docs // 2 if n_docs >= 4 else 1, X_tfidf.shape[1]))
        self.selection_: list[dict[str, float]] = []
        if self.method == "hdbscan":
            k = None
        elif self.n_lessons == "auto":
            k = self._choose_k(X_tfidf, counts, binary, rng, k_cap, len(seeds))
        else:
            k = min(int(self.n_lessons), k_cap)
        k = max(k, len(seeds)) if k is not None and seeds else k
        with np.errstate(invalid="ignore"):  # sqrt of a rounding-error negative loss in NMF
            W, H, extra = self._fit_k(X_tfidf, counts, k, rng.randint(np.iinfo(np.int32).max),
                                      final=True, seeds=seeds)
        self.components_ = H
        self.n_lessons_ = H.shape[0]
        self._extra = extra
        self.lessons_ = self._describe(W, H, texts, ids, seeds, binary.tocsr())
        return self

    def _seed_columns(self, n_docs: int) -> list[tuple[str, list[int]]]:
        if not self.seed_terms:
            return []
        lem = _Lemmatizer()
        out = []
        for label, terms in self.seed_terms.items():
            cols = []
            for term in terms:
                key = " ".join(lem(term))
                if key in self.vocabulary_:
                    cols.append(self.vocabulary_[key])
            out.append((str(label), cols))
        return out

    def _choose_k(self, X, counts, binary, rng, k_cap: int, n_seeds: int) -> int:
        lo, hi = self.k_range
        hi = min(hi, k_cap)
        lo = min(max(lo, n_seeds, 1), hi)
        n = X.shape[0]
        if n > SELECTION_SAMPLE:  # choose k on a sample; memory and time stay bounded
            idx = np.sort(rng.choice(n, SELECTION_SAMPLE, replace=False))
            X, binary = X[idx], binary[idx]
            counts = counts[idx] if counts is not None else None
        seeds = [int(s) for s in rng.randint(np.iinfo(np.int32).max, size=3)]
        rows = binary.tocsr()  # for the terms of each lesson (by passage); binary is by term
        best, best_score = lo, -np.inf
        for k in range(lo, hi + 1):
            top = []
            for j, seed in enumerate(seeds):
                with np.errstate(invalid="ignore"):
                    W, H, _ = self._fit_k(X, counts, k, seed, final=j == 0, seeds=[])
                top.append(self._top_terms(H, W, rows))
            npmi = float(np.mean(_npmi_matrix(top[0], binary, self.vocabulary_)))
            stab = float(np.mean([topic_stability(top[0], t) for t in top[1:]]))
            div = topic_diversity(top[0])
            score = npmi + 0.5 * (stab - 1.0) + 0.5 * (div - 1.0)
            self.selection_.append({"k": k, "npmi": round(npmi, 4), "stability": round(stab, 4),
                                    "diversity": round(div, 4), "score": round(score, 4)})
            if score > best_score + 1e-9:
                best, best_score = k, score
        return best

    def _fit_k(self, X, counts, k: int | None, seed: int, *, final: bool,
               seeds: list[tuple[str, list[int]]]):
        """Fit one model; return (W, H, extra arrays for transform)."""
        n = X.shape[0]
        large = n >= LARGE or self.batch_size is not None
        batch = self.batch_size or 2048
        if self.method == "nmf":
            from sklearn.decomposition import NMF, MiniBatchNMF

            init = "nndsvda" if final else "random"
            tol, max_iter = (1e-4, 400) if final else (1e-3, 200)
            if seeds:
                W0, H0 = _seeded_init(X, k, seeds, seed)
                model = NMF(n_components=k, init="custom", random_state=seed, max_iter=400)
                W = model.fit_transform(X, W=W0, H=H0)
            elif large:
                model = MiniBatchNMF(n_components=k, init="custom", random_state=seed,
                                     batch_size=batch, max_iter=50)
                W0, H0 = _nndsvda(X, k, seed)
                W = model.fit_transform(X, W=W0, H=H0)
            elif final:
                model = NMF(n_components=k, init="custom", random_state=seed, max_iter=max_iter,
                            tol=tol)
                W0, H0 = _nndsvda(X, k, seed)
                W = model.fit_transform(X, W=W0, H=H0)
            else:
                model = NMF(n_components=k, init=init, random_state=seed, max_iter=max_iter,
                            tol=tol)
                W = model.fit_transform(X)
            return W, model.components_, {}
        if self.method == "lda":
            from sklearn.decomposition import LatentDirichletAllocation

            model = LatentDirichletAllocation(
                n_components=k, random_state=seed,
                learning_method="online" if large else "batch", batch_size=batch, max_iter=10)
            W = model.fit_transform(counts)
            extra = {"doc_topic_prior": np.array([model.doc_topic_prior_])}
            return W, model.components_ / model.components_.sum(axis=1, keepdims=True), extra
        return self._fit_clusters(X, k, seed, large)

    def _fit_clusters(self, X, k: int | None, seed: int, large: bool):
        from sklearn.decomposition import TruncatedSVD
        from sklearn.preprocessing import normalize

        n, v = X.shape
        dims = max(1, min(100 if self.method == "kmeans" else 10, v - 1, n - 1))
        if dims >= 2:
            svd = TruncatedSVD(n_components=dims, random_state=seed)
            Z = svd.fit_transform(X)
            basis = svd.components_
        else:
            basis = np.eye(v)
            Z = X.toarray()
        Z = normalize(Z)
        if self.method == "kmeans":
            from sklearn.cluster import KMeans, MiniBatchKMeans

            k = min(k, n)
            km = (MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=self.batch_size
                                  or 2048, n_init=3) if large
                  else KMeans(n_clusters=k, random_state=seed, n_init=4))
            labels = km.fit_predict(Z)
        else:
            from sklearn.cluster import HDBSCAN

            m = min(n, 20_000)
            sample = (np.arange(n) if m == n else
                      np.sort(np.random.RandomState(seed).choice(n, m, replace=False)))
            hd = HDBSCAN(min_cluster_size=max(2, min(25, m // 40 or 2)), copy=True)
            sample_labels = hd.fit_predict(Z[sample])
            ids = sorted(set(sample_labels.tolist()) - {-1})
            if not ids:
                sample_labels = np.zeros(m, dtype=int)
                ids = [0]
            cents = normalize(np.vstack([Z[sample][sample_labels == c].mean(axis=0)
                                         for c in ids]))
            labels = np.argmax(Z @ cents.T, axis=1)
            if m == n:  # keep HDBSCAN's noise label for the fitted passages
                labels = np.where(sample_labels == -1, -1,
                                  np.searchsorted(ids, np.maximum(sample_labels, 0)))
        k_found = int(labels.max()) + 1 if labels.size and labels.max() >= 0 else 1
        cents = np.vstack([Z[labels == c].mean(axis=0) if np.any(labels == c)
                           else np.zeros(Z.shape[1]) for c in range(k_found)])
        cents = normalize(cents)
        H = np.vstack([np.asarray(X[labels == c].mean(axis=0)).ravel() if np.any(labels == c)
                       else np.zeros(v) for c in range(k_found)])
        W = np.clip(Z @ cents.T, 0, None)
        W[labels == -1] = 0.0
        return W, H, {"basis": basis, "centroids": cents}

    # -- describing -----------------------------------------------------------------------------
    def _top_terms(self, H: np.ndarray, W: np.ndarray | None = None,
                   rows=None) -> list[list[tuple[str, float]]]:
        """Top terms per lesson; with ``W`` and ``rows`` (the binary passage-term matrix, CSR)
        chosen by how the lesson's passages use them (``term_coverage``)."""
        names = self._feature_names
        lam = 1.0 if self.method == "lda" else self._relevance
        with np.errstate(divide="ignore", invalid="ignore"):
            share = H / H.sum(axis=0, keepdims=True)
            rank = lam * np.log(H) + (1.0 - lam) * np.log(share)
        rank = np.where(H > 0, rank, -np.inf)
        members = self._members(W, rows, H.shape[0]) if self.term_coverage else None
        n_top = self.n_top_terms
        out = []
        for j, (row, rel) in enumerate(zip(H, rank, strict=False)):
            order = np.argsort(-rel, kind="stable")[: 3 * n_top if members is not None else n_top]
            order = order[row[order] > 0]
            if members is not None and members[j].shape[0] and len(order):
                order = order[_co_occurring(members[j][:, order], n_top)]
            out.append([(str(names[i]), round(float(row[i]), 6)) for i in order[:n_top]])
        return out

    @staticmethod
    def _members(W, rows, k: int) -> list | None:
        """Per lesson, the binary passage-term rows of its passages (those it weighs most in)."""
        if W is None or rows is None or W.shape[0] != rows.shape[0]:
            return None
        main = _main_lesson(W)
        return [rows[np.flatnonzero(main == j)] for j in range(k)]

    def _describe(self, W, H, texts, ids, seeds, rows=None) -> list[Lesson]:
        tops = self._top_terms(H, W, rows)
        main = _main_lesson(W)
        n = max(len(texts), 1)
        seed_of = _match_seeds(H, seeds)
        lessons = []
        for j, terms in enumerate(tops):
            members = np.flatnonzero(main == j)
            order = members[np.argsort(-W[members, j], kind="stable")]
            quotes: list[str] = []
            for i in order:
                q = _quote(texts[i])
                if q and q not in quotes:
                    quotes.append(q)
                if len(quotes) >= self.n_quotes:
                    break
            counts: dict[str, int] = {}
            for i in members:
                counts[ids[i]] = counts.get(ids[i], 0) + 1
            essays = tuple(sorted(counts, key=lambda e: (-counts[e], e)))
            seed = seed_of.get(j)
            lessons.append(Lesson(label=seed or _label(terms), terms=tuple(terms),
                                  quotes=tuple(quotes), essays=essays,
                                  share=round(len(members) / n, 4), seed=seed))
        return lessons

    # -- using ----------------------------------------------------------------------------------
    def _check_fitted(self) -> None:
        try:
            check_is_fitted(self, ["components_", "vocabulary_"])
        except _SkNotFittedError:
            raise LessonModelNotFittedError(
                "E056", "This LessonModel is not fitted yet.",
                "Call fit(passages) first, or LessonModel.load(path).") from None

    def transform(self, X) -> np.ndarray:
        """Lesson weights of passages: an array of shape ``(n_passages, n_lessons)``."""
        self._check_fitted()
        texts = self._texts(X)
        if not texts:
            return np.zeros((0, self.n_lessons_))
        tokens = lemma_tokens(texts)
        Xt, counts = self._tfidf(tokens)
        H = self.components_
        if self.method == "nmf":
            from sklearn.decomposition import non_negative_factorization

            W, _, _ = non_negative_factorization(Xt, H=H, n_components=H.shape[0],
                                                 update_H=False, max_iter=400)
            return W
        if self.method == "lda":
            return self._lda().transform(counts)
        from sklearn.preprocessing import normalize

        Z = normalize(np.asarray(Xt @ self._extra["basis"].T))
        return np.clip(Z @ self._extra["centroids"].T, 0, None)

    def _lda(self):
        from scipy.special import psi
        from sklearn.decomposition import LatentDirichletAllocation

        H = self.components_
        lda = LatentDirichletAllocation(n_components=H.shape[0])
        lda.components_ = H
        lda.exp_dirichlet_component_ = np.exp(psi(H) - psi(H.sum(axis=1))[:, None])
        lda.doc_topic_prior_ = float(self._extra["doc_topic_prior"][0])
        lda.topic_word_prior_ = 1.0 / H.shape[0]
        lda.n_features_in_ = H.shape[1]
        lda.n_batch_iter_ = 1
        lda.n_iter_ = 1
        lda.bound_ = 0.0
        return lda

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Names of the output columns of :meth:`transform`: ``lesson0``, ``lesson1`` ..."""
        self._check_fitted()
        return np.asarray([f"lesson{j}" for j in range(self.n_lessons_)], dtype=object)

    def get_terms(self) -> np.ndarray:
        """The vocabulary (TF-IDF features), in column order of ``components_``."""
        self._check_fitted()
        return self._feature_names.copy()

    def top_terms(self) -> list[list[str]]:
        """Top terms per lesson (``n_top_terms`` each), for the metric functions."""
        self._check_fitted()
        return [[t for t, _ in lesson.terms] for lesson in self.lessons_]

    def to_frame(self):
        """One row per lesson (pandas DataFrame)."""
        import pandas as pd

        self._check_fitted()
        return pd.DataFrame([{"label": le.label, "share": le.share,
                              "terms": ", ".join(t for t, _ in le.terms),
                              "n_essays": len(le.essays),
                              "quote": le.quotes[0] if le.quotes else ""}
                             for le in self.lessons_])

    def _repr_html_(self) -> str:
        try:
            self._check_fitted()
        except LessonModelNotFittedError:
            return f"<pre>{escape(repr(self))}</pre>"
        rows = "".join(
            f"<tr><td>{escape(le.label)}</td><td>{le.share:.0%}</td>"
            f"<td>{escape(', '.join(t for t, _ in le.terms))}</td><td>{len(le.essays)}</td>"
            f"<td>{escape(le.quotes[0]) if le.quotes else ''}</td></tr>"
            for le in self.lessons_)
        return (f"<div><p>{escape(type(self).__name__)}: {self.n_lessons_} lessons "
                f"({escape(self.method)})</p><table><thead><tr><th>lesson</th><th>share</th>"
                "<th>terms</th><th>essays</th><th>quote</th></tr></thead>"
                f"<tbody>{rows}</tbody></table></div>")

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Save a fitted model to the folder ``path`` (``model.json`` + ``arrays.npz``; loading
        runs no code: no pickle)."""
        self._check_fitted()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        params = self.get_params()
        rs = params.get("random_state")
        params["random_state"] = rs if rs is None or isinstance(rs, int) else None
        params["k_range"] = list(params["k_range"])
        params["ngram_range"] = list(params["ngram_range"])
        if params["seed_terms"] is not None:
            params["seed_terms"] = {str(k): list(v) for k, v in params["seed_terms"].items()}
        meta = {"format": "careertext.LessonModel", "format_version": FORMAT_VERSION,
                "params": params, "terms": [str(t) for t in self._feature_names],
                "n_lessons": int(self.n_lessons_), "selection": self.selection_,
                "lessons": [le.to_dict() for le in self.lessons_]}
        (path / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
        arrays = {"components": self.components_, "idf": self.idf_}
        arrays.update({f"extra_{k}": v for k, v in self._extra.items()})
        np.savez_compressed(path / "arrays.npz", **arrays)
        return path

    @classmethod
    def load(cls, path: str | Path) -> LessonModel:
        """Load a model saved by :meth:`save`; raise :class:`CareertextError` (E057-E059) when the
        folder is missing, malformed or of another format version."""
        path = Path(path)
        meta_path, arr_path = path / "model.json", path / "arrays.npz"
        if not meta_path.is_file() or not arr_path.is_file():
            raise CareertextError("E057", f"No saved LessonModel in {str(path)!r} (expected "
                                  "model.json and arrays.npz).", "Pass the folder given to save().")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CareertextError("E059", f"{str(meta_path)!r} is not valid JSON: {exc}") from exc
        version = meta.get("format_version") if isinstance(meta, dict) else None
        if not isinstance(meta, dict) or meta.get("format") != "careertext.LessonModel":
            raise CareertextError("E059", f"{str(meta_path)!r} is not a saved LessonModel.")
        if version != FORMAT_VERSION:
            raise CareertextError(
                "E058", f"This LessonModel was saved in format version {version!r}; this "
                f"careertext reads version {FORMAT_VERSION}.",
                "Refit the model with this version of careertext (or load it with the version "
                "that saved it).")
        try:
            params = dict(meta["params"])
            for key in ("k_range", "ngram_range"):
                params[key] = tuple(params[key])
            model = cls(**params)
            with np.load(arr_path, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
            terms = [str(t) for t in meta["terms"]]
            model.components_ = arrays["components"]
            model.idf_ = arrays["idf"]
            model.vocabulary_ = {t: i for i, t in enumerate(terms)}
            model._feature_names = np.asarray(terms, dtype=object)
            model.n_features_in_ = len(terms)
            model.n_lessons_ = int(meta["n_lessons"])
            model.selection_ = list(meta["selection"])
            model.lessons_ = [Lesson.from_dict(d) for d in meta["lessons"]]
            model._extra = {k[len("extra_"):]: v for k, v in arrays.items()
                            if k.startswith("extra_")}
        except (KeyError, TypeError, ValueError) as exc:
            raise CareertextError("E059", f"Malformed saved LessonModel in {str(path)!r}: "
                                  f"{exc}") from exc
        if model.components_.shape != (model.n_lessons_, len(terms)):
            raise CareertextError("E059", f"Malformed saved LessonModel in {str(path)!r}: "
                                  "array shapes do not match the vocabulary.")
        return model


# -- helpers ------------------------------------------------------------------------------------
class _identity_analyzer:  # noqa: N801 - a picklable callable used as an sklearn analyzer
    """Turn a token list into its n-grams (tokens are already lemmas without stop words)."""

    def __init__(self, ngram_range: tuple[int, int]) -> None:
        self.lo, self.hi = int(ngram_range[0]), int(ngram_range[1])

    def __call__(self, tokens: list[str]) -> list[str]:
        out = list(tokens) if self.lo <= 1 else []
        for n in range(max(2, self.lo), self.hi + 1):
            out.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        return out


def _main_lesson(W: np.ndarray) -> np.ndarray:
    """Each passage's lesson: the one it weighs most in, -1 for a passage with no weight."""
    return np.where(W.sum(axis=1) > 0, np.argmax(W, axis=1), -1)


def _co_occurring(member_rows, n: int) -> np.ndarray:
    """Pick ``n`` columns (candidate terms, most relevant first) that the passages share: first
    the term most passages hold, then each time the term most often found together with those
    already picked. Returns their positions, in the order picked."""
    b = (member_rows > 0).astype(np.float64)
    together = np.asarray((b.T @ b).todense()) / b.shape[0]
    picked = [int(np.argmax(np.diag(together)))]
    free = np.ones(together.shape[0], dtype=bool)
    free[picked[0]] = False
    while len(picked) < n and free.any():
        gain = np.where(free, together[:, picked].mean(axis=1), -1.0)
        best = int(np.argmax(gain))
        picked.append(best)
        free[best] = False
    return np.asarray(picked, dtype=int)


def _npmi_matrix(topics: list[list[tuple[str, float]]], binary, vocab: dict[str, int]) -> list:
    """Per-topic NPMI from the binary document-term matrix of the fitted passages."""
    n = binary.shape[0]
    out = []
    for terms in topics:
        cols = [vocab[t] for t, _ in terms]
        if len(cols) < 2:
            out.append(0.0)
            continue
        sub = binary[:, cols]
        df = np.asarray(sub.sum(axis=0)).ravel()
        co = (sub.T @ sub).toarray()
        vals = [_npmi(co[i, j], df[i], df[j], n) for i, j in combinations(range(len(cols)), 2)]
        out.append(float(np.mean(vals)))
    return out


def _seeded_init(X, k: int, seeds: list[tuple[str, list[int]]], seed: int):
    """NMF initialisation whose first rows are the seed lessons (their terms weighted high)."""
    from sklearn.decomposition import non_negative_factorization

    W0, H0 = _nndsvda(X, k, seed)
    high = float(H0.max()) if H0.size else 1.0
    for row, (_, cols) in enumerate(seeds[:k]):
        H0[row] = high * 1e-3
        if cols:
            H0[row, cols] = high
    W0, _, _ = non_negative_factorization(X, H=H0, n_components=k, update_H=False, max_iter=50)
    W0 = np.maximum(W0, 1e-6)
    return W0, H0


def _nndsvda(X, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """NNDSVD initialisation (Boutsidis & Gallopoulos 2008) on the exact truncated SVD, zeros
    filled with the mean of X ("nndsvda"). scikit-learn computes it on a randomised SVD, which
    makes the lessons depend on the seed; ARPACK with a fixed start vector makes them depend on
    the data only. Falls back to scikit-learn's initialisation when k is too large for ARPACK."""
    from scipy.sparse.linalg import svds

    n, v = X.shape
    if k >= min(n, v) - 1:
        from sklearn.decomposition._nmf import _initialize_nmf

        return _initialize_nmf(X, k, init="nndsvda", random_state=seed)
    v0 = np.full(min(n, v), 1.0 / np.sqrt(min(n, v)))
    U, S, Vt = svds(sp.csr_matrix(X, dtype=np.float64), k=k, v0=v0, random_state=0)
    order = np.argsort(-S)
    U, S, Vt = U[:, order], S[order], Vt[order]
    W = np.zeros((n, k))
    H = np.zeros((k, v))
    W[:, 0] = np.sqrt(S[0]) * np.abs(U[:, 0])
    H[0] = np.sqrt(S[0]) * np.abs(Vt[0])
    for j in range(1, k):
        x, y = U[:, j], Vt[j]
        xp, yp = np.maximum(x, 0), np.maximum(y, 0)
        xn, yn = np.abs(np.minimum(x, 0)), np.abs(np.minimum(y, 0))
        xpn, ypn, xnn, ynn = (float(np.linalg.norm(a)) for a in (xp, yp, xn, yn))
        mp, mn = xpn * ypn, xnn * ynn
        if mp > mn:
            u, w, sigma = xp / (xpn or 1.0), yp / (ypn or 1.0), mp
        else:
            u, w, sigma = xn / (xnn or 1.0), yn / (ynn or 1.0), mn
        lbd = np.sqrt(S[j] * sigma)
        W[:, j] = lbd * u
        H[j] = lbd * w
    eps = 1e-6
    W[eps > W] = 0
    H[eps > H] = 0
    avg = float(X.mean())
    W[W == 0] = avg
    H[H == 0] = avg
    return W, H


def _match_seeds(H: np.ndarray, seeds: list[tuple[str, list[int]]]) -> dict[int, str]:
    """Assign each seed label to the lesson with the most weight on its terms (one-to-one)."""
    if not seeds:
        return {}
    from scipy.optimize import linear_sum_assignment

    score = np.array([[H[j, cols].sum() / (H[j].sum() or 1.0) if cols else 0.0
                       for j in range(H.shape[0])] for _, cols in seeds])
    r, c = linear_sum_assignment(-score)
    return {int(j): seeds[i][0] for i, j in zip(r, c, strict=False)}


def _label(terms: list[tuple[str, float]], n: int = 3) -> str:
    words: list[str] = []
    for t, _ in terms:
        if any(t in w.split() or w in t.split() for w in words):
            continue
        words.append(t)
        if len(words) == n:
            break
    return " / ".join(words) if words else "(empty)"


def _quote(text: Any, limit: int = 300) -> str:
    s = text if isinstance(text, str) else getattr(text, "text", str(text))
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"
