"""VADER's constants, word lists, lexicon and rule helpers (Hutto & Gilbert 2014; as in
vaderSentiment 3.3.2), shared by :class:`careertext.lexicon_scorer.LexiconScorer` and the
scripts that learn the career lexicon and layer. The lexicon is read from the installed
``vaderSentiment`` package, not copied."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

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


def _strip_punc(token: str) -> str:
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


def _normalize(score: float) -> float:
    return max(-1.0, min(1.0, score / math.sqrt(score * score + ALPHA)))


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
