"""Tests of careertext.career_lexicons: the career lexicon, layer, topics and words (package
data) and the domain gate."""

import pytest

from careertext.career_lexicons import (
    career_layer,
    career_lexicon,
    career_phrases,
    career_topics,
    is_career_text,
)
from careertext.sentiment import sentiment
from careertext.vader import vader_lexicon


@pytest.mark.parametrize("phrase", ["support from management", "extra pay", "much room"])
def test_no_term_is_learned_from_its_negated_mentions(phrase):
    # the cons say "no support from management"; learning the phrase from those mentions had
    # made it negative, and the scorer's negation of it positive
    assert phrase not in career_lexicon()


def test_career_lexicon_keeps_vader_words():
    vader = vader_lexicon()
    lex = career_lexicon()
    words = [t for t in lex if " " not in t]
    # a VADER word is never re-weighted, only read as a neutral topic (valence 0), but for
    # the American spellings of two curated words (VADER rates them positive)
    reweighted = {w for w in words if w in vader and lex[w]}
    assert words and reweighted == {"favoritism", "favorites"}
    assert lex["favoritism"] == lex["favouritism"] < 0 and lex["favorites"] == lex["favourites"]
    # single words are the exception: phrases carry the domain valence; and "un" + a word
    # VADER rates positive, read as that word negated (``negated_prefixes`` of the builder)
    prefixed = {w for w in words if w.startswith("un") and vader.get(w[2:], 0) > 0}
    assert all(lex[w] < 0 for w in prefixed)
    assert len(set(words) - prefixed) < 0.01 * len(lex)


def test_neutral_topic_words_are_vader_nouns_and_verbs():
    from careertext.parse_rules import TAG_READ_WORDS


    vader = vader_lexicon()
    neutral = {t for t, v in career_lexicon().items() if v == 0}
    assert {"promoted", "treat", "pay"} <= neutral
    assert all(t in vader and " " not in t for t in neutral)
    # evaluative words keep VADER's reading; words read in context are left to their rules
    assert not neutral & ({"great", "good", "bad", "happy", "kind"} | TAG_READ_WORDS)


def test_layer_leaves_topics_and_vader_words_alone():
    layer, topics = career_layer(), career_topics()


    vader = vader_lexicon()
    assert not any(t in layer for t in ("management", "hours", "the manager", "the", "long"))
    assert not topics & set(layer)
    assert not any(w in vader for t in layer for w in t.split())


def test_layer_holds_evaluative_words_not_story_words():
    from spacy.lang.en.stop_words import STOP_WORDS

    layer = career_layer()
    assert {"unrealistic", "poorly", "political"} <= set(layer)
    assert not set(layer) & {"told", "asked", "left", "leaving", "taking", "instead", "maybe"}
    copulas = {"is", "are", "was", "were", "be", "been", "being", "am"}  # "were long"
    assert not any(w in STOP_WORDS - copulas for t in layer if " " in t for w in t.split())
    text = "In March I left the agency, and my manager asked me to stay until the summer."
    assert sentiment(text, domain="career").compound == 0


@pytest.mark.parametrize("text, career", [
    ("Fired today. Still processing it.", True),  # no workplace noun, but career words
    ("Got let go this morning, no severance.", True),
    ("The goalkeeper gave a heroic performance tonight.", False),  # a topic word, other sense
    ("Flight delayed three hours, airport sushi it is.", False),
])
def test_domain_gate_reads_the_words_not_only_the_topics(text, career):
    assert is_career_text(text) is career


