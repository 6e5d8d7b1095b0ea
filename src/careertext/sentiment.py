"""Explainable, career-tuned sentiment: the ``careertext_sentiment`` component, :func:`sentiment`.

Scoring follows VADER (Hutto & Gilbert 2014) rule for rule: its lexicon (read from the installed
``vaderSentiment`` package, not copied), negation ("not good"), boosters and dampeners ("very",
"kind of"), ALL-CAPS emphasis, "!" and "?" emphasis and the contrast rule (the clause after "but"
counts 1.5 times, the one before half).

A document whose words are those of career text is read as career text (:func:`is_career_text`:
its content words are on average about twice as frequent in reviews and career posts as in
general English, ``data/career_words.tsv``; or a little less, and it names a workplace topic of
``data/career_topics.tsv``, nouns such as "salary", "colleagues", "workload" and rare words of
the career lexicon such as "understaffed"; or it is long and names one), and these are added
there:

* a career lexicon (``data/career_lexicon.tsv``), learned from the pros/cons columns of
  Glassdoor reviews with smoothed log-odds and mapped to VADER's valence scale
  (``scripts/build_career_lexicon.py``). It is mostly phrases ("long hours", "laid off",
  "hard to progress") and lack/excess pairs ("no bonus", "lack of training", "too many
  meetings": a quantity word and a noun, with one learned valence per kind of pair); single
  words are few and strongly evaluative ("understaffed"), topic words ("management", "hours",
  "discount") stay neutral alone, and VADER's own valences are never re-weighted; but a VADER
  noun or verb that reviews use as a topic, in pros and cons alike ("promoted", "treat",
  "joke"), is neutral there where it stands bare (valence 0 in the file; negated, it keeps
  VADER's reading: "never promoted"; but "pay", which VADER rates -0.4 in another sense, "pay
  the price", reads nothing negated too: "little pay" is no praise). Phrases are matched
  longest first (one dict look-up per candidate length) and score as one item;
* a career layer (``data/career_layer.tsv``): weights of evaluative words and word pairs that
  VADER and the lexicon miss ("unrealistic", "poorly", "tight deadlines"), learned by logistic
  regression on top of them from Glassdoor pros, cons and headlines
  (``scripts/build_career_layer.py``). Its terms follow VADER's negation and contrast rules,
  never contain a VADER word, never score a topic alone ("the manager"), and each holds a
  gradable adjective, adverb or participle, so that words that only tell a story ("told",
  "left") carry no weight;
* "however" is a contrast word like "but";
* a wish against the facts is a regret ("I wish I had left sooner": "wish" negated);
* what one stopped doing is no longer done ("I stopped enjoying the work": "enjoying" negated);
* a typographic apostrophe is a straight one ("aren’t great" negated, as "aren't great" is);
* negation, degree and lack words reach no word of another clause ("No cons, great company":
  "great" is not negated);
* a lack word negates its whole noun phrase, by spaCy's parse ("limited career growth
  opportunities", :func:`_lacked_phrases`), and the good words of its bare conjuncts ("lack of
  opportunities and incentives"); so does a lack said after the noun ("opportunities are
  limited");
* a wish for more is a shortfall ("the pay could be better", "it would be nice if they
  listened": the positive word negated), and so is a need for better ("needs to improve");
* "like" carries valence only as a verb: where spaCy's tagger calls it a preposition or a filler
  ("I felt like a number"), VADER's +1.5 is dropped (no tagger: VADER's rule); likewise
  "pretty" as an adverb of degree ("pretty toxic") and "certain" before a noun ("certain
  managers");
* a word VADER rates carries none in a compound that names a thing (``data/topic_compounds.yaml``:
  "good sick pay", "working bank holidays");
* a single word of the career layer scores only where spaCy's tagger does not call it a noun
  ("I sat with a patient" is no "be patient").

Other documents are scored exactly as VADER scores them (``domain="general"``): the document
score is VADER's score of the whole text. ``domain="career"`` reads every document as career
text.

The scorer is a fast re-implementation that works on the sentence units of a spaCy ``Doc``
(:func:`careertext.matching.sentence_units`) and keeps every contribution with its character
offsets, so that each score can be explained. A sentence's ``compound`` is VADER's normalised
sum of its contributions; a career document's combines its sentences (:func:`_aggregate`).
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .base import DocComponent
from .errors import InputError, check_text
from .matching import negated_through_or

__all__ = [
    "Contribution", "LexiconScorer", "SentenceSentiment", "Sentiment", "SentimentScorer",
    "aspect_sentiment", "career_layer", "career_lexicon", "career_topics", "career_words",
    "is_career_text",
    "load_lexicon", "merge_chunk_data", "sentiment",
    "sentiment_from_data",
    "sentiment_many", "topic_compounds", "vader_lexicon",
]

# -- VADER's constants and word lists (vaderSentiment 3.3.2) --------------------------------------
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
ALPHA = 15.0

NEGATE = frozenset([
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
    "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent",
    "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
    "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
    "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
    "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't",
    "rarely", "seldom", "despite",
])
_INCR_WORDS = (
    "absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
    "enormous enormously entirely especially exceptional exceptionally extreme extremely "
    "fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin "
    "fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major "
    "majorly more most particularly purely quite really remarkably so substantially thoroughly "
    "total totally tremendous tremendously uber unbelievably unusually utter utterly very"
)
_DECR_WORDS = (
    "almost barely hardly kinda kindof kind-of less little marginal marginally occasional "
    "occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of"
)
BOOSTERS: dict[str, float] = {w: B_INCR for w in _INCR_WORDS.split()}
BOOSTERS.update({w: B_DECR for w in _DECR_WORDS.split()})
BOOSTERS.update({"just enough": B_DECR, "kind of": B_DECR, "sort of": B_DECR})
SPECIAL_CASES = {"the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
                 "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5}
#: Contrast words: the clause after the first one weighs 1.5 times, the one before half.
CONTRAST = ("but", "however")
DOMAINS = ("auto", "career", "general")
_SPECIAL_WORDS = frozenset(w for k in SPECIAL_CASES for w in k.split())
_TRIGGERS = frozenset(BOOSTERS) | NEGATE | frozenset(
    w for k in BOOSTERS for w in k.split()) | {"no", "never", "without", "doubt", "so", "this",
                                                "least", "at", "very", "or", "nor"}
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_CLAUSE_END = frozenset(",.;:!?)")
_NONSPACE = re.compile(r"\S+")
_EMPH_RUN = re.compile(r"[!?]+")
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_WORD = re.compile(r"[a-z][a-z'’\-]*")  # contractions stay whole: "haven't" is not "haven"
# A clause mark: a comma, colon, semicolon, full stop, "!", "?" or closing bracket before a space
# (not the "." of "3.5"), an opening bracket, or a dash between spaces.
_CLAUSE_MARK = re.compile(r"[,;:.!?)\]](?=\s|$)|[(\[]|\s[-–—]+\s")


# -- lexicons ----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's general-purpose lexicon (word -> mean valence in -4..4), read from the installed
    ``vaderSentiment`` package.

    Examples
    --------
    >>> vader_lexicon()["good"]
    1.9
    """
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    lex = {}
    for line in text.splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            lex[parts[0]] = float(parts[1])
    return lex


