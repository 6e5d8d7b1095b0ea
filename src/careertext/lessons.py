"""Lesson and advice passages: the ``careertext_lessons`` component and :func:`extract_lessons`.

The detector works sentence by sentence (a heading or list line is its own unit, as in
:func:`careertext.matching.sentence_units`) and marks three kinds of passage:

- ``"lesson"``: a lesson the author draws from their own experience ("the lesson I learned",
  "I learned that", "looking back", "I should have");
- ``"advice"``: advice to the reader ("you should", "make sure", "don't be afraid to",
  imperatives: a sentence-initial base-form verb with no subject);
- ``"insight"``: a generalisation drawn from experience ("the best strategy is", "never ...",
  "nobody cares", "a job is just a job").

Cue phrases live in the package data file ``data/lesson_cues.yaml`` with three weight tiers; the
weights of the cues of a sentence are combined as ``1 - prod(1 - w)``, questions and past-tense
narration are damped, and a sentence whose score reaches ``min_score`` is kept. The kind is the
one with the highest score. On a blank pipeline (no tagger or parser) imperatives are recognised
from a list of verbs instead of tags.

Topic modelling of the passages (recurring lessons across essays) is in
:mod:`careertext.topics` (:class:`~careertext.topics.LessonModel`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .base import DocComponent, PlainData, ResultList
from .errors import check_text
from .matching import sentence_units, unit_index, with_typographic_apostrophes

__all__ = [
    "KINDS",
    "LessonDetector",
    "LessonList",
    "LessonPassage",
    "extract_lessons",
    "extract_lessons_many",
    "lesson_cues",
    "passages_from_data",
]

KINDS = ("lesson", "advice", "insight")
TIERS = ("strong", "medium", "weak")
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}


@lru_cache(maxsize=1)
def lesson_cues() -> dict[str, Any]:
    """The cue lists and weights of ``careertext/data/lesson_cues.yaml`` (cached)."""
    text = resources.files("careertext").joinpath("data/lesson_cues.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class LessonPassage(PlainData):
    """A lesson, piece of advice or generalisation, with its place in the text.

    Attributes
    ----------
    text : str
        The sentence; equal to ``source[start:end]``.
    start, end : int
        Character offsets in the analysed text.
    kind : str
        ``"lesson"``, ``"advice"`` or ``"insight"``.
    score : float
        Confidence in 0..1.
    cues : tuple of str
        What made the decision (``"lesson:looking back"``, ``"advice:imperative"`` ...).
    """

    quote_field = "text"

    text: str
    start: int
    end: int
    kind: str
    score: float
    cues: tuple[str, ...] = ()


class LessonList(ResultList):
    """A list of :class:`LessonPassage` that converts to a DataFrame."""

    item_type = LessonPassage

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(p.kind)}</td><td>{p.score:.2f}</td><td>{escape(p.text)}</td>"
            f"<td>{escape(', '.join(p.cues))}</td></tr>" for p in self)
        return ("<table><thead><tr><th>kind</th><th>score</th><th>passage</th><th>cues</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>")


def passages_from_data(obj: Doc | Span) -> tuple[LessonPassage, ...]:
    """Turn the plain data of ``doc._.ct_lessons`` into :class:`LessonPassage` objects (for a
    Span: the passages that lie inside it)."""
    doc = obj.doc if isinstance(obj, Span) else obj
    data = doc._.ct_lessons or []
    lo, hi = (obj.start_char, obj.end_char) if isinstance(obj, Span) else (0, len(doc.text))
    return tuple(
        LessonPassage.from_data(d, doc.text)
        for d in data if lo <= d["start"] and d["end"] <= hi
    )


class LessonDetector(DocComponent):
    """spaCy component that marks lesson and advice passages; made by
    ``nlp.add_pipe("careertext_lessons")``.

    Parameters
    ----------
    nlp : Language
        The pipeline it belongs to.
    name : str
        Component name.
    min_score : float
        Minimum score of a returned passage (0..1).

    Examples
    --------
    >>> from careertext.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> det = LessonDetector(nlp, "lessons")
    >>> doc = det(nlp("I worked there for ten years. Looking back, I stayed too long."))
    >>> [(d["kind"], doc.text[d["start"]:d["end"]]) for d in doc._.ct_lessons]
    [('lesson', 'Looking back, I stayed too long.')]
    """

    def __init__(self, nlp: Language, name: str = "careertext_lessons", *,
                 min_score: float = 0.5) -> None:
        self.name = name
        self.min_score = float(min_score)
        cues = lesson_cues()
        self.weights = {kind: {t: float(w) for t, w in cues["weights"][kind].items()}
                        for kind in KINDS}
        self.question_factor = float(cues.get("question_factor", 0.3))
        self.narrative_factor = float(cues.get("narrative_factor", 0.6))
        self.first_person_factor = float(cues.get("first_person_factor", 0.6))
        self.generic_weight = float(cues.get("generic_weight", 0.5))
        self.imperative_verbs = frozenset(cues.get("imperative_verbs", ()))
        self.imperative_skip = frozenset(with_typographic_apostrophes(
            str(w) for w in cues.get("imperative_skip", ())))
        self.boilerplate = frozenset(str(b).lower() for b in cues.get("boilerplate", ()))
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, tuple[str, str]] = {}
        for kind in KINDS:
            for tier in TIERS:
                items = with_typographic_apostrophes(
                    str(p) for p in (cues.get(kind) or {}).get(tier) or ())
                if items:
                    key = f"ct_lesson\x1f{kind}\x1f{tier}"
                    self._keys[self.vocab.strings.add(key)] = (kind, tier)
                    self.phrases.add(key, [nlp.make_doc(p) for p in items])
        # Token patterns that phrases cannot express.
        self.patterns = Matcher(nlp.vocab)
        for kind, tier, pattern in _TOKEN_PATTERNS:
            key = f"ct_lesson\x1f{kind}\x1f{tier}"
            self._keys[self.vocab.strings.add(key)] = (kind, tier)
            self.patterns.add(key, [pattern])

    data_attr = "ct_lessons"

    # -- the decision ---------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the passages of ``doc`` as plain dicts sorted by position."""
        units = list(sentence_units(doc))
        if not units:
            return []
        unit_of = unit_index(units)
        hits: dict[int, dict[tuple[str, str], str]] = {}
        matches = list(self.phrases(doc)) + list(self.patterns(doc))
        for match_id, start, end in matches:
            k = unit_of.get(start)
            if k is None or unit_of.get(end - 1) != k:
                continue
            kind, tier = self._keys[match_id]
            found = hits.setdefault(k, {})
            text = doc[start:end].text.lower()
            # Keep, per (kind, text), the strongest tier; a longer cue replaces its parts below.
            found.setdefault((kind, text), tier)
        tagged = doc.has_annotation("TAG")
        parsed = doc.has_annotation("DEP")
        out = []
        for k, unit in enumerate(units):
            if unit.text.lower().strip("#*- \t") in self.boilerplate:
                continue
            imperative = self._imperative(unit, tagged, parsed)
            unit_hits = hits.get(k, {})
            if not unit_hits and not imperative:
                continue
            result = self._score(unit, unit_hits, imperative, tagged)
            if result is None:
                continue
            kind, score, cues = result
            if _heading(unit) and not imperative:
                continue
            if score >= self.min_score:
                out.append({"start": unit.start_char, "end": unit.end_char, "kind": kind,
                            "score": round(score, 3), "cues": cues})
        return out

    def _score(self, unit: Span, hits: dict[tuple[str, str], str], imperative: bool,
               tagged: bool) -> tuple[str, float, list[str]] | None:
        # Drop cues contained in a longer cue of the same kind ("you" inside "you should").
        texts = sorted(hits, key=lambda kt: -len(kt[1]))
        kept: list[tuple[str, str, str]] = []
        for kind, text in texts:
            if any(kind == k2 and f" {text} " in f" {t2} " for k2, t2, _ in kept):
                continue
            kept.append((kind, text, hits[(kind, text)]))
        generic = _generic(unit) if tagged and unit.doc.has_annotation("DEP") else None
        scores = {}
        cues: dict[str, list[str]] = {kind: [] for kind in KINDS}
        for kind in KINDS:
            rest = 1.0
            for k2, text, tier in kept:
                if k2 == kind:
                    rest *= 1.0 - self.weights[kind][tier]
                    cues[kind].append(f"{kind}:{text}")
            if kind == "advice" and imperative:
                rest *= 1.0 - self.weights["advice"]["strong"]
                cues[kind].append("advice:imperative")
            if generic == kind:
                rest *= 1.0 - self.generic_weight
                cues[kind].append(f"{kind}:generic-present")
            scores[kind] = 1.0 - rest
        strong = any(tier == "strong" for _, _, tier in kept) or imperative
        text = unit.text.rstrip()
        if text.endswith("?"):
            asks = text.lower().startswith(_QUESTION_STARTS)
            factor = 0.8 if strong and not asks else self.question_factor
            scores = {k: v * factor for k, v in scores.items()}
        if tagged and scores["lesson"] < self.weights["lesson"]["medium"]:
            if _narrative(unit):
                scores["advice"] *= self.narrative_factor
                scores["insight"] *= self.narrative_factor
            if _first_person(unit):
                scores["insight"] *= self.first_person_factor
        kind = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
        # A lesson voiced as advice ("I learned that you should ...") stays a lesson.
        score = 1.0 - (1.0 - scores[kind]) * (1.0 - 0.5 * max(
            v for k, v in scores.items() if k != kind))
        if score <= 0:
            return None
        all_cues = cues[kind] + [c for k in KINDS if k != kind for c in cues[k]]
        return kind, min(score, 0.99), all_cues

    def _imperative(self, unit: Span, tagged: bool, parsed: bool) -> bool:
        """Whether the unit (or its main clause) is an imperative."""
        if unit.text.rstrip().endswith("?"):
            return False
        words = [t for t in unit if not (t.is_punct or t.is_space or t.like_num)]
        # Skip list markers and leading adverbs ("Just apply", "Always negotiate", "Don't stay").
        i = 0
        while i < len(words) and i < 4 and words[i].lower_ in self.imperative_skip:
            i += 1
        if i >= len(words) or words[i].lower_ in _NOT_IMPERATIVE:
            return False
        verb = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if verb.i + 1 < len(unit.doc) and unit.doc[verb.i + 1].text == ":":
            return False  # "Update: ...", "Edit: ..." are labels
        if not tagged:
            return verb.lower_ in self.imperative_verbs and len(words) > 2
        base = not verb.lemma_ or verb.lemma_.lower() == verb.lower_
        if parsed and any(c.dep_ in _SUBJECTS and not c.is_punct
                          for c in verb.children if c.i < verb.i):
            return False
        if verb.lower_ in self.imperative_verbs and base and verb.tag_ in _VERBISH and (
                nxt is None or nxt.tag_ not in _FINITE) and verb.dep_ not in _SUBJECTS:
            return True
        if verb.tag_ == "VB" and base and (not parsed or verb.dep_ in _CLAUSE_DEPS):
            return not parsed or not any(c.dep_ in _SUBJECTS and not c.is_punct
                                         for c in verb.children)
        if parsed:
            # "If the answer is yes, ask when ...": a base-form root with no subject or modal.
            root = unit.root
            return (root.tag_ == "VB" and (not root.lemma_ or root.lemma_ == root.lower_)
                    and root.i > unit.start and not any(
                        c.dep_ in _SUBJECTS or c.tag_ == "MD" or c.dep_ == "aux"
                        for c in root.children)
                    and any(t.text == "," for t in unit if t.i < root.i)
                    and root.lower_ not in _NOT_IMPERATIVE)
        return False


