"""Cue matching shared by the reason and theme components.

Cue phrases (from the codebook and ``data/rules.yaml``) are matched twice with spaCy's
``PhraseMatcher``, on lower-case forms and on lemmas, so "laid off" matches the cue "lay off" and
"underpaid" matches "underpaid" whatever the tagger thinks. Codebook ``patterns`` go to a
``Matcher``. Evidence units are sentences, further split at line breaks (a heading is a unit).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .codebook import Codebook

__all__ = ["CueMatcher", "Hit", "Relocation", "causative_verbs", "escape_verbs", "form_only_words",
           "frame_rules", "gain_words", "not_active_verb_words", "not_before_noun_words",
           "not_verb_words", "object_pronouns", "relocation_rules", "sentence_units",
           "separable_cues", "unit_index", "verb_only_words", "verb_particles"]


VERB_ONLY = "verb_only"
VERB_PARTICLES = "verb_particles"
NOT_VERB = "not_verb"
NOT_BEFORE_NOUN = "not_before_noun"
NOT_ACTIVE_VERB = "not_active_verb"
RELOCATION = "relocation"
ESCAPE = "escape"
GAIN = "gain"
CAUSATIVE = "causative"
FORM_ONLY = "form_only"
SEPARABLE = "separable"
OBJECT_PRONOUNS = "object_pronouns"
OTHER_SENSE = "other_sense"  # matched like a frame, dropped with the cues inside it
PURPOSE_MODALS = "purpose_modals"
FACTIVE = "factive"
_SETTINGS = (VERB_ONLY, NOT_VERB, NOT_BEFORE_NOUN, NOT_ACTIVE_VERB, ESCAPE, GAIN, CAUSATIVE,
             VERB_PARTICLES, FORM_ONLY, SEPARABLE, OBJECT_PRONOUNS, PURPOSE_MODALS, FACTIVE,
             RELOCATION)
_MAPPINGS = (SEPARABLE, RELOCATION)  # settings whose value is a mapping, not a list
_CUE_KINDS = ("cue", "problem")  # codebook cues; the other kinds are frame cues
LEAVE = "leave"
_NOUNS = frozenset({"NOUN", "PROPN"})
_NOT_VERBS = frozenset({"NOUN", "ADJ", "ADV", "ADP"})  # not PROPN: a title's "Quit my job"
#: Dependents that make a word the verb of an active clause: "what broke me", "it broke down".
_ACTIVE_ARGUMENTS = frozenset({"nsubj", "dobj", "prt"})


@dataclass(frozen=True)
class Hit:
    """A cue found in a doc: ``key`` is a code id or a frame name; token offsets."""

    key: str
    kind: str  # "cue", "problem" or a frame name
    start: int
    end: int


@lru_cache(maxsize=1)
def _rules() -> dict[str, tuple[str, ...]]:
    return {k: tuple(str(v) for v in vs) for k, vs in _rules_yaml().items() if k not in _MAPPINGS}


@lru_cache(maxsize=1)
def _rules_yaml() -> dict:
    text = resources.files("careertext").joinpath("data/rules.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def frame_rules() -> dict[str, tuple[str, ...]]:
    """The frame cue lists of ``careertext/data/rules.yaml`` (cached)."""
    return {k: v for k, v in _rules().items() if k not in _SETTINGS}


def separable_cues() -> dict[tuple[str, str], frozenset[str]]:
    """Two-word cues that an object pronoun may split ("laid me off"), as (verb lemma,
    particle), each with the words that make another phrase right after the particle ("let me
    go home"); ``separable`` in ``rules.yaml``."""
    out = {}
    for phrase, words in _rules_yaml().get(SEPARABLE, {}).items():
        verb, particle = str(phrase).lower().split()
        out[(verb, particle)] = frozenset(str(w).lower() for w in words)
    return out


def verb_only_words() -> frozenset[str]:
    """One-word cues that count only where they are verbs (``verb_only`` in ``rules.yaml``)."""
    return frozenset(_rules().get(VERB_ONLY, ()))


def escape_verbs() -> frozenset[str]:
    """Verbs of a purpose clause of leaving that move away from a problem ("to escape the toxic
    culture"; ``escape`` in ``rules.yaml``)."""
    return frozenset(_rules().get(ESCAPE, ()))


@lru_cache(maxsize=1)
def gain_words() -> frozenset[str]:
    """Words of a problem cue that name what the next place gives ("better pay", "higher
    salary"; ``gain`` in ``rules.yaml``)."""
    return frozenset(_rules().get(GAIN, ()))


@lru_cache(maxsize=1)
def causative_verbs() -> frozenset[str]:
    """Verbs by which someone makes another leave ("fire", "let" go; ``causative`` in
    ``rules.yaml``): who leaves is their object."""
    return frozenset(_rules().get(CAUSATIVE, ()))


@lru_cache(maxsize=1)
def purpose_modals() -> frozenset[str]:
    """Modals after which a "so I" tells a purpose, not a motive ("so I could drive up";
    ``purpose_modals`` in ``rules.yaml``)."""
    return frozenset(_rules().get(PURPOSE_MODALS, ()))


@lru_cache(maxsize=1)
def factive_verbs() -> frozenset[str]:
    """Verbs whose negation leaves their complement true ("I could not believe they laid me
    off"; ``factive`` in ``rules.yaml``)."""
    return frozenset(_rules().get(FACTIVE, ()))


def verb_particles() -> frozenset[str]:
    """Particles that make another verb of a ``verb_only`` cue ("fired up", "left off")."""
    return frozenset(_rules().get(VERB_PARTICLES, ()))


def not_verb_words() -> frozenset[str]:
    """One-word cues that count only where they are no verbs (``not_verb`` in ``rules.yaml``):
    a work "schedule", not "scheduled an interview"."""
    return frozenset(_rules().get(NOT_VERB, ()))


def not_before_noun_words() -> frozenset[str]:
    """One-word cues that do not count right before a noun (``not_before_noun`` in
    ``rules.yaml``): "corporate" as the head office ("orders from corporate"), not as a kind of
    job ("a corporate job", "corporate America")."""
    return frozenset(_rules().get(NOT_BEFORE_NOUN, ()))


def not_active_verb_words() -> frozenset[str]:
    """One-word cues that do not count where, in a parsed Doc, they have a subject, an object or
    a particle of their own (``not_active_verb`` in ``rules.yaml``): "broke" as no money ("I
    was broke"), not the verb of "what broke me" or "the system broke down"."""
    return frozenset(_rules().get(NOT_ACTIVE_VERB, ()))


@dataclass(frozen=True)
class Relocation:
    """When a verb of moving tells of moving house (``relocation`` in ``rules.yaml``): where it
    stands alone or goes to a place, not with an object other than ``keep_objects``, not in the
    passive, not with a word of ``not_with``, not to a common noun outside ``places`` after one
    of ``directions``."""

    verbs: frozenset[str]
    keep_objects: frozenset[str]
    not_with: frozenset[str]
    directions: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def relocation_rules() -> Relocation:
    """The ``relocation`` rules of ``rules.yaml`` (cached).

    >>> "move" in relocation_rules().verbs
    True
    """
    data = _rules_yaml().get(RELOCATION, {})
    return Relocation(**{f: frozenset(str(w).lower() for w in data.get(f, ()))
                         for f in ("verbs", "keep_objects", "not_with", "directions", "places")})


def object_pronouns() -> frozenset[str]:
    """Pronouns that may split a separable cue ("laid me off") or be the object that "leave"
    puts in a state ("it left me drained"); ``object_pronouns`` in ``rules.yaml``."""
    return frozenset(_rules().get(OBJECT_PRONOUNS, ()))


def form_only_words() -> frozenset[str]:
    """Cues matched as written, not by lemma (``form_only`` in ``rules.yaml``): "calling" is
    not "call"."""
    return frozenset(_rules().get(FORM_ONLY, ()))


def _form_only(phrase: str, form_only: frozenset[str]) -> bool:
    """Whether a cue is matched as written only: it is ``form_only`` or holds a word that is
    ("better pay" is not "well paid", its lemmas read backwards)."""
    words = phrase.lower()
    return words in form_only or any(w in form_only for w in words.split())


class CueMatcher:
    """Find codebook cues and frame cues in a Doc.

    Parameters
    ----------
    nlp : Language
        The pipeline; used to tokenise (and lemmatise, when it can) the cue phrases.
    codebook : Codebook
        Codes and their cues.
    frames : iterable of str
        Names of frame lists from ``data/rules.yaml`` to match too.
    """

    def __init__(self, nlp: Language, codebook: Codebook, frames: Iterable[str] = ()) -> None:
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.tokens = Matcher(nlp.vocab)  # topic patterns, for a Doc without tags
        self.all_tokens = Matcher(nlp.vocab)  # and those needing part-of-speech tags: one pass
        self._pos_patterns = False
        self._verb_only = verb_only_words()
        self._not_verb = not_verb_words()
        self._not_before_noun = not_before_noun_words()
        self._not_active_verb = not_active_verb_words()
        self._relocation = relocation_rules()
        self._particles = verb_particles()
        self._separable = separable_cues()
        self._pronouns = object_pronouns()
        # two-word cue -> its (key, kind)s, by lower-case words and (once built) by verb lemma
        self._pairs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self._keys: dict[int, tuple[str, str]] = {}
        self._done: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
        for code in codebook:
            phrases[(code.id, "cue")].extend(code.cues)
            phrases[(code.id, "problem")].extend(code.problem_cues)
            if code.patterns:  # topic cues, like ``cues`` ("$60K" names pay, it is no complaint)
                self.tokens.add(self._key(code.id, "cue"), list(code.patterns))
                self.all_tokens.add(self._key(code.id, "cue"), list(code.patterns))
            no_x = [_no_adj_pattern(c) for c in code.problem_cues if c.lower().startswith("no ")]
            if any(no_x):
                self.all_tokens.add(self._key(code.id, "problem"), [p for p in no_x if p])
                self._pos_patterns = True
        rules = frame_rules()
        for frame in dict.fromkeys((*frames, OTHER_SENSE)):  # other senses always
            phrases[(frame, frame)].extend(rules[frame])
        # Cue phrases are lemmatised with the pipeline's own components, so that both sides
        # agree; on first use, not here: while spacy.load builds the pipeline, the trained
        # weights are not loaded yet.
        self._nlp = weakref.ref(nlp)  # weak: shared matchers are kept per pipeline
        self._lemmas_pending = True
        self._lemma_phrases: list[tuple[str, list[str]]] = []
        for (key, kind), items in phrases.items():
            if not items:
                continue
            items = with_typographic_apostrophes(items)
            match_id = self._key(key, kind)
            self.lower.add(match_id, [nlp.make_doc(p) for p in items])
            self._lemma_phrases.append((match_id, items))
            for words in (p.lower().split() for p in items):
                if len(words) == 2 and tuple(words) in self._separable:
                    self._pairs[(words[0], words[1])].add((key, kind))

    def _build_lemma_patterns(self) -> None:
        nlp, self._lemmas_pending = self._nlp(), False
        if nlp is None:
            return
        lemma_pipes = [(n, p) for n, p in nlp.pipeline if n in {
            "tok2vec", "tagger", "attribute_ruler", "lemmatizer", "morphologizer"}]
        if not lemma_pipes:
            return
        form_only = form_only_words()
        for match_id, items in self._lemma_phrases:
            docs = [nlp.make_doc(p) for p in items if not _form_only(p, form_only)]
            for _name, proc in lemma_pipes:
                docs = [proc(d) for d in docs]
            self.lemma.add(match_id, [d for d in docs if any(t.lemma_ for t in d)])
            for d in docs:
                pair = (d[0].lemma_.lower(), d[-1].lower_)
                if len(d) == 2 and pair in self._separable:
                    self._pairs[pair].add(self._keys[self.vocab.strings[match_id]])

    @classmethod
    def shared(cls, nlp: Language, codebook: Codebook) -> CueMatcher:
        """One matcher per pipeline and codebook, with every frame of ``data/rules.yaml``: the
        reason and theme components share it, and it matches each Doc once for both."""
        per_nlp = _shared.setdefault(nlp, {})
        found = per_nlp.get(id(codebook))
        if found is None or found[0] is not codebook:
            per_nlp[id(codebook)] = found = (codebook, cls(nlp, codebook, tuple(frame_rules())))
        return found[1]

    def _key(self, key: str, kind: str) -> str:
        name = f"{key}\x1f{kind}"
        self._keys[self.vocab.strings.add(name)] = (key, kind)
        return name

    def __call__(self, doc: Doc) -> list[Hit]:
        """Return all hits, sorted by position, without duplicates (computed once per Doc)."""
        state = (len(doc), doc.has_annotation("LEMMA"), doc.has_annotation("POS"))
        done = self._done.get(doc)
        if done is not None and done[0] == state:
            return list(done[1])
        hits = self._match(doc)
        self._done[doc] = (state, tuple(hits))
        return hits

    def _match(self, doc: Doc) -> list[Hit]:
        found: set[tuple[str, str, int, int]] = set()
        has_lemmas = doc.has_annotation("LEMMA")
        if has_lemmas and self._lemmas_pending:
            self._build_lemma_patterns()
        matchers = [self.lower, self.lemma] if has_lemmas else [self.lower]
        if self._pos_patterns and doc.has_annotation("POS"):
            matchers.append(self.all_tokens)
        elif len(self.tokens):
            matchers.append(self.tokens)
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                key, kind = self._keys[match_id]
                found.add((key, kind, start, end))
        if self._pairs:
            found |= self._split_cues(doc, has_lemmas)
        if doc.has_annotation("POS"):
            parsed = doc.has_annotation("DEP")
            found = {h for h in found if not self._other_sense(doc, h[2], h[3], parsed)}
        found = _without_inner_cues(found)
        found = {h for h in found if h[1] != OTHER_SENSE}
        # full sort key: the order must not depend on set iteration (the process's hash seed)
        return [Hit(k, kind, s, e) for k, kind, s, e in sorted(found, key=lambda h: (h[2], h[3],
                                                                                    h[0], h[1]))]

    def _split_cues(self, doc: Doc, has_lemmas: bool) -> set[tuple[str, str, int, int]]:
        """Separable cues split by an object pronoun: "laid me off", "let her go" (not "let me go
        home", nor "let me go get it")."""
        found = set()
        for i in range(1, len(doc) - 1):
            if doc[i].lower_ not in self._pronouns:
                continue
            verb, particle = doc[i - 1], doc[i + 1]
            verb_forms = {verb.lower_, verb.lemma_.lower()} if has_lemmas else {verb.lower_}
            for form in verb_forms:
                pair = (form, particle.lower_)
                if pair not in self._separable or not self._pairs.get(pair):
                    continue
                after = doc[i + 2] if i + 2 < len(doc) else None
                if after is not None and (after.lower_ in self._separable[pair] or (
                        particle.pos_ == "VERB" and after.pos_ == "VERB")):
                    continue
                found.update((key, kind, i - 1, i + 2) for key, kind in self._pairs[pair])
        return found

    def _other_sense(self, doc: Doc, start: int, end: int, parsed: bool) -> bool:
        """A one-word cue of ``verb_only`` tagged as a noun, adjective, adverb or preposition
        ("into the fire", "sick leave"), or, in a parsed Doc, a verb with a particle of
        ``verb_particles`` ("fired off an email", "fired up", "where we left off"); a one-word
        cue of ``not_verb`` tagged as a verb ("scheduled an interview"); one of
        ``not_before_noun`` before a noun ("a corporate job"); in a parsed Doc, one of
        ``not_active_verb`` with a subject, an object or a particle ("what broke me", "the system
        broke down"); a verb of ``relocation`` that tells of no move of house ("we moved the
        release date", see :meth:`_relocates`); a "left" that leaves someone in a state ("it left
        me drained", see :meth:`_resultative`)."""
        if end - start != 1:
            return False
        t = doc[start]
        if t.pos_ == "VERB" and (t.lower_ in self._not_verb or t.lemma_.lower() in self._not_verb):
            return True
        if (t.lower_ in self._not_before_noun and end < len(doc)
                and doc[end].pos_ in _NOUNS):
            return True
        if parsed and t.lower_ in self._not_active_verb and any(
                c.dep_ in _ACTIVE_ARGUMENTS for c in t.children):
            return True
        if (parsed and t.pos_ == "VERB" and t.lemma_.lower() in self._relocation.verbs
                and not self._relocates(t)):
            return True
        words = self._verb_only
        if t.lower_ not in words and t.lemma_.lower() not in words:
            return False
        # Without a parse (tagger and senter only) a token's children are undefined: spaCy
        # reads them from unset tree fields and can crash.
        return t.pos_ in _NOT_VERBS or (parsed and (any(
            c.dep_ in ("prt", "advmod") and c.lower_ in self._particles for c in t.children)
            or self._resultative(t)))

    def _relocates(self, verb: Token) -> bool:
        """Whether a verb of ``relocation`` tells of moving house: "we moved across the country",
        "I moved my family to Ohio", not "we moved the release date", "I was moved to nights",
        "move forward" or "I moved to the data team" (see ``relocation`` in ``rules.yaml``)."""
        rules = self._relocation
        for c in verb.children:
            if c.dep_ == "nsubjpass" or (c.dep_ in ("advmod", "prt")
                                         and c.lower_ in rules.not_with):
                return False
            if c.dep_ == "dobj" and c.lemma_.lower() not in rules.keep_objects:
                return False
            if c.dep_ == "prep" and c.lower_ in rules.directions:
                place = next((g for g in c.children if g.dep_ == "pobj"), None)
                if (place is not None and place.pos_ == "NOUN"
                        and place.lemma_.lower() not in rules.places):
                    return False
        return True

    def _resultative(self, verb: Token) -> bool:
        """Whether "leave" puts its object pronoun in a state rather than departs: "it left me
        drained", "the interviews left me wanting more", "I left them shortstaffed" (an object
        pronoun, and a predicate of it or a subject that is a thing); "she left me", "I left
        them to join a startup" still tell of a departure."""
        if verb.lemma_.lower() != "leave":
            return False
        kids = list(verb.children)
        if not any(c.dep_ == "dobj" and c.lower_ in self._pronouns for c in kids):
            return False
        return any(c.dep_ == "oprd" or (c.dep_ == "nsubj" and c.lower_ in _THING_SUBJECTS)
                   or (c.dep_ in ("xcomp", "acomp") and c.tag_ in _STATES) for c in kids)


#: Subjects that are no person: "it left me drained" tells of no one leaving.
_THING_SUBJECTS = frozenset({"it", "this", "that", "which", "what"})
#: Tags of a predicate that tells the state an object is left in ("left me wanting more").
_STATES = frozenset({"VBG", "VBN", "JJ", "JJR"})


def _without_inner_cues(found: set[tuple[str, str, int, int]]) -> set[tuple[str, str, int, int]]:
    """Drop a code's cue that lies inside a longer cue of another code or inside a phrase of
    ``other_sense``: the longer phrase says what the words name ("health insurance" is pay, not
    health; "hiring manager" is the job search, not one's management; "career change" is no
    promotion; "paid off my loans" is no pay). A code that lists the longer phrase too keeps its
    cue. A phrase of ``other_sense`` drops a cue of the ``leave`` frame too ("get out of bed")."""
    cues = [h for h in found if h[1] in _CUE_KINDS or h[1] == LEAVE]
    longer = [h for h in found if h[3] - h[2] > 1 and (h[1] in _CUE_KINDS or h[1] == OTHER_SENSE)]
    if not longer:
        return found
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    starting: dict[int, list[tuple[str, str, int, int]]] = defaultdict(list)
    for h in cues:
        spans[h[0]].append((h[2], h[3]))
        starting[h[2]].append(h)
    inner = set()
    for code, kind, a, b in longer:
        for i in range(a, b):
            for h in starting.get(i, ()):
                if h[1] == LEAVE and kind != OTHER_SENSE:
                    continue
                if (h[0] != code and h[3] <= b and h[3] - h[2] < b - a
                        and not any(s <= a and b <= e for s, e in spans[h[0]])):
                    inner.add(h)
    return found - inner


def with_typographic_apostrophes(phrases: Iterable[str]) -> list[str]:
    """The phrases, then each one with an apostrophe once more with the typographic one:
    "wasn’t about" is "wasn't about" (spaCy neither lower-cases nor lemmatises "n’t" to "n't").

    >>> with_typographic_apostrophes(["don't quit", "stay"])
    ["don't quit", 'stay', 'don’t quit']
    """
    phrases = list(phrases)
    return phrases + [p.replace("'", "’") for p in phrases if "'" in p]


def unit_index(units: list[Span]) -> dict[int, int]:
    """Map each token index to the number of the sentence unit that holds it."""
    return {i: k for k, unit in enumerate(units) for i in range(unit.start, unit.end)}


#: spaCy's dependency labels of a subject (active and passive).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def has_subject(token: Token) -> bool:
    """Whether a word of the parse has a subject of its own (a clause: "they laid me off")."""
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def negator_before(token: Token, is_negator: Callable[[str], bool]) -> bool:
    """Whether ``is_negator`` holds for one of the three words before ``token``: the reach of
    VADER's "not"."""
    return any(is_negator(w.lower_) for w in token.doc[max(0, token.i - 3):token.i])


def negated_through_or(token: Token, is_negator: Callable[[str], bool]) -> bool:
    """Whether a negation reaches ``token`` through "or" / "nor", by spaCy's parse.

    ``token`` is a later conjunct after "or" / "nor" of a negated word (``is_negator`` holds
    for one of the three words before that word, or it has a ``neg`` child, or "no" as its
    determiner), has no negator of its own among the three words before it (a window of three
    words reaches it already) and no subject of its own (not "I didn't get the raise, or I
    would be happy"): "praise" in "no real feedback or praise", "burnout" in "I never had
    stress or burnout".
    """
    if token.dep_ != "conj":
        return False
    head = token.head
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") and head.i < c.i < token.i
               for c in head.children):
        return False
    if has_subject(token) or negator_before(token, is_negator):
        return False
    return negator_before(head, is_negator) or any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in head.children)