@lru_cache(maxsize=1)
def _emoji_lexicon() -> dict[str, str]:
    text = resources.files("vaderSentiment").joinpath("emoji_utf8_lexicon.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            out[parts[0]] = parts[1]
    return out


def _parse_lexicon(text: str, source: str) -> dict[str, float]:
    lex: dict[str, float] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[1:2] in (["valence"], ["weight"], ["log_ratio"]):  # header
            continue
        try:
            value = float(parts[1])
        except (IndexError, ValueError):
            raise InputError("E020", f"{source}, line {n}: expected 'term<TAB>valence', got "
                             f"{line[:60]!r}.", "Write one term and its valence (-4..4) a line, "
                             "tab-separated.") from None
        term = " ".join(_lexicon_words(parts[0]))
        if term and math.isfinite(value):
            lex[term] = max(-4.0, min(4.0, value))
    return lex


def _lexicon_words(term: str) -> list[str]:
    return [_strip_punc(w).lower() for w in term.split()]


@lru_cache(maxsize=1)
def career_lexicon() -> dict[str, float]:
    """The bundled career lexicon (``data/career_lexicon.tsv``): term -> valence on VADER's scale.

    Examples
    --------
    >>> career_lexicon()["lack of training"] < 0 < career_lexicon()["lots of training"]
    True
    """
    return _bundled_lexicon("career_lexicon.tsv")


@lru_cache(maxsize=1)
def career_layer() -> dict[str, float]:
    """The bundled career layer (``data/career_layer.tsv``): word or word pair -> weight added
    to a sentence's raw score (VADER's scale) in career text, learned with logistic regression
    from Glassdoor pros, cons and headlines on top of VADER and the career lexicon
    (``scripts/build_career_layer.py``).

    Examples
    --------
    >>> career_layer()["unrealistic"] < 0 < career_layer()["varied work"]
    True
    """
    return _bundled_lexicon("career_layer.tsv")


def _bundled_lexicon(name: str) -> dict[str, float]:
    path = resources.files("careertext").joinpath(f"data/{name}")
    return _parse_lexicon(path.read_text("utf-8"), name)


@lru_cache(maxsize=1)
def career_topics() -> frozenset[str]:
    """Words (``data/career_topics.tsv``) that mark a text as career text: workplace nouns and
    single words of the career lexicon at least ``e**2.5`` (about 12) times as frequent in
    Glassdoor reviews as in general English (spaCy's ``en`` word probabilities), see
    ``scripts/build_career_layer.py``.

    Examples
    --------
    >>> {"salary", "colleagues", "workload", "understaffed"} <= career_topics()
    True
    """
    text = resources.files("careertext").joinpath("data/career_topics.tsv").read_text("utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()
                     if line and not line.startswith("#") and not line.startswith("word\t"))


@lru_cache(maxsize=1)
def career_words() -> dict[str, float]:
    """Content words (``data/career_words.tsv``) -> natural log of how much more frequent they
    are in career text (Glassdoor reviews and the development half of the Reddit career posts)
    than in general English (spaCy's ``en`` word probabilities), clipped to [-3, 3]; see
    ``scripts/build_career_layer.py``. :func:`is_career_text` averages them over a text.

    Examples
    --------
    >>> career_words()["coworkers"] > 0 > career_words()["film"]
    True
    """
    return _bundled_lexicon("career_words.tsv")


#: :func:`is_career_text`: a text whose content words average at least this log ratio
#: (:func:`career_words`; e**0.75 is about 2x as frequent in career text) is career text,
GATE_MEAN = 0.75
#: and so is a text with a workplace topic (:func:`career_topics`) whose content words average
#: at least this,
GATE_TOPIC_MEAN = 0.5
#: or that has at least this many content words (a long text naming a workplace topic).
GATE_LONG = 20


def is_career_text(text: str, topics: frozenset[str] | None = None,
                   words: dict[str, float] | None = None) -> bool:
    """Whether :class:`SentimentScorer` reads ``text`` as career text (``domain="auto"``).

    The content words of ``text`` that :func:`career_words` (or ``words``) knows are averaged:
    a text is career text when that mean is at least :data:`GATE_MEAN`, or when it names a
    workplace topic (a word of :func:`career_topics`, or of ``topics``) and either the mean is
    at least :data:`GATE_TOPIC_MEAN` or it has at least :data:`GATE_LONG` such words. So
    "Fired today." is career text without a workplace noun, and "a heroic performance" is no
    career text although "performance" is a workplace topic.

    Examples
    --------
    >>> is_career_text("Long hours and a tiny salary."), is_career_text("What a lovely film!")
    (True, False)
    >>> is_career_text("Got let go this morning, no severance.")
    True
    """
    return _career_gate(text.lower(), career_topics() if topics is None else topics,
                        career_words() if words is None else words)


def _career_gate(lower: str, topics: frozenset[str], words: dict[str, float]) -> bool:
    """:func:`is_career_text` of a lower-cased text."""
    found = _WORD.findall(lower)
    ratios = [r for r in map(words.get, found) if r is not None]
    mean = sum(ratios) / len(ratios) if ratios else -math.inf
    if mean >= GATE_MEAN:
        return True
    return (mean >= GATE_TOPIC_MEAN or len(ratios) >= GATE_LONG) \
        and not topics.isdisjoint(found)


def load_lexicon(path: str | Path) -> dict[str, float]:
    """Read a lexicon file: one ``term<TAB>valence[<TAB>...]`` a line (``#`` comments and a
    ``term	valence`` header allowed); terms may be phrases ("long hours")."""
    p = Path(path)
    if not p.is_file():
        raise InputError("E021", f"Lexicon file {str(path)!r} does not exist.",
                         "Pass the path of a tab-separated term/valence file, or None.")
    return _parse_lexicon(p.read_text("utf-8"), p.name)


# -- the scorer ----------------------------------------------------------------------------------
def _strip_punc(token: str) -> str:
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


def _normalize(score: float) -> float:
    return max(-1.0, min(1.0, score / math.sqrt(score * score + ALPHA)))


@dataclass(frozen=True)
class _Score:
    compound: float
    neg: float
    neu: float
    pos: float
    raw: float  # sum of the contributions, punctuation emphasis included
    n_items: int
    contributions: list  # [[start, end, weight], ...] relative to the scored text


_SPLIT_PREFIXES = ("under", "over")


class LexiconScorer:
    """VADER's rules over VADER's lexicon plus an optional domain lexicon of words and phrases.

    Parameters
    ----------
    domain : dict of str to float, optional
        Extra terms (lower case, words separated by one space) and their valences; they take
        precedence over VADER's entries, except that a valence of 0 makes a VADER word a
        topic: it scores nothing bare and VADER's negated valence where it is negated.
        Phrases are matched longest first, within a clause.
    contrast : tuple of str
        Contrast words; ``("but",)`` reproduces VADER exactly.

    Examples
    --------
    >>> s = LexiconScorer()
    >>> s.score("The team is great.").compound
    0.6249
    >>> s.score("The team is not great.").compound < 0
    True
    """

    def __init__(self, domain: dict[str, float] | None = None,
                 contrast: tuple[str, ...] = CONTRAST,
                 layer: dict[str, float] | None = None) -> None:
        self.general = vader_lexicon()
        self.lex = dict(self.general)
        self.lex.update(domain or {})
        # a domain valence of 0 makes a VADER word a topic (the career lexicon's "neutral"
        # words): bare it scores nothing ("I was promoted"), negated it keeps VADER's reading
        # ("I was never promoted", "they don't care")
        self.neutral = frozenset(t for t, v in (domain or {}).items()
                                 if not v and t in self.general)
        for term in self.neutral:
            self.lex[term] = self.general[term]
        self.contrast = tuple(contrast)
        self.layer = dict(layer or {})
        self._layer_firsts = frozenset(t.split(" ", 1)[0] for t in self.layer if " " in t)
        # the layer's single words, which count only where they are no nouns (a "patient")
        self.layer_words = frozenset(t for t in self.layer if " " not in t) - set(self.lex)
        # phrases: first word -> the phrase lengths it opens (longest first); words -> term
        self._terms: dict[tuple[str, ...], str] = {}
        sizes: dict[str, set[int]] = {}
        for term in domain or {}:
            words = tuple(term.split())
            if len(words) > 1:
                self._terms[words] = term
                sizes.setdefault(words[0], set()).add(len(words))
        # a domain word with a prefix of degree, written apart or hyphenated, is the same word:
        # "under staffed", "under-paid" (reviews write both)
        for term in list(domain or {}):
            for prefix in _SPLIT_PREFIXES:
                rest = term[len(prefix):]
                if term.startswith(prefix) and len(rest) >= 4 and rest.isalpha():
                    self._terms.setdefault((prefix, rest), term)
                    sizes.setdefault(prefix, set()).add(2)
                    self.lex.setdefault(f"{prefix}-{rest}", self.lex[term])
        self.phrases = {w: tuple(sorted(s, reverse=True)) for w, s in sizes.items()}
        self._firsts = frozenset(self.phrases)
        self.emojis = _emoji_lexicon()

    # words with their offsets, VADER-style (white-space split, punctuation stripped)
    def _words(self, text: str) -> Iterator[tuple[int, int, str, bool]]:
        emojis = self.emojis if not text.isascii() else None
        for m in _NONSPACE.finditer(text):
            raw, start = m.group(), m.start()
            if emojis is not None and any(ch in emojis for ch in raw):
                yield from self._emoji_words(raw, start)
                continue
            word = _strip_punc(raw)
            if word is not raw:
                off = raw.find(word)
                yield start + off, start + off + len(word), word, raw[-1] in _CLAUSE_END
            else:
                yield start, start + len(raw), raw, False

    def _emoji_words(self, raw: str, start: int) -> Iterator[tuple[int, int, str, bool]]:
        # VADER replaces each emoji by its description; the description's words point at it.
        buf, buf_start = "", start
        for k, ch in enumerate(raw):
            desc = self.emojis.get(ch)
            if desc is None:
                if not buf:
                    buf_start = start + k
                buf += ch
                continue
            if buf:
                yield buf_start, buf_start + len(buf), _strip_punc(buf), False
                buf = ""
            for w in desc.split():
                yield start + k, start + k + 1, _strip_punc(w), False
        if buf:
            yield buf_start, buf_start + len(buf), _strip_punc(buf), buf[-1] in _CLAUSE_END

    def terms(self, text: str) -> dict[str, float]:
        """The words and word pairs of ``text`` that the career layer looks up (lower case,
        punctuation stripped as VADER does, pairs never across a clause mark), each with the sum
        of its rule factors (negation, contrast): the features ``scripts/build_career_layer.py``
        learns the layer's weights on."""
        words = self._split(text)
        lower = [w[2].lower() for w in words]
        covered: set[int] = set()
        if self.phrases and not self._firsts.isdisjoint(lower):
            covered = self._merge_phrases(words, [w[2] for w in words], lower,
                                          [w[0] for w in words], [w[1] for w in words])[4]
        out: dict[str, float] = {}
        lows = _clause_lows(text, [w[0] for w in words])
        for i, j, term, factor in _layer_terms(words, lower, self.contrast, lows):
            if i not in covered and j not in covered:
                out[term] = out.get(term, 0.0) + factor
        return out

    def _split(self, text: str) -> list[tuple[int, int, str, bool]]:
        if not text.isascii():
            return list(self._words(text))
        words = []
        for m in _NONSPACE.finditer(text):
            raw = m.group()
            word = raw.strip(_PUNCT)
            if len(word) <= 2 or word == raw:
                words.append((m.start(), m.end(), raw, False))
            else:
                off = m.start() + raw.find(word)
                words.append((off, off + len(word), word, raw[-1] in _CLAUSE_END))
        return words

    def score(self, text: str, career: bool = True, skip: frozenset[int] = frozenset(),
              negate: frozenset[int] = frozenset()) -> _Score:
        """Score one sentence; contributions are ``[start, end, weight]`` in ``text``.

        With ``career=False`` only VADER's lexicon and rules apply (the result is VADER's own
        score); with ``career=True`` the domain lexicon, "however" as a contrast word and the
        learned career layer apply too. Words starting at an offset in ``skip`` carry no
        valence (a "like" that is a preposition), those at an offset in ``negate`` are negated
        as after "not" (the later conjunct of a negated word, "no feedback or praise"); both
        come from spaCy's tags and parse, see :class:`SentimentScorer`.
        """
        lex = self.lex if career else self.general
        words = self._split(text)
        if not words:
            return _Score(0.0, 0.0, 0.0, 0.0, 0.0, 0, [])
        items_w = [w[2] for w in words]
        lower = [w.lower() for w in items_w]
        if career and "’" in text:  # "aren’t great" is "aren't great" (VADER knows only the latter)
            lower = [w.replace("’", "'") for w in lower]
        starts = starts_w = [w[0] for w in words]
        ends = ends_w = [w[1] for w in words]
        if text.islower() or not any(w.isupper() for w in items_w):
            is_cap_diff = False
        else:
            n_upper = sum(1 for w in items_w if w.isupper())
            is_cap_diff = 0 < len(items_w) - n_upper < len(items_w)
        covered: set[int] = set()
        layer_lower = lower
        if career and self.phrases and not self._firsts.isdisjoint(lower):
            items_w, lower, starts, ends, covered = self._merge_phrases(words, items_w, lower,
                                                                        starts, ends)
        # career text: negation, degree and lack words reach no word of another clause
        lows = _clause_lows(text, starts) if career else None
        lows_w = lows if starts is starts_w or not lows else _clause_lows(text, starts_w)
        layer_hits = _layer_hits(self.layer, self._layer_firsts, words, layer_lower,
                                 self.contrast, covered, skip, lows_w) \
            if career and self.layer else ()
        n = len(lower)
        sentiments = [0.0] * n
        boosters = BOOSTERS
        lacked = _lack_targets(lower, lex) if career and not _LACK.isdisjoint(lower) else {}
        if career and not _WISH.isdisjoint(lower):  # "the pay could be a bit better"
            lacked = {**lacked, **_wish_targets(lower, lex)}
        kept: dict[int, int] = {}
        if career and not _CONTINUE.isdisjoint(lower):
            # "I stopped enjoying the work"; "I never stopped loving it" (kept, not negated)
            ceased, kept = _stop_targets(lower, lex)
            lacked = {**lacked, **ceased}
        if career and ("than" in lower or "instead" in lower):  # "rather than quality"
            lacked = {**lacked, **_instead_targets(lower, lex)}
        if lows and lacked:  # "very low, long hours": "low" lacks nothing after the comma
            lacked = {k: j for k, j in lacked.items() if lows[k] == lows[j]}
        utmost = (_utmost_targets(lower, lex) if career and _utmost_possible(lower)
                  else _NO_INDICES)
        neutral = self.neutral if career else _NO_WORDS
        regret = (_regret_targets(lower) if career and not _REGRET.isdisjoint(lower)
                  else _NO_INDICES)
        # Fast path: a lexicon word with no rule word in the three before it scores its valence.
        trig = [w in _TRIGGERS or "n't" in w for w in lower]
        special = not _SPECIAL_WORDS.isdisjoint(lower)
        lo = 0
        for i in range(n):
            low = lower[i]
            if low in boosters:
                continue
            if low == "kind" and i < n - 1 and lower[i + 1] == "of":
                continue
            base = lex.get(low)
            if base is None or (skip and starts[i] in skip):
                continue
            if base < 0 and neutral and low in neutral:
                # a topic whose VADER valence is another sense ("pay", -0.4: "pay the price")
                # reads nothing, negated too: "little pay" is no praise
                continue
            # negated as after "not": a later conjunct of a negated word ("no feedback or
            # praise"), a wish against the facts ("I wish I had left sooner")
            if (negate and starts[i] in negate) or (regret and i in regret):
                sentiments[i] = base * N_SCALAR
                continue
            if utmost and i in utmost:  # "couldn't be happier": the most, not its negation
                sentiments[i] = base + B_INCR if base > 0 else base - B_INCR
                continue
            if kept:
                if i in kept:  # "never stopped loving": its own valence
                    sentiments[i] = base
                    continue
                if i in kept.values():  # the negated "stop" itself
                    continue
            if lacked:
                if i in lacked:  # "few opportunities", "little support": negated, like "no"
                    sentiments[i] = base * N_SCALAR
                    continue
                if i in lacked.values():  # the operator itself, like VADER's "no"
                    continue
            valence = base
            if low == "no" and i != n - 1 and lower[i + 1] in lex:
                valence = 0.0
            if lows:
                lo = lows[i]
            if not special and not any(trig[max(lo, i - 3):i]):
                if neutral and low in neutral:  # a topic, bare: "I was promoted"
                    continue
                if is_cap_diff and items_w[i].isupper():
                    valence = valence + C_INCR if valence > 0 else valence - C_INCR
                sentiments[i] = valence
                continue
            if ((i > lo and lower[i - 1] == "no") or (i > lo + 1 and lower[i - 2] == "no")
                    or (i > lo + 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))):
                valence = base * N_SCALAR
            if is_cap_diff and items_w[i].isupper():
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            for start_i in (0, 1, 2):
                if i > start_i + lo and lower[i - start_i - 1] not in lex:
                    prev = lower[i - start_i - 1]
                    s = boosters.get(prev, 0.0)
                    if s:
                        if valence < 0:
                            s = -s
                        if is_cap_diff and items_w[i - start_i - 1].isupper():
                            s = s + C_INCR if valence > 0 else s - C_INCR
                        if start_i == 1:
                            s *= 0.95
                        elif start_i == 2:
                            s *= 0.9
                        valence += s
                    valence = _negation_check(valence, lower, start_i, i)
                    if start_i == 2:
                        valence = _special_idioms_check(valence, lower, i)
            if i > lo and lower[i - 1] == "least" and lower[i - 1] not in lex and not (
                    i > lo + 1 and lower[i - 2] in ("at", "very")):
                valence *= N_SCALAR
            if neutral and low in neutral and valence * base > 0:  # a topic, not negated
                continue
            sentiments[i] = valence
        for word in self.contrast if career else ("but",):
            if word in lower:
                bi = lower.index(word)
                for k in range(n):
                    if k < bi:
                        sentiments[k] *= 0.5
                    elif k > bi:
                        sentiments[k] *= 1.5
                break
        contributions = [[starts[k], ends[k], v] for k, v in enumerate(sentiments) if v]
        total = sum(sentiments)
        amp = _punctuation_emphasis(text)
        if amp and total:
            run = list(_EMPH_RUN.finditer(text))[-1]
            contributions.append([run.start(), run.end(), amp if total > 0 else -amp])
        raw_total = total + amp if total > 0 else total - amp if total < 0 else 0.0
        if layer_hits:
            for a, b, w in layer_hits:
                contributions.append([starts_w[a], ends_w[b], w])
                raw_total += w
            contributions.sort(key=lambda c: (c[0], c[1]))
        compound = _normalize(raw_total)
        pos_sum = sum(v + 1 for v in sentiments if v > 0)
        neg_sum = sum(v - 1 for v in sentiments if v < 0)
        neu_count = sum(1 for v in sentiments if v == 0)
        if pos_sum > -neg_sum:
            pos_sum += amp
        elif pos_sum < -neg_sum:
            neg_sum -= amp
        denom = pos_sum - neg_sum + neu_count
        return _Score(round(compound, 4), round(-neg_sum / denom, 3), round(neu_count / denom, 3),
                      round(pos_sum / denom, 3), raw_total, n, contributions)

    def _merge_phrases(self, words, items_w, lower, starts, ends):
        phrases, terms = self.phrases, self._terms
        out_w, out_l, out_s, out_e = [], [], [], []
        covered: set[int] = set()
        n, i = len(lower), 0
        while i < n:
            cands = phrases.get(lower[i])
            matched = 0
            if cands and _some(lower, i):
                cands = None  # "a few projects", "a little help": some, not a lack
            if cands:
                for size in cands:
                    if i + size > n:
                        continue
                    term = terms.get(tuple(lower[i:i + size]))
                    if term is not None and not any(words[k][3] for k in range(i, i + size - 1)):
                        matched = size
                        out_w.append(" ".join(items_w[i:i + size]))
                        out_l.append(term)
                        out_s.append(starts[i])
                        out_e.append(ends[i + size - 1])
                        break
            if matched:
                covered.update(range(i, i + matched))
                i += matched
            else:
                out_w.append(items_w[i])
                out_l.append(lower[i])
                out_s.append(starts[i])
                out_e.append(ends[i])
                i += 1
        return out_w, out_l, out_s, out_e, covered