_NOT_IMPERATIVE = {"thank", "thanks", "bless", "please", "sorry", "hope", "wish", "welcome",
                   "congrats", "come", "join", "fuck", "imagine", "guess", "mind"}
_VERBISH = {"VB", "VBP", "NN", "NNP", "JJ"}
_FINITE = {"VBD", "VBZ", "VBP", "MD", "VBN"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "parataxis"}

_QUESTION_STARTS = ("should i", "do i", "am i", "is it", "can i", "how", "what", "why", "would",
                    "has anyone", "have you", "does anyone", "anyone", "any ")

_TOKEN_PATTERNS: list[tuple[str, str, list[dict[str, Any]]]] = [
    # "I (have) learned/learnt (that|to|how)", "taught me", "(it) took me years to"
    ("lesson", "strong", [{"LOWER": "i"}, {"LOWER": {"IN": ["have", "'ve", "’ve"]}, "OP": "?"},
                          {"LOWER": {"IN": ["learned", "learnt"]}},
                          {"LOWER": {"IN": ["that", "to", "how", "not", "never", "what"]}}]),
    ("lesson", "medium", [{"LOWER": {"IN": ["taught", "showed"]}}, {"LOWER": "me"}]),
    ("lesson", "weak", [{"LOWER": "took"}, {"LOWER": "me"}, {"IS_ALPHA": True, "OP": "?"},
                          {"LOWER": {"IN": ["years", "months", "decade", "while", "long"]}}]),
    # "the best/worst/smartest thing (I ever did | you can do)"
    ("insight", "medium", [{"LOWER": "the"},
                           {"LOWER": {"IN": ["best", "worst", "smartest", "biggest", "hardest",
                                             "most"]}},
                           {"LOWER": {"IN": ["thing", "decision", "move", "part", "important"]}}]),
    # "no amount of X is worth", "is never worth"
    ("insight", "strong", [{"LOWER": {"IN": ["is", "are", "'s", "’s"]}},
                           {"LOWER": {"IN": ["never", "not", "n't", "n’t", "always"]}},
                           {"LOWER": "worth"}]),
    # "you (really) should / shouldn't / need to"
    ("advice", "strong", [{"LOWER": "you"}, {"IS_ALPHA": True, "OP": "?"},
                          {"LOWER": {"IN": ["should", "must", "need", "needs", "ought"]}}]),
]


