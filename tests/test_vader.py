"""Tests of careertext.vader: VADER's constants, word lists and lexicon."""

from vaderSentiment import vaderSentiment as vs

from careertext.vader import (
    B_DECR,
    B_INCR,
    BOOSTERS,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    vader_lexicon,
)


def test_vaders_word_lists_and_constants_are_those_of_the_installed_package():
    # careertext restates them to score fast; they must not drift from vaderSentiment's
    assert BOOSTERS == vs.BOOSTER_DICT and SPECIAL_CASES == vs.SPECIAL_CASES
    assert frozenset(vs.NEGATE) == NEGATE
    assert (B_INCR, B_DECR, C_INCR, N_SCALAR) == (vs.B_INCR, vs.B_DECR, vs.C_INCR, vs.N_SCALAR)


def test_the_lexicon_is_read_from_the_package():
    assert vader_lexicon() == vs.SentimentIntensityAnalyzer().lexicon
