"""Tests of careertext.parse_rules: the readings of career text that need spaCy's tags or
parse (tests/test_sentiment.py checks the scores they make)."""

import pytest
import spacy

from careertext.parse_rules import (
    _compound_words,
    _degree_supers,
    _demand_predicates,
    _judged_nouns,
    _lacked_phrases,
    _tokens_at,
    read_degree_as_very,
    topic_compounds,
)


def test_tokens_at_gives_the_tokens_that_begin_at_the_offsets():
    doc = spacy.blank("en")("Pay is low, less than before.")
    text = doc.text
    starts = [text.index("low"), text.index("less"), text.index("ess")]  # the last is inside
    assert [t.text for t in _tokens_at(doc, starts)] == ["low", "less"]
    assert list(_tokens_at(doc, [])) == []


def test_topic_compounds_are_package_data():
    compounds = topic_compounds()
    assert {"sick", "holidays"} <= set(compounds)
    assert all(before or after for before, after in compounds.values())


@pytest.mark.parametrize("text, words", [
    ("Good sick pay and bank holidays off.", ["sick", "holidays"]),
    ("I was off sick during the holidays.", ["holidays"]),
    ("I was off sick over Christmas.", []),
])
def test_compound_words_need_no_tagger(text, words):
    doc = spacy.blank("en")(text)
    found = _compound_words(doc, text.lower())
    assert [text[i:].split()[0].strip(".") for i in found] == words


def test_a_lacked_phrase_and_a_lack_said_after_its_noun(nlp):
    lex = {"growth": 1.6, "opportunities": 1.6}
    for text in ("Limited career growth opportunities.",
                 "Opportunities for growth are limited."):
        negated, freed = _lacked_phrases(nlp(text), text, lex)
        assert "opportunities" in {text[i:].split()[0].strip(".").lower() for i in negated}
        assert freed == []  # a lack of a good thing: the lack word keeps its valence
    blank = spacy.blank("en")("Limited career growth opportunities.")
    assert _lacked_phrases(blank, blank.text, lex) == ([], [])  # no parse, nothing


_LACK_LEX = {"stress": -1.8, "micromanagement": -2.0, "pay": 1.2, "safe": 1.9,
             "outdated": -2.0, "minimal": -0.5, "low": -1.1}


def _words(text, offsets):
    return [text[i:].split()[0].strip(".").lower() for i in offsets]


@pytest.mark.parametrize("text, negated, freed", [
    ("Stress is minimal.", ["stress"], ["minimal"]),
    ("Micromanagement is rare.", ["micromanagement"], ["rare"]),
    ("Minimal stress.", ["stress"], ["minimal"]),
    ("Pay is low.", ["pay"], []),  # a lack of a good thing
])
def test_a_lack_of_a_bad_thing_frees_the_lack_word(nlp, text, negated, freed):
    found, free = _lacked_phrases(nlp(text), text, _LACK_LEX)
    assert (_words(text, found), _words(text, free)) == (negated, freed)


_FOR_LEX = {"growth": 1.6, "opportunities": 1.6, "shortage": -1.0, "hard": -0.4,
            "development": 1.0, "issues": -1.0, "compassion": 2.0}


@pytest.mark.parametrize("text, negated", [
    ("No opportunities for growth or development.", ["opportunities", "growth", "development"]),
    ("Limited room for growth.", ["growth"]),
    ("Room for growth is limited.", ["growth"]),
    ("Space for growth feels limited.", ["growth"]),  # a copula other than "be"
    ("Possibility of growth was limited.", ["growth"]),  # a passive participle
    ("Chances of growth seem slim.", ["growth"]),
    ("No shortage of opportunities.", ["shortage"]),  # a lack of a bad thing lacks no more
    ("No compassion for health issues.", ["compassion"]),  # what it is for stays bad
    ("No room, growth is fine.", []),  # a clause mark ends the phrase
])
def test_a_lack_reaches_what_its_noun_is_for_or_of(nlp, text, negated):
    found, _ = _lacked_phrases(nlp(text), text, _FOR_LEX)
    assert sorted(_words(text, found)) == sorted(negated)


@pytest.mark.parametrize("text, negated", [
    # the parser makes "support" a conjunct of "Lack" itself
    ("Lack of staff and support", ["support"]),
    # a list parsed as one phrase: the second "Lack" is no lacked thing
    ("Lack of growth opportunity Lack of staff", ["growth", "opportunity"]),
])
def test_a_lack_noun_and_its_conjuncts_and_a_list_of_lacks(nlp, text, negated):
    lex = {**_FOR_LEX, "lack": -1.3, "support": 1.7, "opportunity": 1.6}
    found, _ = _lacked_phrases(nlp(text), text, lex)
    assert sorted(set(_words(text, found))) == sorted(negated)


def test_a_topic_rated_bad_but_read_as_nothing_is_no_bad_thing(nlp):
    text = "Pay is low."  # the shipped lexicon rates "pay" -0.4 and reads it as a topic
    found, free = _lacked_phrases(nlp(text), text, {"pay": -0.4}, frozenset({"pay"}))
    assert (found, free) == ([], [])
    found, free = _lacked_phrases(nlp(text), text, {"pay": -0.4})
    assert _words(text, free) == ["low"]


