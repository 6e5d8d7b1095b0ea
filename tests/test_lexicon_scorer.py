"""Tests of careertext.lexicon_scorer: VADER's rules over VADER's lexicon, and the career
readings the scorer applies to words."""

import pytest

from careertext.lexicon_scorer import LexiconScorer
from careertext.sentiment import sentiment


def test_zero_domain_valence_makes_a_vader_word_a_topic():
    s = LexiconScorer({"promoted": 0.0})
    assert s.score("I was promoted").compound == 0
    assert s.score("I was promoted", career=False).compound > 0
    assert s.score("I was never promoted").compound == LexiconScorer().score(
        "I was never promoted").compound < 0


def test_agrees_with_vader_on_general_text():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    ours = LexiconScorer(contrast=("but",))
    for text in ["VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
                 "At least it isn't a horrible book.", "The book was only kind of good.",
                 "Sentiment analysis has never been this good!", "Not bad at all",
                 "Make sure you :) or :D today!", "Without a doubt, excellent idea.",
                 "Roger Dodger is one of the least compelling variations on this theme.",
                 "The plot was good, but the characters are uncompelling."]:
        assert ours.score(text, False).compound == pytest.approx(
            vader.polarity_scores(text)["compound"], abs=1e-4), text


@pytest.mark.parametrize("text, sign", [
    ("No cons, great company to join.", 1),  # VADER: "no" negates "great" across the comma
    ("Not challenging, not great pay.", -1),  # VADER: a double negation, positive
    ("Salary is very low, long working hours.", -1),  # "low" lacks nothing after the comma
    ("Not great pay.", -1),
    ("Great colleagues,not so great management,long hours", -1),  # a list written without spaces
])
def test_career_negation_stays_in_its_clause(text, sign):
    assert sign * sentiment(text, domain="career").compound > 0
    assert LexiconScorer().score(text, True).compound * sign > 0


def test_each_negation_of_a_list_negates_its_own_item_in_career_text():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scorer = LexiconScorer()
    vader = SentimentIntensityAnalyzer()
    # VADER's window reaches "bad" from "neither" too, and negates it twice
    for text in ("Neither good nor bad", "Not good not bad"):
        assert vader.polarity_scores(text)["compound"] < -0.4
        assert scorer.score(text, False).compound < -0.4  # the general reading is VADER's
        assert abs(scorer.score(text).compound) < 0.1, text
    # a list of lacks is negative throughout: the second "no" is no praise
    assert vader.polarity_scores("No bonus no raise")["compound"] > -0.3
    assert scorer.score("No bonus no raise").compound < -0.5
    # with no rated word between them, two negations still cancel
    text = "It isn't not good"
    assert scorer.score(text).compound == pytest.approx(
        vader.polarity_scores(text)["compound"], abs=1e-4)
    assert scorer.score(text).compound > 0


def test_a_comma_glued_between_letters_splits_words_in_career_text_only():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "Great colleagues,not so great management"
    scorer = LexiconScorer()
    words = [w[2] for w in scorer._split(text)]
    assert words == ["Great", "colleagues", "not", "so", "great", "management"]
    assert [w[2] for w in scorer._split("Paid 10,000 a year")] == ["Paid", "10,000", "a", "year"]
    # VADER splits on white space only, and the general reading is VADER's
    assert scorer.score(text, False).compound == pytest.approx(
        SentimentIntensityAnalyzer().polarity_scores(text)["compound"], abs=1e-4)
    assert scorer.score(text, True).compound < scorer.score(text, False).compound


def test_a_negated_word_of_the_layer_weighs_where_a_verb_negates_it():
    s = LexiconScorer(layer={"\u00aclisten": -1.5, "\u00acfind": -1.0})
    text = "Management don't listen to anyone."
    r = s.score(text)
    assert r.compound < 0 and [text[a:b] for a, b, _w in r.contributions] == ["don't listen"]
    assert r.contributions[0][2] == pytest.approx(-1.5)
    assert s.score("Management listen to everyone.").compound == 0
    assert s.score("Management don't listen to anyone.", career=False).compound == 0
    # the author or "we" as the subject tells the story: "I don't listen to podcasts"
    assert s.score("I don't listen to podcasts.").compound == 0
    assert s.score("We just don't listen to the radio.").compound == 0
    # a pronoun's negation says there is nothing: "None listen" is no failing of anyone's
    assert s.score("None listen.").compound == 0
    # a negation that reaches a word the lexicon rates is VADER's to read
    text = "They don't listen to bad advice."
    assert [text[a:b] for a, b, _w in s.score(text).contributions] == ["bad"]
    # nor one that reaches for a comparative: praise; a superlative is none
    text = "You will not find a much better employer."
    assert [text[a:b] for a, b, _w in s.score(text).contributions] == ["better"]
    text = "They don't listen to the best ideas."
    assert [text[a:b] for a, b, _w in s.score(text).contributions] == ["don't listen", "best"]
    # nor beyond its clause
    assert s.score("Not now, listen to them.").compound == 0