def test_domain_gate_thresholds():
    topics, words = frozenset({"shift"}), {"shift": 1.0, "rota": 0.9, "cat": -1.0, "dog": 0.0}
    assert is_career_text("rota rota rota", topics, words)  # mean 0.9, no topic needed
    assert not is_career_text("rota rota dog", topics, words)  # mean 0.6, no topic
    assert is_career_text("shift dog", topics, words)  # a topic and a mean of 0.5
    assert not is_career_text("shift cat dog", topics, words)  # a topic, mean 0
    long_text = "shift " + "cat dog " * 10  # a topic and 21 known words
    assert is_career_text(long_text, topics, words)
    assert not is_career_text(long_text.replace("shift", "dog"), topics, words)
    assert not is_career_text("unknown words only", topics, words)


def test_domain_gate_takes_a_text_with_a_curated_phrase():
    # "plays" and "favorites" are words of sport and lists: the words alone say general text,
    # and VADER reads "favorites" as praise
    text = "Management plays favorites and doesnt listen to feedback."
    assert not is_career_text(text, phrases=frozenset())
    assert is_career_text(text)
    assert sentiment(text).compound < 0
    topics, words, phrases = frozenset(), {"cat": -1.0}, frozenset({"laid off"})
    assert is_career_text("The cat was LAID OFF.", topics, words, phrases)
    assert not is_career_text("The cat was laid low.", topics, words, phrases)
    assert not is_career_text("The cat laid offerings.", topics, words, phrases)  # whole words
    # within one clause, as the scorer reads phrases
    assert not is_career_text("The cat was laid, off it went.", topics, words, phrases)
    assert not is_career_text("The cat laid. Off it went!", topics, words, phrases)
    # curated phrases whose valence the reviews taught are curated still
    assert {"red tape", "high turnover", "like a number", "laid off"} <= career_phrases()
    assert not any(" " not in p for p in career_phrases())


def test_career_topics_are_workplace_nouns():
    topics = career_topics()
    assert {"salary", "colleagues", "workload", "management", "overtime"} <= topics
    assert not topics & {"film", "the", "pros", "cons", "dont", "t", "g", "haven", "lack", "lots"}
    assert not is_career_text("I haven't seen it, e.g. the film. Don't!")
    assert is_career_text("Too much OVERTIME.") and not is_career_text("")
    assert is_career_text("I quit because I was underpaid.")  # a rare career-lexicon word
    assert sentiment("I quit because I was underpaid.").compound < 0


def test_layer_holds_negated_content_words():
    from spacy.lang.en.stop_words import STOP_WORDS

    layer = career_layer()
    negated = {t[1:] for t in layer if t.startswith("\u00ac")}
    assert {"listen", "enough", "paid"} <= negated
    assert layer["\u00aclisten"] < 0 and layer["\u00acenough"] < 0
    # no function word or auxiliary ("not the", "don't have any cons"), no word a lexicon rates
    assert not negated & {"the", "for", "and", "have", "be", "do", "can", "would", "any"}
    assert not negated & set(vader_lexicon())
    assert not negated & (set(career_lexicon()) - {w for w, v in career_lexicon().items() if not v})
    assert {"enough", "always"} <= negated & STOP_WORDS  # content words, though stop words


@pytest.mark.parametrize(("american", "british"), [
    ("favoritism", "favouritism"), ("unorganized", "unorganised"),
    ("lack of organizations", "lack of organisations")])
def test_a_term_learned_in_british_spelling_has_its_american_spelling(american, british):
    assert career_lexicon()[american] == career_lexicon()[british]


def test_american_spelling_reads_as_the_british():
    us = sentiment("Favoritism is rampant.", domain="career").compound
    uk = sentiment("Favouritism is rampant.", domain="career").compound
    assert us == uk < 0


def test_mild_praise_reads_below_good_praise():
    # the learner had put "decent", found almost only in pros, at its cap (2.0), above VADER's
    # "good" (1.9); Kaggle headlines with it average fewer stars than those with "good"
    lex, vader = career_lexicon(), vader_lexicon()
    assert vader["fair"] >= lex["decent"] > 0 and "decent" not in vader
    assert 0 < sentiment("Decent pay.", domain="career").compound < sentiment(
        "Good pay.", domain="career").compound
