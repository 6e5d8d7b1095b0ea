"""Reasons for leaving: the ``careertext_reasons`` component and :func:`extract_reasons`.

The extractor works sentence by sentence (a heading or list line is its own unit):

1. codebook cues find the codes a sentence talks about (topic cues and problem cues);
2. frame cues (``data/rules.yaml``) find links to leaving ("quit", "laid off", "want to leave"),
   motives ("because", "the last straw"), denials ("it wasn't about the money"), hypotheticals
   ("I would have stayed if ..."), advice ("you should") and reported subjects ("my colleague");
3. a code becomes a reason when the sentence links it to leaving, or when a document that tells of
   leaving judges it negatively (a problem cue, or a negative clause around the cue); praise in
   passing, denials and hypotheticals are mentions, not reasons;
4. voice comes from the subject (I / someone else / you, or an imperative), direction from the
   code and the sentence (a layoff is involuntary, an offer pulls).

The readings of a sentence's parse that steps 3 and 4 rely on (negation, denial, fear, motive and
purpose clauses, voice, clauses) live in :mod:`careertext.reason_rules`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import DocComponent, PlainData, ResultList
from .codebook import Codebook, resolve_codebook
from .errors import check_text
from .matching import (
    CueMatcher,
    Hit,
    escape_verbs,
    gain_words,
    purpose_modals,
    sentence_units,
    unit_index,
)
from .reason_rules import (
    FIRST_PERSON,
    _clause_text,
    _clauses,
    _cleft_denied,
    _feared,
    _hypothetical_tokens,
    _leave_subject_tokens,
    _motive_tokens,
    _negated,
    _purpose_tokens,
    _voice,
)

__all__ = [
    "Reason", "ReasonExtractor", "extract_reasons", "extract_reasons_many", "reasons_frame",
]


@dataclass(frozen=True)
class Reason(PlainData):
    """A reason for leaving, with the sentence that states it.

    Attributes
    ----------
    code : str
        Codebook id, e.g. ``"compensation"``.
    label : str
        Readable name of the code.
    direction : str
        ``"push"``, ``"pull"`` or ``"involuntary"``.
    voice : str
        ``"self"``, ``"reported"`` or ``"advice"``.
    evidence : str
        The sentence; equal to ``text[start:end]``.
    start, end : int
        Character offsets of the evidence in the analysed text.
    score : float
        Confidence in 0..1.
    cues : tuple of str
        What in the sentence made the decision (``"problem:underpaid"``, ``"leave:quit"`` ...).
    """

    code: str
    label: str
    direction: str
    voice: str
    evidence: str
    start: int
    end: int
    score: float
    cues: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from .display import reasons_html

        return reasons_html([self])


class ReasonList(ResultList):
    """A list of :class:`Reason` that renders as a table in Jupyter and converts to a DataFrame."""

    item_type = Reason

    def _repr_html_(self) -> str:
        from .display import reasons_html

        return reasons_html(self)


def reasons_from_data(obj: Doc | Span) -> tuple[Reason, ...]:
    """Turn the plain data of ``doc._.ct_reasons`` into :class:`Reason` objects (for a Span: the
    reasons whose evidence lies inside it)."""
    doc = obj.doc if isinstance(obj, Span) else obj
    data = doc._.ct_reasons or []
    lo, hi = (obj.start_char, obj.end_char) if isinstance(obj, Span) else (0, len(doc.text))
    return tuple(Reason.from_data(d, doc.text) for d in data
                 if lo <= d["start"] and d["end"] <= hi)


@lru_cache(maxsize=1)
def _polarity_scorer():
    from .lexicon_scorer import LexiconScorer

    return LexiconScorer()


@lru_cache(maxsize=65536)
def clause_polarity(text: str) -> float:
    """VADER compound score of a clause, in [-1, 1] (cached: clauses repeat across codes).

    Computed by careertext's re-implementation of VADER's lexicon and rules
    (:class:`careertext.lexicon_scorer.LexiconScorer` without the career additions), a third faster
    than ``vaderSentiment`` and equal to it on all 1,811 clauses this component scored in 200
    Reddit posts (they differ on rare inputs: emoji with a variation selector, and a quirk of
    ``vaderSentiment``'s "but" rule when two words share a valence).
    """
    return _polarity_scorer().score(text, False).compound


class ReasonExtractor(DocComponent):
    """spaCy component that finds reasons for leaving (``nlp.add_pipe("careertext_reasons")``).

    Parameters
    ----------
    nlp : Language
        The pipeline it belongs to.
    name : str
        Component name.
    codebook : str, Codebook or None
        Path of a codebook file, a :class:`~careertext.codebook.Codebook`, or None for the
        bundled one.
    threshold : float or None
        Minimum score of a reason; None for the threshold chosen in training.
    evidence_threshold : float or None
        Once a code passes ``threshold`` somewhere in a document, its other sentences are returned
        too (as further evidence) when they score at least this; None for the value chosen in
        training (for the best sentence-level evidence F1 under cross-validation).
    model : str or None
        Path of a scorer JSON; None for the bundled ``data/reason_model.json``.
    use_model : bool
        False to score with the hand-written rule score alone.
    """

    def __init__(self, nlp: Language, name: str = "careertext_reasons", *,
                 codebook: str | Codebook | None = None, threshold: float | None = None,
                 evidence_threshold: float | None = None, model: str | None = None,
                 use_model: bool = True) -> None:
        self.name = name
        self.codebook = resolve_codebook(codebook)
        self.model = LinearScorer.load(model) if use_model else None
        # sentence lemmas as features, when the trained scorer was trained with them
        self.lexical = bool(self.model and self.model.meta.get("lexical"))
        default = self.model.threshold if self.model else 0.5
        self.threshold = float(default if threshold is None else threshold)
        trained = self.model.evidence_threshold if self.model else self.threshold
        self.evidence_threshold = min(self.threshold, float(
            trained if evidence_threshold is None else evidence_threshold))
        self.matcher = CueMatcher.shared(nlp, self.codebook)
        self._reason_codes = set(self.codebook.reason_ids)
        self._escape = escape_verbs()
        self._gain = gain_words()
        self._purpose_modals = purpose_modals()

    data_attr = "ct_reasons"

    # -- candidates and their features ---------------------------------------------------------
    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the reasons of ``doc`` as plain dicts, sorted by position."""
        scored = []
        for cand in self.candidates(doc):
            if not cand["blocked"]:
                score = self.model.score(cand["features"]) if self.model else cand["rule_score"]
                scored.append((cand, score))
        accepted = {cand["code"] for cand, score in scored if score >= self.threshold}
        return [{k: cand[k] for k in ("code", "label", "direction", "voice", "start", "end",
                                      "cues")} | {"score": round(score, 3)}
                for cand, score in scored
                if cand["code"] in accepted and score >= self.evidence_threshold]

    def candidates(self, doc: Doc) -> list[dict[str, Any]]:
        """Every (sentence, code) pair with a cue of the code, with the features the decision
        uses (``features``), the rule score, and whether a rule blocks it (``blocked``: the
        motive is denied or hypothetical)."""
        units = list(sentence_units(doc))
        if not units:
            return []
        unit_of = unit_index(units)
        per_unit: dict[int, list[Hit]] = defaultdict(list)
        for hit in self.matcher(doc):
            k = unit_of.get(hit.start)
            if k is not None and unit_of.get(hit.end - 1) == k:
                per_unit[k].append(hit)
        facts = {k: self._unit_facts(units[k], hits) for k, hits in per_unit.items()}
        leave_units = sorted(k for k, f in facts.items() if f["leave"])
        exit_voices = {facts[k]["voice"] for k in leave_units}
        context = {"n_units": len(units), "leave_units": leave_units, "exit_voices": exit_voices}
        out = []
        for k in sorted(facts):
            out.extend(self._unit_candidates(k, units[k], facts[k], context))
        return out

    def _unit_facts(self, unit: Span, hits: list[Hit]) -> dict[str, Any]:
        frames: dict[str, list[Hit]] = defaultdict(list)
        codes: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            if hit.kind in ("cue", "problem"):
                if hit.key in self._reason_codes:
                    codes[hit.key].append(hit)
            else:
                frames[hit.kind].append(hit)
        leave = [h for h in frames["leave"] + frames["want"] if not _negated(unit.doc, h)]
        if not frames["leave"] and not frames["want"]:
            # "so I could ..." away from any departure is a purpose, not a motive ("she let me
            # change my schedule so I could drive up")
            frames["because"] = [h for h in frames["because"] if not self._purpose_so(unit, h)]
        # A denied problem is no problem ("I did not have a bad manager", "I wasn't fired").
        denied = {h for hs in codes.values() for h in hs
                  if h.kind == "problem" and _negated(unit.doc, h)}
        # A feared layoff or firing ("likely to get fired") is no problem of the job's security
        # (it still tells of a possible departure, as a wish to leave does).
        clauses = _clauses(unit)
        feared = {h for h in codes.get("job_security", [])
                  if h.kind == "problem" and _feared(unit.doc, h, frames["feared"], clauses)}
        # A layoff or firing is itself a departure.
        leave += [h for h in codes.get("job_security", [])
                  if h.kind == "problem" and h not in denied]
        return {
            "frames": frames, "codes": codes, "leave": leave, "denied": denied,
            "feared": feared, "voice": _voice(unit, frames, leave), "clauses": clauses,
            "purpose": _purpose_tokens(unit.doc, frames["leave"] + frames["want"]),
            "motive": _motive_tokens(unit.doc, frames["because"]),
            # what a negated "it was" names is ruled out: "It was not the pay that made me quit"
            "cleft": _cleft_denied(unit),
        }

    def _purpose_so(self, unit: Span, hit: Hit) -> bool:
        """Whether a motive cue is a "so I" before a modal of ``purpose_modals``."""
        doc = unit.doc
        return (doc[hit.start].lower_ == "so" and hit.end - hit.start == 2
                and hit.end < unit.end and doc[hit.end].lower_ in self._purpose_modals)

    def _unit_candidates(self, k: int, unit: Span, facts: dict[str, Any],
                         context: dict[str, Any]) -> list[dict[str, Any]]:
        frames, codes, voice = facts["frames"], facts["codes"], facts["voice"]
        doc = unit.doc
        leave_units, exit_voices = context["leave_units"], context["exit_voices"]
        question = unit.text.rstrip().endswith("?")
        conceded = (_hypothetical_tokens(doc, frames["hypothetical"])
                    if frames["hypothetical"] else set())
        ruled_out_clauses = {facts["clauses"][h.start] for h in frames["ruled_out"]}
        distance = min((abs(k - j) for j in leave_units), default=99)
        first_person = any(t.lower_ in FIRST_PERSON for t in unit)
        leave_subjects = _leave_subject_tokens(doc, frames["leave"] + frames["want"])
        lexical = ({f"w={t.lemma_.lower() or t.lower_}": 1.0 for t in unit
                    if t.is_alpha and not t.is_stop} if self.lexical else {})
        out = []
        for code_id, hits in codes.items():
            code_clauses = {facts["clauses"][h.start] for h in hits}
            # a hypothetical holds the whole sentence, or a concessive "even if" its own clause
            hypothetical = conceded is None or any(h.start in conceded for h in hits)
            ruled_out = (bool(code_clauses & ruled_out_clauses)
                         or any(h.start in facts["cleft"] for h in hits))
            problem = [h for h in hits if h.kind == "problem"
                       and h not in facts["denied"] and h not in facts["feared"]]
            # every cue of the code sits in a denied problem: "I did not have a bad manager"
            denied = all(any(d.start <= h.start and h.end <= d.end for d in facts["denied"])
                         for h in hits)
            polarity = min(clause_polarity(_clause_text(unit, facts["clauses"], c))
                           for c in code_clauses)
            negative = bool(problem) or polarity <= -0.25
            praise = not problem and polarity >= 0.3
            pull_code = code_id == "new_opportunity"
            only_subject = all(set(range(h.start, h.end)) <= leave_subjects for h in hits)
            purpose = any(h.start in facts["purpose"] for h in hits)
            motive = any(h.start in facts["motive"] for h in hits)
            # "to escape the toxic culture", "to get away from my boss": away from a problem
            escape = purpose and any(facts["purpose"].get(h.start) in self._escape for h in hits)
            # every problem cue names what the next place gives, and a pull frame of its own
            # names that place: "the new company offered me higher pay" (not "I needed better
            # pay", whose "better" is the only pull cue)
            gain = bool(problem) and all(
                not self._gain.isdisjoint(doc[h.start:h.end].text.lower().split())
                for h in problem) and any(
                all(p.end <= h.start or h.end <= p.start for h in problem)
                for p in frames["pull"])
            rule = 0.0
            if facts["leave"] and (negative or frames["because"] or pull_code or purpose):
                rule = 0.9
            elif facts["leave"] and not praise:
                rule = 0.6
            elif exit_voices and negative and (voice in exit_voices or voice == "advice"):
                rule = 0.7 if problem else 0.55
            elif exit_voices and frames["because"] and not praise:
                rule = 0.55
            features = {
                "rule_score": rule,
                "problem": float(bool(problem)),
                "n_cues": min(len(hits), 3) / 3,
                "leave": float(bool(facts["leave"])),
                "want": float(bool(frames["want"])),
                "because": float(bool(frames["because"])),
                "purpose": float(purpose),
                "motive": float(motive),
                "pull_frame": float(bool(frames["pull"])),
                "question": float(question),
                "feared": float(bool(facts["feared"])),
                "polarity": polarity,
                "negative": float(negative),
                "praise": float(praise),
                "exit_doc": float(bool(exit_voices)),
                "near_leave_1": float(distance <= 1),
                "near_leave_3": float(distance <= 3),
                "voice_reported": float(voice == "reported"),
                "voice_advice": float(voice == "advice"),
                "first_person": float(first_person),
                "title": float(k == 0),
                "short_doc": float(context["n_units"] <= 12),
                "log_len": min(len(unit), 80) / 80,
                "only_subject": float(only_subject),
                f"code={code_id}": 1.0,
                f"problem&code={code_id}": float(bool(problem)),
            }
            if self.lexical:
                features.update(lexical)
            cues = [f"{h.kind}:{doc[h.start:h.end].text}" for h in hits]
            cues += [f"{name}:{doc[h.start:h.end].text}" for name in ("leave", "because", "want")
                     for h in frames[name]]
            if facts["feared"]:
                cues += [f"feared:{doc[h.start:h.end].text}" for h in frames["feared"]]
            if polarity and not problem:
                cues.append(f"polarity:{polarity:+.2f}")
            out.append({
                "code": code_id, "label": self.codebook.label(code_id),
                "direction": self._direction(code_id, problem, frames, polarity,
                                             purpose and not escape, gain),
                "voice": voice, "start": unit.start_char, "end": unit.end_char,
                "cues": list(dict.fromkeys(cues)), "features": features, "rule_score": rule,
                "blocked": ruled_out or denied or hypothetical or only_subject or
                           (question and not facts["leave"]),
            })
        return out

    def _direction(self, code_id: str, problem: list[Hit], frames, polarity: float,
                   purpose: bool = False, gain: bool = False) -> str:
        if code_id == "job_security":
            return "involuntary" if problem else "push"
        if code_id == "new_opportunity":
            return "pull"
        if gain or (polarity >= 0 and (purpose or (frames["pull"] and not problem))):
            # the destination ("a new role", "an offer"), what it gives ("an offer with higher
            # pay") or the purpose of leaving ("I quit to go back to school")
            return "pull"
        return self.codebook[code_id].direction if code_id in self.codebook else "push"


class LinearScorer:
    """A logistic model over candidate features, loaded from JSON (``data/reason_model.json``).

    Trained by ``scripts/train_reasons.py`` on the development gold only.
    """

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 meta: dict[str, Any] | None = None,
                 evidence_threshold: float | None = None) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold
        self.evidence_threshold = threshold if evidence_threshold is None else evidence_threshold
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | None = None) -> LinearScorer | None:
        import json
        from importlib import resources

        if path is None:
            res = resources.files("careertext").joinpath("data/reason_model.json")
            if not res.is_file():
                return None
            data = json.loads(res.read_text("utf-8"))
        else:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        return cls(data["weights"], data["bias"], data["threshold"], data.get("meta"),
                   data.get("evidence_threshold"))

    def score(self, features: dict[str, float]) -> float:
        import math

        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# -- public API ---------------------------------------------------------------------------------
