"""The readings of career text that need spaCy's tags or parse (:class:`careertext.sentiment.
SentimentScorer` applies them): words that carry no valence by their tag or in a compound, a
lacked noun phrase, a negation through "or", and layer words that are nouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources

import yaml
from spacy.attrs import DEP, IDX
from spacy.tokens import Doc, Token

from .career_rules import _LACK, _NEED, _SMALL, _WISH, _some
from .matching import SUBJECT_DEPS, negated_through_or, negator_before
from .vader import _negated

_NO_LAYER: Mapping[str, float] = {}
_NOT_A_VERB = ("IN", "UH")  # "I felt like a number", "it was, like, fine"
_DEGREE_NEXT = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: The VADER words whose valence career text reads from spaCy's tags (:func:`_valenceless_words`).
TAG_READ_WORDS = frozenset({"like", "pretty", "certain", "clear", "well", "honest", "honestly",
                            "sure", "excel"})
_TAG_READ = re.compile(rf"\b(?:{'|'.join(sorted(TAG_READ_WORDS))})\b")
_CERTAIN_NEXT = _NOUN_TAGS | {"JJ"}
#: What follows an evidential "clear" ("it was clear that ...", "clear why they left").
_CLEAR_NEXT = frozenset({"that", "why", "what", "how", "whether", "who", "when", "where", "if"})
_CLEAR_VERBS = frozenset({"make", "become", "be", "seem", "get"})
#: What may stand before the "to" of a discourse "to be honest" ("Not much to be honest.", "The
#: pay was decent, to be honest"): not a verb or a pronoun ("needs to be honest", "I want them
#: to be honest").
_HONEST_NOT_AFTER = ("VB", "PRP", "MD")
#: What a "well" of degree goes before ("well below market", "well into the night").
_WELL_NEXT = frozenset({"below", "above", "over", "under", "beyond", "into", "past", "short",
                        "before", "after", "within", "outside"})


def _tokens_at(doc: Doc, starts: Iterable[int]) -> Iterator[Token]:
    """The tokens of ``doc`` that begin at the character offsets ``starts`` (ascending), where
    a regular expression found a word on the text: only those tokens are looked at, not every
    token of the Doc. An offset inside a token gives none."""
    offsets = doc.to_array(IDX).tolist()
    for at in starts:
        i = bisect_right(offsets, at) - 1
        if i >= 0 and offsets[i] == at:
            yield doc[i]


def _valenceless_words(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words that carry no valence in career text, by spaCy's tags: a "like"
    that is a preposition or an interjection (VADER rates every "like" +1.5, and career essays
    use it mostly as a preposition: "I felt like a number"), a "pretty" that is an adverb
    of degree before an adjective or adverb ("pretty toxic", "pretty much": VADER rates every
    "pretty" +2.2, so "My manager was pretty toxic." read positive), and a "certain" before a
    noun or an adjective, which picks some out rather than being sure ("certain managers", "a
    certain amount": VADER rates "certain" +1.1, and 114 of the 138 such uses in the Kaggle
    reviews are in cons), a "clear" that tells how plain a fact was, not that anything was
    good ("she made it clear I would not be promoted", "it became clear that ...", "to be
    clear": VADER rates every "clear" +1.6; see :func:`_evidential_clear`), a "well" that
    opens a sentence ("Well, I quit.") or tells a degree ("well below market", "well into the
    night"; VADER rates every "well" +1.1), the "sure" of "make sure" (VADER +1.3), and the
    discourse marks "to be honest" (:func:`_discourse_honest`) and "honestly" as an adverb of
    the sentence, before its head ("Honestly, the pay is low"; VADER +2.3 and +2.0; "they
    treated me honestly" keeps it), and "Excel" tagged as a noun, the spreadsheet ("manual
    work in Excel"; VADER rates the verb +2.0). ``lower`` is the Doc's text in lower case.
    Without a tagger, none."""
    found = [m.start() for m in _TAG_READ.finditer(lower)]
    if not found or not doc.has_annotation("TAG"):
        return []
    return [t.idx for t in _tokens_at(doc, found)
            if t.lower_ in TAG_READ_WORDS and _valenceless(t)]


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
    if word == "clear":
        return _evidential_clear(t)
    if word == "well":  # "Well, I quit."; "well below market"
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return after is not None and ((t.tag_ == "UH" and after.is_punct)
                                      or after.lower_ in _WELL_NEXT)
    if word == "sure":  # "make sure the work is done": to see to it, no confidence
        return t.i > 0 and doc[t.i - 1].lemma_.lower() == "make"
    if word == "honest":
        return _discourse_honest(t)
    if word == "honestly":  # "Honestly, nothing to add", "it honestly is the best place"
        return t.tag_ == "RB" and (t.i <= t.head.i or t.is_sent_start)
    if word == "excel":  # the spreadsheet ("manual work in Excel"), not the verb ("excel here")
        return t.tag_ in _NOUN_TAGS
    return nxt in _CERTAIN_NEXT  # "certain"


