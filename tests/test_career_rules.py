"""Tests of careertext.career_rules: the readings of career text that work on a sentence's
words. Each returns what it negates (index -> the index of the word that negates it); the
scorer applies them (tests/test_sentiment.py checks the scores)."""

import pytest

from careertext.career_rules import (
    _clause_lows,
    _lack_targets,
    _middling_verdict,
    _phrase_targets,
    _regret_objects,
    _regret_targets,
    _stop_targets,
    _wish_targets,
)

LEX = {"opportunities": 1.6, "support": 1.7, "better": 1.9, "enjoying": 2.4, "good": 1.9,
       "merit": 1.4, "improve": 1.9, "improved": 2.0, "stress": -1.8, "supportive": 1.9,
       "ignored": -1.3, "ideal": 2.4, "perfect": 2.7}


@pytest.mark.parametrize("text, negated", [
    ("few opportunities to grow", {"opportunities"}),
    ("a few good friends", set()),  # some, not a lack
    ("the pay could be a bit better", {"better"}),
    ("management needs to improve", {"improve"}),
    ("it could be better than this", set()),  # a comparison
    ("managers were less supportive", {"supportive"}),
    ("newcomers are more or less ignored", set()),  # about, not a lack
    ("work life balance could still be better", {"better"}),  # an adverb after the modal
    ("they should have better support", {"better"}),  # a verb of having for "be"
    ("could offer a bit more support", {"support"}),
    ("the process can be made better", {"better"}),  # "can" with "be"
    ("communication can be improved", {"improved"}),
    ("you can have a better life", set()),  # "can" without "be" wishes nothing
    ("staff can improve their skills", set()),
    ("there isn't a lot of support", {"support"}),  # a negated plenty: beyond VADER's reach
    ("not lots of opportunities", {"opportunities"}),
    ("a lot of support", set()),
    # what "would be nice to / if" wishes for is missed too, up to a contrast
    ("it would be good to have better support", {"good", "better", "support"}),
    ("it would have been good if they offered support", {"good", "support"}),
    ("would be good to have more pay but the support is good", {"good"}),
    # a closing "would be nice" wishes for what its subject names; "that would be good" replies
    ("better support would be good", {"better", "good"}),
    ("more career opportunities would be good", {"opportunities", "good"}),
    ("more parking would be good but the team is ideal", {"good"}),
    ("that would be good", set()),
    # what a wished-for "more" asks for: the good words of its phrase, not past its end
    ("need more career opportunities", {"opportunities"}),
    ("should give more career support opportunities", {"support", "opportunities"}),
    ("need more staff to support us", set()),
    ("need more stress and support", set()),
])
def test_lack_and_wish_negate_the_good_word(text, negated):
    words = text.split()
    found = {**_lack_targets(words, LEX), **_wish_targets(words, LEX)}
    assert {words[i] for i in found} == negated


def test_stopping_rather_than_and_regret():
    words = ["i", "stopped", "enjoying", "the", "work"]
    ceased, kept = _stop_targets(words, LEX)
    assert [words[i] for i in ceased] == ["enjoying"] and not kept
    words = ["promotions", "on", "alliances", "rather", "than", "merit"]
    assert [words[i] for i in _phrase_targets(words, LEX)] == ["merit"]
    words = ["it", "used", "to", "be", "a", "good", "place"]
    assert [words[i] for i in _phrase_targets(words, LEX)] == ["good"]
    words = ["managers", "refuse", "to", "support", "us"]
    assert [words[i] for i in _phrase_targets(words, LEX)] == ["support"]
    for unwilling in ("unwilling", "reluctant"):  # what one will not do is not done
        words = ["staff", unwilling, "to", "support", "us"]
        assert [words[i] for i in _phrase_targets(words, LEX)] == ["support"]
    words = ["a", "less", "than", "ideal", "balance", "far", "from", "perfect"]
    assert [words[i] for i in _phrase_targets(words, LEX)] == ["ideal", "perfect"]
    assert not _phrase_targets(["paid", "less", "than", "a", "year", "ago"], LEX)
    words = ["i", "wish", "i", "had", "left", "sooner"]
    assert [words[i] for i in _regret_targets(words)] == ["wish"]
    words = ["wish", "there", "were", "more", "opportunities"]
    regret = _regret_targets(words)
    assert [words[i] for i in regret] == ["wish"]
    assert [words[i] for i in _regret_objects(words, regret, LEX)] == ["opportunities"]
    assert not _regret_targets(["i", "wish", "you", "continued", "success"])  # a blessing


def test_clause_lows_start_each_word_at_its_clause():
    text = "No cons, great company"
    starts = [0, 3, 9, 15]
    assert _clause_lows(text, starts) == [0, 0, 2, 2]
    assert _clause_lows("no real feedback", [0, 3, 8]) is None  # one clause


@pytest.mark.parametrize("text, found", [
    ("It was okay .", [2]),
    ("Ok place to work", [0]),
    ("Not bad to work for", [0, 1]),
    ("Overall , it's an alright company", [4]),
    ("The pay is ok", []),  # an aspect's praise
    ("Ok job , poor pay", []),
    ("Fine fine", []),  # one verdict only
    ("ok " * 9, []),  # too long for a verdict
])
def test_middling_verdict_marks_a_bare_verdict_only(text, found):
    assert _middling_verdict(text.lower().split()) == found
