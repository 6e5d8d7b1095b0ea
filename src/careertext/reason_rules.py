"""The readings of a sentence's parse that :class:`careertext.reasons.ReasonExtractor` applies.

They decide whether a cue is a reason and whose move it tells of: the subjects of a leaving verb
(:func:`_leave_subject_tokens`), a negated cue (:func:`_negated`, through a factive verb, a subject
that names no one, or "or"), what a negated "it was" denies (:func:`_cleft_denied`), the motive a
motive word introduces (:func:`_motive_tokens`), the purpose clause of a leaving verb
(:func:`_purpose_tokens`), a feared layoff (:func:`_feared`, :func:`_fear_governs`), the voice of
a sentence (:func:`_voice`, :func:`_imperative`, :func:`_movers`) and its clauses
(:func:`_clauses`, :func:`_clause_text`), with the word sets they read (:data:`FIRST_PERSON`,
:data:`NEGATORS`, :data:`MODALS` ...). Without a dependency parse, each falls back to the words
alone or finds nothing.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .matching import (
    SUBJECT_DEPS,
    Hit,
    causative_verbs,
    factive_verbs,
    frame_rules,
    has_subject,
    negated_through_or,
)
from .vader import _CLAUSE_END

__all__ = [
    "CONTRAST", "FIRST_PERSON", "MODALS", "NEGATORS", "NO_ONE", "SECOND_PERSON", "THIRD_PERSON",
]

FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself"}
THIRD_PERSON = {"he", "she", "they", "them", "his", "her", "their", "people", "everyone",
                "everybody", "someone", "nobody", "employees", "workers", "many", "most"}
CONTRAST = {"but", "however", "although", "though", "while", "whereas", "yet", "except"}
SECOND_PERSON = {"you", "yourself", "yourselves"}
NEGATORS = {"not", "n't", "n’t", "never", "no", "nothing", "without"}
NO_ONE = {"nobody", "noone", "none", "neither"}
#: Marks at which the negation window before a cue stops: the scorer's clause ends
#: (:data:`careertext.vader._CLAUSE_END`), an opening bracket and dashes.
_WINDOW_STOPS = _CLAUSE_END | {"(", "—", "–"}
MODALS = {"might", "could", "may", "would", "will", "can", "should", "must"}


def _leave_subject_tokens(doc: Doc, leave: list[Hit]) -> set[int]:
    """Token indices inside the subjects of leave verbs ("my colleague" in "my colleague quit")."""
    out: set[int] = set()
    if not doc.has_annotation("DEP"):  # no parse: no tree to walk (spaCy may crash on one)
        return out
    for h in leave:
        verb = doc[h.start]
        for anchor in (verb, verb.head):
            for child in anchor.children:
                if child.dep_ in SUBJECT_DEPS:
                    out.update(t.i for t in child.subtree)
    return out


def _negated(doc: Doc, hit: Hit) -> bool:
    """Whether a cue is negated ("I never wanted to leave", "I didn't quit", "not a bad
    manager"), happens to no one ("nobody gets laid off") or is reached by a negation through
    "or" ("I never had stress or burnout")."""
    parsed = doc.has_annotation("DEP")
    window = list(doc[max(0, hit.start - 3):hit.start])
    # not across a clause mark ("No flexibility, no life."), and "not worth" negates the worth,
    # not what follows ("not worth this stress"); a negation of a factive verb is that verb's:
    # "I couldn't believe they fired me"
    marks = [k for k, t in enumerate(window) if t.text in _WINDOW_STOPS]
    if marks:
        window = window[marks[-1] + 1:]
    if any(t.lower_ in NEGATORS and not (parsed and _factive(t.head, hit.start))
           and not (t.i + 1 < hit.start and doc[t.i + 1].lower_ == "worth")
           for t in window):
        return True
    if not parsed:
        return False
    head = doc[hit.start]
    verb = doc[hit.start:hit.end].root
    return any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ == "neg" for c in head.head.children
        if head.dep_ in ("xcomp", "ccomp") and not _factive(head.head, hit.start)) or any(
        c.dep_ in SUBJECT_DEPS and _no_one(c) for c in verb.children) or (
        negated_through_or(verb, NEGATORS.__contains__))


_WH = frozenset({"how", "what", "whether", "if", "where", "when", "why", "who"})


def _factive(verb: Token, cue: int) -> bool:
    """Whether a negation on ``verb`` leaves the complement that holds the token ``cue`` true:
    "I never expected to be laid off", "I could not believe they laid me off" (``factive`` in
    ``rules.yaml``; "believe" only after "can" / "could": "I don't believe I was fired" denies
    the firing). Not a question between them ("I don't know how to get out")."""
    lemma = verb.lemma_.lower()
    if lemma not in factive_verbs() or any(
            t.lower_ in _WH for t in verb.doc[verb.i + 1:cue]):
        return False
    return lemma != "believe" or any(
        c.dep_ == "aux" and c.lower_ in ("can", "ca", "could") for c in verb.children)


def _no_one(subject: Token) -> bool:
    """Whether a subject names no one: "nobody there ever gets laid off", "no one quit", "none
    of us got fired"."""
    return subject.lower_ in NO_ONE or (
        subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children))