def _discourse_honest(t: Token) -> bool:
    """Whether "honest" is that of the discourse mark "to be honest", which vouches for what is
    said and rates nothing ("Not many cons, to be honest."): "to be" before it, and the "to"
    opening its clause, or "honest" closing one with no verb or pronoun before the "to"
    (:data:`_HONEST_NOT_AFTER`: "management needs to be honest", "I want them to be honest"
    keep VADER's valence)."""
    doc = t.doc
    if t.i < 2 or [w.lower_ for w in doc[t.i - 2:t.i]] != ["to", "be"]:
        return False
    to = t.i - 2
    before = doc[to - 1] if to > 0 else None
    if before is None or before.is_punct or before.pos_ == "CCONJ" or doc[to].is_sent_start:
        return True
    closes = t.i + 1 == len(doc) or doc[t.i + 1].is_punct
    return closes and not before.tag_.startswith(_HONEST_NOT_AFTER)


def _evidential_clear(t: Token) -> bool:
    """Whether the adjective "clear" tells how plain something was: before "that" or a
    question word ("clear that the team would go", "clear why"), after "to be" ("To be clear,
    ..."), or the predicate of "make" with "it" among the three words before it ("made it very
    clear"), or of "become", "be" ... so, when what follows goes on to the fact ("it became
    clear the team would go", "it was clear to me"; not "it is clear and easy to use"). "The
    goals were clear" and "a clear career path" keep VADER's valence."""
    doc = t.doc
    if t.tag_ not in ("JJ", "JJR", "JJS"):
        return False
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _CLEAR_NEXT:
        return True
    before = [w.lower_ for w in doc[max(0, t.i - 3):t.i]]
    if before[-2:] == ["to", "be"]:
        return True
    if "it" not in before or t.head.lemma_ not in _CLEAR_VERBS:
        return False
    return t.head.lemma_ == "make" or (nxt is not None and nxt.pos_ not in ("CCONJ", "PUNCT"))


@lru_cache(maxsize=1)
def topic_compounds() -> dict[str, tuple[frozenset[tuple[str, ...]], frozenset[str]]]:
    """Compounds in which a word VADER rates names a thing, not a feeling (package data,
    ``data/topic_compounds.yaml``): word -> (the words before it, each a tuple as one or more
    words may be, and the words after it that make the compound). In career text the word
    carries no valence there (:func:`_compound_words`).

    Examples
    --------
    >>> compounds = topic_compounds()
    >>> "pay" in compounds["sick"][1] and ("bank",) in compounds["holidays"][0]
    True
    >>> ("during", "the") in compounds["holidays"][0]
    True
    """
    text = resources.files("careertext").joinpath("data/topic_compounds.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {word.lower(): (frozenset(tuple(w.lower().split()) for w in spec.get("previous", ())),
                           frozenset(w.lower() for w in spec.get("next", ())))
            for word, spec in data.items()}


#: What a "super" of degree goes before: "super long", "super fulfilling" (spaCy tags some such
#: "super" as an adjective: "Super easy job").
_SUPER_NEXT = _DEGREE_NEXT | {"VBG"}