_SOME = frozenset({"few", "little"})
_SOME_FEW_AFTER = frozenset({"last", "first", "past", "next", "these", "those", "every"})


def _some(lower: list[str], i: int) -> bool:
    """Whether word ``i`` is the "few" of "a few" or the "little" of "a little", or a "few" of
    time ("the last few years", "the first few months", "every few weeks"): some, no lack.

    >>> _some("over the last few years".split(), 3), _some("very few opportunities".split(), 1)
    (True, False)
    """
    return i > 0 and lower[i] in _SOME and (
        lower[i - 1] == "a" or (lower[i] == "few" and lower[i - 1] in _SOME_FEW_AFTER))


#: Quantity words that, in career text, negate the lexicon word right after them, or after up
#: to two of "of" / "any" / "real" ("few opportunities", "lack of any support"), as
#: VADER's "no" does; "few" and "little" not after "a" ("a few friends", "a little help":
#: some, not a lack).
_LACK = frozenset({"few", "little", "zero", "minimal", "insufficient", "limited", "low",
                   "lack", "lacked", "lacks", "lacking"})
_LACK_GAP = frozenset({"of", "any", "real"})


def _lack_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each lexicon word that a lack word negates to the lack word's index.

    >>> _lack_targets(["few", "opportunities"], {"opportunities": 1.6})
    {1: 0}
    >>> _lack_targets(["a", "few", "friends"], {"friends": 2.1})
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j, w in enumerate(lower):
        if w not in _LACK or _some(lower, j):
            continue
        k = j + 1
        while k < min(n - 1, j + 3) and lower[k] in _LACK_GAP:  # "lack of any support"
            k += 1
        if k < n and lower[k] in lex and lower[k] not in _LACK and lower[k] not in BOOSTERS:
            out[k] = j
    return out