def _cleft_denied(unit: Span) -> set[int]:
    """The tokens of what a negated "it was" denies: "It was not the pay that made me quit", "It
    wasn't my manager, it was the hours" (a motive ruled out, like "it wasn't about the money").
    Not a description ("it was not a healthy place": no definite article or possessive) and not
    a superlative or "the only", "the same" ("It wasn't the greatest job")."""
    if not unit.doc.has_annotation("DEP"):
        return set()
    out: set[int] = set()
    for verb in unit:
        if verb.lemma_ != "be" or not any(
                c.lower_ in NEGATORS and c.dep_ in ("neg", "advmod") for c in verb.children):
            continue
        if not any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "that")
                   for c in verb.children):
            continue
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            mods = list(attr.children)
            if not any(m.dep_ == "det" and m.lower_ == "the" or m.dep_ == "poss" for m in mods):
                continue
            if any(m.tag_ in ("JJS", "RBS") or m.lower_ in ("only", "same") for m in mods):
                continue
            clauses = {x.i for m in mods if m.dep_ in ("relcl", "acl") for x in m.subtree}
            out.update(x.i for x in attr.subtree if x.i not in clauses)
    return out


def _hypothetical_tokens(doc: Doc, hypothetical: list[Hit]) -> set[int] | None:
    """The tokens a ``hypothetical`` frame makes not what happened: None for the whole sentence,
    or, when every hit is a concessive "even if", only the clauses they open (the subtree of the
    verb the "if" marks). "Even if the pay was good, I quit because of my boss" concedes the pay
    and asserts the rest (without a parse, or with the "if" hung elsewhere, the whole sentence
    stays hypothetical)."""
    if not doc.has_annotation("DEP"):
        return None
    out: set[int] = set()
    for hit in hypothetical:
        word = doc[hit.end - 1]
        if doc[hit.start:hit.end].text.lower() != "even if" or word.dep_ != "mark":
            return None
        out.update(t.i for t in word.head.subtree)
    return out


def _motive_tokens(doc: Doc, because: list[Hit]) -> set[int]:
    """The tokens of the motive a motive word introduces: the clause of "because" ("because my
    manager yelled"), the object of "because of", "due to" ("due to burnout"), what "the reason"
    is ("The reason I left was the culture")."""
    if not because or not doc.has_annotation("DEP"):
        return set()
    out: set[int] = set()
    for hit in because:
        t = doc[hit.start]
        if t.dep_ == "mark":
            out.update(x.i for x in t.head.subtree)
        elif t.dep_ == "prep":
            out.update(x.i for x in t.subtree)
        elif t.lemma_.lower() == "reason" and t.dep_ == "nsubj":
            out.update(x.i for c in t.head.children if c.dep_ in ("attr", "acomp", "ccomp")
                       for x in c.subtree)
    return out