def _no_adj_pattern(cue: str) -> list[dict] | None:
    """For a cue "no X Y", a token pattern that also matches "no real X Y", "no clear X Y"."""
    words = cue.lower().split()
    if len(words) < 2 or words[0] != "no":
        return None
    return [{"LOWER": "no"}, {"POS": "ADJ", "OP": "+"}] + [{"LOWER": w} for w in words[1:]]


_units_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_shared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # nlp -> {id(codebook): ...}


def sentence_units(doc: Doc) -> Iterator[Span]:
    """Yield the doc's sentences, split further at line breaks and trimmed of white space.

    A heading or a list item on its own line is its own unit, even when the sentence splitter
    joined it to the next line. Computed once per doc (every careertext component needs them);
    the cache holds no reference to the doc and is checked against its length and sentence
    annotation.
    """
    key = (len(doc), doc.has_annotation("SENT_START"))
    cached = _units_cache.get(doc)
    if cached is None or cached[0] != key:
        cached = (key, [(u.start, u.end) for u in _sentence_units(doc)])
        _units_cache[doc] = cached
    return (doc[s:e] for s, e in cached[1])


def _sentence_units(doc: Doc) -> Iterator[Span]:
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text or "\n" in token.whitespace_:
                end = token.i if token.is_space else token.i + 1
                if end > start:
                    yield from _trimmed(doc, start, end)
                start = token.i + 1
        if sent.end > start:
            yield from _trimmed(doc, start, sent.end)


def _trimmed(doc: Doc, start: int, end: int) -> Iterator[Span]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end > start:
        yield doc[start:end]