def _degree_supers(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words "super" that tell a degree, before an adjective, an adverb or a
    participle, whatever spaCy tags the "super" itself ("hours are super long", "Super easy
    job"; not "super market", "Really super place"). VADER rates every "super" +2.9, so "The
    hours are super long" read positive; career text reads such a "super" as "very", which
    the lexicon learned ("very long", "very busy"; see :func:`read_degree_as_very`). ``lower``
    is the Doc's text in lower case. Without a tagger, none."""
    if "super" not in lower or not doc.has_annotation("TAG"):
        return []
    found = [m.start() for m in re.finditer(r"\bsuper\b", lower)]
    return [t.idx for t in _tokens_at(doc, found)
            if t.i + 1 < len(doc) and doc[t.i + 1].tag_ in _SUPER_NEXT]


def read_degree_as_very(text: str, offsets: list[int]) -> str:
    """``text`` with the five-letter word at each of ``offsets`` (a "super" of degree,
    :func:`_degree_supers`) read as "very" and a space, in its case, so that every other word
    keeps its offsets.

    >>> read_degree_as_very("Super easy, SUPER long", [0, 12])
    'Very  easy, VERY  long'
    """
    chars = list(text)
    for at in offsets:
        word = text[at:at + 5]
        very = "VERY " if word.isupper() else "Very " if word[0].isupper() else "very "
        chars[at:at + 5] = very
    return "".join(chars)


def _compound_words(doc: Doc, lower: str) -> list[int]:
    """Offsets of the words of :func:`topic_compounds` that stand in one of their compounds
    ("sick pay", "sick days", "bank holidays", "busy during the holidays"): in career text they
    carry no valence, so "Good sick pay" reads positive and "Working weekends and bank
    holidays" neutral (VADER: "sick" -2.3, "holidays" +1.6). ``lower`` is the Doc's text in
    lower case. Needs no tagger.

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
        if (any(t.i >= len(p) and tuple(w.lower_ for w in doc[t.i - len(p):t.i]) == p
                for p in previous)
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
_LACK_DETS = frozenset({"no", "few", "little", "less", "zero", "minimal", "insufficient",
                        "limited", "low"}) | _SMALL
_LACK_VERBS = frozenset({"lack", "lacks", "lacked", "lacking", "limit", "limits", "limiting"})
#: Predicates that say their subject is lacking ("opportunities are limited", "promotions are
#: few and far between").
_LACK_PREDICATES = frozenset({"limited", "few", "rare", "scarce", "lacking", "minimal",
                              "insufficient", "nonexistent", "non-existent", "sparse", "low",
                              "less", "slim"}) | _SMALL
_LACK_WORD = re.compile(
    rf"\b(?:{'|'.join(sorted(_LACK_DETS | _LACK_VERBS | _LACK_PREDICATES))})\b", re.IGNORECASE)
_PHRASE_DEPS = frozenset({"compound", "amod"})
# What ends a lacking phrase: a line break or a clause mark (:func:`_bare_conjuncts`), or a
# comma (:func:`_lacked_phrases`: "limited, unhealthy snacks"; between conjuncts a comma is a
# list's: "limited training, support and recognition").
_CONJUNCT_BREAK = re.compile(r"[\n;:()]")
_PHRASE_BREAK = re.compile(r"[\n,;:()]")


def _lacked_phrases(doc: Doc, text: str, lex: dict[str, float],
                    neutral: frozenset[str] = frozenset()) -> tuple[list[int], list[int]]:
    """Offsets of the lexicon words of the noun phrases that a lack word opens, by spaCy's
    parse, and of the lack words said after a bad noun, which carry no valence.

    The lack rule of :class:`LexiconScorer` and VADER's "no" reach only the next word or two,
    so in "Limited career growth opportunities" and "No career progression opportunities"
    "growth" and "opportunities" had read positive. Here "no", "few", "little", "zero",
    "minimal", "insufficient", "limited" or "low" as the determiner or adjective of a noun, and
    the object of "lack of" / "lacks" / "limits" (and the bare conjuncts of a "lack" the parser
    coordinated with them: "Lack of staff and support"; a lack word is never itself lacked:
    "Lack of growth opportunity Lack of staff" is a list), negate the noun and its compounds and
    adjectives after the lack word, on the same line and with no clause mark between
    ("limited, unhealthy snacks" is no lack of unhealthy snacks); "few" and "little" not as
    "some" (:func:`_some`: "a few good friends") nor after an adjective ("nice little
    perks"). The lack word keeps its own valence (it may open a phrase of the career lexicon:
    "few development"). A lack said after its noun, as the predicate of "be" or another copula
    ("opportunities for progression are limited", "... are few and far between", "rare",
    "scarce", "minimal", "low", "chances seem slim") or as a passive participle ("growth was
    limited"), negates the good words of the subject's phrase and its bare conjuncts. Either
    way a lack of a good thing reaches what it is for or of (:func:`_complements`: "no
    opportunities for growth", "room for growth is limited" had read as praise of growth).

    A lack of a bad thing is good: where the rated words of the lacked phrase are all bad
    (:func:`_all_bad`: "stress is minimal", "micromanagement is rare", "minimal stress"),
    they are negated and the lack word, whose own valence told of a shortfall, carries none:
    its offset is in the second list; where the lack word and the next word are a pair of the
    lexicon ("low stress", a level), neither, for the pair reads it. A mixed phrase keeps the
    rule for good words, and a topic that the lexicon reads as nothing (in ``neutral``) is no
    bad thing, so "pay is low" stays a shortfall. ``text`` is ``doc.text`` (its offsets are
    the tokens'). Without a parser, two empty lists.
    """
    found = [m.start() for m in _LACK_WORD.finditer(text)]
    if not found or not doc.has_annotation("DEP"):
        return [], []
    negated: list[int] = []
    freed: list[int] = []
    for t in _tokens_at(doc, found):  # the tokens that start where a lack word does
        word = t.lower_
        verb = _lack_predicate_verb(t) if word in _LACK_PREDICATES else None
        if verb is not None:
            # "opportunities for progression are limited": the subject's good words
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS
                            and c.pos_ in ("NOUN", "PROPN") and c.i < t.i), None)
            if subject is not None and not _PHRASE_BREAK.search(text, subject.idx, t.idx):
                heads = (subject, *_bare_conjuncts(subject, text))
                rated = [w for c in heads for w in _phrase_words(c) if w.lower_ in lex]
                if _all_bad(rated, lex, neutral):  # "stress is minimal": a lack of a bad thing
                    negated.extend(w.idx for w in rated)
                    freed.append(t.idx)
                else:  # "room for growth is limited": what it is for is lacking too
                    negated.extend(_good_words((*heads, *_complements(subject, text)), lex))
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
            if t.pos_ == "NOUN":  # "Lack of staff and support" parsed as "Lack", "support"
                negated.extend(_good_words(_bare_conjuncts(t, text), lex))
        else:
            continue
        if _PHRASE_BREAK.search(text, t.idx, head.idx):
            continue  # a list ("No blame" and the next line's "Good perks"), or a clause mark
        # a lack word is no lacked thing: "Lack of progression opportunity Lack of staff" is
        # a list, parsed as one phrase, and the second "Lack" lacks on its own
        listed = head.lower_ in _LACK_VERBS
        lacked = [w for w in _phrase_words(head) if t.i < w.i and w.lower_ in lex
                  and w.lower_ not in _LACK_VERBS]
        if not _all_bad(lacked, lex, neutral):
            negated.extend(w.idx for w in lacked)
            if not listed:  # "no opportunities for growth": the good things it is for too
                negated.extend(_good_words(_complements(head, text), lex))
        elif word not in _LACK_DETS or f"{word} {doc[t.i + 1].lower_}" not in lex:
            negated.extend(w.idx for w in lacked)
            freed.append(t.idx)  # "minimal stress": the lack word carries no valence
        # else a pair of the lexicon ("low stress", "less stress": a level) reads the lack of
        # a bad thing itself, and neither its lack word nor its noun is held apart
        # of the conjuncts, only what is good is lacked: "little training and stress"
        negated.extend(_good_words(_bare_conjuncts(head, text), lex))
    return negated, freed


#: Verbs that link a lack predicate to its subject ("opportunities are limited", "room for
#: growth feels limited", "chances seem slim").
_COPULAS = frozenset({"be", "feel", "seem", "appear", "look", "become", "remain", "get"})


def _copula_of(word: Token) -> Token | None:
    """The copula (:data:`_COPULAS`) of which ``word`` is the predicate ("are limited", "feels
    limited", "can be challenging"), else None."""
    if word.dep_ in ("acomp", "attr", "oprd") and word.head.lemma_ in _COPULAS:
        return word.head
    return None


def _lack_predicate_verb(word: Token) -> Token | None:
    """The verb whose subject the lack predicate ``word`` says is lacking: the copula of which
    it is the predicate (:func:`_copula_of`: "are limited", "seem slim"), or ``word`` itself as
    a passive participle ("possibility of growth was limited"); else None."""
    verb = _copula_of(word)
    if verb is None and word.tag_ == "VBN" and any(c.dep_ == "nsubjpass"
                                                   for c in word.children):
        return word
    return verb


#: Prepositions whose object completes a lacked noun ("no room for growth", "lack of chances
#: of promotion"): what the noun is for or of is lacking with it.
_COMPLEMENT_PREPS = frozenset({"for", "of"})


def _complements(head: Token, text: str) -> Iterator[Token]:
    """The objects of "for" / "of" after ``head`` and their bare conjuncts, on the same line
    with no clause mark between: what a lack of ``head`` lacks too ("no opportunities for
    growth or development", "limited room for progression", "possibility of growth was
    limited"; VADER's "no" and the lack word's phrase had reached only the noun, and the good
    word after it had read as praise)."""
    for o in _prep_objects(head, _COMPLEMENT_PREPS):
        if o.head.i > head.i and not _PHRASE_BREAK.search(text, head.idx, o.idx):
            yield o
            yield from _bare_conjuncts(o, text)


def _prep_objects(head: Token, preps: frozenset[str] | None = None) -> Iterator[Token]:
    """The objects of the prepositions of ``head`` (of those in ``preps`` only, if given)."""
    return (o for p in head.children if p.dep_ == "prep" and (preps is None or p.lower_ in preps)
            for o in p.children if o.dep_ == "pobj")


def _all_bad(words: list[Token], lex: dict[str, float], neutral: frozenset[str]) -> bool:
    """Whether ``words`` (lexicon words) are some, and all rated bad, none of them a topic the
    lexicon reads as nothing: what a lack of is good."""
    return bool(words) and all(lex[w.lower_] < 0 and w.lower_ not in neutral for w in words)


def _good_words(heads: Iterable[Token], lex: dict[str, float]) -> Iterator[int]:
    """Offsets of the words that the lexicon rates positive in the phrases of ``heads``."""
    return (w.idx for c in heads for w in _phrase_words(c) if lex.get(w.lower_, 0.0) > 0)


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



def _judged_nouns(doc: Doc, lex: dict[str, float], negated: Iterable[int] = (),
                  neutral: frozenset[str] = frozenset(), layer: Mapping[str, float] = _NO_LAYER,
                  negated_layer: Mapping[str, float] = _NO_LAYER) -> list[int]:
    """Offsets of the nouns the lexicon rates positive that an adjective or verb it rates
    negative judges, by spaCy's parse: as the noun's adjective ("poor job satisfaction",
    "terrible benefits", "pathetic bonuses"), as the predicate of "be" with the noun its subject
    ("the bonus is poor", "progression within the company is poor"), as the verb of a passive
    with the noun its subject ("bonuses were cut", "my confidence was shattered"), or as the
    verb whose object the noun is ("they cut my bonus", "stopped all benefits"; not a verb in
    ``neutral``, a topic the lexicon reads as nothing: "pay good benefits"), or by a wish for
    more with the noun its subject (:func:`_wished_subject`: "the benefits could be better",
    whose "better" the scorer negates, had read +0.05). In career
    text the noun names what is judged, a topic, and the adjective the judgement, so the noun
    carries no valence there; VADER added the two, and "poor job satisfaction" (-2.1 + 1.9) had
    read nearly neutral, "Everything else, including salary, bonuses, poor job satisfaction" and
    "Difficult opportunity for career progression" positive. Not where the judging word is a
    lack word (``_LACK``, ``_LACK_DETS``: "low bonus", "limited opportunities" negate the noun,
    see :func:`_lacked_phrases`) or negated ("the pay isn't bad", "bonuses were not cut"), nor
    the offsets in ``negated`` (negated already). A predicate of "be" that no lexicon rates
    judges as the career layer weighs it (``layer``: "opportunities are political"), negated
    as the layer weighs its negation (``negated_layer``, keyed without the mark: "growth
    opportunities are not meritocratic"); not before the noun, where the layer's words more
    often sort than judge ("corporate benefits"). Without a parser, none.

    Examples
    --------
    >>> from careertext.pipeline import load_pipeline
    >>> doc = load_pipeline()("Poor job satisfaction and low bonus. The benefits are terrible.")
    >>> [doc.text[i:i + 8] for i in _judged_nouns(doc, {"poor": -2.1, "satisfaction": 1.9,
    ...     "low": -1.1, "bonus": 2.3, "benefits": 1.6, "terrible": -2.5})]
    ['satisfac', 'benefits']
    >>> doc = load_pipeline()("The bonuses were cut.")
    >>> [doc.text[i:i + 7] for i in _judged_nouns(doc, {"bonuses": 2.6, "cut": -1.1})]
    ['bonuses']
    """
    if not doc.has_annotation("DEP"):
        return []
    done = set(negated)
    out = []
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        # the good nouns of the phrase that this noun heads: itself and its compounds ("growth
        # opportunities are not good": "growth" is judged with "opportunities")
        good = [w for w in (t, *(c for c in t.children if c.dep_ == "compound" and c.i < t.i))
                if lex.get(w.lower_, 0.0) > 0 and w.idx not in done]
        if not good:
            continue
        judged_before = any(c.dep_ == "amod" and c.i < t.i and _judging(c, lex)
                            for c in t.children)  # "poor job satisfaction"
        if judged_before or (  # "the benefits are terrible", "the benefits are not great"
                t.dep_ in SUBJECT_DEPS and t.head.lemma_ == "be"
                and any(c.dep_ == "acomp" and c.i > t.i
                        and _judged_by_be(t.head, c, lex, layer, negated_layer)
                        for c in t.head.children)) or (  # "bonuses were cut"
                t.dep_ == "nsubjpass" and t.head.i > t.i and _judging(t.head, lex)) or (
                t.dep_ == "dobj" and t.head.i < t.i and t.head.pos_ == "VERB"
                and t.head.lower_ not in neutral
                and _judging(t.head, lex)) or (  # "they cut my bonus", "I lost my friends"
                _wished_subject(t, lex)):  # "the benefits could be better"
            out.extend(w.idx for w in good)
    return sorted(out)


_OBJECT_DEPS = frozenset({"dobj", "attr", "acomp"})
_GRADED_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
_UTMOST = frozenset({"more", "most", "enough", "such"})


def _negated_objects(doc: Doc, text: str, lower: str, lex: dict[str, float]) -> list[int]:
    """Offsets of the good words of the object or predicate of a negated verb that VADER's
    "not" does not reach, by spaCy's parse: its head, compounds and adjectives that the
    lexicon rates positive, where none of the three words before them is a negator ("never
    gave us a fair chance", "it is not really a very good company": "fair", "good" had read
    as praise). The object of the verb's preposition counts too ("not living up to its
    values", "did not pay me for my overtime"). What is not had is lacking, as after "few"; a
    bad thing not had is left to VADER ("don't get a long-term injury" may be advice). Not a
    superlative itself, nor a phrase with a comparative ("couldn't ask for a better benefits
    package"), nor after "more", "most", "enough" or "such" ("you will not find a much better
    employer", "couldn't have been more pleased", "never had such a good manager" are
    praise), nor where a line break or clause mark stands between the negator and its verb
    (a list's lines are parsed as one sentence). ``text`` is ``doc.text``, ``lower`` the same
    in lower case. Without a parser, none.

    Examples
    --------
    >>> from careertext.pipeline import load_pipeline
    >>> doc = load_pipeline()("It is not really a very good company.")
    >>> text = doc.text
    >>> [text[i:i + 4] for i in _negated_objects(doc, text, text.lower(), {"good": 1.9})]
    ['good']
    """
    if "not" not in lower and "n't" not in lower and "n’t" not in lower and (
            "never" not in lower):
        return []
    # no parser, no "neg" arc
    negs = (doc.to_array(DEP) == doc.vocab.strings["neg"]).nonzero()[0]
    out: list[int] = []
    heads = {n.head for n in map(doc.__getitem__, map(int, negs)) if not _PHRASE_BREAK.search(
        text, min(n.idx, n.head.idx), max(n.idx, n.head.idx))}  # not across a line or clause
    for t in heads:
        for c in (*(c for c in t.children if c.dep_ in _OBJECT_DEPS), *_prep_objects(t)):
            if c.i < t.i or _PHRASE_BREAK.search(text, t.idx, c.idx):
                continue
            if any(w.lower_ in _UTMOST for w in doc[t.i:c.i + 1]) or any(
                    g.lower_ == "enough" for g in t.children):
                continue  # "couldn't have been more pleased", "can't thank them enough"
            words = list(_phrase_words(c))
            if any(w.tag_ in _COMPARATIVE_TAGS for w in words):
                continue  # "couldn't ask for a better benefits package"
            out.extend(w.idx for w in words if lex.get(w.lower_, 0.0) > 0
                       and w.tag_ not in _GRADED_TAGS and not negator_before(w, _negator))
    return out


#: Verbs of taking away, none of whose forms the lexicon rates as said ("taken away",
#: "removed", "scrapped"): a good thing that is their passive subject or their object is lost
#: (see :func:`_lost_things`). "Take" only with "away". Rated ones ("cut", "slashed") are left
#: to :func:`_judged_nouns`, which makes their noun a topic.
_REMOVE = frozenset({"remove", "scrap", "withdraw", "abolish", "strip", "take", "axe",
                     "cancel"})
#: The beginnings of every form of the verbs of :data:`_REMOVE` ("took", "withdrew", "axing"):
#: a text with none of them has nothing taken away, and its parse is not read.
_REMOVE_FORMS = re.compile(r"\b(?:remov|scrap|withdr|abolish|strip|tak|took|ax|cancel)")


def _lost_things(doc: Doc, lower: str, lex: dict[str, float]) -> list[int]:
    """Offsets of the good words of what a verb of :data:`_REMOVE` takes away: its passive
    subject or its object, with their compounds, adjectives and conjuncts ("some benefits
    being taken away", "the free fruit was removed", "they scrapped the Christmas bonus and
    the staff party"). What is lost is lacking, so they are negated, as after "no"; VADER read
    them as praise ("Some benefits being taken away" +0.38). Not where the verb is rated by
    ``lex`` or negated ("the bonus wasn't removed"), nor "take" without "away". ``lower`` is
    ``doc.text`` in lower case. Without a parser, none.

    Examples
    --------
    >>> from careertext.pipeline import load_pipeline
    >>> doc = load_pipeline()("All bonuses have been taken away. They took the team out.")
    >>> [doc.text[i:i + 7] for i in _lost_things(doc, doc.text.lower(),
    ...                                           {"bonuses": 2.6, "team": 0.3})]
    ['bonuses']
    """
    if not _REMOVE_FORMS.search(lower) or not doc.has_annotation("DEP"):
        return []
    out: list[int] = []
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("nsubjpass", "dobj"):
            continue
        verb = t.head
        if (verb.lemma_ not in _REMOVE or verb.pos_ != "VERB" or verb.lower_ in lex
                or (t.dep_ == "dobj" and t.i < verb.i) or (verb.lemma_ == "take" and not any(
                    c.lower_ == "away" for c in verb.children))
                or any(c.dep_ == "neg" for c in verb.children) or negator_before(verb, _negator)):
            continue
        for noun in (t, *(c for c in t.subtree if c.dep_ == "conj" and c.head.i >= t.i)):
            words = sorted(_phrase_words(noun), key=lambda w: w.i)
            out.extend(w.idx for k, w in enumerate(words) if lex.get(w.lower_, 0.0) > 0
                       or _good_phrase_at(words, k, lex))
    return out


def _good_phrase_at(words: list[Token], k: int, lex: dict[str, float]) -> bool:
    """Whether a phrase that ``lex`` rates positive opens at ``words[k]`` and runs on through
    the next of ``words`` (adjacent tokens): "remote work", which the scorer reads as one term
    keyed by the offset of its first word."""
    for j in range(k + 1, min(k + 3, len(words))):
        if words[j].i != words[j - 1].i + 1:
            break
        if lex.get(" ".join(w.lower_ for w in words[k:j + 1]), 0.0) > 0:
            return True
    return False


#: Adjectives of difficulty that, before "to" and a verb, say that what follows is hard to
#: reach ("hard to get holidays", "difficult to make friends"): see :func:`_hard_to_reach`.
_HARD = frozenset({"difficult", "hard", "challenging", "tough", "impossible", "tricky"})
_CLAUSE_TURN = frozenset({"but", "however", "though", "although", "yet", "while"})
_HARD_TO = re.compile(rf"\b(?:{'|'.join(sorted(_HARD))})(?= to\b)")


def _hard_to_reach(doc: Doc, lower: str, lex: dict[str, float]) -> list[int]:
    """Offsets of the words the lexicon rates positive in what an adjective of difficulty says
    is hard to reach: "difficult", "hard", "challenging", "tough", "impossible" or "tricky",
    then "to" and a verb, and the good words of that verb's phrase up to the clause's end
    ("hard to get good feedback", "difficult to book holidays", "challenging to gain
    recognition"). What is hard to reach is lacking, so they are negated, as after "few";
    VADER read them as praise (and "challenging", +0.6, too). Not where the adjective is
    negated among the three words before it ("it isn't hard to get promoted"). Without a
    parser, none.

    Examples
    --------
    >>> from careertext.pipeline import load_pipeline
    >>> doc = load_pipeline()("It is hard to get holidays approved, but the team is great.")
    >>> [doc.text[i:i + 8] for i in _hard_to_reach(doc, doc.text.lower(),
    ...     {"holidays": 1.6, "great": 3.1})]
    ['holidays']
    """
    found = [m.start() for m in _HARD_TO.finditer(lower)]
    if not found or not doc.has_annotation("DEP"):
        return []
    out: list[int] = []
    n = len(doc)
    for t in _tokens_at(doc, found):
        if (t.tag_ not in ("JJ", "VBG") or t.i + 2 >= n
                or doc[t.i + 1].lower_ != "to" or not doc[t.i + 2].tag_.startswith("VB")
                or negator_before(t, _negator)):
            continue
        verb = doc[t.i + 2]
        left, right = verb.left_edge.i, verb.right_edge.i
        for k in range(verb.i, right + 1):
            w = doc[k]
            if w.is_punct or w.is_space or w.lower_ in _CLAUSE_TURN or "\n" in w.whitespace_:
                break
            if k >= left and lex.get(w.lower_, 0.0) > 0:
                out.append(w.idx)
    return out


def _judged_by_be(be: Token, adjective: Token, lex: dict[str, float],
                  layer: Mapping[str, float] = _NO_LAYER,
                  negated_layer: Mapping[str, float] = _NO_LAYER) -> bool:
    """Whether the predicate ``adjective`` of ``be`` judges the subject bad: a bad adjective
    of a "be" not negated ("the bonus is poor"), or a good one of a negated "be" ("support is
    not efficient enough", "the benefits aren't great"), or one no lexicon rates whose negation
    the career layer weighs bad ("opportunities are not meritocratic")."""
    if any(c.dep_ == "neg" for c in be.children):
        word = adjective.lower_
        if word not in lex:
            return negated_layer.get(word, 0.0) < 0
        return lex[word] > 0 and adjective.tag_ not in _GRADED_TAGS
    return _judging(adjective, lex, layer)


#: Modals of a wish for more ("the benefits could be better"): the scorer's
#: (:data:`careertext.career_rules._WISH`) but the verbs of need, which :func:`_wished_subject`
#: reads by the parse, and "would", which may be a forecast; and "must", which the scorer's
#: word rule does not take ("benefits must be better" keeps "better", loses "benefits").
_WISH_MODALS = (_WISH - _NEED - {"would"}) | {"must"}


def _wished_subject(noun: Token, lex: dict[str, float]) -> bool:
    """Whether ``noun`` is the subject (or a later conjunct of it) of a wish for more, which
    judges it as "poor" does: "the benefits could be better", "salary and benefits could be
    improved", "benefits need to be better" (see :func:`_wished`)."""
    subject = noun
    while subject.dep_ == "conj" and subject.head.i < subject.i:
        subject = subject.head
    if subject.dep_ not in SUBJECT_DEPS:
        return False
    verb = subject.head
    if verb.lemma_ == "need":  # "benefits need to be better", "pay needs to be improved"
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    if subject.dep_ == "nsubjpass" or verb.lower_ == "improved":
        return _wished(verb, verb, lex)
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.i > noun.i
                                       and _wished(verb, c, lex) for c in verb.children)


#: Comparatives of amount that make a wish for more with no rated word: the career lexicon's
#: seeds "could be higher", "could be bigger" ("bonuses could be higher").
_MORE_AMOUNT = frozenset({"higher", "bigger"})


def _wished(verb: Token, word: Token, lex: dict[str, float]) -> bool:
    """Whether ``word``, the predicate of ``verb`` ("be", or the passive participle itself), is
    a wish for more: a modal of a wish on ``verb`` ("could", "should", "can", "must"; or
    ``verb`` the complement of "need"), not negated, and ``word`` a comparative the lexicon
    rates positive, or such a word after "more", or "improved", or a comparative of amount
    (:data:`_MORE_AMOUNT`); not with "than" ("could be better than most" is praise)."""
    if word.lower_ not in _MORE_AMOUNT and word.lower_ != "improved" and (
            lex.get(word.lower_, 0.0) <= 0 or not (
            word.tag_ in ("JJR", "RBR") or any(c.lower_ == "more" for c in word.children))):
        return False
    if any(c.dep_ == "neg" for c in verb.children) or any(
            c.lower_ == "than" for c in word.subtree):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _WISH_MODALS for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ == "need")


def _judging(adjective: Token, lex: dict[str, float],
             layer: Mapping[str, float] = _NO_LAYER) -> bool:
    """Whether ``adjective`` judges its noun bad (see :func:`_judged_nouns`): the lexicon
    rates it negative, or, where it rates it not at all, the career ``layer`` does."""
    word = adjective.lower_
    valence = lex[word] if word in lex else layer.get(word, 0.0)
    return (valence < 0 and word not in _LACK and word not in _LACK_DETS
            and not any(c.dep_ == "neg" or _negator(c.lower_) for c in adjective.children))


#: "Challenging" names a demand on whoever does the work. Said of a subject ("progression can
#: be challenging", "work life balance very challenging") it tells of a difficulty: in the
#: Kaggle reviews the predicate stands in 37 cons and 6 pros; before a noun it praises
#: ("challenging work": 46 pros, 10 cons). VADER rates it +0.6, for the praise. ("Fast paced",
#: its likeliest fellow, is praise as often as not, said of a subject or not.)
_DEMANDS = frozenset({"challenging"})
_PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr", "ROOT", "conj", "amod"})


def _demand_predicates(doc: Doc, text: str, lower: str) -> list[int]:
    """Offsets of the demand words (:data:`_DEMANDS`) said of a subject, by spaCy's parse: the
    predicate of a copula (:func:`_copula_of`) or an adjective that has a subject of its own
    (the parser's reading of "progression can be challenging" and "work life balance very
    challenging"), an adjective after the noun that heads a fragment ("Work life balance very
    challenging."), or a conjunct of these ("is hard and challenging"), with no clause mark
    between subject and word. Not before a noun ("challenging work"), not a verb with an object
    ("challenging the status quo"), not negated ("not very challenging" is another complaint).
    The scorer negates them: a demand said of something is a difficulty. ``text`` is
    ``doc.text``, ``lower`` the same in lower case. Without a parser, none.

    >>> from careertext.pipeline import load_pipeline
    >>> doc = load_pipeline()("Progression can be challenging. Challenging work.")
    >>> [doc.text[i:i + 11] for i in _demand_predicates(doc, doc.text, doc.text.lower())]
    ['challenging']
    """
    if not any(w in lower for w in _DEMANDS) or not doc.has_annotation("DEP"):
        return []
    out = []
    for t in doc:
        if t.lower_ not in _DEMANDS or t.dep_ not in _PREDICATE_DEPS:
            continue
        pred = t.head if t.dep_ == "conj" else t  # "hard and challenging": the first's
        if pred.dep_ == "amod" and pred.head.i < pred.i and pred.head.dep_ == "ROOT":
            verb, subject = pred, pred.head  # after its noun: "Work life balance challenging."
        else:
            verb = _copula_of(pred) or (
                pred if pred.dep_ == "ROOT" and pred.tag_ in ("JJ", "VBG") else None)
            if verb is None:
                continue
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS
                            and c.i < t.i), None)
        if (subject is None or any(c.dep_ in ("dobj", "neg") for c in t.children)
                or any(c.dep_ == "neg" for c in (*verb.children, *pred.children))
                or _PHRASE_BREAK.search(text, subject.idx, pred.idx)):
            continue
        out.append(t.idx)
    return out