def _purpose_tokens(doc: Doc, leave: list[Hit]) -> dict[int, str]:
    """The tokens of a purpose clause of a leaving verb, "to" and an infinitive ("I quit my job
    to be a freelancer", "I resigned to care for my mother", "quitting my job to travel"), each
    with the lemma of the clause's verb."""
    if not leave or not doc.has_annotation("DEP"):
        return {}
    out: dict[int, str] = {}
    for hit in leave:
        verb = doc[hit.start]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for clause in [*verb.children, *(g for o in objects for g in o.children)]:
            if clause.dep_ in ("xcomp", "advcl", "relcl") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                out.update((t.i, clause.lemma_.lower()) for t in clause.subtree)
    return out


def _feared(doc: Doc, hit: Hit, fears: list[Hit], clauses: dict[int, int]) -> bool:
    """Whether a fear or possibility word of the ``feared`` frame comes shortly before a cue, in
    its clause and with no punctuation between: "likely to get fired", "afraid of being laid
    off", "might get fired" (a modal verb only right before it); or, by the parse, governs it
    further away (see :func:`_fear_governs`). Where the cue's verb is a clause of its own, with
    a subject, after "and" or a conjunction ("I feared the worst and they laid me off", "I was
    worried about my mother when they laid me off"), only a word inside that clause counts."""
    root = doc[hit.start:hit.end].root if doc.has_annotation("DEP") else None
    own_clause = root is not None and root.dep_ in ("conj", "advcl") and has_subject(root)
    for f in fears:
        gap = doc[f.end:hit.start]
        if f.end > hit.start or clauses.get(f.start) != clauses.get(hit.start):
            continue
        if any(t.is_punct for t in gap):
            continue
        if own_clause and not root.left_edge.i <= f.start <= root.right_edge.i:
            continue
        limit = 1 if doc[f.start].tag_ == "MD" or doc[f.start].lower_ in MODALS else 5
        if len(gap) <= limit:
            return True
    return root is not None and _fear_governs(root)


#: Dependencies through which a word governs the cue it fears: its complement ("scared that
#: they would fire me", "threatened to fire me"), object ("fearing layoffs") or prepositional
#: object ("at risk of being laid off", "worried about layoffs").
_FEAR_PATH = frozenset({"xcomp", "ccomp", "conj", "pcomp", "pobj", "prep", "dobj", "acomp"})


def _fear_governs(token: Token, depth: int = 4) -> bool:
    """Whether a word of the ``feared`` frame governs a cue's word within ``depth`` steps of
    :data:`_FEAR_PATH` ("my inaction is making me scared that my manager will step in soon and
    fire me", "worried about layoffs"), or a modal verb of the frame is the auxiliary of its
    verb or of the verb it is coordinated with ("will step in soon and fire me"). A conjunct
    with a subject of its own is a new clause ("I feared the worst, and they laid me off")."""
    fears, modals = _fear_words()
    for _ in range(depth):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in token.children):
            return True
        if token.dep_ not in _FEAR_PATH or token.head is token or (
                token.dep_ == "conj" and has_subject(token)):
            return False
        modals = frozenset() if token.dep_ != "conj" else modals  # only on its own verb
        token = token.head
        if token.lower_ in fears:
            return True
    return False


