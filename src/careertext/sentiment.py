"""Explainable, career-tuned sentiment: the ``careertext_sentiment`` component, :func:`sentiment`.

Scoring follows VADER (Hutto & Gilbert 2014) rule for rule: its lexicon (read from the installed
``vaderSentiment`` package, not copied), negation ("not good"), boosters and dampeners ("very",
"kind of"), ALL-CAPS emphasis, "!" and "?" emphasis and the contrast rule (the clause after "but"
counts 1.5 times, the one before half).

A document whose words are those of career text is read as career text (:func:`is_career_text`:
its content words are on average about twice as frequent in reviews and career posts as in
general English, ``data/career_words.tsv``; or a little less, and it names a workplace topic of
``data/career_topics.tsv``, nouns such as "salary", "colleagues", "workload" and rare words of
the career lexicon such as "understaffed"; or it is long and names one; or it holds a curated
phrase of the career lexicon, ``career_phrases()``, such as "laid off" or "plays favorites"),
and these are added there:

* a career lexicon (``data/career_lexicon.tsv``), learned from the pros/cons columns of
  Glassdoor reviews with smoothed log-odds and mapped to VADER's valence scale
  (``scripts/build_career_lexicon.py``). It is mostly phrases ("long hours", "laid off",
  "hard to progress") and lack/excess pairs ("no bonus", "lack of training", "too many
  meetings": a quantity word and a noun, with one learned valence per kind of pair); single
  words are few and strongly evaluative ("understaffed"), topic words ("management", "hours",
  "canteen") stay neutral alone, and VADER's own valences are never re-weighted (but for the
  American spellings of two curated words, "favoritism" and "favorites", which VADER rates
  positive: every term learned from the mostly British reviews has its American spelling
  too, "poorly organized" as "poorly organised"); but a VADER
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
* what one stopped doing is no longer done ("I stopped enjoying the work": "enjoying" negated),
  as is what one is unable, unwilling or reluctant to do ("unwilling to help"), and what is
  "less than" or "far from" good ("a less than ideal work-life balance");
* a typographic apostrophe is a straight one ("aren’t great" negated, as "aren't great" is);
* a comma glued between two letters separates words and clauses ("Great colleagues,not so
  great management": "great" negated);
* negation, degree and lack words reach no word of another clause ("No cons, great company":
  "great" is not negated), and a negation none beyond the next negated item of a list
  ("neither good nor bad": "bad" negated once, by "nor");
* a lack word negates its whole noun phrase, by spaCy's parse ("limited career growth
  opportunities", :mod:`careertext.parse_rules`), and the good words of its bare conjuncts
  ("lack of opportunities and incentives"); so does a lack said after the noun ("opportunities are
  limited"); a lack of a bad thing is good ("stress is minimal"); so is a negated plenty ("not a
  lot of opportunity": the good word beyond the reach of VADER's "not" negated), and "non"
  written apart before a good word ("non friendly environment");
* a condition is no fact: the good words of an "unless" clause carry no valence ("progression
  is limited unless you're friends with management");
* what no one does is not done ("nobody cares": "nobody" and "no one" negate as "not" does);
* a wish for more is a shortfall ("the pay could be better", "it would be nice if they
  listened", "salary can be made better", "should have better compensation": the positive
  word negated, and what "would be nice to" asks for: "would be nice to have better pay"),
  and so is a need for better ("needs to improve");
* "like" carries valence only as a verb: where spaCy's tagger calls it a preposition or a filler
  ("I felt like a number"), VADER's +1.5 is dropped (no tagger: VADER's rule); likewise
  "pretty" as an adverb of degree ("pretty toxic"), "certain" before a noun ("certain
  managers"), "clear" as evidence ("she made it clear I would not be promoted") and "well" of
  degree or as a discourse mark ("well below market", "Well, I quit"), and a "super" of
  degree reads as "very" ("the hours are super long" as "very long": VADER rates every "super"
  +2.9); a phrase of the
  lexicon that opens with such a "like" keeps its own valence ("like a number", "like
  family"), and a comparison decides for a phrase that ends in "like" ("treat you like
  family" is praise, although "treat you like" is learned from faults);
* a good noun judged bad by its adjective or verb, by spaCy's parse, is their topic and
  carries no valence ("poor job satisfaction", "the benefits are terrible", "bonuses were
  cut", "they cut my bonus", and a wish for more: "the benefits could be better": VADER had
  added "satisfaction" +1.9 to "poor" -2.1), with its good compounds ("growth opportunities
  are not good"); a predicate that only the career layer weighs judges too ("opportunities
  are political", "not meritocratic");
* a word VADER rates carries none in a compound that names a thing (``data/topic_compounds.yaml``:
  "good sick pay", "working bank holidays");
* a single word of the career layer scores only where spaCy's tagger does not call it a noun
  ("I sat with a patient" is no "be patient");
* a middling verdict on the whole reads neutral ("OK", "It was okay", "Not bad to work for"),
  and a wish for more keeps its phrase with a degree in it ("could be a bit higher") or in
  the past ("could have been higher"), and makes its good subject a topic ("bonuses could be
  higher");
* a sentence that both praises and faults is ambivalent: each of its weights counts half
  (:data:`careertext.lexicon_scorer.AMBIVALENCE`; "Good pay but awful management"), and where
  no contrast word says which weighs more, its faults count more
  (:data:`careertext.lexicon_scorer.AMBIVALENCE_FAULT`; "Great people, poor management"); so
  do the faulting sentences of a text that praises in others (:data:`MIXED_FAULT`).

Other documents are scored exactly as VADER scores them (``domain="general"``): the document
score is VADER's score of the whole text. But by default (``domain="auto"``) a document in
which VADER rates no word is read with the career lexicon and rules, without the layer, whose
weights are career senses ("rare", "driven"): the gate cannot place a short con such as "Red
tape everywhere", and VADER reads nothing there. ``domain="career"`` reads every document as
career text.

The scorer is a fast re-implementation that works on the sentence units of a spaCy ``Doc``
(:func:`careertext.matching.sentence_units`) and keeps every contribution with its character
offsets, so that each score can be explained. A sentence's ``compound`` is VADER's normalised
sum of its contributions; a career document's combines its sentences (:func:`_aggregate`).

Where it lives: this module holds the results, the component and the public functions;
VADER's constants, word lists and lexicon are in :mod:`careertext.vader`, the career data and
the domain gate in :mod:`careertext.career_lexicons`, the readings that work on a sentence's
words in :mod:`careertext.career_rules`, those that need spaCy's tags or parse in
:mod:`careertext.parse_rules`, and the scorer that applies them in
:mod:`careertext.lexicon_scorer`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import DocComponent
from .career_lexicons import (
    _career_gate,
    career_layer,
    career_lexicon,
    career_phrases,
    career_topics,
    career_words,
    is_career_text,
    load_lexicon,
)
from .errors import InputError, check_text
from .lexicon_scorer import AMBIVALENCE, AMBIVALENCE_FAULT, LexiconScorer, _Score, _scorer
from .parse_rules import (
    _compound_words,
    _degree_supers,
    _demand_predicates,
    _hard_to_reach,
    _judged_nouns,
    _lacked_phrases,
    _layer_nouns,
    _lost_things,
    _negated_conjuncts,
    _negated_objects,
    _valenceless_words,
    read_degree_as_very,
    topic_compounds,
)
from .vader import _LINE, ALPHA, _normalize, vader_lexicon

__all__ = [
    "Contribution", "LexiconScorer", "SentenceSentiment", "Sentiment", "SentimentScorer",
    "aspect_sentiment", "career_layer", "career_lexicon", "career_phrases", "career_topics",
    "career_words", "is_career_text", "load_lexicon", "merge_chunk_data", "sentiment",
    "sentiment_from_data", "sentiment_many", "topic_compounds", "vader_lexicon",
]


#: How ``domain`` reads a document: by the gate, always as career text, or as VADER does.
DOMAINS = ("auto", "career", "general")


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


#: In a career text that praises in some sentences and faults in others, each faulting
#: sentence weighs as much more as the faults of an ambivalent sentence do against its praise
#: (1.6). All Kaggle rows, parsed, career mode: AUC 0.9572 -> 0.9576, cons < 0 0.7858 -> 0.7952;
#: the project's rated tweets (auto) r 0.5122 -> 0.5169: "thank god it's friday... oh wait i work
#: saturday too :(" (rated -1.5) had read +0.02, now -0.19 (twenty-eighth session; 1.3 and 2.0
#: measured too).
MIXED_FAULT = AMBIVALENCE_FAULT / AMBIVALENCE


def _aggregate(sentences: list[dict[str, Any]], career: bool = True) -> dict[str, float]:
    """Combine sentence scores.

    ``compound = normalize(sum(raw) / sqrt(k))`` over the ``k`` sentences that carry sentiment:
    for one sentence this is VADER's own score, neutral sentences do not dilute it, and the
    evidence of several sentences adds up like a z-statistic (as ``sqrt(k)``) rather than
    linearly, so long essays do not all saturate at +-1 (on held-out Glassdoor reviews this beat
    the length-weighted mean of sentence compounds: AUC 0.947 vs 0.935). In career text
    (``career``), where sentences of both signs meet, the negative ones weigh
    :data:`MIXED_FAULT` times their raw score. ``neg``, ``neu`` and ``pos`` are length-weighted
    means.

    Examples
    --------
    >>> praise = {"raw": 2.0, "start": 0, "end": 9, "neg": 0, "neu": 0, "pos": 1}
    >>> fault = {"raw": -2.0, "start": 10, "end": 20, "neg": 1, "neu": 0, "pos": 0}
    >>> _aggregate([praise, fault])["compound"], _aggregate([praise, fault], False)["compound"]
    (-0.214, 0.0)
    """
    if not sentences:
        return {"compound": 0.0, "neg": 0.0, "neu": 0.0, "pos": 0.0}
    raw = combined_raw([_raw_of(d) for d in sentences], career)
    out = {"compound": round(_normalize(raw), 4)}
    weights = [max(1, d["end"] - d["start"]) for d in sentences]
    total = sum(weights)
    for key in ("neg", "neu", "pos"):
        value = sum(d[key] * w for d, w in zip(sentences, weights, strict=True)) / total
        out[key] = round(max(0.0, min(1.0, value)), 4)
    return out


def combined_raw(raws: list[float], career: bool = True) -> float:
    """The raw score of a document from its sentences' (see :func:`_aggregate`): ``sum(raw) /
    sqrt(k)``, a negative raw weighing :data:`MIXED_FAULT` times in career text whose
    sentences have both signs. The learning scripts evaluate with it, as the component scores.

    >>> combined_raw([2.0, -2.0]), combined_raw([2.0, -2.0], career=False), combined_raw([])
    (-0.848..., 0.0, 0.0)
    """
    if career and raws and min(raws) < 0 < max(raws):  # "Great team. Awful hours."
        raws = [r * MIXED_FAULT if r < 0 else r for r in raws]
    k = sum(1 for r in raws if r)
    return sum(raws) / math.sqrt(k) if k else 0.0


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
    career = data.get("domain") == "career"
    return _build(doc.text[lo:hi], {**_aggregate(sents, career), "sentences": sents}, lo)


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
        (:func:`is_career_text`), else ``"general"``, but for a document in which VADER rates
        no word and the career lexicon does (read as career text, without the layer); the
        choice is stored as ``doc._.ct_sentiment["domain"]``.

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
        self.phrases = career_phrases()

    data_attr = "ct_sentiment"

    def find(self, doc: Doc) -> dict[str, Any]:
        """The plain data stored on ``doc._.ct_sentiment`` (see :meth:`score_doc`)."""
        return self.score_doc(doc)

    def score_doc(self, doc: Doc) -> dict[str, Any]:
        """Return the plain data stored on ``doc._.ct_sentiment``."""
        text = doc.text
        lower = text.lower() if self.domain != "general" else ""
        if self.domain == "career" or (self.domain == "auto" and _career_gate(
                lower, self.topics, self.words, self.phrases)):
            return self._career_data(doc, text, lower, self.scorer)
        data, rated = self._general_data(doc, text)
        if self.domain == "auto" and not rated:
            # VADER rates no word of it: the career lexicon's reading, without the layer
            # ("Red tape, outdated tools": the gate cannot tell a short text's domain)
            scorer = _scorer(self.lexicon, layer=False)
            if scorer.score(text).contributions:  # it has a term of the career lexicon
                career = self._career_data(doc, text, lower, scorer)
                if career["compound"]:
                    return career
        return data

    def _career_data(self, doc: Doc, text: str, lower: str,
                     scorer: LexiconScorer) -> dict[str, Any]:
        """The plain data of ``doc`` read as career text by ``scorer``."""
        valenceless = [*_valenceless_words(doc, lower), *_compound_words(doc, lower)]
        negated = _negated_conjuncts(doc, lower)
        lacked, freed = _lacked_phrases(doc, text, scorer.lex, scorer.neutral)
        lacked += _hard_to_reach(doc, lower, scorer.lex)  # "hard to get holidays"
        lacked += _negated_objects(doc, text, lower, scorer.lex)  # "a fair chance"
        lacked += _lost_things(doc, lower, scorer.lex)  # "benefits were taken away"
        lacked += _demand_predicates(doc, text, lower)  # "progression can be challenging"
        if lacked:
            negated = [*negated, *lacked]
        if freed:  # "stress is minimal": the lack word carries no valence
            valenceless = [*valenceless, *freed]
        # "poor job satisfaction": the adjective judges, the noun is its topic
        judged = _judged_nouns(doc, scorer.lex, negated, scorer.neutral, scorer.layer,
                               scorer.negated_layer)
        if judged:
            valenceless = [*valenceless, *judged]
        layer_words = scorer.layer_words if doc.has_annotation("TAG") else None
        supers = _degree_supers(doc, lower)  # "super long" reads as "very long"
        read = read_degree_as_very(text, supers) if supers else text
        sentences = []
        for a, b in _unit_bounds(doc, text):
            skip, negate = _within(valenceless, a, b), _within(negated, a, b)
            r = scorer.score(read[a:b], True, skip, negate)
            if layer_words and r.contributions:  # a layer word that is a noun: scored again
                nouns = _layer_nouns(doc, text, a, r.contributions, layer_words)
                if nouns:
                    r = scorer.score(read[a:b], True, skip | nouns, negate)
            sentences.append(self._unit_data(text, a, b, r))
        return {**_aggregate(sentences), "domain": "career", "sentences": sentences}

    def _general_data(self, doc: Doc, text: str) -> tuple[dict[str, Any], bool]:
        """The plain data of ``doc`` read as VADER reads it, and whether VADER rates any of its
        words."""
        score = self.scorer.score
        bounds = _unit_bounds(doc, text)
        sentences, r = [], None
        for a, b in bounds:
            r = score(text[a:b], False)
            sentences.append(self._unit_data(text, a, b, r))
        # VADER's score of the whole text; a text that is one sentence unit has it already
        one = len(bounds) == 1 and text[bounds[0][0]:bounds[0][1]] == text.strip()
        whole = r if one else score(text, False)
        return ({"compound": whole.compound, "neg": whole.neg, "neu": whole.neu,
                 "pos": whole.pos, "raw": round(whole.raw, 4), "domain": "general",
                 "sentences": sentences}, bool(whole.contributions))

    def _unit_data(self, text: str, a: int, b: int, r: _Score) -> dict[str, Any]:
        """The plain data of the sentence unit ``text[a:b]`` scored ``r``."""
        d = {"start": a, "end": b, "compound": r.compound, "neg": r.neg, "neu": r.neu,
             "pos": r.pos, "raw": round(r.raw, 4)}
        if self.explain:
            d["contributions"] = [[a + s, a + e, text[a + s:a + e], round(w, 4)]
                                  for s, e, w in r.contributions]
        return d


_NO_SKIP: frozenset[int] = frozenset()


def _within(offsets, a: int, b: int) -> frozenset[int]:
    """The ``offsets`` in ``[a, b)``, relative to ``a`` (a sentence unit's words)."""
    return frozenset(o - a for o in offsets if a <= o < b) if offsets else _NO_SKIP


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
        agg = _aggregate(sentences, career=False)
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
