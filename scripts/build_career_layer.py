"""Learn careertext's career topics and career layer from Glassdoor reviews, reproducibly.

Writes three package data files:

* ``src/careertext/data/career_topics.tsv``: words that mark a text as career text. A
  workplace noun qualifies when it occurs at least ``MIN_COUNT`` times in the reviews, is most
  often tagged as a common noun (NN / NNS) there, is one token for spaCy, is not a stop word or
  a column word ("pros", "cons"), and is at least ``e**MIN_LOG_RATIO`` times as frequent in the
  reviews as in general English (spaCy's ``en_lexeme_prob`` table from spacy-lookups-data). A
  single word of the career lexicon qualifies by the same ratio ("understaffed").
* ``src/careertext/data/career_words.tsv``: for each content word (not a stop word or a column
  word, in spaCy's table, seen at least ``MIN_WORD_COUNT`` times), the log ratio of its frequency
  in career text (the reviews' pros, cons and headlines and the development half of the Reddit
  career posts) to general English, clipped to ``[-WORD_CLIP, WORD_CLIP]``.
  :func:`careertext.sentiment.is_career_text` averages it over a text's words (the domain gate);
  its thresholds were chosen on the project's development sets (``benchmarks/bench_domain.py``)
  and the Kaggle hold-out.
* ``src/careertext/data/career_layer.tsv``: weights of words and word pairs
  (:meth:`careertext.lexicon_scorer.LexiconScorer.terms`) that the sentiment scorer adds to a
  sentence's raw score in career text. A logistic regression (L2, ``C``, no intercept) learns
  from the sentences of career texts with weak labels: a review's ``pros`` are positive, its
  ``cons`` negative, its ``headline`` positive when the review gives 4-5 stars and negative at
  1-2 stars. One feature is the sentence's raw score under VADER and the career lexicon; the
  layer's weights are the other coefficients divided by its coefficient, so they are on VADER's
  scale and say what VADER and the lexicon miss. Terms seen in fewer than ``MIN_DF`` sentences
  are not features; weights below ``MIN_WEIGHT`` are dropped. A term needs an evaluative word:
  an adjective, adverb or participle that is *gradable*, i.e. found after a degree word ("very",
  "too", "extremely", ...) in at least ``MIN_GRADED_SHARE`` of its uses (at least
  ``MIN_GRADED`` times; an "-ly" adverb may borrow its adjective's count: "poorly", "poor";
  :func:`build_career_lexicon.gradable_words`).
  Gradability marks subjective adjectives (Hatzivassiloglou & Wiebe 2000); it keeps out the
  words that only tell a complaint's story ("told", "asked", "left", "instead", "maybe") or its
  topic ("political" stays, "public", "mental", "parental" go), which career essays are full
  of. The counts come from the reviews and the development half of the Reddit career posts
  (those whose id hashes odd, as for the reason gold; see ``eval/ANNOTATION.md``). A word pair
  is two content words ("tight deadlines", "short notice") or a copula and a word ("were
  long"), not a function word and a word ("a different", "as long"). A *negated word*
  ("¬listen", :data:`careertext.lexicon_scorer.NEG_MARK`) is a content word that no lexicon
  rates, after a verb's negation whose subject is not the author and that reaches no rated
  word (:func:`careertext.lexicon_scorer._layer_negation`): "management don't listen". The
  sentences that say their column has nothing (``NON_ANSWER``: "None that I can think of")
  are left out of the training.

Only ``glassdoor_kaggle_subset_10k.csv`` and, for gradability alone, the development half of
the Reddit posts are read (the 2025 Apify file and the human-rated sets in ``data/sentiment/``
are test data). ``--validate`` learns everything (the career lexicon too)
on 80 % of the rows and prints hold-out figures on the other 20 %; the settings above were
chosen there and, for gradability and pairs, on the project's own narrative sentences in
``eval/domain/career_sentiment_dev.tsv`` (``benchmarks/bench_domain.py``). Only derived
numbers are written: no review text. The output is byte-identical on re-run.

Usage::

    python scripts/build_career_layer.py --validate   # hold-out figures
    python scripts/build_career_layer.py              # write the three data files
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_career_lexicon as lexicon_script  # noqa: E402

from careertext.career_lexicons import (  # noqa: E402
    _is_curated_phrase,
    career_lexicon,
    is_career_text,
)
from careertext.lexicon_scorer import _BE_FORMS, NEG_MARK, LexiconScorer  # noqa: E402
from careertext.sentiment import combined_raw  # noqa: E402
from careertext.vader import (  # noqa: E402
    _WORD,
    BOOSTERS,
    CONTRAST,
    NEGATE,
    _negated,
    _normalize,
    vader_lexicon,
)

Gate = Callable[[str], bool]

DATA_DIR = ROOT / "src" / "careertext" / "data"
MIN_COUNT = 20
MIN_LOG_RATIO = 2.5
MIN_DF = 3
MIN_WORD_COUNT = 5  # career_words.tsv
WORD_CLIP = 3.0
_PLAIN_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")  # no trailing apostrophe or hyphen
C = 0.3
MIN_WEIGHT = 0.1
# Nouns of quantity ("lack of", "lots of") name no topic; the lexicon script's openers and
# lack/excess operators, and their plurals.
QUANTITY_WORDS = frozenset(
    w for op in (*lexicon_script.OPENERS, *(o for ops in lexicon_script.OPERATORS.values()
                                            for o in ops), "lot", "load")
    for word in op.split() for w in (word, word + "s"))
#: A sentence that says its column has nothing ("None that I can think of", "Can't think of
#: any", "Nothing to complain about"): reviewers write them in both columns (in the pros of a
#: one-star review as in the cons of a five-star one), so they say nothing of the column's
#: label and are left out of the layer's training.
NON_ANSWER = re.compile(r"""^\W*(?:
   (?:no\s+(?:cons|pros|complaints?)|not\s+(?:really\s+)?any)\b
 | (?:none|nothing|nil|n/?a|na)(?:\W*$|[\s.,!:;-]+(?:really|at\s+all|that|i\b|so\s+far|yet
     |whatsoever|what\s+so\s+ever|in\s+particular|specific|much|major|here|as\s+yet
     |to\s+(?:say|report|mention|complain|add|speak|note|comment)|comes?\b|springs?\b))
 | .*\b(?:can'?t|cannot|can’t|couldn'?t|couldn’t)\s+think\s+of\s+(?:any|one|anything|a\s+single)
 | .*\b(?:none|nothing)\s+(?:that\s+)?(?:i\s+)?(?:can|could)\s+think
 | .*\b(?:none|nothing)\s+(?:springs?|comes?|came)\s+to\s+mind
 | .*\b(?:have\s*n[o']?t|haven’t|have\s+not|didn'?t|didn’t|did\s+not|don'?t|don’t|do\s+not)
     \s+(?:really\s+)?(?:have|found|find|seen|see|experienced|noticed|come\s+across)\s+any
     (?:\W*$|\s+(?:cons|pros|complaints?|negatives?|issues|problems|yet|really|so\s+far|at\s+all)\b)
)""", re.I | re.X)
BASE_SCALE = 4.0  # the raw-score feature is divided by this, to sit near the binary features
COPULAS = _BE_FORMS  # the copulas of pairs ("were long"), as the scorer reads them
#: Auxiliaries: no negated word of the layer ("¬have" would be "don't have any cons" too).
AUXILIARIES = COPULAS | frozenset({"have", "has", "had", "having", "do", "does", "did", "will",
                                   "would", "can", "could", "may", "might", "must", "shall",
                                   "should", "ca", "wo"})
#: Tags (their first two letters) of the stop words that may be negated words of the layer:
#: "not enough", "not always", "not done", "don't get" (not "not the", "not for").
CONTENT_TAGS = ("JJ", "RB", "VB", "NN")


def log_ratios(texts) -> dict[str, tuple[float, int]]:
    """Every word of ``texts`` -> (log ratio of its frequency there to general English, its
    count there)."""
    counts = Counter(w for t in texts for w in _WORD.findall(t.lower()))
    total = sum(counts.values())
    prob, floor = lexicon_script.general_log_prob()
    return {w: (math.log(n / total) - prob.get(w, floor), n) for w, n in counts.items()}


def review_ratios(rows) -> dict[str, tuple[float, int]]:
    """:func:`log_ratios` of the reviews' pros, cons and headlines."""
    return log_ratios(career_texts(rows, ()))


def learn_topics(ratios, tags: dict[str, str]) -> dict[str, tuple[float, int]]:
    """Workplace nouns -> (log frequency ratio reviews / general English, count); ``ratios``
    from :func:`review_ratios`."""
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    tokenizer = spacy.blank("en").tokenizer
    out = {}
    for w, (ratio, n) in ratios.items():
        if n < MIN_COUNT or len(w) < 2 or tags.get(w) not in ("NN", "NNS") or w in STOP_WORDS \
                or w in lexicon_script.COLUMN_WORDS or w in QUANTITY_WORDS:
            continue
        if ratio >= MIN_LOG_RATIO and len(tokenizer(w)) == 1:
            out[w] = (round(ratio, 3), n)
    return out


def learn_markers(ratios, lexicon, topics) -> dict[str, tuple[float, int]]:
    """Single words of the career lexicon ("understaffed", "micromanaged", "favouritism") that
    are, like the topics, at least ``e**MIN_LOG_RATIO`` times as frequent in the reviews as in
    general English: they mark career text as well as a workplace noun does."""
    out = {}
    for w in lexicon:
        if " " in w or not lexicon[w] or w not in ratios or w in topics:
            continue  # a neutral word (valence 0) is no marker
        ratio, n = ratios[w]
        if ratio >= MIN_LOG_RATIO:
            out[w] = (round(ratio, 3), n)
    return out


def word_ratios(texts) -> dict[str, float]:
    """Content words of ``texts`` -> log ratio of their frequency there to general English,
    clipped to ``[-WORD_CLIP, WORD_CLIP]`` (the table of ``career_words.tsv``). A word must be
    one token for spaCy, whose table counts tokens: "haven't" and the "e" of "e.g." are rare
    there because spaCy splits them, not because general English lacks them."""
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    tokenizer = spacy.blank("en").tokenizer
    prob, _floor = lexicon_script.general_log_prob()
    return {w: round(max(-WORD_CLIP, min(WORD_CLIP, ratio)), 2)
            for w, (ratio, n) in log_ratios(texts).items()
            if n >= MIN_WORD_COUNT and len(w) > 1 and w in prob and _PLAIN_WORD.fullmatch(w)
            and w not in STOP_WORDS and w not in lexicon_script.COLUMN_WORDS
            and len(tokenizer(w)) == 1}


def career_texts(rows, posts) -> list[str]:
    """The career text :func:`word_ratios` learns from: pros, cons, headlines and posts."""
    return [t for r in rows for t in (r[0], r[1], r[3])] + list(posts)


def general_share(topics) -> float:
    """Expected share of 20-word general-English sentences holding a topic word."""
    prob, _floor = lexicon_script.general_log_prob()
    p = sum(math.exp(prob[w]) for w in topics if w in prob)
    return 1 - (1 - p) ** 20


def labelled_texts(rows):
    yield from ((r[0], 1) for r in rows)
    yield from ((r[1], 0) for r in rows)
    yield from ((r[3], 1) for r in rows if r[4] >= 4)
    yield from ((r[3], 0) for r in rows if r[4] <= 2)


def units(text: str) -> list[str]:
    return [u for u in lexicon_script._SENT.split(text) if u.strip()]


def learn_layer(rows, base: LexiconScorer, gate: Gate, tags: dict[str, str],
                gradable: frozenset[str]) -> dict[str, tuple[float, int]]:
    """Term -> (weight on VADER's scale, number of training sentences with the term), learned
    from the texts that ``gate`` reads as career text."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from spacy.lang.en.stop_words import STOP_WORDS

    column_words = lexicon_script.COLUMN_WORDS | {w.lstrip("-") for w in NEGATE}
    rule_words = set(vader_lexicon()) | set(BOOSTERS) | set(NEGATE) | set(CONTRAST)

    def evaluative(w: str) -> bool:
        tag = tags.get(w, "")
        return (tag[:2] in ("JJ", "RB") or tag in ("VBN", "VBG")) and w in gradable

    def usable(term: str) -> bool:
        """VADER's words, rule words (negations, curly "n’t" too), column words and proper
        nouns are left out, and a term needs an evaluative word (a gradable adjective, adverb
        or participle) that is not a function word: topics are not feelings ("management",
        "the manager", "hours are"), nor are verbs of saying ("said", "told") or box phrases
        ("think of"); nor is a word of dimension, position or kind alone ("long")."""
        if term.startswith(NEG_MARK):
            return negatable(term[len(NEG_MARK):])
        words = term.split()
        if any(w in rule_words or _negated(w) or "n’t" in w or w in column_words
               or tags.get(w, "").startswith("NNP") for w in words):
            return False  # nor a proper noun: no weights for employers, places or people
        if not any(w not in STOP_WORDS and evaluative(w) for w in words):
            return False
        if len(words) > 1 and any(w in STOP_WORDS and w not in COPULAS for w in words):
            return False  # content words or a copula ("were long"): not "a different"
        return len(words) > 1 or (term not in lexicon_script.CONTEXT_WORDS
                                  and term not in lexicon)

    def negatable(w: str) -> bool:
        """A word whose negation the layer may weigh ("¬listen": "they don't listen"): a plain
        word that no lexicon rates (the scorer negates those itself), no rule, column or
        proper noun, and a content word: a stop word only if it is mostly tagged as one
        ("enough", "always", "done") and is no auxiliary."""
        tag = tags.get(w, "")
        return (_PLAIN_WORD.fullmatch(w) is not None and len(w) > 2 and w not in rule_words
                and w not in column_words and not tag.startswith("NNP") and not lexicon.get(w)
                and (w not in STOP_WORDS or (tag[:2] in CONTENT_TAGS and w not in AUXILIARIES)))

    lexicon = base.lex

    feats, y, raw = [], [], []
    for text, label in labelled_texts(rows):
        if not gate(text):
            continue
        for u in units(text):
            if NON_ANSWER.match(u):
                continue
            feats.append({t: f for t, f in base.terms(u).items() if usable(t)})
            y.append(label)
            raw.append(base.score(u).raw)
    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsc()
    df = np.asarray((x != 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(df >= MIN_DF)
    x = hstack([csr_matrix(np.asarray(raw)[:, None] / BASE_SCALE), x[:, keep]]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000, fit_intercept=False).fit(x, y)
    coef = model.coef_[0]
    scale = coef[0] / BASE_SCALE
    if scale <= 0:
        raise RuntimeError("the raw-score coefficient is not positive: no scale for the layer")
    names = vec.feature_names_
    out = {}
    for k, j in enumerate(keep):
        w = coef[k + 1] / scale
        if abs(w) >= MIN_WEIGHT:
            out[names[j]] = (round(float(w), 3), int(df[j]))
    return out


def doc_raw(scorer: LexiconScorer, text: str, gate: Gate,
            fallback: LexiconScorer | None = None) -> float:
    """A document's raw score as the component makes it with ``domain="auto"`` (without the
    readings that need spaCy's parse): a text the gate does not take is read as VADER reads it,
    but one in which VADER rates no word by ``fallback`` (the lexicon without the layer) as
    career text, where given."""
    if not gate(text):
        general = scorer.score(text, False)
        if general.contributions or fallback is None:
            return general.raw
        scorer = fallback
    return combined_raw([scorer.score(u, True).raw for u in units(text)])


def evaluate(scorer: LexiconScorer, rows, gate: Gate,
             fallback: LexiconScorer | None = None) -> dict[str, float]:
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    p = np.array([_normalize(doc_raw(scorer, r[0], gate, fallback)) for r in rows])
    c = np.array([_normalize(doc_raw(scorer, r[1], gate, fallback)) for r in rows])
    rated = [r for r in rows if math.isfinite(r[4])]
    h = [doc_raw(scorer, r[3], gate, fallback) for r in rated]
    return {"auc": roc_auc_score(np.r_[np.ones(len(p)), np.zeros(len(c))], np.r_[p, c]),
            "cons_neg": float((c < 0).mean()), "pros_pos": float((p > 0).mean()),
            "rho_head": float(spearmanr(h, [r[4] for r in rated])[0]),
            "career_cons": float(np.mean([gate(r[1]) for r in rows]))}


def write(path: Path, header: str, columns: str, items) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write(columns + "\n")
        for row in items:
            f.write("\t".join(str(v) for v in row) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--validate", action="store_true",
                    help="learn on 80 %% of the rows, report hold-out figures")
    ap.add_argument("--out-dir", type=Path, default=DATA_DIR,
                    help="where to write career_topics.tsv, career_words.tsv and "
                         "career_layer.tsv")
    args = ap.parse_args(argv)
    rows = lexicon_script.read_rows()
    posts = list(lexicon_script.development_posts())
    # part of speech only (no label is read), spaCy's own tags, headlines too
    tags = lexicon_script.word_tags(rows, columns=(0, 1, 3), fine=True)
    # no label is read either: which words follow "very", "too", ... in any text
    gradable = lexicon_script.gradable_of(rows, posts)
    if args.validate:
        train, hold = lexicon_script.split_rows(rows)
        ratios = review_ratios(train)
        topics = learn_topics(ratios, tags)
        train_tags, train_lemmas = lexicon_script.word_analysis(train)
        lex = lexicon_script.learn(train, train_tags, gradable=gradable, lemmas=train_lemmas)
        lexicon_script.add_seeds(lex)
        lexicon_script.add_spellings(lex)
        # the gate's curated phrases, of this lexicon (as career_phrases() reads the bundled one)
        phrases = frozenset(t for t, (_v, _n, k) in lex.items() if _is_curated_phrase(t, k))
        lex = {t: v for t, (v, _n, _k) in lex.items()}
        topics = frozenset(with_spellings({**topics, **learn_markers(ratios, lex, topics)}))
        words = word_ratios(career_texts(train, posts))
        print(f"train {len(train)} rows, hold-out {len(hold)}; {len(topics)} topic words, "
              f"{len(words)} words with a ratio; expected share of 20-word general sentences "
              f"with a topic word: {general_share(topics):.3f}")

        def auto(text: str) -> bool:
            return is_career_text(text, topics, words, phrases)

        base = LexiconScorer(lex)
        layer = with_spellings(learn_layer(train, base, auto, tags, gradable),
                               frozenset(vader_lexicon()))
        layered = LexiconScorer(lex, layer={t: w for t, (w, _n) in layer.items()})
        print(f"layer: {len(layer)} terms")
        for name, scorer, gate, fallback in (
                ("VADER", LexiconScorer(contrast=("but",)), _never, None),
                ("VADER + career lexicon, every text", base, _always, None),
                ("+ layer, career texts only (auto)", layered, auto, base),
                ("+ layer, every text", layered, _always, None)):
            res = evaluate(scorer, hold, gate, fallback)
            print(f"{name:36} " + "  ".join(f"{k} {v:.3f}" for k, v in res.items()))
        return 0
    ratios = review_ratios(rows)
    topics = learn_topics(ratios, tags)
    topics.update(learn_markers(ratios, career_lexicon(), topics))
    topics = with_spellings(topics)
    words = word_ratios(career_texts(rows, posts))
    topic_set = frozenset(topics)
    layer = with_spellings(learn_layer(rows, LexiconScorer(career_lexicon()),
                                       lambda text: is_career_text(text, topic_set, words), tags,
                                       gradable), frozenset(vader_lexicon()))
    write(args.out_dir / "career_topics.tsv",
          "# careertext career topics: workplace nouns and single words of the career lexicon\n"
          "# that mark a text as career text, with the log ratio of their frequency in Glassdoor\n"
          "# reviews to general English and their count in the reviews; made by\n"
          "# scripts/build_career_layer.py.\n",
          "word\tlog_ratio\tcount",
          sorted(((w, r, n) for w, (r, n) in topics.items()), key=lambda x: x[0]))
    write(args.out_dir / "career_words.tsv",
          "# careertext career words: content words and the log ratio of their frequency in\n"
          "# career text (Glassdoor pros, cons and headlines and the development half of the\n"
          "# Reddit career posts) to general English, clipped to [-3, 3]; the domain gate\n"
          "# averages them over a text. Made by scripts/build_career_layer.py.\n",
          "word\tlog_ratio",
          sorted(words.items()))
    write(args.out_dir / "career_layer.tsv",
          "# careertext career layer: weights (VADER's scale) of words and word pairs added to a\n"
          "# sentence's raw score in career text, learned by logistic regression from Glassdoor\n"
          "# pros, cons and headlines by scripts/build_career_layer.py; support = training\n"
          "# sentences with the term; \u00acword = the word after another's negation.\n",
          "term\tweight\tsupport",
          sorted(((t, w, n) for t, (w, n) in layer.items()), key=lambda x: (x[1], x[0])))
    print(f"wrote {len(topics)} topics, {len(words)} career words and {len(layer)} layer terms",
          file=sys.stderr)
    return 0


def with_spellings(table: dict, vader: frozenset[str] = frozenset()) -> dict:
    """``table`` with the American spelling of each key that has one given the key's value
    (:func:`build_career_lexicon.american_spellings`: "favouritism", "poorly organised" are
    learned from British reviews), where ``table`` lacks it and it holds no word of ``vader``
    (the layer's terms never hold a VADER word)."""
    spelled = lexicon_script.american_spellings(table)
    return {**table, **{us: table[term] for us, term in sorted(spelled.items())
                        if vader.isdisjoint(us.split(" "))}}


def _always(text: str) -> bool:
    """Every text is career text."""
    return True


def _never(text: str) -> bool:
    """No text is career text (VADER)."""
    return False


if __name__ == "__main__":
    raise SystemExit(main())