@lru_cache(maxsize=1)
def _fear_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the ``feared`` frame that can govern what is feared (single words and the
    verb of "going to", "want to", ...; not "if", "whether", "in case") and its modal verbs."""
    words = {str(w).lower().split()[0] for w in frame_rules()["feared"]}
    return frozenset(words - MODALS - {"if", "whether", "in"}), frozenset(words & MODALS)


def _voice(unit: Span, frames, leave: list[Hit]) -> str:
    first = unit[0]
    # the leave verb, where the Doc is parsed (its children are undefined otherwise)
    verb = unit.doc[leave[0].start] if leave and unit.doc.has_annotation("DEP") else None
    movers = _movers(verb) if verb is not None else []
    if any(t.lower_ in FIRST_PERSON for t in movers):
        # the author leaves ("Forget it, I quit") or is made to ("they fired me", "Say what you
        # like, but I was let go"): their own move, whatever else the sentence looks like
        return "self"
    if (movers and verb.lemma_.lower() in causative_verbs()
            and not any(t.lower_ in SECOND_PERSON for t in movers)):
        # someone else is made to leave, by the author or not: "I had to let them go" (not the
        # reader: "if you get fired" is advice, as before)
        return "reported"
    if frames["advice"] or _imperative(unit) or (
        first.lower_ in {"don't", "never", "always", "do"} and "you" not in unit.text.lower()[:3]
        and first.dep_ != "nsubj"
    ):
        return "advice"
    author = any(t.lower_ in FIRST_PERSON for t in unit)
    if not leave and author:
        # no one leaves here, and the author is in it: "my boss started yelling at me", "most of
        # us are underpaid" tell the author's own experience
        return "self"
    subjects = [t for t in unit if t.dep_ in SUBJECT_DEPS]
    if verb is not None:
        # the subject of the leave verb itself decides: "my colleague quit", "Dana resigned"
        # (not the subject of a verb above it: "The first reason I left was ...")
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if any(t.pos_ in ("NOUN", "PROPN") and t.lower_ not in FIRST_PERSON for t in own):
            return "reported"
        anchors = [verb, *verb.ancestors]
        near = [c for a in anchors for c in a.children if c.dep_ in SUBJECT_DEPS]
        subjects = own or near or subjects
    words = [t.lower_ for t in subjects] if subjects else [
        t.lower_ for t in unit if t.pos_ == "PRON" or t.lower_ in FIRST_PERSON | THIRD_PERSON]
    for w in words:
        if w in FIRST_PERSON:
            return "self"
        if w == "you":
            return "advice"
        if w in THIRD_PERSON:
            return "reported"
    if frames["reported"] and not author:
        return "reported"
    return "self"


def _imperative(unit: Span) -> bool:
    """Whether the sentence is an order: its main verb in the base form with no subject and no
    auxiliary ("Quit if ...", "Learn from my mistakes: quit a toxic job early."), unless it
    acts on the author's own ("Curse my managers.")."""
    root = unit.root if unit.doc.has_annotation("DEP") else None
    if root is not None and root.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl")
            for c in root.children) and not any(
            t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and t.lower_ in FIRST_PERSON
            for t in unit):
        # not where the author acts or is acted on ("please send me good vibes", "let's throw
        # me into some random job"): a request or a story, not advice to the reader
        return not _about_the_author(root)
    first = unit[0]
    return first.tag_ == "VB" and first.dep_ == "ROOT" and not _about_the_author(first)


def _about_the_author(verb: Token) -> bool:
    """Whether an opening verb's object is the author's own ("Curse my managers.", "Screw my
    job."): an outburst about the author's work, not an order to the reader ("Learn from my
    mistakes" has no such object)."""
    return any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in FIRST_PERSON
                                        for g in c.children) for c in verb.children)


def _movers(verb: Token) -> list[Token]:
    """Who leaves by a leaving verb: its subject, or its object when someone is made to leave
    ("they fired me"; not "my wife left me") or the subject under it ("they let me go"). The
    subject of a ``causative`` verb with an object is not among them ("I fired him")."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_ != "leave"]
    objects += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                for g in c.children if g.dep_ == "nsubj"]
    if objects and verb.lemma_.lower() in causative_verbs():
        return objects
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] + objects


def _clauses(unit: Span) -> dict[int, int]:
    """Map token index to a clause number: clauses split at contrast words and semicolons."""
    clause, out = 0, {}
    for t in unit:
        if t.lower_ in CONTRAST or t.text in {";", "—", "–"}:
            clause += 1
        out[t.i] = clause
    return out


def _clause_text(unit: Span, clauses: dict[int, int], c: int) -> str:
    return " ".join(t.text for t in unit if clauses[t.i] == c)