_FIRST_PERSON = {"i", "me", "my", "we", "our", "us"}


def _heading(unit: Span) -> bool:
    """A heading: a Markdown heading line, or a short line without final punctuation."""
    text = unit.text.strip()
    if text.startswith("#"):
        return True
    return len(text.split()) <= 6 and text[-1:] not in ".!?:;\"'”’)"


def _first_person(unit: Span) -> bool:
    """Whether the unit's main subject is the author ("I", "we", "my manager")."""
    if not unit.doc.has_annotation("DEP"):
        return False  # no parse: spaCy's Span.root and children are undefined (and may crash)
    root = unit.root
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    return any(s.lower_ in _FIRST_PERSON or any(c.lower_ in _FIRST_PERSON for c in s.children)
               for s in subjects)


_GENERIC_PRONOUNS = {"nobody", "everyone", "everybody", "people", "anyone", "anybody",
                     "someone", "somebody", "one", "most", "many", "few"}


def _generic(unit: Span) -> str | None:
    """A present-tense statement about people in general: ``"insight"`` when the subject is a
    gerund, a bare plural noun or "nobody"/"everyone" ("Referrals matter", "Asking for money
    feels risky"), ``"advice"`` when it is a generic "you" ("You will be rejected, often")."""
    root = unit.root
    if root.tag_ not in {"VBZ", "VBP", "VB", "MD"} or unit.text.rstrip().endswith("?"):
        return None
    if any(t.lower_ in _FIRST_PERSON for t in unit):
        return None
    if root.tag_ == "VB" and not any(c.tag_ == "MD" for c in root.children):
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    if not subjects:
        return None
    subj = subjects[0]
    if subj.lower_ == "you":
        return "advice"
    dets = [c for c in subj.children if c.dep_ in {"det", "poss"}]
    if subj.dep_ == "csubj" or subj.tag_ == "VBG":
        return "insight"
    if subj.lower_ in _GENERIC_PRONOUNS:
        return "insight"
    if subj.tag_ == "NNS" and not dets:
        return "insight"
    if subj.tag_ == "NN" and dets and dets[0].lower_ in {"a", "an", "every", "no", "any"}:
        return "insight"
    return None


