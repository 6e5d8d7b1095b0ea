"""Tests of scripts/build_career_lexicon.py: the terms it makes without learning a valence."""

import pytest

from careertext.vader import N_SCALAR, vader_lexicon


@pytest.fixture(scope="module")
def script(load_script):
    return load_script("build_career_lexicon")


def test_un_and_a_word_vader_rates_positive_reads_as_that_word_negated(script):
    vader = vader_lexicon()
    words = script.negated_prefixes({"unsupportive": (-1.5, 30, "word")})
    assert words["unhelpful"] == round(vader["helpful"] * N_SCALAR, 3) < 0
    assert {"uncaring", "unsafe", "unrewarding", "unachievable"} <= set(words)
    assert "unsupportive" not in words  # the lexicon rates it already
    assert "unlike" not in words and "unsurprisingly" not in words
    assert not set(words) & set(vader)  # VADER's own "un" words keep VADER's valence
    assert all(vader[w[2:]] > 0 for w in words)


def test_negated_prefixes_are_package_data():
    from careertext.career_lexicons import career_lexicon

    lex = career_lexicon()
    assert lex["uncaring"] < 0 and "unlike" not in lex