#: To have stopped doing something is no longer to do it: "stopped" / "stops" + a gerund the
#: lexicon rates negates that gerund, as "no longer" would ("I stopped enjoying the work" had
#: read positive, VADER's "stopped" -0.9 against "enjoying" +2.4; "I stopped caring" had read
#: positive too). After a gerund of state ("being", "feeling", "getting", "becoming") the word of
#: the next two that the lexicon rates is negated ("it stopped being fun"). "stopped" itself
#: then carries no valence; before a gerund the lexicon does not rate ("the company stopped
#: paying us") it keeps VADER's. Not "stop": an order or a wish complains of what goes on ("Stop
#: wasting my time!", "you need to stop micromanaging"); not a "stopped" negated itself ("never
#: stopped complaining"): :func:`_stop_targets` keeps those.
_CEASE = frozenset({"stopped", "stops"})
_CEASE_STATE = frozenset({"being", "feeling", "getting", "becoming"})


#: What is done "rather than" or "instead of" something is not that thing: the lexicon words
#: among the three words after it are negated ("promotions based on longevity rather than
#: merit", "they complain instead of trying to help"; "supported us rather than complained"
#: praises). 175 Kaggle pros and cons use it.
_INSTEAD = frozenset({("rather", "than"), ("instead", "of")})


def _instead_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each lexicon word after "rather than" / "instead of" to the index of
    "than" / "of".

    >>> lex = {"quality": 1.5, "help": 1.7, "complained": -1.7}
    >>> _instead_targets("volume rather than quality".split(), lex)
    {3: 2}
    >>> _instead_targets("they moaned instead of trying to help".split(), lex)
    {6: 3}
    >>> _instead_targets("rather than quality".split()[1:], lex)
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j in range(1, n - 1):
        if (lower[j - 1], lower[j]) in _INSTEAD:
            for k in range(j + 1, min(n, j + 4)):
                if lower[k] in lex and lower[k] not in BOOSTERS:
                    out[k] = j
    return out


#: Not to stop doing something is to go on doing it: a negated "stop" / "stopped" / "stops"
#: (a negation among the two words before it) + a gerund the lexicon rates leaves that gerund
#: its own valence where VADER's window negates it ("I never stopped loving the work" had read
#: negative, "I haven't stopped crying" positive), and the "stop" carries none.
_CONTINUE = frozenset({"stop", "stopped", "stops"})


def _stop_targets(lower: list[str],
                  lex: dict[str, float]) -> tuple[dict[int, int], dict[int, int]]:
    """Two maps from the index of a lexicon word to the index of the "stop" word that bears on
    it: the words a "stopped" / "stops" negates (:data:`_CEASE`), and the words a negated
    "stop" leaves un-negated (:data:`_CONTINUE`).

    >>> lex = {"stopped": -0.9, "enjoying": 2.4, "fun": 2.3, "feeling": 0.5, "loving": 2.9,
    ...        "crying": -2.1}
    >>> _stop_targets("i stopped enjoying the work".split(), lex)
    ({2: 1}, {})
    >>> _stop_targets("it stopped being fun".split(), lex)
    ({3: 1}, {})
    >>> _stop_targets("i stopped feeling so fun".split(), lex)
    ({2: 1, 4: 1}, {})
    >>> _stop_targets("they stopped paying us".split(), lex)
    ({}, {})
    >>> _stop_targets("i never stopped loving the work".split(), lex)
    ({}, {3: 2})
    >>> _stop_targets("i haven't stopped crying".split(), lex)
    ({}, {3: 2})
    >>> _stop_targets("it never stopped being fun".split(), lex)
    ({}, {4: 2})
    >>> _stop_targets("stop wasting my time".split(), lex)
    ({}, {})
    """
    ceased: dict[int, int] = {}
    kept: dict[int, int] = {}
    for j, w in enumerate(lower):
        if w not in _CONTINUE:
            continue
        if any(_negated(x) for x in lower[max(0, j - 2):j]):  # "I haven't stopped crying"
            kept.update(_gerund_targets(lower, lex, j))
        elif w in _CEASE:
            ceased.update(_gerund_targets(lower, lex, j))
    return ceased, kept


def _gerund_targets(lower: list[str], lex: dict[str, float], j: int) -> dict[int, int]:
    """The lexicon words that the "stop" at ``j`` bears on: the gerund after it, or after a
    gerund of state ("being", "feeling", "getting", "becoming") the next rated word of two."""
    n = len(lower)
    if j + 1 >= n or not lower[j + 1].endswith("ing"):
        return {}
    out = {}
    gerund = lower[j + 1]
    if gerund in lex:
        out[j + 1] = j
    if gerund in _CEASE_STATE:
        k = next((k for k in range(j + 2, min(n, j + 4))
                  if lower[k] in lex and lower[k] not in BOOSTERS), None)
        if k is not None:
            out[k] = j
    return out


#: A wish against the facts is a regret: "wish" + a subject + a past or a modal ("I wish I had
#: left sooner", "I wish they would listen", "I wish I'd known") says that things are not so,
#: and VADER's +1.7 for "wish" is negated there; "I wish you all the best" keeps it.
_REGRET = frozenset({"wish", "wished"})
_REGRET_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "someone", "somebody",
                              "it", "my", "our", "the"})
_REGRET_VERBS = frozenset({"had", "hadn't", "hadnt", "were", "was", "could", "would", "did",
                           "didn't", "didnt", "knew", "could've", "would've"})
# (career text reads "’" as "'": "I’d" is "i'd" here)
_REGRET_CONTRACTED = frozenset({"i'd", "we'd", "you'd", "they'd", "he'd", "she'd"})


def _regret_targets(lower: list[str]) -> frozenset[int]:
    """Indices of the "wish" words that look back against the facts.

    >>> sorted(_regret_targets("i wish i had left sooner".split()))
    [1]
    >>> sorted(_regret_targets("i wish my manager would listen".split()))
    [1]
    >>> sorted(_regret_targets("i wish you all the best".split()))
    []
    """
    out = set()
    n = len(lower)
    for i, w in enumerate(lower):
        if w not in _REGRET or i + 1 >= n:
            continue
        nxt = lower[i + 1]
        if nxt in _REGRET_CONTRACTED or (
                nxt in _REGRET_SUBJECTS and not _REGRET_VERBS.isdisjoint(lower[i + 2:i + 4])):
            out.add(i)
    return frozenset(out)


#: A wish for more: "could" / "should" + "be" / "have been" / "use" / "do with", up to three
#: words of degree, then a comparative the lexicon rates positive ("better", "happier") or
#: "more" + a positive word, not followed by "than": what the review says is short of it ("the
#: pay could be a bit better", "managers should be more supportive", "the raise could have been
#: better"). The word is negated, as after "no". So is a word of desirability after "would be"
#: and before "if" / "to": "it would be nice if management listened", "would be good to have
#: more training" (in 11 Kaggle cons and no pro; "would be glad for", "would be good for" are no
#: wish). A need for better is one too: "need" / "needs" / "needed" (+ "to" (+ "be")) + such a
#: comparative or "more" + a positive word ("management needs to be more structured", "need
#: better management"), or a word of improvement ("working culture needs to improve", "needs
#: improvement"), as is "could" / "should" + "improve" ("communication could improve").
_NEED = frozenset({"need", "needs", "needed"})
_IMPROVE = frozenset({"improve", "improvement", "improving", "improved"})
_WISH = frozenset({"could", "should", "could've", "should've", "would"}) | _NEED
_WISH_NICE = frozenset({"nice", "good", "great", "helpful", "beneficial", "useful", "better",
                        "ideal", "lovely", "wonderful"})
_WISH_NICE_NEXT = frozenset({"if", "to"})
_WISH_VERBS = frozenset({"be", "use"})
_WISH_DEGREE = frozenset({"a", "bit", "little", "lot", "much", "far", "way", "slightly",
                          "somewhat", "even", "alot", "lil"})
_WISH_NICE_DEGREE = _WISH_DEGREE | frozenset(BOOSTERS)  # "would be really nice if"


def _wish_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each positive word that a wish for more negates to the modal's index.

    >>> lex = {"better": 1.9, "supportive": 1.9, "good": 1.9}
    >>> _wish_targets("the pay could be a bit better".split(), lex)
    {6: 2}
    >>> _wish_targets("managers should be more supportive".split(), lex)
    {4: 1}
    >>> _wish_targets("it could be better than this".split(), lex)
    {}
    >>> _wish_targets("it could be good".split(), lex)
    {}
    >>> _wish_targets("the raise could have been better".split(), lex)
    {5: 2}
    >>> _wish_targets("it could've been better".split(), lex)
    {3: 1}
    >>> _wish_targets("it would be really good if they listened".split(), lex)
    {4: 1}
    >>> _wish_targets("it would be good for you".split(), lex)
    {}
    >>> _wish_targets("management needs to be more supportive".split(), lex)
    {5: 1}
    >>> _wish_targets("the culture needs to improve".split(), {"improve": 1.9})
    {4: 2}
    >>> _wish_targets("you need to be good at it".split(), lex)
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j, w in enumerate(lower):
        if w not in _WISH or j + 1 >= n:
            continue
        if w == "would":  # only "would be nice if ...": "would be better" may be a forecast
            k = j + 2
            while k < min(n, j + 4) and lower[k] in _WISH_NICE_DEGREE:
                k += 1
            if (lower[j + 1] == "be" and k + 1 < n and lower[k] in _WISH_NICE
                    and lower[k + 1] in _WISH_NICE_NEXT and lex.get(lower[k], 0.0) > 0):
                out[k] = j
            continue
        if w in _NEED:  # "needs to be more structured", "need better pay", "needs improvement"
            k = j + 1 + (lower[j + 1] == "to")
            k += k < n and lower[k] == "be"
        elif lower[j + 1] in _IMPROVE:  # "communication could improve"
            k = j + 1
        elif w.endswith("'ve"):  # "could've been better"
            k = j + 2 if lower[j + 1] == "been" else n
        elif lower[j + 1:j + 3] == ["have", "been"]:  # "could have been better"
            k = j + 3
        else:
            k = j + 2 if lower[j + 1] in _WISH_VERBS else (
                j + 3 if lower[j + 1:j + 3] == ["do", "with"] else n)
        stop = min(n, k + 3)
        while k < stop and lower[k] in _WISH_DEGREE:
            k += 1
        more = k < n and lower[k] == "more"
        k += more
        if k >= n or lex.get(lower[k], 0.0) <= 0 or "than" in lower[k + 1:k + 4]:
            continue
        if more or lower[k].endswith("er") or lower[k] in _IMPROVE:
            out[k] = j
    return out


