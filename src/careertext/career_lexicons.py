"""The career lexicon, career layer, workplace topics and career words (package data under
``data/``, learned by ``scripts/build_career_lexicon.py`` and ``scripts/build_career_layer.py``),
and the domain gate (:func:`is_career_text`) that decides which texts are read as career text."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .vader import _CLAUSE_END, _WORD, _strip_punc


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
    (``scripts/build_career_layer.py``). A term marked ``"¬"`` is a word after another's
    negation ("¬listen": "management don't listen", see
    :data:`careertext.lexicon_scorer.NEG_MARK`).

    Examples
    --------
    >>> career_layer()["unrealistic"] < 0 < career_layer()["varied work"]
    True
    >>> career_layer()["\u00aclisten"] < 0
    True
    """
    return _bundled_lexicon("career_layer.tsv")


def _data_text(name: str) -> str:
    """The text of the package data file ``data/<name>``."""
    return resources.files("careertext").joinpath(f"data/{name}").read_text("utf-8")


def _bundled_lexicon(name: str) -> dict[str, float]:
    return _parse_lexicon(_data_text(name), name)


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
    text = _data_text("career_topics.tsv")
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


@lru_cache(maxsize=1)
def career_phrases() -> frozenset[str]:
    """The curated phrases of the bundled career lexicon (``data/career_lexicon.tsv``, kind
    ``seed``, two words or more): expressions of career text that general lexicons miss ("laid
    off", "red tape", "plays favourites", "feel like a number"). Any one of them makes a text
    career text (:func:`is_career_text`).

    Examples
    --------
    >>> {"laid off", "red tape", "plays favorites"} <= career_phrases()
    True
    """
    rows = (line.split("\t") for line in _data_text("career_lexicon.tsv").splitlines()
            if line and not line.startswith("#"))
    return frozenset(" ".join(_lexicon_words(r[0])) for r in rows
                     if len(r) >= 4 and _is_curated_phrase(r[0], r[3]))


def _is_curated_phrase(term: str, kind: str) -> bool:
    """Whether a career lexicon entry of ``kind`` is a curated phrase of the domain gate
    (:func:`career_phrases`): a seed of two words or more. ``scripts/build_career_layer.py``
    takes the same phrases from a lexicon it learns.

    >>> _is_curated_phrase("red tape", "seed"), _is_curated_phrase("cog", "seed")
    (True, False)
    """
    return kind == "seed" and " " in term.strip()


@lru_cache(maxsize=8)
def _phrase_index(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the rest of each of ``phrases`` that opens with it, as words of
    :data:`careertext.vader._WORD` (the words :func:`_career_gate` reads)."""
    index: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = _WORD.findall(phrase.lower())
        if len(words) > 1:
            index.setdefault(words[0], set()).add(tuple(words[1:]))
    return {w: tuple(rests) for w, rests in index.items()}


#: The marks that end a clause for the scorer (:data:`careertext.vader._CLAUSE_END`).
_CLAUSE_MARK = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


def _has_phrase(found: list[str], index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether the words ``found`` hold a phrase of ``index`` (see :func:`_phrase_index`)."""
    for i, w in enumerate(found):
        rests = index.get(w)
        if rests and any(tuple(found[i + 1:i + 1 + len(r)]) == r for r in rests):
            return True
    return False


#: :func:`is_career_text`: a text whose content words average at least this log ratio
#: (:func:`career_words`; e**0.75 is about 2x as frequent in career text) is career text,
GATE_MEAN = 0.75
#: and so is a text with a workplace topic (:func:`career_topics`) whose content words average
#: at least this,
GATE_TOPIC_MEAN = 0.5
#: or that has at least this many content words (a long text naming a workplace topic).
GATE_LONG = 20


def is_career_text(text: str, topics: frozenset[str] | None = None,
                   words: dict[str, float] | None = None,
                   phrases: frozenset[str] | None = None) -> bool:
    """Whether :class:`SentimentScorer` reads ``text`` as career text (``domain="auto"``; a
    text in which VADER rates no word is read with the career lexicon, without the layer, either
    way).

    The content words of ``text`` that :func:`career_words` (or ``words``) knows are averaged:
    a text is career text when that mean is at least :data:`GATE_MEAN`, or when it names a
    workplace topic (a word of :func:`career_topics`, or of ``topics``) and either the mean is
    at least :data:`GATE_TOPIC_MEAN` or it has at least :data:`GATE_LONG` such words. So
    "Fired today." is career text without a workplace noun, and "a heroic performance" is no
    career text although "performance" is a workplace topic. A text that holds a curated phrase
    of the career lexicon (:func:`career_phrases`, or ``phrases``) is career text too, whatever
    its words: "Management plays favorites" (VADER reads "favorites" as praise).

    Examples
    --------
    >>> is_career_text("Long hours and a tiny salary."), is_career_text("What a lovely film!")
    (True, False)
    >>> is_career_text("Got let go this morning, no severance.")
    True
    >>> is_career_text("Management plays favorites.")
    True
    """
    return _career_gate(text.lower(), career_topics() if topics is None else topics,
                        career_words() if words is None else words,
                        career_phrases() if phrases is None else frozenset(phrases))


def _career_gate(lower: str, topics: frozenset[str], words: dict[str, float],
                 phrases: frozenset[str] = frozenset()) -> bool:
    """:func:`is_career_text` of a lower-cased text."""
    found = _WORD.findall(lower)
    ratios = [r for r in map(words.get, found) if r is not None]
    mean = sum(ratios) / len(ratios) if ratios else -math.inf
    if mean >= GATE_MEAN:
        return True
    if (mean >= GATE_TOPIC_MEAN or len(ratios) >= GATE_LONG) and not topics.isdisjoint(found):
        return True
    if not phrases:
        return False
    index = _phrase_index(phrases)
    # within one clause, as the scorer matches phrases: "laid, off" holds no "laid off"
    return _has_phrase(found, index) and any(
        _has_phrase(_WORD.findall(part), index) for part in _CLAUSE_MARK.split(lower))


def load_lexicon(path: str | Path) -> dict[str, float]:
    """Read a lexicon file: one ``term<TAB>valence[<TAB>...]`` a line (``#`` comments and a
    ``term	valence`` header allowed); terms may be phrases ("long hours")."""
    p = Path(path)
    if not p.is_file():
        raise InputError("E021", f"Lexicon file {str(path)!r} does not exist.",
                         "Pass the path of a tab-separated term/valence file, or None.")
    return _parse_lexicon(p.read_text("utf-8"), p.name)
