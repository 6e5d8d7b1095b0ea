"""Metrics of topic models, by their top terms: :func:`npmi_coherence` (against reference
documents), :func:`topic_diversity` and :func:`topic_stability` (between two fits).
:class:`careertext.topics.LessonModel` chooses its number of lessons by the same NPMI, diversity
and stability.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import scipy.sparse as sp

__all__ = ["npmi_coherence", "topic_diversity", "topic_stability"]


def _doc_features(tokens: Sequence[str], max_n: int) -> set[str]:
    feats = set(tokens)
    for n in range(2, max_n + 1):
        feats.update(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return feats


def npmi_coherence(topics_terms: Sequence[Sequence[Any]], texts_tokens: Iterable[Sequence[str]],
                   *, per_topic: bool = False) -> float | list[float]:
    """Mean NPMI of the pairs of top terms of each topic, by document co-occurrence.

    Parameters
    ----------
    topics_terms : sequence of sequences
        Per topic, its top terms (strings, or ``(term, weight)`` pairs). A multi-word term
        ("cover letter") occurs in a document when its words occur there in a row.
    texts_tokens : iterable of token sequences
        The reference documents, tokenised (e.g. with :func:`lemma_tokens`).
    per_topic : bool
        Return the list of per-topic scores instead of their mean.

    Returns
    -------
    float or list of float
        In [-1, 1]; a pair that never co-occurs scores -1.

    Examples
    --------
    >>> docs = [["pay", "raise"], ["pay", "raise"], ["boss", "toxic"], ["boss", "toxic"]]
    >>> npmi_coherence([["pay", "raise"], ["boss", "toxic"]], docs)
    1.0
    """
    topics = [[t[0] if isinstance(t, (tuple, list)) else str(t) for t in terms]
              for terms in topics_terms]
    wanted = {t for terms in topics for t in terms}
    max_n = max((len(t.split()) for t in wanted), default=1)
    index = {t: i for i, t in enumerate(sorted(wanted))}
    rows, cols = [], []
    n_docs = 0
    for d, tokens in enumerate(texts_tokens):
        n_docs += 1
        for f in _doc_features(list(tokens), max_n) & wanted:
            rows.append(d)
            cols.append(index[f])
    scores = []
    if n_docs and index:
        m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_docs, len(index)))
        df = np.asarray(m.sum(axis=0)).ravel()
        co = (m.T @ m).toarray()
        for terms in topics:
            ids = [index[t] for t in dict.fromkeys(terms)]
            vals = [_npmi(co[i, j], df[i], df[j], n_docs) for i, j in combinations(ids, 2)]
            scores.append(float(np.mean(vals)) if vals else 0.0)
    else:
        scores = [0.0] * len(topics)
    if per_topic:
        return scores
    return float(np.mean(scores)) if scores else 0.0


def _npmi(co: float, df_i: float, df_j: float, n: int) -> float:
    if co <= 0:
        return -1.0
    p_ij, p_i, p_j = co / n, df_i / n, df_j / n
    if p_ij >= 1.0:
        return 1.0
    return float(np.log(p_ij / (p_i * p_j)) / -np.log(p_ij))


def topic_diversity(topics_terms: Sequence[Sequence[Any]]) -> float:
    """Share of unique terms among all topics' top terms (1.0: no term is repeated).

    Examples
    --------
    >>> topic_diversity([["pay", "raise"], ["pay", "boss"]])
    0.75
    """
    terms = [t[0] if isinstance(t, (tuple, list)) else str(t) for ts in topics_terms for t in ts]
    return len(set(terms)) / len(terms) if terms else 0.0


def topic_stability(terms_a: Sequence[Sequence[Any]], terms_b: Sequence[Sequence[Any]]) -> float:
    """Mean Jaccard similarity of the top terms of topics matched one-to-one (Hungarian
    matching) between two fits; unmatched topics of the larger side count as 0.

    Examples
    --------
    >>> topic_stability([["pay", "raise"], ["boss", "toxic"]], [["boss", "toxic"], ["pay", "cut"]])
    0.6666666666666666
    """
    from scipy.optimize import linear_sum_assignment

    def sets(ts):
        return [{t[0] if isinstance(t, (tuple, list)) else str(t) for t in terms} for terms in ts]

    a, b = sets(terms_a), sets(terms_b)
    if not a or not b:
        return 0.0
    sim = np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in b] for x in a])
    r, c = linear_sum_assignment(-sim)
    return float(sim[r, c].sum() / max(len(a), len(b)))