#: "Couldn't be happier", "could not ask for a better team", "can't be more grateful": a
#: negated "could" / "can" / "would" before "be", "have been" or "ask for", up to two of "a",
#: "any", "much", then a comparative the lexicon rates ("happier", "more grateful"). It says the
#: most there is, so the word keeps its valence, boosted, where VADER negates it.
_UTMOST_MODALS = frozenset({"couldn't", "couldnt", "can't", "cant", "cannot", "wouldn't",
                            "wouldnt"})
_UTMOST_FILL = frozenset({"a", "any", "much"})
_NO_INDICES: frozenset[int] = frozenset()
_NO_WORDS: frozenset[str] = frozenset()


def _utmost_possible(lower: list[str]) -> bool:
    """Whether the words hold a negated modal that may open :func:`_utmost_targets`."""
    return not _UTMOST_MODALS.isdisjoint(lower) or "not" in lower


def _utmost_targets(lower: list[str], lex: dict[str, float]) -> frozenset[int]:
    """Indices of the comparatives that a negated modal makes the utmost.

    >>> lex = {"happier": 2.2, "better": 1.9, "grateful": 2.0, "disappointed": -2.0}
    >>> sorted(_utmost_targets("i couldn't be happier".split(), lex))
    [3]
    >>> sorted(_utmost_targets("could not ask for a better team".split(), lex))
    [5]
    >>> sorted(_utmost_targets("i couldn't have been more disappointed".split(), lex))
    [5]
    >>> sorted(_utmost_targets("it could not be good".split(), lex))
    []
    """
    out = set()
    n = len(lower)
    for j, w in enumerate(lower):
        if not (w in _UTMOST_MODALS
                or (w == "not" and j and lower[j - 1] in ("could", "can", "would"))):
            continue
        k = j + 1
        if lower[k:k + 2] == ["have", "been"] or lower[k:k + 2] == ["ask", "for"]:
            k += 2
        elif k < n and lower[k] == "be":
            k += 1
        else:
            continue
        while k < n and lower[k] in _UTMOST_FILL:
            k += 1
        more = k < n and lower[k] == "more"
        k += more
        if k < n and lower[k] in lex and (more or lower[k].endswith("er")):
            out.add(k)
    return frozenset(out)


def _layer_factor(lower: list[str], i: int, cut: int, lo: int = 0) -> float:
    """VADER's rules applied to a layer term starting at word ``i``: ``N_SCALAR`` after a
    negation among the three words before it (from word ``lo``, the first of its clause), 0.5
    before the contrast word (at ``cut``, -1 for none) and 1.5 after it."""
    factor = N_SCALAR if any(_negated(w) for w in lower[max(lo, i - 3):i]) else 1.0
    if cut >= 0 and i != cut:
        factor *= 0.5 if i < cut else 1.5
    return factor


def _contrast_at(lower: list[str], contrast: tuple[str, ...]) -> int:
    return next((lower.index(w) for w in contrast if w in lower), -1)


def _layer_terms(words: list[tuple[int, int, str, bool]], lower: list[str],
                 contrast: tuple[str, ...],
                 lows: list[int] | None = None) -> Iterator[tuple[int, int, str, float]]:
    """Word indices (first, last), text and rule factor (:func:`_layer_factor`) of each word
    and of each pair of neighbouring words not separated by a clause mark; ``lows`` as from
    :func:`_clause_lows`."""
    n = len(lower)
    cut = _contrast_at(lower, contrast)
    for i, w in enumerate(lower):
        factor = _layer_factor(lower, i, cut, lows[i] if lows else 0)
        yield i, i, w, factor
        if i + 1 < n and not words[i][3]:
            yield i, i + 1, f"{w} {lower[i + 1]}", factor


def _layer_hits(layer: dict[str, float], firsts: frozenset[str], words, lower,
                contrast: tuple[str, ...], covered: set[int],
                skip: frozenset[int] = frozenset(),
                lows: list[int] | None = None) -> list[tuple[int, int, float]]:
    """The terms of :func:`_layer_terms` found in the layer, with their weights times their
    rule factors; words inside a phrase of the domain lexicon are left to it, and a single word
    starting at an offset in ``skip`` scores nothing (a noun, :func:`_layer_nouns`). (The
    same terms as :func:`_layer_terms`, found without building every pair.)"""
    get = layer.get
    n = len(lower)
    found = []
    for i, w in enumerate(lower):
        if i in covered:
            continue
        v = get(w)
        if v is not None and not (skip and words[i][0] in skip):
            found.append((i, i, v))
        if w in firsts and i + 1 < n and not words[i][3] and i + 1 not in covered:
            v = get(f"{w} {lower[i + 1]}")
            if v is not None:
                found.append((i, i + 1, v))
    if not found:
        return found
    cut = _contrast_at(lower, contrast)
    return [(i, j, v * _layer_factor(lower, i, cut, lows[i] if lows else 0))
            for i, j, v in found]


def _clause_lows(text: str, starts: list[int]) -> list[int] | None:
    """For each word (``starts``: its offsets in ``text``), the index of the first word of its
    clause (clauses end at a :data:`_CLAUSE_MARK`); None when the words are one clause.

    >>> _clause_lows("pay is low, hours long", [0, 4, 7, 12, 18])
    [0, 0, 0, 3, 3]
    >>> _clause_lows("it was 3.5 hours", [0, 3, 7, 11]) is None
    True
    """
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    if not marks or not starts or bisect_right(marks, starts[0]) == bisect_right(marks, starts[-1]):
        return None
    lows, low, prev = [], 0, bisect_right(marks, starts[0])
    for k, start in enumerate(starts):
        clause = bisect_right(marks, start)
        if clause != prev:
            low, prev = k, clause
        lows.append(low)
    return lows


def _negated(word: str) -> bool:
    return word in NEGATE or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence *= N_SCALAR
    elif start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in ("so", "this"):
            valence *= 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence *= N_SCALAR
    else:
        if (lower[i - 3] == "never" and lower[i - 2] in ("so", "this")) or \
                lower[i - 1] in ("so", "this"):
            valence *= 1.25
        elif lower[i - 3] == "without" and "doubt" in (lower[i - 2], lower[i - 1]):
            pass
        elif _negated(lower[i - 3]):
            valence *= N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    w0, w1, w2, w3 = lower[i], lower[i - 1], lower[i - 2], lower[i - 3]
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lower)
    if n - 1 > i and f"{w0} {lower[i + 1]}" in SPECIAL_CASES:
        valence = SPECIAL_CASES[f"{w0} {lower[i + 1]}"]
    if n - 1 > i + 1 and f"{w0} {lower[i + 1]} {lower[i + 2]}" in SPECIAL_CASES:
        valence = SPECIAL_CASES[f"{w0} {lower[i + 1]} {lower[i + 2]}"]
    for seq in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if seq in BOOSTERS:
            valence += BOOSTERS[seq]
    return valence


