"""Tests of careertext.parse_rules: the readings of career text that need spaCy's tags or
parse (tests/test_sentiment.py checks the scores they make)."""

import pytest
import spacy

from careertext.parse_rules import _compound_words, _lacked_phrases, topic_compounds


def test_topic_compounds_are_package_data():
    compounds = topic_compounds()
    assert {"sick", "holidays"} <= set(compounds)
    assert all(before or after for before, after in compounds.values())


@pytest.mark.parametrize("text, words", [
    ("Good sick pay and bank holidays off.", ["sick", "holidays"]),
    ("I was off sick during the holidays.", []),
])
def test_compound_words_need_no_tagger(text, words):
    doc = spacy.blank("en")(text)
    found = _compound_words(doc, text.lower())
    assert [text[i:].split()[0].strip(".") for i in found] == words


def test_a_lacked_phrase_and_a_lack_said_after_its_noun(nlp):
    lex = {"growth": 1.6, "opportunities": 1.6}
    for text in ("Limited career growth opportunities.",
                 "Opportunities for growth are limited."):
        negated = _lacked_phrases(nlp(text), text, lex)
        assert "opportunities" in {text[i:].split()[0].strip(".").lower() for i in negated}
    blank = spacy.blank("en")("Limited career growth opportunities.")
    assert _lacked_phrases(blank, blank.text, lex) == []  # no parse, nothing