def _extractor_pipeline(nlp, codebook):
    from .pipeline import load_pipeline, with_components

    if codebook is None:
        return with_components(nlp, ["careertext_reasons"]), None
    base = load_pipeline(nlp)
    return base, _extractor_for(base, resolve_codebook(codebook))


_custom: dict[tuple[int, str], ReasonExtractor] = {}


def _extractor_for(nlp: Language, codebook: Codebook) -> ReasonExtractor:
    key = (id(nlp), codebook.fingerprint)
    if key not in _custom:
        _custom[key] = ReasonExtractor(nlp, codebook=codebook)
    return _custom[key]


def extract_reasons(text: str, *, nlp: Language | str | None = None,
                    codebook: Codebook | str | None = None) -> ReasonList:
    """Find the reasons a text gives for leaving a job, employer, role or field.

    Parameters
    ----------
    text : str
        Any text: an essay, a post, a review.
    nlp : Language, str or None
        The spaCy pipeline (or a model name); default :func:`careertext.load_pipeline`.
    codebook : Codebook, str or None
        A codebook or a path to one; default the bundled codebook.

    Returns
    -------
    ReasonList
        :class:`Reason` objects sorted by position, at most one per code and sentence, with
        ``text[r.start:r.end] == r.evidence``.

    Raises
    ------
    InputError
        If ``text`` is not a str.

    Examples
    --------
    >>> rs = extract_reasons("I quit my job last spring. I was underpaid and exhausted.")
    >>> [(r.code, r.direction, r.voice) for r in rs]
    [('compensation', 'push', 'self'), ('wellbeing_balance', 'push', 'self')]
    """
    check_text(text)
    return next(iter(extract_reasons_many([text], nlp=nlp, codebook=codebook)))