def _punctuation_emphasis(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return ep + (0.0 if qm <= 1 else qm * 0.18 if qm <= 3 else 0.96)


@lru_cache(maxsize=8)
def _scorer(lexicon: str | None) -> LexiconScorer:
    return LexiconScorer(career_lexicon() if lexicon is None else load_lexicon(lexicon),
                         layer=career_layer())


# -- results -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Contribution:
    """A word or phrase that moved a sentence's score.

    Attributes
    ----------
    start, end : int
        Character offsets in the doc; ``phrase == doc.text[start:end]``.
    phrase : str
        The text ("long hours", "not good", "!!").
    weight : float
        Its valence after the rules (negation, boosters, contrast), on VADER's -4..4 scale; the
        weights of a sentence sum to its raw score, and ``compound = raw / sqrt(raw**2 + 15)``.
    """

    start: int
    end: int
    phrase: str
    weight: float


@dataclass(frozen=True)
class SentenceSentiment:
    """Sentiment of one sentence unit.

    Attributes
    ----------
    start, end : int
        Character offsets of the sentence in the doc.
    text : str
        The sentence.
    compound : float
        VADER-style normalised score in [-1, 1].
    neg, neu, pos : float
        Shares of negative, neutral and positive weight (sum to about 1).
    contributions : tuple of Contribution
        What made the score, in text order (empty when the component ran with ``explain=False``).
    """

    start: int
    end: int
    text: str
    compound: float
    neg: float
    neu: float
    pos: float
    contributions: tuple[Contribution, ...] = ()

    @property
    def raw(self) -> float:
        """Sum of the contribution weights (before normalisation)."""
        return sum(c.weight for c in self.contributions)


@dataclass(frozen=True)
class Sentiment:
    """Sentiment of a document or span and of each of its sentences.

    Attributes
    ----------
    compound : float
        In [-1, 1]; above 0.05 is usually read as positive, below -0.05 as negative. For career
        text and for spans the sentences combined (see ``_aggregate``); for general text
        VADER's score of the whole text.
    neg, neu, pos : float
        Shares of negative, neutral and positive weight (for career text and spans the
        length-weighted means of the sentences'; they count lexicon items, not layer terms).
    sentences : tuple of SentenceSentiment
    text : str
        The analysed text (the doc's or the span's).
    offset : int
        Character offset of ``text`` in the doc (0 for a doc); sentence and contribution offsets
        are doc offsets.

    Examples
    --------
    >>> s = sentiment("Great benefits. But the long hours and micromanagement are exhausting.")
    >>> s.compound < 0
    True
    >>> [c.phrase for c in s.explain()][:2]
    ['long hours', 'Great']
    """

    compound: float
    neg: float
    neu: float
    pos: float
    sentences: tuple[SentenceSentiment, ...] = field(default=(), repr=False)
    text: str = field(default="", repr=False)
    offset: int = field(default=0, repr=False)

    @property
    def label(self) -> str:
        """``"positive"``, ``"negative"`` or ``"neutral"`` (VADER's ±0.05 thresholds)."""
        return "positive" if self.compound >= 0.05 else "negative" if self.compound <= -0.05 \
            else "neutral"

    def explain(self) -> tuple[Contribution, ...]:
        """All contributions, strongest (largest ``|weight|``) first."""
        items = [c for s in self.sentences for c in s.contributions]
        return tuple(sorted(items, key=lambda c: (-abs(c.weight), c.start)))

    def to_frame(self):
        """One row per sentence (pandas DataFrame): offsets, text, scores and the phrases."""
        import pandas as pd

        rows = [{"start": s.start, "end": s.end, "text": s.text, "compound": s.compound,
                 "neg": s.neg, "neu": s.neu, "pos": s.pos,
                 "contributions": "; ".join(f"{c.phrase} ({c.weight:+.2f})"
                                            for c in s.contributions)}
                for s in self.sentences]
        return pd.DataFrame(rows, columns=["start", "end", "text", "compound", "neg", "neu",
                                           "pos", "contributions"])

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (JSON-safe)."""
        return {"compound": self.compound, "neg": self.neg, "neu": self.neu, "pos": self.pos,
                "sentences": [_sentence_data(s) for s in self.sentences]}

    def _repr_html_(self) -> str:
        # Overlapping contributions (a layer word inside a layer pair) share one highlight,
        # with their summed weight; the tooltip lists each.
        groups: list[list] = []  # [start, end, weight, [tips]] in text offsets
        for c in sorted((c for s in self.sentences for c in s.contributions),
                        key=lambda c: (c.start, c.end)):
            a, b = c.start - self.offset, c.end - self.offset
            if a < 0 or b > len(self.text):
                continue
            tip = f"{c.phrase} {c.weight:+.2f}"
            if groups and a < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], b)
                groups[-1][2] += c.weight
                groups[-1][3].append(tip)
            else:
                groups.append([a, b, c.weight, [tip]])
        parts, pos = [], 0
        for a, b, weight, tips in groups:
            parts.append(html.escape(self.text[pos:a]))
            alpha = min(1.0, 0.2 + abs(weight) / 4)
            rgb = "46,160,67" if weight > 0 else "218,54,51"
            title = f"{weight:+.2f}" if len(tips) == 1 else f"{weight:+.2f}: " + "; ".join(tips)
            parts.append(f'<mark style="background: rgba({rgb},{alpha:.2f}); padding: 0 2px; '
                         f'border-radius: 3px" title="{html.escape(title)}">'
                         f"{html.escape(self.text[a:b])}</mark>")
            pos = b
        parts.append(html.escape(self.text[pos:]))
        return (f'<div class="careertext-sentiment"><p><b>{self.label}</b> '
                f"(compound {self.compound:+.3f}; neg {self.neg:.2f}, neu {self.neu:.2f}, "
                f'pos {self.pos:.2f})</p><p style="white-space: pre-wrap">{"".join(parts)}</p>'
                "</div>")


def _sentence_data(s: SentenceSentiment) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "compound": s.compound, "neg": s.neg, "neu": s.neu,
            "pos": s.pos,
            "contributions": [[c.start, c.end, c.phrase, c.weight] for c in s.contributions]}


def _aggregate(sentences: list[dict[str, Any]]) -> dict[str, float]:
    """Combine sentence scores.

    ``compound = normalize(sum(raw) / sqrt(k))`` over the ``k`` sentences that carry sentiment:
    for one sentence this is VADER's own score, neutral sentences do not dilute it, and the
    evidence of several sentences adds up like a z-statistic (as ``sqrt(k)``) rather than
    linearly, so long essays do not all saturate at +-1 (on held-out Glassdoor reviews this beat
    the length-weighted mean of sentence compounds: AUC 0.947 vs 0.935). ``neg``, ``neu`` and
    ``pos`` are length-weighted means.
    """
    if not sentences:
        return {"compound": 0.0, "neg": 0.0, "neu": 0.0, "pos": 0.0}
    raws = [_raw_of(d) for d in sentences]
    k = sum(1 for r in raws if r)
    compound = _normalize(sum(raws) / math.sqrt(k)) if k else 0.0
    out = {"compound": round(compound, 4)}
    weights = [max(1, d["end"] - d["start"]) for d in sentences]
    total = sum(weights)
    for key in ("neg", "neu", "pos"):
        value = sum(d[key] * w for d, w in zip(sentences, weights, strict=True)) / total
        out[key] = round(max(0.0, min(1.0, value)), 4)
    return out


def _raw_of(d: dict[str, Any]) -> float:
    raw = d.get("raw")
    if raw is None:  # invert the normalisation
        c = max(-0.9999, min(0.9999, float(d["compound"])))
        raw = c * math.sqrt(ALPHA / (1 - c * c))
    return float(raw) if math.isfinite(raw) else 0.0


def _build(text: str, data: dict[str, Any], offset: int = 0) -> Sentiment:
    """Make a :class:`Sentiment` from plain data (``text`` starts at doc offset ``offset``)."""
    sentences = tuple(
        SentenceSentiment(
            start=d["start"], end=d["end"], text=text[d["start"] - offset:d["end"] - offset],
            compound=d["compound"], neg=d["neg"], neu=d["neu"], pos=d["pos"],
            contributions=tuple(Contribution(int(c[0]), int(c[1]), str(c[2]), float(c[3]))
                                for c in d.get("contributions") or ()))
        for d in data.get("sentences", []))
    return Sentiment(data["compound"], data["neg"], data["neu"], data["pos"], sentences, text,
                     offset)


def sentiment_from_data(obj: Doc | Span) -> Sentiment:
    """Turn the plain data of ``doc._.ct_sentiment`` into a :class:`Sentiment`.

    For a Span: the sentences inside it (or, for a span within one sentence, the sentences it
    overlaps), aggregated.
    """
    doc = obj.doc if isinstance(obj, Span) else obj
    data = doc._.ct_sentiment
    if data is None:
        return Sentiment(0.0, 0.0, 0.0, 0.0, (), obj.text, 0)
    if not isinstance(obj, Span):
        return _build(doc.text, data)
    lo, hi = obj.start_char, obj.end_char
    sents = [d for d in data.get("sentences", []) if lo <= d["start"] and d["end"] <= hi]
    if not sents:
        sents = [d for d in data.get("sentences", []) if d["start"] < hi and lo < d["end"]]
    if sents:
        lo, hi = min(lo, sents[0]["start"]), max(hi, sents[-1]["end"])
    return _build(doc.text[lo:hi], {**_aggregate(sents), "sentences": sents}, lo)


# -- the component -------------------------------------------------------------------------------
class SentimentScorer(DocComponent):
    """spaCy component that scores each sentence unit; made by
    ``nlp.add_pipe("careertext_sentiment")``.

    Parameters
    ----------
    nlp : Language
        The pipeline it belongs to.
    name : str
        Component name.
    lexicon : str or None
        Path of a lexicon file (``term<TAB>valence``) used instead of the bundled career
        lexicon, on top of VADER's, in career text; None for the bundled one.
    explain : bool
        Keep each sentence's contributions (needed for :meth:`Sentiment.explain`).
    domain : {"auto", "career", "general"}
        How a document is read. ``"career"``: the career lexicon (or ``lexicon``), "however" as
        a contrast word and the learned career layer apply to every sentence, and the document
        score combines its sentences (see :func:`_aggregate`). ``"general"``: VADER's lexicon
        and rules only, and the document score is VADER's own score of the whole text.
        ``"auto"`` (default): ``"career"`` when the document's words are those of career text
        (:func:`is_career_text`), else ``"general"``; the choice is stored as
        ``doc._.ct_sentiment["domain"]``.

    Examples
    --------
    >>> from careertext import load_pipeline
    >>> nlp = load_pipeline()
    >>> _ = nlp.add_pipe("careertext_sentiment") if "careertext_sentiment" not in nlp.pipe_names \
else None
    >>> doc = nlp("The pay was great. The long hours were not.")
    >>> doc._.sentiment.sentences[1].compound < 0
    True
    """

    def __init__(self, nlp: Language | None = None, name: str = "careertext_sentiment", *,
                 lexicon: str | None = None, explain: bool = True,
                 domain: str = "auto") -> None:
        if domain not in DOMAINS:
            raise InputError("E028", f"domain must be one of {', '.join(DOMAINS)}, not "
                             f"{domain!r}.", 'Use "auto" unless you know what all your texts '
                             'are: "career" for reviews or essays, "general" for plain VADER.')
        self.name = name
        self.lexicon = None if lexicon is None else str(lexicon)
        self.explain = bool(explain)
        self.domain = domain
        self.scorer = _scorer(self.lexicon)
        self.topics = career_topics()
        self.words = career_words()

    data_attr = "ct_sentiment"

    def find(self, doc: Doc) -> dict[str, Any]:
        """The plain data stored on ``doc._.ct_sentiment`` (see :meth:`score_doc`)."""
        return self.score_doc(doc)

    def score_doc(self, doc: Doc) -> dict[str, Any]:
        """Return the plain data stored on ``doc._.ct_sentiment``."""
        text = doc.text
        score = self.scorer.score
        explain = self.explain
        lower = text.lower() if self.domain != "general" else ""
        career = self.domain == "career" or (self.domain == "auto"
                                             and _career_gate(lower, self.topics, self.words))
        sentences = []
        bounds = _unit_bounds(doc, text)
        valenceless = ([*_valenceless_words(doc, lower), *_compound_words(doc, lower)]
                       if career else ())
        layer_words = self.scorer.layer_words if career and doc.has_annotation("TAG") else None
        negated = _negated_conjuncts(doc, lower) if career else ()
        if career:
            lacked = _lacked_phrases(doc, text, self.scorer.lex)
            if lacked:
                negated = [*negated, *lacked]
        r = None
        for a, b in bounds:
            skip, negate = _within(valenceless, a, b), _within(negated, a, b)
            r = score(text[a:b], career, skip, negate)
            if layer_words and r.contributions:  # a layer word that is a noun: scored again
                nouns = _layer_nouns(doc, text, a, r.contributions, layer_words)
                if nouns:
                    r = score(text[a:b], career, skip | nouns, negate)
            d = {"start": a, "end": b, "compound": r.compound, "neg": r.neg, "neu": r.neu,
                 "pos": r.pos, "raw": round(r.raw, 4)}
            if explain:
                d["contributions"] = [[a + s, a + e, text[a + s:a + e], round(w, 4)]
                                      for s, e, w in r.contributions]
            sentences.append(d)
        if career:
            return {**_aggregate(sentences), "domain": "career", "sentences": sentences}
        # VADER's score of the whole text; a text that is one sentence unit has it already
        one = len(bounds) == 1 and text[bounds[0][0]:bounds[0][1]] == text.strip()
        whole = r if one else score(text, False)
        return {"compound": whole.compound, "neg": whole.neg, "neu": whole.neu, "pos": whole.pos,
                "raw": round(whole.raw, 4), "domain": "general", "sentences": sentences}


_NO_SKIP: frozenset[int] = frozenset()


def _within(offsets, a: int, b: int) -> frozenset[int]:
    """The ``offsets`` in ``[a, b)``, relative to ``a`` (a sentence unit's words)."""
    return frozenset(o - a for o in offsets if a <= o < b) if offsets else _NO_SKIP
_NOT_A_VERB = ("IN", "UH")  # "I felt like a number", "it was, like, fine"
_DEGREE_NEXT = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: The VADER words whose valence career text reads from spaCy's tags (:func:`_valenceless_words`).
TAG_READ_WORDS = frozenset({"like", "pretty", "certain"})
_CERTAIN_NEXT = _NOUN_TAGS | {"JJ"}


def _valenceless_words(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words that carry no valence in career text, by spaCy's tags: a "like"
    that is a preposition or an interjection (VADER rates every "like" +1.5, and career essays
    use it mostly as a preposition: "I felt like a number"), a "pretty" that is an adverb
    of degree before an adjective or adverb ("pretty toxic", "pretty much": VADER rates every
    "pretty" +2.2, so "My manager was pretty toxic." read positive), and a "certain" before a
    noun or an adjective, which picks some out rather than being sure ("certain managers", "a
    certain amount": VADER rates "certain" +1.1, and 114 of the 138 such uses in the Kaggle
    reviews are in cons). ``lower`` is the Doc's text in lower case. Without a tagger, none."""
    if all(w not in lower for w in TAG_READ_WORDS):
        return []
    if not doc.has_annotation("TAG"):
        return []
    return [t.idx for t in doc if t.lower_ in TAG_READ_WORDS and _valenceless(t)]


def _valenceless(t: Token) -> bool:
    """Whether a word of :data:`TAG_READ_WORDS` carries no valence here, by its tag and the
    next word's (see :func:`_valenceless_words`)."""
    word = t.lower_
    if word == "like":
        return t.tag_ in _NOT_A_VERB
    doc = t.doc
    nxt = doc[t.i + 1].tag_ if t.i + 1 < len(doc) else ""
    if word == "pretty":
        return t.tag_ == "RB" and nxt in _DEGREE_NEXT
    return nxt in _CERTAIN_NEXT  # "certain"


@lru_cache(maxsize=1)
def topic_compounds() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Compounds in which a word VADER rates names a thing, not a feeling (package data,
    ``data/topic_compounds.yaml``): word -> (the words before it, the words after it that make
    the compound). In career text the word carries no valence there (:func:`_compound_words`).

    Examples
    --------
    >>> "pay" in topic_compounds()["sick"][1] and "bank" in topic_compounds()["holidays"][0]
    True
    """
    text = resources.files("careertext").joinpath("data/topic_compounds.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {word.lower(): (frozenset(w.lower() for w in spec.get("previous", ())),
                           frozenset(w.lower() for w in spec.get("next", ())))
            for word, spec in data.items()}


def _compound_words(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words of :func:`topic_compounds` that stand in one of their compounds
    ("sick pay", "sick days", "bank holidays"): in career text they carry no valence, so "Good
    sick pay" reads positive and "Working weekends and bank holidays" neutral (VADER: "sick"
    -2.3, "holidays" +1.6). ``lower`` is the Doc's text in lower case. Needs no tagger.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("Good sick pay, but you work bank holidays.")
    >>> [doc.text[i:i + 8] for i in _compound_words(doc, doc.text.lower())]
    ['sick pay', 'holidays']
    """
    compounds = topic_compounds()
    if all(w not in lower for w in compounds):
        return []
    out = []
    for t in doc:
        spec = compounds.get(t.lower_)
        if spec is None:
            continue
        previous, following = spec
        if ((t.i > 0 and doc[t.i - 1].lower_ in previous)
                or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in following)):
            out.append(t.idx)
    return out


def _layer_nouns(doc: Doc, text: str, start: int, contributions,
                 layer_words: frozenset[str]) -> frozenset[int]:
    """Offsets (relative to ``start``) of the single words of the career layer among a sentence
    unit's ``contributions`` that spaCy tags as nouns: the layer holds gradable adjectives,
    adverbs and participles, learned from reviews ("you need to be patient", -1.1), and "I sat
    with a patient" or "we moved to Agile" use none of them. ``text`` is ``doc.text``."""
    out = set()
    for s, e, _w in contributions:
        if text[start + s:start + e].lower() in layer_words:
            span = doc.char_span(start + s, start + e)
            if span is not None and len(span) == 1 and span[0].tag_ in _NOUN_TAGS:
                out.add(s)
    return frozenset(out)


def _negated_conjuncts(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words that a negation reaches through "or" / "nor", by spaCy's parse
    (:func:`careertext.matching.negated_through_or`), with the adjectives that modify them.

    VADER negates a word only within three words of "not" or "no" (and "no X or Y" for a single
    word X), so in "no real feedback or praise" it negated "feedback" but not "praise", and
    "not very challenging or stimulating" read positive. ``lower`` is the Doc's text in lower
    case. Without a parser, none.
    """
    if (" or " not in lower and " nor " not in lower) or not doc.has_annotation("DEP"):
        return []
    out: list[int] = []
    for t in doc:
        if negated_through_or(t, _negator):
            out.append(t.idx)
            out.extend(c.idx for c in t.children if c.dep_ == "amod")
    return out


#: Words that open a noun phrase that is lacking ("no", "few", "limited" as its determiner or
#: adjective; "lack of", "lacks" before it), see :func:`_lacked_phrases`.
_LACK_DETS = frozenset({"no", "few", "little", "zero", "minimal", "insufficient", "limited",
                        "low"})
_LACK_VERBS = frozenset({"lack", "lacks", "lacked", "lacking", "limit", "limits", "limiting"})
#: Predicates that say their subject is lacking ("opportunities are limited", "promotions are
#: few and far between").
_LACK_PREDICATES = frozenset({"limited", "few", "rare", "scarce", "lacking", "minimal",
                              "insufficient", "nonexistent", "non-existent", "sparse"})
_LACK_WORD = re.compile(
    rf"\b(?:{'|'.join(sorted(_LACK_DETS | _LACK_VERBS | _LACK_PREDICATES))})\b", re.IGNORECASE)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PHRASE_DEPS = frozenset({"compound", "amod"})
# What ends a lacking phrase: a line break or a clause mark (:func:`_bare_conjuncts`), or a
# comma (:func:`_lacked_phrases`: "limited, unhealthy snacks"; between conjuncts a comma is a
# list's: "limited training, support and recognition").
_CONJUNCT_BREAK = re.compile(r"[\n;:()]")
_PHRASE_BREAK = re.compile(r"[\n,;:()]")


def _lacked_phrases(doc: Doc, text: str, lex: dict[str, float]) -> list[int]:
    """Offsets of the lexicon words of the noun phrases that a lack word opens, by spaCy's
    parse.

    The lack rule of :class:`LexiconScorer` and VADER's "no" reach only the next word or two,
    so in "Limited career growth opportunities" and "No career progression opportunities"
    "growth" and "opportunities" had read positive. Here "no", "few", "little", "zero",
    "minimal", "insufficient", "limited" or "low" as the determiner or adjective of a noun, and
    the object of "lack of" / "lacks" / "limits", negate the noun and its compounds and
    adjectives after the lack word, on the same line and with no clause mark between
    ("limited, unhealthy snacks" is no lack of unhealthy snacks); "few" and "little" not as
    "some" (:func:`_some`: "a few good friends") nor after an adjective ("nice little
    perks"). The lack word keeps its own valence (it may open a phrase of the career lexicon:
    "few development"). A lack said after its noun, as the predicate of "be" ("opportunities
    for progression are limited", "... are few and far between", "rare", "scarce",
    "minimal"), negates the good words of the subject's phrase and its bare conjuncts.
    ``text`` is ``doc.text`` (its offsets are the tokens'). Without a parser, nothing.
    """
    found = [m.start() for m in _LACK_WORD.finditer(text)]
    if not found or not doc.has_annotation("DEP"):
        return []
    offsets = doc.to_array(IDX).tolist()
    negated: list[int] = []
    for at in found:  # the tokens that start where a lack word does (not every token)
        i = bisect_right(offsets, at) - 1
        if i < 0 or offsets[i] != at:
            continue
        t = doc[i]
        word = t.lower_
        if word in _LACK_PREDICATES and t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be":
            # "opportunities for progression are limited": the subject's good words
            subject = next((c for c in t.head.children if c.dep_ in _SUBJECT_DEPS
                            and c.pos_ in ("NOUN", "PROPN") and c.i < t.i), None)
            if subject is not None and not _PHRASE_BREAK.search(text, subject.idx, t.idx):
                negated.extend(w.idx for c in (subject, *_bare_conjuncts(subject, text))
                               for w in _phrase_words(c) if lex.get(w.lower_, 0.0) > 0)
            continue
        if word in _LACK_DETS:
            head = t.head
            if t.dep_ not in ("det", "amod") or head.i <= t.i or head.pos_ not in ("NOUN",
                                                                                  "PROPN"):
                continue
            if word in ("few", "little") and (
                    (t.i and _some([doc[t.i - 1].lower_, word], 1))
                    or any(c.i < t.i for c in head.children if c.dep_ in _PHRASE_DEPS)):
                continue  # "a few", "the last few years", "nice little perks": no lack
        elif word in _LACK_VERBS:
            head = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None) or next(
                (c for c in t.children if c.dep_ == "dobj"), None)
            if head is None:
                continue
        else:
            continue
        if _PHRASE_BREAK.search(text, t.idx, head.idx):
            continue  # a list ("No blame" and the next line's "Good perks"), or a clause mark
        negated.extend(w.idx for w in _phrase_words(head) if t.i < w.i and w.lower_ in lex)
        # of the conjuncts, only what is good is lacked: "little training and stress"
        negated.extend(w.idx for c in _bare_conjuncts(head, text)
                       for w in _phrase_words(c) if lex.get(w.lower_, 0.0) > 0)
    return negated


def _phrase_words(head):
    """``head`` and its compounds and adjectives, recursively ("career growth opportunities")."""
    yield head
    for c in head.children:
        if c.dep_ in _PHRASE_DEPS and c.i < head.i:
            yield from _phrase_words(c)


_OWN_MODIFIERS = frozenset({"det", "amod", "nummod", "poss", "neg"})


def _bare_conjuncts(head: Token, text: str) -> Iterator[Token]:
    """The nouns conjoined to ``head`` ("and", "or", a list) that have no determiner, adjective,
    numeral or possessive of their own, on the same line with no clause mark between: what a
    lack word before ``head`` also lacks ("lack of opportunities and incentives", "limited
    training, support and recognition"), but not "no bonus and great benefits", whose conjunct
    says something of its own."""
    for c in head.children:
        if (c.dep_ == "conj" and c.i > head.i and c.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ in _OWN_MODIFIERS and g.i < c.i for g in c.children)
                and not _CONJUNCT_BREAK.search(text, head.idx, c.idx)):
            yield c
            yield from _bare_conjuncts(c, text)


def _negator(word: str) -> bool:
    """A word of VADER's negation list, a contraction in "n't" (or "n’t"), or "no"."""
    return word == "no" or _negated(word.replace("’", "'"))


def _unit_bounds(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character bounds of :func:`careertext.matching.sentence_units` (sentences, cut at line
    breaks, trimmed), computed from arrays for speed (``text`` is ``doc.text``, which spaCy
    rebuilds from the tokens on every access)."""
    n = len(doc)
    if not n:
        return []
    if text is None:
        text = doc.text
    flags = doc.to_array(SENT_START).tolist()
    starts = [0]
    if n > 1 and 1 in flags[1:]:  # as doc.has_annotation("SENT_START"), without the loop
        offsets = doc.to_array(IDX).tolist()
        starts = [offsets[i] for i in range(1, n) if flags[i] == 1]
        starts.insert(0, 0)
    starts.append(len(text))
    out = []
    for k in range(len(starts) - 1):
        for m in _LINE.finditer(text, starts[k], starts[k + 1]):
            out.append((m.start(), m.end()))
    return out


# -- functions -----------------------------------------------------------------------------------
def merge_chunk_data(parts: list[tuple[int, dict[str, Any] | None]]) -> dict[str, Any]:
    """The plain sentiment data of a text analysed in chunks: ``parts`` holds ``(offset,
    doc._.ct_sentiment)`` per chunk. Sentence and contribution offsets are shifted into the whole
    text and the document scores are aggregated again over all its sentences (as for one doc)."""
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1] is not None:
        return parts[0][1]
    sentences = []
    for offset, data in parts:
        for d in (data or {}).get("sentences", []):
            d = dict(d, start=d["start"] + offset, end=d["end"] + offset)
            if "contributions" in d:
                d["contributions"] = [[c[0] + offset, c[1] + offset, *c[2:]]
                                      for c in d["contributions"]]
            sentences.append(d)
    datas = [data for _offset, data in parts if data is not None]
    if datas and all(d.get("domain") == "general" for d in datas):
        # VADER sums over the whole text: add up the chunks' raw scores
        raw = sum(float(d.get("raw", 0.0)) for d in datas)
        agg = _aggregate(sentences)
        return {**agg, "compound": round(_normalize(raw), 4), "raw": round(raw, 4),
                "domain": "general", "sentences": sentences}
    return {**_aggregate(sentences), "domain": "career", "sentences": sentences}


def _from_chunks(text: str, chunks: list[tuple[int, Doc]]) -> Sentiment:
    if len(chunks) == 1 and chunks[0][0] == 0:
        return sentiment_from_data(chunks[0][1])
    return _build(text, merge_chunk_data([(o, doc._.ct_sentiment) for o, doc in chunks]))


def sentiment(text: str, *, nlp: Language | str | None = None,
              domain: str | None = None) -> Sentiment:
    """Score a text sentence by sentence.

    Parameters
    ----------
    text : str
        The text; long texts are cut into chunks at paragraph or sentence breaks.
    nlp : Language, str or None
        The pipeline (see :func:`careertext.load_pipeline`); ``careertext_sentiment`` is added
        if missing.
    domain : {"auto", "career", "general"} or None
        How to read the text (see :class:`SentimentScorer`); None for the pipeline component's
        setting (``"auto"`` unless configured otherwise).

    Returns
    -------
    Sentiment

    Examples
    --------
    >>> sentiment("I was laid off after years of long hours.").compound < 0
    True
    >>> sentiment("Great benefits and a supportive manager!").label
    'positive'
    >>> sentiment("I was laid off last spring.", domain="general").compound   # VADER alone
    0.0
    >>> sentiment("I was laid off last spring.").compound < 0        # auto: career words
    True
    """
    return next(sentiment_many([check_text(text)], nlp=nlp, domain=domain))


def sentiment_many(texts: Iterable[str], *, nlp: Language | str | None = None,
                   n_process: int = 1, batch_size: int = 64,
                   domain: str | None = None) -> Iterator[Sentiment]:
    """Score many texts with ``nlp.pipe``; yields one :class:`Sentiment` per text, in order.
    ``domain`` as for :func:`sentiment`."""
    from .pipeline import pipe_texts, with_components

    nlp = with_components(nlp, ["careertext_sentiment"])
    component = nlp.get_pipe("careertext_sentiment")
    if domain is None or domain == getattr(component, "domain", None):
        for text, chunks in pipe_texts(nlp, texts, n_process=n_process, batch_size=batch_size):
            yield _from_chunks(text, chunks)
        return
    # another reading than the pipeline's: score the docs with a scorer of that setting (the
    # shared pipeline is left as it is)
    scorer = SentimentScorer(nlp, domain=domain, lexicon=getattr(component, "lexicon", None),
                             explain=getattr(component, "explain", True))
    for text, chunks in pipe_texts(nlp, texts, n_process=n_process, batch_size=batch_size):
        yield _build(text, merge_chunk_data([(o, scorer.score_doc(doc)) for o, doc in chunks]))


def aspect_sentiment(sentiment: Sentiment,
                     mentions: Iterable[tuple[str, int, int]]) -> dict[str, float]:
    """Mean compound of the sentences that overlap each theme's mentions.

    Parameters
    ----------
    sentiment : Sentiment
        The document's sentiment.
    mentions : iterable of (theme_id, start, end)
        Character offsets (doc offsets) of theme mentions. A sentence counts once per theme.

    Returns
    -------
    dict of str to float
        Theme id -> mean compound, in order of first mention; themes whose mentions overlap no
        sentence are left out.

    Examples
    --------
    >>> s = sentiment("The pay is great. Management is toxic.")
    >>> aspect = aspect_sentiment(s, [("pay", 4, 7), ("management", 18, 28)])
    >>> aspect["pay"] > 0 > aspect["management"]
    True
    """
    chosen: dict[str, dict[int, float]] = {}
    for theme, start, end in mentions:
        hits = chosen.setdefault(str(theme), {})
        for k, s in enumerate(sentiment.sentences):
            if s.start < end and start < s.end or (start == end and s.start <= start < s.end):
                hits[k] = s.compound
    return {t: round(sum(v.values()) / len(v), 4) for t, v in chosen.items() if v}
