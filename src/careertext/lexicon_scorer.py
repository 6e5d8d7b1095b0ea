"""The lexicon scorer: VADER's rules over VADER's lexicon, plus, for career text, the career
lexicon, the career layer and the readings of :mod:`careertext.career_rules`. Every contribution
keeps its offsets, so that each score can be explained (:mod:`careertext.sentiment`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .career_lexicons import career_layer, career_lexicon, load_lexicon
from .career_rules import (
    _CONDITION,
    _CONTINUE,
    _LACK,
    _LACK_CUES,
    _MIDDLING,
    _NEGATING_FIRSTS,
    _NO_INDICES,
    _NO_ONE,
    _NO_WORDS,
    _REGRET,
    _UNNEGATING,
    _WISH,
    _clause_lows,
    _condition_indices,
    _lack_targets,
    _middling_verdict,
    _negation_floors,
    _no_one_targets,
    _phrase_targets,
    _plenty_target,
    _rated_after,
    _regret_objects,
    _regret_targets,
    _some,
    _stop_targets,
    _unnegated,
    _utmost_possible,
    _utmost_targets,
    _wish_gap_aliases,
    _wish_targets,
)
from .vader import (
    _CLAUSE_END,
    _EMPH_RUN,
    _NONSPACE,
    _PUNCT,
    _SPECIAL_WORDS,
    _TRIGGERS,
    B_INCR,
    BOOSTERS,
    C_INCR,
    CONTRAST,
    N_SCALAR,
    _emoji_lexicon,
    _negated,
    _negation_check,
    _normalize,
    _punctuation_emphasis,
    _special_idioms_check,
    _strip_punc,
    vader_lexicon,
)


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

#: In career text a sentence that both praises and faults is ambivalent, and each of its
#: weights counts at this share (as VADER counts the words before "but"): reviewers who write
#: "good pay but awful management" give the middle of the scale. Among the Kaggle headlines,
#: those with weights of both signs that scored 0.5 to 0.7 came with 3.6 stars on average,
#: against 4.4 for those with weights of one sign; those that scored -0.5 or below with 2.8
#: stars, against 1.7.
AMBIVALENCE = 0.5
#: The share at which the faults of an ambivalent sentence with no contrast word count: a
#: list that praises and faults without saying which weighs more ("Good pay, long hours") is
#: nearer the fault. Among the Kaggle headlines such lists came with 3.16 stars on average
#: when the praise came first and 2.87 when the fault did, below the 3.44 of the headlines
#: that read neutral, yet they had read +0.08 and +0.03 on average (VADER rates praise
#: higher than faults: "great" 3.1, "poor" -2.1); with faults at 0.8 they read -0.04 and -0.08,
#: where the headlines of 2.9 to 3.4 stars read. With a contrast word its rule decides ("Good
#: pay but long hours": 3.12 stars, -0.16 on average).
AMBIVALENCE_FAULT = 0.8


def _ambivalent(contributions: list[list]) -> bool:
    """Whether the ``[start, end, weight]`` contributions hold weights of both signs.

    >>> _ambivalent([[0, 4, 1.9], [9, 14, -2.1]]), _ambivalent([[0, 4, 1.9], [9, 14, 0.4]])
    (True, False)
    """
    pos = neg = False
    for c in contributions:
        if c[2] > 0:
            pos = True
        elif c[2] < 0:
            neg = True
    return pos and neg


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
        # the rated words that a negation leaves to VADER's rule when it reaches them (then it
        # makes no negated word of the layer): every word of lex but a topic whose VADER
        # valence is another sense ("pay", -0.4), which reads nothing even negated, so that
        # "not enough pay" is the layer's to read
        self._reached = {t: v for t, v in self.lex.items()
                         if not (t in self.neutral and self.general[t] < 0)}
        self.contrast = tuple(contrast)
        self.layer = {t: v for t, v in (layer or {}).items() if not t.startswith(NEG_MARK)}
        # the layer's negated words ("¬listen": "they don't listen"), keyed by the word
        self.negated_layer = {t[1:]: v for t, v in (layer or {}).items()
                              if t.startswith(NEG_MARK)}
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
        for words, term in list(self._terms.items()):  # "could be a bit higher"
            for alias in _wish_gap_aliases(words):
                self._terms.setdefault(alias, term)
                sizes[alias[0]].add(len(alias))
        # nouns whose level the lexicon judges, "high" and "low" + the noun reading with
        # opposite signs ("high pay", "low pay"): their predicate reads as the pair
        dom = domain or {}
        self._levels = frozenset(t[5:] for t, v in dom.items() if t.startswith("high ")
                                 and v * dom.get(f"low {t[5:]}", 0.0) < 0)
        # nouns of a pair "word + noun" whose word a clause can predicate of the noun: "the
        # breaks are short" reads as "short breaks", "progression is limited" as "limited
        # progression"; "high" and "low" of the nouns of a level only, and of the words VADER
        # rates the words of a lack only: a pair of another rated word is often another sense,
        # whose predicate keeps VADER's reading ("hard work" praises effort, "the work is
        # hard" faults the job)
        predicated: dict[str, set[str]] = {}
        for term in dom:
            first, _, noun = term.partition(" ")
            if not (noun.isalpha() and first.isalpha()) or first in STOP_WORDS \
                    or noun in STOP_WORDS:
                continue
            if (noun in self._levels if first in _LEVEL_WORDS
                    else first not in self.general or first in _LACK):
                predicated.setdefault(noun, set()).add(first)
        self._predicated = {n: frozenset(s) for n, s in predicated.items()}
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
        for i, j, term, factor in _layer_terms(words, lower, self.contrast, lows,
                                                  self._reached):
            if i not in covered and j not in covered:
                out[term] = out.get(term, 0.0) + factor
        return out

    def _split(self, text: str, career: bool = True) -> list[tuple[int, int, str, bool]]:
        if not text.isascii():
            words = list(self._words(text))
        else:
            words = []
            for m in _NONSPACE.finditer(text):
                raw = m.group()
                word = raw.strip(_PUNCT)
                if len(word) <= 2 or word == raw:
                    words.append((m.start(), m.end(), raw, False))
                else:
                    off = m.start() + raw.find(word)
                    words.append((off, off + len(word), word, raw[-1] in _CLAUSE_END))
        if career and ("," in text or ";" in text):
            return _unglued(words)
        return words

    def score(self, text: str, career: bool = True, skip: frozenset[int] = frozenset(),
              negate: frozenset[int] = frozenset()) -> _Score:
        """Score one sentence; contributions are ``[start, end, weight]`` in ``text``.

        With ``career=False`` only VADER's lexicon and rules apply (the result is VADER's own
        score); with ``career=True`` the domain lexicon, "however" as a contrast word and the
        learned career layer apply too, and a sentence with contributions of both signs counts
        each at :data:`AMBIVALENCE`. Words starting at an offset in ``skip`` carry no
        valence (a "like" that is a preposition), those at an offset in ``negate`` are negated
        as after "not" (the later conjunct of a negated word, "no feedback or praise"); both
        come from spaCy's tags and parse, see :class:`SentimentScorer`.
        """
        lex = self.lex if career else self.general
        words = self._split(text, career)
        if not words:
            return _Score(0.0, 0.0, 0.0, 0.0, 0.0, 0, [])
        items_w = [w[2] for w in words]
        lower = [w.lower() for w in items_w]
        if career and "’" in text:  # "aren’t great" is "aren't great" (VADER knows only the latter)
            lower = [w.replace("’", "'") for w in lower]
        if career and not _UNNEGATING.isdisjoint(lower):  # "nothing but praise"
            lower = _unnegated(lower)
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
                                                                        starts, ends, skip)
        # career text: negation, degree and lack words reach no word of another clause
        lows = _clause_lows(text, starts) if career else None
        lows_w = lows if starts is starts_w or not lows else _clause_lows(text, starts_w)
        if career and _CONDITION in layer_lower:  # "limited unless you're friends with them"
            skip = skip | {starts_w[i] for i in _condition_indices(layer_lower, lows_w,
                                                     lex)}
        if career and (not _MIDDLING.isdisjoint(layer_lower) or "bad" in layer_lower):
            # a middling verdict on the whole: "Okay place to work", "Not bad"
            skip = skip | {starts_w[i] for i in _middling_verdict(layer_lower)}
        layer_hits = _layer_hits(self.layer, self._layer_firsts, words, layer_lower,
                                 self.contrast, covered, skip, lows_w, self.negated_layer,
                                 self._reached) \
            if career and (self.layer or self.negated_layer) else ()
        n = len(lower)
        sentiments = [0.0] * n
        boosters = BOOSTERS
        lacked = _lack_targets(lower, lex) if career and not _LACK_CUES.isdisjoint(lower) else {}
        if career and not _WISH.isdisjoint(lower):  # "the pay could be a bit better"
            lacked = {**lacked, **_wish_targets(lower, lex)}
        kept: dict[int, int] = {}
        if career and not _CONTINUE.isdisjoint(lower):
            # "I stopped enjoying the work"; "I never stopped loving it" (kept, not negated)
            ceased, kept = _stop_targets(lower, lex)
            lacked = {**lacked, **ceased}
        if career and not _NEGATING_FIRSTS.isdisjoint(lower):  # "rather than quality"
            lacked = {**lacked, **_phrase_targets(lower, lex)}
        if career and ("one" in lower or not _NO_ONE.isdisjoint(lower)):  # "nobody cares"
            lacked = {**lacked, **_no_one_targets(lower, lex)}
        regret = (_regret_targets(lower) if career and not _REGRET.isdisjoint(lower)
                  else _NO_INDICES)
        if regret:  # "I wish there was more flexibility": "flexibility" is lacking
            lacked = {**lacked, **_regret_objects(lower, regret, lex)}
        if lows and lacked:  # "very low, long hours": "low" lacks nothing after the comma
            lacked = {k: j for k, j in lacked.items() if lows[k] == lows[j]}
        utmost = (_utmost_targets(lower, lex) if career and _utmost_possible(lower)
                  else _NO_INDICES)
        neutral = self.neutral if career else _NO_WORDS
        # Fast path: a lexicon word with no rule word in the three before it scores its valence.
        trig = [w in _TRIGGERS or "n't" in w for w in lower]
        special = not _SPECIAL_WORDS.isdisjoint(lower)
        # career text: a negation reaches no word of a later negated item ("neither good nor
        # bad")
        floors = _negation_floors(lower, lex) if career and any(trig) else {}
        for i in range(n):
            low = lower[i]
            if low in boosters and (low not in lex or _boosts(lower, i, lex, neutral, lows)):
                # a word of degree; one the career lexicon rates too ("incredible") scores
                # itself where it boosts no rated word ("Exceptional pay", "is incredible")
                continue
            if low == "kind" and i < n - 1 and lower[i + 1] == "of":
                continue
            base = lex.get(low)
            # a phrase that opens with a "like" keeps its valence where the "like" alone, a
            # preposition, has none ("seen like a number")
            if base is None or (skip and starts[i] in skip and not low.startswith("like ")):
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
            lo = lows[i] if lows else 0
            if floors and i in floors:
                lo = max(lo, floors[i])
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
                prev = lower[i - start_i - 1] if i > start_i + lo else None
                if prev is not None and (prev not in lex or prev in boosters):
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
        contrasted = False
        for word in self.contrast if career else ("but",):
            if word in lower:
                contrasted = True
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
        if career and raw_total and _ambivalent(contributions):  # "good pay but long hours"
            fault = AMBIVALENCE if contrasted else AMBIVALENCE_FAULT
            for c in contributions:
                c[2] *= AMBIVALENCE if c[2] > 0 else fault
            raw_total = sum(c[2] for c in contributions)
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

    def _merge_phrases(self, words, items_w, lower, starts, ends, skip=frozenset()):
        """Merge the lexicon's phrases, and the predicates of a pair (:func:`_pair_predicate`:
        "the pay is quite low" as "low pay", "breaks are short" as "short breaks") other than
        those whose predicate starts at an offset in ``skip`` (the parse's reading of a lack:
        "stress is low")."""
        phrases, terms = self.phrases, self._terms
        out_w, out_l, out_s, out_e = [], [], [], []

        def emit(word: str, low: str, a: int, b: int) -> None:  # an item from word a to b
            out_w.append(word)
            out_l.append(low)
            out_s.append(starts[a])
            out_e.append(ends[b])

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
                    if term is not None and _in_one_clause(words, i, size):
                        if size > 1 and _compared(words, lower, i + size - 1, phrases, terms):
                            continue  # "treat you like family": the comparison's object decides
                        matched = size
                        emit(" ".join(items_w[i:i + size]), term, i, i + size - 1)
                        break
            if matched:
                covered.update(range(i, i + matched))
                i += matched
            elif ((said := self._predicated.get(lower[i])) is not None
                  and (k := _pair_predicate(words, lower, i, said)) > 0
                  and starts[k] not in skip and (term := terms.get((lower[k], lower[i])))):
                # "the pay is quite low" reads as "low pay": the predicate carries the pair,
                # the noun goes, the words between keep VADER's reach (degree, negation)
                for m in range(i + 1, k):
                    emit(items_w[m], lower[m], m, m)
                emit(items_w[k], term, k, k)
                covered.update((i, k))
                i = k + 1
            else:
                emit(items_w[i], lower[i], i, i)
                i += 1
        return out_w, out_l, out_s, out_e, covered


def _boosts(lower: list[str], i: int, lex: dict[str, float], neutral: frozenset[str],
            lows: list[int] | None) -> bool:
    """Whether the word of degree at ``i`` boosts a word after it, as VADER looks back three
    words from a rated one: a word ``lex`` rates (not a topic of ``neutral``) within three
    words, in the same clause (``lows``, :func:`_clause_lows`)."""
    for j in range(i + 1, min(len(lower), i + 4)):
        if lows and lows[j] != lows[i]:
            break
        w = lower[j]
        if lex.get(w) and w not in neutral and w not in BOOSTERS:
            return True
    return False


def _in_one_clause(words: list[tuple[int, int, str, bool]], i: int, size: int) -> bool:
    """Whether the ``size`` words from ``i`` stand in one clause: no clause mark (those of
    :data:`careertext.vader._CLAUSE_END`) after any of them but the last."""
    return not any(w[3] for w in words[i:i + size - 1])


def _compared(words: list[tuple[int, int, str, bool]], lower: list[str], j: int,
              phrases: dict[str, tuple[int, ...]], terms: dict[tuple[str, ...], str]) -> bool:
    """Whether word ``j`` is a "like" that opens a phrase of the lexicon within its clause (no
    clause mark of ``words`` before the phrase's last word): a phrase that ends in it ("treat
    you like", learned from faults, whose objects are mostly bad: "like a number") then yields
    to the comparison, whose object decides ("treat you like family" is praise).

    >>> terms = {("treat", "you", "like"): "treat you like", ("like", "family"): "like family"}
    >>> phrases = {"treat": (3,), "like": (2,)}
    >>> def words(*marks):
    ...     return [(0, 0, "", m) for m in marks]
    >>> _compared(words(0, 0, 0, 0, 0), "they treat you like family".split(), 3, phrases, terms)
    True
    >>> _compared(words(0, 0, 0, 0, 0), "they treat you like dirt".split(), 3, phrases, terms)
    False
    >>> _compared(words(0, 0, 0, 1, 0), "they treat you like family".split(), 3, phrases, terms)
    False
    """
    if lower[j] != "like":
        return False
    return any(tuple(lower[j:j + size]) in terms and _in_one_clause(words, j, size)
               for size in phrases.get("like", ()) if size > 1 and j + size <= len(lower))


#: A comma or semicolon glued between two letters ("Great colleagues,not so great management").
_GLUED = re.compile(r"(?<=[A-Za-z])[,;](?=[A-Za-z])")


def _unglued(words: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """``words`` with each word that holds a comma or semicolon glued between two letters split
    there, its first part ending a clause: reviews write lists without spaces
    ("Colleagues,Not so great management", "pay;hours"), where VADER's white-space split made
    one word of "Colleagues,Not" and so read no negation. Numbers ("10,000") stay whole.

    >>> [w[2] for w in _unglued([(0, 14, "Colleagues,Not", False), (15, 17, "so", False)])]
    ['Colleagues', 'Not', 'so']
    """
    out = []
    for start, end, word, clause in words:
        cuts = [m.start() for m in _GLUED.finditer(word)] if ("," in word or ";" in word) else ()
        if not cuts:
            out.append((start, end, word, clause))
            continue
        a = 0
        for c in cuts:
            out.append((start + a, start + c, word[a:c], True))
            a = c + 1
        out.append((start + a, end, word[a:], clause))
    return out


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


#: Marks a negated word of the career layer: "¬listen" is "listen" after a negation.
NEG_MARK = "\u00ac"
#: Negations that make no negated word of the layer: only a verb's do ("not", "never",
#: "don't", ...), not a pronoun's ("none", "nothing": "None that I know of" says there is
#: nothing to say).
_NOT_VERBAL = frozenset({"none", "nothing", "nowhere", "neither", "nor", "nope", "uhuh",
                         "uh-uh", "despite"})


#: The author as the subject of a negation ("I don't know", "I can't think of any") tells
#: the story or that there is nothing to say; a negated word of the layer is another's failing
#: ("they don't listen", "staff not paid").
_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "we", "we're",
                           "we've", "we'd"})
_BETWEEN = frozenset({"do", "did", "does", "am", "was", "have", "had", "just", "really",
                      "still", "honestly", "genuinely", "actually", "even", "would",
                      "could", "can", "will"})


def _layer_negation(lower: list[str], i: int, lows: list[int] | None,
                    lex: dict[str, float]) -> int:
    """The index of the negation that makes word ``i`` a negated word of the layer, or -1.

    It is a verb's negation among the three words before ``i`` in its clause (``lows`` as from
    :func:`_clause_lows`), whose subject is not the author or "we", and that reaches no word
    ``lex`` rates (among the three after it, or right after a plenty: "not a lot of pressure")
    and no rated comparative in the rest of its clause: such a negation is the lexicon's to read
    ("you don't get bored", "you will not find a much better employer").

    >>> _layer_negation("they don't listen".split(), 2, None, {})
    1
    >>> _layer_negation("i don't listen".split(), 2, None, {})
    -1
    >>> _layer_negation("you don't get bored".split(), 2, None, {"bored": -2.0})
    -1
    """
    lo = lows[i] if lows else 0
    for k in range(i - 1, max(lo, i - 3) - 1, -1):
        w = lower[k]
        if not _negated(w) or w in _NOT_VERBAL:
            continue
        j = k - 1
        while j >= lo and lower[j] in _BETWEEN:
            j -= 1
        if j >= lo and lower[j] in _FIRST_PERSON:
            return -1
        end = k + 1  # the end of the negation's clause
        while end < len(lower) and (not lows or lows[end] == lo):
            end += 1
        # it reaches a rated word (VADER's reach) or a rated comparative: the lexicon's to read
        if any(m < end for m in _rated_after(lower, lex, k + 1)) or any(
                lex.get(w, 0.0) > 0 and w.endswith("er") for w in lower[k + 1:end]) or (
                0 <= _plenty_target(lower, lex, k) < end):  # "not a lot of pressure"
            return -1
        return k
    return -1


#: The forms of "be": the copulas of the career layer's copula pairs ("were long"; see
#: ``scripts/build_career_layer.py``), whose pair holds across words of degree too: "the hours
#: are quite long", "shifts are a bit long" read as "are long" (VADER's degree words boost
#: rated words only, and the pair's words are not rated).
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_GAP_DEGREE = frozenset({w for w, v in BOOSTERS.items() if v > 0} | {"slightly", "somewhat"})
_GAP_SMALL = frozenset({"bit", "little"})  # after "a"


def _past_degree(words: list[tuple[int, int, str, bool]], lower: list[str], i: int) -> int:
    """The index of the word after the words of degree (at most three words: "quite", "very",
    "a bit", "a little", ...) that follow the copula at ``i`` in the same clause, or -1 when
    no such word follows it.

    >>> w = [(0, 0, "", False)] * 5
    >>> _past_degree(w, "hours are a bit long".split(), 1)
    4
    >>> _past_degree(w, "hours are long".split(), 1)
    -1
    """
    n = len(lower)
    k = i + 1
    while k < n and k - i <= 3 and not words[k - 1][3]:
        if lower[k] == "a" and k + 1 < n and lower[k + 1] in _GAP_SMALL and not words[k][3]:
            k += 2
        elif lower[k] in _GAP_DEGREE:
            k += 1
        else:
            break
    return k if i + 1 < k < n and not words[k - 1][3] else -1


#: The words of a level, which a clause predicates as a pair of the lexicon of the nouns of a
#: level only ("the pay is high"; not "the hours are high").
_LEVEL_WORDS = frozenset({"high", "low", "higher", "lower"})
_LEVEL_LINKS = _BE_FORMS | frozenset({"isn't", "aren't", "wasn't", "weren't", "seems", "seem",
                                      "seemed", "remains", "remain", "remained", "stays",
                                      "stay", "stayed"})
_LEVEL_MODALS = frozenset({"can", "could", "may", "might", "will", "would", "tends", "tend"})
_LEVEL_GAP = _GAP_DEGREE | frozenset({"too", "pretty", "relatively", "rather", "not", "never",
                                      "still"})
_AFTER_LEVEL = frozenset(STOP_WORDS) | frozenset({"compared", "considering", "given",
                                                  "relative", "overall", "especially"})


def _pair_predicate(words: list[tuple[int, int, str, bool]], lower: list[str], i: int,
                    predicates: frozenset[str]) -> int:
    """The index of the word of ``predicates`` that the clause predicates of the noun at ``i``,
    or -1 ("the pay is quite low", "morale remains high", "turnover isn't high", "pay can be
    low", "breaks are short"): a link verb (:data:`_LEVEL_LINKS`, after a modal "be" too), then
    at most four words of degree or negation, then the word, ending the clause or followed by a
    function word ("low for the area", "not high enough"), not by a noun it modifies ("is a
    high priority", "was high school").

    >>> w, levels = [(0, 0, "", False)] * 6, frozenset({"high", "low"})
    >>> _pair_predicate(w, "the pay is quite low".split(), 1, levels)
    4
    >>> _pair_predicate(w, "turnover isn't high".split(), 0, levels)
    2
    >>> _pair_predicate(w, "pay is a high priority".split(), 0, levels)
    -1
    >>> _pair_predicate([(0, 4, "pay,", True), *w], "pay can be low".split(), 0, levels)
    -1
    """
    n = len(lower)
    k = i + 1
    if words[i][3]:  # a clause mark right after the noun
        return -1
    if k + 1 < n and lower[k] in _LEVEL_MODALS and lower[k + 1] == "be" and not words[k][3]:
        k += 1
    if k >= n or lower[k] not in _LEVEL_LINKS:
        return -1
    k += 1
    while k < n and k - i <= 6 and not words[k - 1][3]:
        w = lower[k]
        if w in predicates:
            return k if k + 1 == n or words[k][3] or lower[k + 1] in _AFTER_LEVEL else -1
        if w == "a" and k + 1 < n and lower[k + 1] in _GAP_SMALL:
            k += 2
        elif w in _LEVEL_GAP:
            k += 1
        else:
            return -1
    return -1


def _layer_terms(words: list[tuple[int, int, str, bool]], lower: list[str],
                 contrast: tuple[str, ...], lows: list[int] | None,
                 lex: dict[str, float]) -> Iterator[tuple[int, int, str, float]]:
    """Word indices (first, last), text and rule factor (:func:`_layer_factor`) of each word
    and of each pair of neighbouring words not separated by a clause mark, and, for a negated
    word, the word marked by :data:`NEG_MARK` with the factor unnegated; ``lows`` as from
    :func:`_clause_lows`."""
    n = len(lower)
    cut = _contrast_at(lower, contrast)
    for i, w in enumerate(lower):
        factor = _layer_factor(lower, i, cut, lows[i] if lows else 0)
        yield i, i, w, factor
        if factor < 0 and _layer_negation(lower, i, lows, lex) >= 0:
            yield i, i, NEG_MARK + w, factor / N_SCALAR
        if i + 1 < n and not words[i][3]:
            yield i, i + 1, f"{w} {lower[i + 1]}", factor
            if w in _BE_FORMS and (k := _past_degree(words, lower, i)) > 0:
                yield i, k, f"{w} {lower[k]}", factor  # "are quite long"


def _layer_hits(layer: dict[str, float], firsts: frozenset[str], words, lower,
                contrast: tuple[str, ...], covered: set[int],
                skip: frozenset[int], lows: list[int] | None, negated: dict[str, float],
                lex: dict[str, float]) -> list[tuple[int, int, float]]:
    """The terms of :func:`_layer_terms` found in the layer, with their weights times their
    rule factors; words inside a phrase of the domain lexicon are left to it, and a single word
    starting at an offset in ``skip`` scores nothing (a noun, :func:`_layer_nouns`). (The
    same terms as :func:`_layer_terms`, found without building every pair.)"""
    get = layer.get
    n = len(lower)
    found = []  # (first, last, weight, the word whose rule factor applies)
    for i, w in enumerate(lower):
        if i in covered:
            continue
        v = get(w)
        if v is not None and not (skip and words[i][0] in skip):
            found.append((i, i, v, i))
        if w in firsts and i + 1 < n and not words[i][3] and i + 1 not in covered:
            v = get(f"{w} {lower[i + 1]}")
            if v is not None:
                found.append((i, i + 1, v, i))
            elif w in _BE_FORMS and (k := _past_degree(words, lower, i)) > 0 \
                    and k not in covered:
                v = get(f"{w} {lower[k]}")
                if v is not None:  # "are quite long"
                    found.append((i, k, v, i))
        if negated:
            v = negated.get(w)
            if v is not None:
                k = _layer_negation(lower, i, lows, lex)
                if k >= 0:  # from the negation to the word ("don't listen"), unnegated
                    found.append((k, i, v / N_SCALAR, i))
    if not found:
        return []
    cut = _contrast_at(lower, contrast)
    return [(i, j, v * _layer_factor(lower, at, cut, lows[at] if lows else 0))
            for i, j, v, at in found]


@lru_cache(maxsize=8)
def _scorer(lexicon: str | None, layer: bool = True) -> LexiconScorer:
    """The scorer of the career lexicon (or the lexicon file ``lexicon``), with the career layer
    unless ``layer`` is false (the reading of a text VADER rates nothing in)."""
    return LexiconScorer(career_lexicon() if lexicon is None else load_lexicon(lexicon),
                         layer=career_layer() if layer else None)
