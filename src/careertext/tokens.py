"""Passage tokenising for the lesson topic model: lower-case lookup lemmas without stop words,
URLs or forum boilerplate (:func:`lemma_tokens`), as :class:`careertext.topics.LessonModel` uses.

Tokenising: a regular expression and spaCy's English lookup lemmas (``spacy-lookups-data``), not
``nlp.pipe``: on 2,000 Reddit posts it took 2 s against 235 s for ``nlp.pipe`` with only the
tok2vec, tagger, attribute ruler and lemmatiser enabled (same busy 2-core machine, same run), for
nearly the same lemmas on the content words that make up topics; a few context-free lookup errors
are fixed in ``LEMMA_FIXES``. ``Doc`` inputs use their own lemmas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["BOILERPLATE", "LEMMA_FIXES", "lemma_tokens"]

_TOKEN = re.compile(r"[a-z]+")
_POSSESSIVE = re.compile(r"'s\b")
_APOS = re.compile(r"'")
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|&\w+;|&#x?[0-9a-f]+;|\[[^\]]*\]\([^)]*\)")
# Forum and blog boilerplate, contractions' remains and filler that carry no lesson.
BOILERPLATE = frozenset("""
edit update tldr tl dr thanks thank lol lmao imo imho tbh idk btw deleted removed reddit sub
subreddit post op http https www com amp nbsp x200b etc yes yeah ok okay oh hey hi hello like
just really get got getting go going gone want know think thing things stuff lot lots way make
made say said tell told feel felt day days time times year years month months week weeks need
try use come came look good bad new old people guy guys maybe actually pretty probably
definitely literally basically kind sort bit anyway anyways also still even much many well
right sure able let ask asked kinda gonna wanna gotta don didn doesn isn wasn aren ve ll re im
ive dont cant wont thats theres youre
""".split())  # noqa: SIM905 - a word list is easier to read as text


# Lookup lemmas are context-free; these are wrong (or unreadable as labels) in career texts.
LEMMA_FIXES = {"matter": "matter", "data": "data", "programming": "programming",
               "programmer": "programmer", "better": "better", "media": "media",
               "savings": "savings", "engineering": "engineering", "learning": "learning",
               "training": "training", "meeting": "meeting", "building": "building",
               "staffing": "staffing", "feeling": "feeling", "less": "less", "united": "united",
               "earnings": "earnings", "offering": "offering", "coding": "coding",
               "working": "work", "left": "leave", "lead": "lead", "leads": "lead"}


@lru_cache(maxsize=1)
def _lemma_table():
    try:
        from spacy.lookups import load_lookups

        return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, OSError, ImportError, KeyError):  # spacy-lookups-data missing
        return {}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for w in STOP_WORDS} | BOILERPLATE
    # Apostrophes are dropped before lookup ("you'll" -> "youll"), so drop contractions too.
    contractions = {f"{a}{b}" for a in ("i", "you", "we", "they", "he", "she", "it", "that",
                                        "there", "who", "what")
                    for b in ("ll", "ve", "d", "re", "s", "m")}
    negations = {f"{v}nt" for v in ("do", "does", "did", "is", "are", "was", "were", "have",
                                    "has", "had", "would", "could", "should", "must", "need")}
    return frozenset(words | contractions | negations | {"cant", "wont", "aint", "shant"})


class _Lemmatizer:
    """Lower-case word tokens mapped to lookup lemmas, with a per-word cache."""

    def __init__(self) -> None:
        self.table = _lemma_table()
        self.stop = _stop_words()
        self.cache: dict[str, str | None] = {}

    def word(self, w: str) -> str | None:
        out = self.cache.get(w, "")
        if out != "":
            return out
        base = w.replace("’", "'")
        if base.endswith("'s"):
            base = base[:-2]
        base = base.strip("'")
        lemma = None
        if len(base) > 1 and base not in self.stop:
            lemma = LEMMA_FIXES.get(base) or (str(self.table.get(base, base)) if self.table
                                              else base)
            if lemma in self.stop or len(lemma) < 2:
                lemma = None
        self.cache[w] = lemma
        return lemma

    def __call__(self, text: Any) -> list[str]:
        if isinstance(text, str):
            low = _URL.sub(" ", text.lower()).replace("’", "'")
            words = _TOKEN.findall(_APOS.sub("", _POSSESSIVE.sub("", low)))
        else:  # a spaCy Doc or Span: use its lemmas where it has them
            words = [(t.lemma_ or t.text).lower() for t in text if t.is_alpha and not t.is_stop]
        out = []
        for w in words:
            lemma = self.word(w)
            if lemma is not None:
                out.append(lemma)
        return out


def lemma_tokens(texts: Iterable[Any]) -> list[list[str]]:
    """Tokenise texts the way :class:`LessonModel` does: lower-case lookup lemmas, without stop
    words, URLs or boilerplate.

    Examples
    --------
    >>> lemma_tokens(["I learned that managers matter."])
    [['learn', 'manager', 'matter']]
    """
    lem = _Lemmatizer()
    return [lem(t) for t in texts]