def extract_reasons_many(texts: Iterable[str], *, nlp: Language | str | None = None,
                         codebook: Codebook | str | None = None, n_process: int = 1,
                         batch_size: int = 64) -> Iterator[ReasonList]:
    """Stream :func:`extract_reasons` over many texts with ``nlp.pipe``.

    Texts longer than the pipeline's ``max_length`` are analysed in chunks; offsets always refer
    to the original text. Yields one :class:`ReasonList` per text, in order.

    Examples
    --------
    >>> out = list(extract_reasons_many(["I was laid off in May.", "I love my job."]))
    >>> [[r.code for r in rs] for rs in out]
    [['job_security'], []]
    """
    from .pipeline import pipe_texts, shifted

    pipeline, custom = _extractor_pipeline(nlp, codebook)
    data_of = custom.find if custom is not None else (lambda doc: doc._.ct_reasons)
    for text, parts in pipe_texts(pipeline, texts, n_process=n_process, batch_size=batch_size):
        found = [Reason.from_data(d, text) for d in shifted(parts, data_of)]
        found.sort(key=lambda r: (r.start, r.code))
        yield ReasonList(found)



def reasons_frame(essays: Iterable[Any], *, nlp: Language | str | None = None,
                  codebook: Codebook | str | None = None, n_process: int = 1,
                  batch_size: int = 64):
    """All reasons of a corpus as one pandas DataFrame, one row per reason.

    Parameters
    ----------
    essays : Corpus, iterable of Essay, or iterable of str
        What :func:`careertext.load_corpus` returns, or plain texts (ids ``text-0``, ...).

    Returns
    -------
    pandas.DataFrame
        Columns ``essay_id``, ``title`` and the fields of :class:`Reason`.

    Examples
    --------
    >>> df = reasons_frame(["I was laid off in May.", "I love my job."])
    >>> df[["essay_id", "code", "direction"]].values.tolist()
    [['text-0', 'job_security', 'involuntary']]
    """
    import pandas as pd

    meta: list[tuple[str, str | None]] = []

    def texts() -> Iterator[str]:
        for i, item in enumerate(essays):
            if isinstance(item, str):
                meta.append((f"text-{i}", None))
                yield item
            else:
                meta.append((str(item.id), getattr(item, "title", None)))
                yield check_text(item.text, f"essays[{i}].text")

    rows = []
    for i, found in enumerate(extract_reasons_many(texts(), nlp=nlp, codebook=codebook,
                                                   n_process=n_process,
                                                   batch_size=batch_size)):
        essay_id, title = meta[i]
        rows.extend({"essay_id": essay_id, "title": title, **r.to_dict()} for r in found)
    columns = ["essay_id", "title", *Reason.__dataclass_fields__]
    return pd.DataFrame(rows, columns=columns)