def test_a_lacked_phrase_of_good_and_bad_words_is_no_lack_of_a_bad_thing(nlp):
    text = "Outdated safe equipment is scarce."
    found, free = _lacked_phrases(nlp(text), text, _LACK_LEX)
    assert free == [] and "outdated" not in _words(text, found)


_JUDGE_LEX = {"poor": -2.1, "terrible": -2.5, "bad": -2.5, "low": -1.1, "satisfaction": 1.9,
              "bonus": 2.3, "bonuses": 2.6, "benefits": 1.6, "great": 3.1, "cut": -1.1,
              "better": 1.9, "improved": 2.0, "growth": 1.6, "opportunities": 1.6}


@pytest.mark.parametrize("text, words", [
    ("Poor job satisfaction.", ["satisfaction"]),
    ("The benefits are terrible.", ["benefits"]),
    ("The benefits aren't bad.", []),  # the judgement negated
    ("Low bonus.", []),  # a lack word: the lack rule negates the noun instead
    ("Great benefits.", []),  # a good adjective: both keep their valence
    ("Terrible managers, great benefits.", []),
    ("The bonuses were cut.", ["bonuses"]),  # a passive: the verb judges its subject
    ("The bonuses were not cut.", []),
    ("They cut our bonuses.", ["bonuses"]),  # the verb judges its object
    ("They did not cut our bonuses.", []),
    # a wish for more judges its subject
    ("The benefits could be better.", ["benefits"]),
    ("Salary and benefits could be improved.", ["benefits"]),  # a later conjunct too
    ("Benefits need to be better.", ["benefits"]),
    ("The benefits couldn't be better.", []),  # the most there is: praise
    ("The benefits could be better than most.", []),
    ("The benefits would be better.", []),  # "would" may be a forecast
    # the good compounds of a judged noun are judged with it
    ("Growth opportunities are poor.", ["growth", "opportunities"]),
    ("Poor growth opportunities.", ["growth", "opportunities"]),
])
def test_judged_nouns(nlp, text, words):
    found = _judged_nouns(nlp(text), _JUDGE_LEX)
    assert [text[i:].split()[0].strip(".").lower() for i in found] == words


def test_a_verb_the_lexicon_reads_as_a_topic_judges_nothing(nlp):
    doc = nlp("They pay good bonuses.")
    lex = {**_JUDGE_LEX, "pay": -0.4}
    assert (doc[1].pos_, doc[3].dep_) == ("VERB", "dobj")
    assert _judged_nouns(doc, lex) == [doc[3].idx]  # read as a judging verb ...
    assert _judged_nouns(doc, lex, neutral=frozenset({"pay"})) == []  # ... unless a topic


@pytest.mark.parametrize("text, words", [
    ("Opportunities are political.", ["opportunities"]),  # a predicate the layer weighs bad
    ("Growth opportunities are not meritocratic.", ["growth", "opportunities"]),  # its negation
    ("Opportunities are not political.", []),
    ("Corporate benefits.", []),  # before the noun, a layer word sorts more often than judges
])
def test_a_predicate_only_the_career_layer_weighs_judges_its_subject(nlp, text, words):
    layer, negated_layer = {"political": -2.0, "corporate": -0.5}, {"meritocratic": -0.5}
    found = _judged_nouns(nlp(text), _JUDGE_LEX, layer=layer, negated_layer=negated_layer)
    assert [text[i:].split()[0].strip(".").lower() for i in found] == words
    assert _judged_nouns(nlp(text), _JUDGE_LEX) == []  # without the layer, nothing judges


def test_judged_nouns_leave_negated_nouns_and_need_a_parse(nlp):
    doc = nlp("Poor job satisfaction.")
    assert _judged_nouns(doc, _JUDGE_LEX, negated=[doc[2].idx]) == []
    assert _judged_nouns(spacy.blank("en")("Poor job satisfaction."), _JUDGE_LEX) == []


@pytest.mark.parametrize("text, found", [
    ("Progression can be challenging.", True),
    ("Work life balance very challenging.", True),  # the parser's subject of the adjective
    ("The work is hard and challenging.", True),  # a conjunct of the predicate
    ("Challenging work.", False),  # before a noun: praise
    ("The work is not very challenging.", False),  # negated: another complaint
    ("They keep challenging the status quo.", False),  # a verb with an object
    ("Good pay, challenging.", False),  # a list, no subject
])
def test_a_demand_said_of_a_subject(nlp, text, found):
    assert bool(_demand_predicates(nlp(text), text, text.lower())) is found
    assert _demand_predicates(spacy.blank("en")(text), text, text.lower()) == []  # no parse


@pytest.mark.parametrize("text, supers", [
    ("Hours are super long and super boring.", ["long", "boring"]),
    ("Super easy job.", ["easy"]),
    ("Cutbacks at every super market.", []),
])
def test_degree_supers_are_those_before_an_adjective_or_adverb(nlp, text, supers):
    doc = nlp(text)
    found = _degree_supers(doc, text.lower())
    assert [text[i + 6:].split()[0].strip(".") for i in found] == supers
    assert _degree_supers(spacy.blank("en")(text), text.lower()) == []  # needs a tagger


def test_read_degree_as_very_keeps_every_offset():
    text = "Super long, SUPER busy, super slow."
    read = read_degree_as_very(text, [0, 12, 24])
    assert read == "Very  long, VERY  busy, very  slow."
    assert len(read) == len(text)