def _narrative(unit: Span) -> bool:
    """Whether the unit narrates the past: a past-tense root (VBD) with a first-person or
    third-person subject."""
    roots = [t for t in unit if t.dep_ == "ROOT"] if unit.doc.has_annotation("DEP") else []
    if roots:
        return roots[0].tag_ == "VBD"
    return any(t.tag_ == "VBD" for t in unit[:4])


# -- public API -----------------------------------------------------------------------------------
def _lesson_pipeline(nlp):
    from .pipeline import with_components

    return with_components(nlp, ["careertext_lessons"])


def extract_lessons(text: str, *, nlp: Language | str | None = None) -> LessonList:
    """Find the lessons, advice and generalisations of a text.

    Parameters
    ----------
    text : str
        Any text: an essay, a post, a review.
    nlp : Language, str or None
        The spaCy pipeline (or a model name); default :func:`careertext.load_pipeline`.

    Returns
    -------
    LessonList
        :class:`LessonPassage` objects sorted by position, one per sentence at most, with
        ``text[p.start:p.end] == p.text``.

    Raises
    ------
    InputError
        If ``text`` is not a str.

    Examples
    --------
    >>> ps = extract_lessons("I stayed for eight years. Make sure you negotiate every offer.")
    >>> [(p.kind, p.text) for p in ps]
    [('advice', 'Make sure you negotiate every offer.')]
    """
    check_text(text)
    return next(iter(extract_lessons_many([text], nlp=nlp)))


def extract_lessons_many(texts: Iterable[str], *, nlp: Language | str | None = None,
                         n_process: int = 1, batch_size: int = 64) -> Iterator[LessonList]:
    """Stream :func:`extract_lessons` over many texts with ``nlp.pipe``.

    Texts longer than the pipeline's ``max_length`` are analysed in chunks; offsets always refer
    to the original text. Yields one :class:`LessonList` per text, in order.

    Examples
    --------
    >>> out = list(extract_lessons_many(["Never stay for loyalty alone.", "I had lunch."]))
    >>> [[p.kind for p in ps] for ps in out]
    [['advice'], []]
    """
    from .pipeline import pipe_texts, shifted

    pipeline = _lesson_pipeline(nlp)
    for text, parts in pipe_texts(pipeline, texts, n_process=n_process, batch_size=batch_size):
        data = shifted(parts, lambda doc: doc._.ct_lessons)
        found = [LessonPassage.from_data(d, text) for d in data]
        found.sort(key=lambda p: p.start)
        yield LessonList(found)