def test_a_topic_whose_vader_valence_is_another_sense_leaves_the_negation_to_the_layer():
    # "pay" is a topic of the career lexicon (0; VADER's -0.4 is "pay the price"): it reads
    # nothing, negated too, so the negation before it makes a negated word
    s = LexiconScorer({"pay": 0.0}, layer={"\u00acenough": -2.0})
    text = "Not enough pay."
    r = s.score(text)
    assert r.compound < 0 and [text[a:b] for a, b, _w in r.contributions] == ["Not enough"]
    assert "\u00acenough" in s.terms("not enough pay")
    # a topic VADER rates positive keeps VADER's negation ("they don't care")
    s = LexiconScorer({"care": 0.0}, layer={"\u00acenough": -2.0})
    assert "\u00acenough" not in s.terms("not enough care")


def test_a_negated_plenty_negates_the_rated_word_and_makes_no_negated_word():
    # "not a lot of" reaches the rated word after it (beyond VADER's three words): the lack
    # rule's to read, so no negated word of the layer ("¬lot") weighs too
    s = LexiconScorer({"stress": -1.5}, layer={"\u00aclot": -1.0})
    text = "Not a lot of stress."
    r = s.score(text)
    assert r.compound > 0 and [text[a:b] for a, b, _w in r.contributions] == ["stress"]
    text = "Not a lot of people."
    assert [text[a:b] for a, b, _w in s.score(text).contributions] == ["Not a lot"]


def test_terms_hold_the_negated_words():
    terms = LexiconScorer().terms("they don't listen")
    assert terms["\u00aclisten"] == pytest.approx(1.0)
    assert terms["listen"] == pytest.approx(-0.74)
    assert "\u00acthey" not in terms and "\u00aclisten" not in LexiconScorer().terms(
        "I don't listen")


def test_a_copula_pair_of_the_layer_holds_across_words_of_degree():
    s = LexiconScorer(layer={"are long": -0.8})
    for text in ("The hours are quite long.", "Shifts are a bit long.", "Days are very long."):
        r = s.score(text)
        assert r.compound < 0 and [text[a:b] for a, b, _w in r.contributions][0].endswith("long")
        assert "are long" in s.terms(text)  # the feature the layer is learned on, too
    assert s.score("Hours are a long way from here, a bit.").compound == 0  # "a" + no degree
    assert s.score("They are quite, long ago.").compound == 0  # not across a clause mark


def test_the_predicate_of_a_level_reads_as_the_pair():
    s = LexiconScorer({"pay": 0.0, "high pay": 1.8, "low pay": -2.5, "high turnover": -1.6,
                       "low turnover": 1.0}, layer={"is high": -1.0})
    assert s.score("Pay is high.").contributions == [[7, 11, 1.8]]  # not the layer's "is high"
    assert s.score("Turnover is high.").compound < 0 < s.score("Turnover is low.").compound
    assert s.score("The pay is quite low").compound < s.score("The pay is low").compound < 0
    assert s.score("Turnover isn't high").compound > 0  # negated as the pair
    assert s.score("Pay can be low for the area").compound < 0
    assert "is high" not in s.terms("Pay is high")  # the layer is learned without it
    # no predicate of a level: a noun it modifies, a clause mark between, a noun without a pair
    assert s.score("Pay is a high priority").compound == 0
    assert s.score("Pay is, high up there").compound == 0
    assert s.score("Quality is high").contributions == [[8, 15, -1.0]]
    # the level word skipped (the parse's reading of a lack, "stress is low"): no pair
    assert s.score("Turnover is low", skip=frozenset({12})).compound == 0


def test_the_predicate_of_a_pair_reads_as_the_pair():
    s = LexiconScorer({"long hours": -2.5, "limited progression": -2.0, "hard work": 1.0,
                       "expected to": -1.5}, layer={"are long": -1.0})
    assert s.score("The hours are long.").contributions == [[14, 18, -2.5]]
    assert s.score("Hours are quite long").compound < s.score("Hours are long").compound
    assert s.score("The hours are not long").compound > 0  # negated as the pair
    assert s.score("Progression is limited.").contributions == [[15, 22, -2.0]]
    assert "are long" not in s.terms("Hours are long")  # the layer is learned without it
    # no pair read: a word VADER rates that is no lack word ("hard" is another sense there),
    # a noun the predicate modifies, a clause mark between, a stop word for the noun
    assert s.score("The work is hard").contributions == [[12, 16, -0.4]]
    assert s.score("Hours are long shifts").contributions == [[6, 14, -1.0]]
    assert s.score("Hours are, long").compound == 0
    assert s.score("That is to be expected").compound == 0


@pytest.mark.parametrize("text, sign", [
    ("Pay is high.", 1), ("Morale is high.", 1), ("Turnover is low.", 1),
    ("Low workload and good pay.", 1), ("The workload is very high.", -1),
    ("Morale is low.", -1), ("Stress is low.", 1), ("Bonuses are low.", -1),
    ("No targets.", 1), ("Little turnover.", 1), ("Turnover is minimal.", 1),
    ("Breaks are short.", -1), ("The hours were not long.", 1),
])
def test_levels_read_by_what_the_noun_is(text, sign):
    assert sign * sentiment(text, domain="career").compound > 0


def test_a_comparison_yields_only_within_its_clause():
    s = LexiconScorer({"treat you like": -2.0, "like family": 1.5})
    assert s.score("They treat you like family").compound > 0  # the comparison's object decides
    # "like, family" is no comparison: the phrase that ends in "like" reads
    assert s.score("They treat you like, family first they say").contributions[0][2] == -2.0
