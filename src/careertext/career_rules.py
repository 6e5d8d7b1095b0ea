"""The readings of career text that work on a sentence's words (no parse): a lack ("few
opportunities"), a wish for more ("the pay could be better"), what one stopped doing, a regret,
"rather than", the utmost ("couldn't be happier") and clause bounds. Each returns the indices it
negates or keeps; :class:`careertext.lexicon_scorer.LexiconScorer` applies them."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator

from .vader import BOOSTERS, _negated

# A clause mark: a comma, colon, semicolon, full stop, "!", "?" or closing bracket before a space
# (not the "." of "3.5"), an opening bracket, or a dash between spaces.
_CLAUSE_MARK = re.compile(r"[,;:.!?)\]](?=\s|$)|[(\[]|\s[-–—]+\s")


_SOME = frozenset({"few", "little"})
_SOME_FEW_AFTER = frozenset({"last", "first", "past", "next", "these", "those", "every"})


def _some(lower: list[str], i: int) -> bool:
    """Whether word ``i`` is the "few" of "a few" or the "little" of "a little", or a "few" of
    time ("the last few years", "the first few months", "every few weeks"): some, no lack;
    or the "less" of "more or less" (about: "more or less ignored").

    >>> _some("over the last few years".split(), 3), _some("very few opportunities".split(), 1)
    (True, False)
    >>> _some("more or less ignored".split(), 2), _some("less helpful".split(), 0)
    (True, False)
    """
    if i > 0 and lower[i] == "less":
        return lower[i - 1] == "or"
    return i > 0 and lower[i] in _SOME and (
        lower[i - 1] == "a" or (lower[i] == "few" and lower[i - 1] in _SOME_FEW_AFTER))


#: Adjectives that say "low" of an amount ("a measly bonus" had read as praise of the bonus):
#: lack words before a noun (:data:`_LACK`) and as a predicate ("the bonus was meagre").
_SMALL = frozenset({"tiny", "meagre", "meager", "measly", "paltry"})
#: Quantity words that, in career text, negate the lexicon word right after them, or after up
#: to two of "of" / "any" / "real" ("few opportunities", "lack of any support", "less
#: helpful"), as VADER's "no" does; "few" and "little" not after "a" ("a few friends", "a
#: little help": some, not a lack), "less" not in "more or less". "non" written apart is one
#: before a positive word ("non friendly environment", "non competitive salary"; "non stop" is
#: an excess, "non-political" one word). The adjectives of :data:`_SMALL` are among them.
_LACK = frozenset({"few", "fewer", "little", "less", "zero", "minimal", "insufficient", "limited",
                   "low", "lack", "lacked", "lacks", "lacking", "non"}) | _SMALL
_LACK_GAP = frozenset({"of", "any", "real"})
#: A negated plenty is a lack too: a negation before "a lot of", "lots of", "loads of", "a
#: great deal of", "a ton of" or "tons of" negates the lexicon word right after it, beyond the
#: reach of VADER's "not" ("not a lot of opportunity for progression" had read as praise).
_PLENTY = (("a", "lot", "of"), ("lots", "of"), ("loads", "of"), ("a", "great", "deal", "of"),
           ("a", "ton", "of"), ("tons", "of"))
#: The words whose presence calls :func:`_lack_targets`.
_LACK_CUES = _LACK | frozenset(p[-2] for p in _PLENTY)


def _lack_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each lexicon word that a lack word negates to the lack word's index.

    >>> _lack_targets(["few", "opportunities"], {"opportunities": 1.6})
    {1: 0}
    >>> _lack_targets(["a", "few", "friends"], {"friends": 2.1})
    {}
    >>> _lack_targets("not a lot of opportunity".split(), {"opportunity": 1.8})
    {4: 3}
    >>> _lack_targets("non friendly staff, non stop".split(), {"friendly": 2.2, "stop": -1.2})
    {1: 0}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j, w in enumerate(lower):
        if _negated(w):  # "not a lot of opportunity"
            k = _plenty_target(lower, lex, j)
            if k >= 0:
                out[k] = k - 1
            continue
        if w not in _LACK or _some(lower, j):
            continue
        k = j + 1
        while k < min(n - 1, j + 3) and lower[k] in _LACK_GAP:  # "lack of any support"
            k += 1
        if (k < n and lower[k] in lex and lower[k] not in _LACK and lower[k] not in BOOSTERS
                and (w != "non" or lex[lower[k]] > 0)):
            out[k] = j
    return out


def _plenty_target(lower: list[str], lex: dict[str, float], j: int) -> int:
    """The index of the lexicon word that the negation at ``j`` reaches through a plenty of
    :data:`_PLENTY` ("not a lot of opportunity"), or -1."""
    for plenty in _PLENTY:
        k = j + 1 + len(plenty)
        if tuple(lower[j + 1:k]) == plenty:
            return k if k < len(lower) and lower[k] in lex and lower[k] not in BOOSTERS else -1
    return -1


#: To have stopped doing something is no longer to do it: "stopped" / "stops" + a gerund the
#: lexicon rates negates that gerund, as "no longer" would ("I stopped enjoying the work" had
#: read positive, VADER's "stopped" -0.9 against "enjoying" +2.4; "I stopped caring" had read
#: positive too). After a gerund of state ("being", "feeling", "getting", "becoming") the word of
#: the next two that the lexicon rates is negated ("it stopped being fun"). "stopped" itself
#: then carries no valence; before a gerund the lexicon does not rate ("the company stopped
#: paying us") it keeps VADER's. Not "stop": an order or a wish complains of what goes on ("Stop
#: wasting my time!", "you need to stop micromanaging"); not a "stopped" negated itself ("never
#: stopped complaining"): :func:`_stop_targets` keeps those.
_CEASE = frozenset({"stopped", "stops"})
_CEASE_STATE = frozenset({"being", "feeling", "getting", "becoming"})


#: Phrases after which what follows is not so: the lexicon words among the three words after
#: them are negated, as after VADER's "not". What is done "rather than" or "instead of"
#: something is not that thing ("promotions based on longevity rather than merit", "they
#: complain instead of trying to help"; "supported us rather than complained" praises; 175
#: Kaggle pros and cons use them); what "used to be" is no longer ("it used to be a great
#: place to work"; "parking used to be a problem" praises); what one is "unable to", "fails
#: to", "refuses to", "is unwilling to" or "reluctant to" do is not done ("unable to move
#: forward with career opportunities", "refuses to listen", "unwilling to help"); what is
#: "less than" or "far from" something is not it ("a less than ideal work-life balance" had
#: read +0.74 by VADER's "ideal", "far from perfect"). What is not so of all is not so of
#: some: "not all", "not every", "not everyone", "not everybody", "not everything" ("not all
#: customers are friendly", "not all projects are good" had read as praise, the word beyond
#: the reach of VADER's "not"; "not everybody is horrible" praises a little); not after "if"
#: ("most if not all staff are great").
_NOT_ALL = ("all", "every", "everyone", "everybody", "everything")
_NEGATING_PHRASES = frozenset({
    ("rather", "than"), ("instead", "of"), ("used", "to", "be"), ("use", "to", "be"),
    ("unable", "to"), ("fail", "to"), ("fails", "to"), ("failed", "to"), ("failing", "to"),
    ("refuse", "to"), ("refuses", "to"), ("refused", "to"), ("refusing", "to"),
    ("unwilling", "to"), ("reluctant", "to"), ("less", "than"), ("far", "from"),
    *(("not", w) for w in _NOT_ALL)})
#: The first words of :data:`_NEGATING_PHRASES`.
_NEGATING_FIRSTS = frozenset(p[0] for p in _NEGATING_PHRASES)


#: Phrases whose "nothing" negates nothing: "nothing but" and "nothing more than" say "only"
#: ("they have been nothing but supportive", "nothing but praise", "nothing more than a
#: bully"), "nothing short of" and "nothing less than" say "truly" ("nothing short of
#: amazing"). VADER's "nothing" negated the rated word after them ("I have nothing but good
#: things to say" read -0.48), and its "but" weighed the words before it half.
_ONLY_PHRASES = (("nothing", "but"), ("nothing", "more", "than"), ("nothing", "short", "of"),
                 ("nothing", "less", "than"))
#: A warning to the reader is no praise: a negation right before "waste" + "your" ("don't
#: waste your time", "do not waste your life") negates nothing (VADER's reading of the negated
#: "waste" had made "Don't waste your time working here" +0.33).
_WASTE = frozenset({"waste", "wasting"})
#: The words whose presence calls :func:`_unnegated`.
_UNNEGATING = frozenset({"nothing"}) | _WASTE
#: What :func:`_unnegated` puts in place of the words it reads: rated, negating, boosting and
#: contrasting nothing.
SPENT = "\u2205"


def _unnegated(lower: list[str]) -> list[str]:
    """``lower`` with the words of each phrase of :data:`_ONLY_PHRASES`, and the negation of a
    warning to waste nothing of "your", replaced by :data:`SPENT`, so that the rated word
    after them keeps its own valence; ``lower`` itself when there are none.

    >>> _unnegated("nothing but praise".split())
    ['∅', '∅', 'praise']
    >>> _unnegated("don't waste your time".split())
    ['∅', 'waste', 'your', 'time']
    >>> _unnegated("nothing good to say".split()), _unnegated("don't waste it".split())
    (['nothing', 'good', 'to', 'say'], ["don't", 'waste', 'it'])
    """
    out = None
    for j, w in enumerate(lower):
        if w == "nothing":
            phrase = next((p for p in _ONLY_PHRASES if tuple(lower[j:j + len(p)]) == p), None)
            if phrase:
                out = out or list(lower)
                out[j:j + len(phrase)] = [SPENT] * len(phrase)
        elif (w in _WASTE and j and _negated(lower[j - 1]) and j + 1 < len(lower)
              and lower[j + 1] == "your"):
            out = out or list(lower)
            out[j - 1] = SPENT
    return out or lower


def _rated_after(lower: list[str], lex: dict[str, float], first: int) -> Iterator[int]:
    """Indices of the lexicon words (not degree words) among the three from ``first``: the
    reach of VADER's "not", used by the negations VADER lacks."""
    for k in range(first, min(len(lower), first + 3)):
        if lower[k] in lex and lower[k] not in BOOSTERS:
            yield k


def _phrase_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each lexicon word that a phrase of :data:`_NEGATING_PHRASES` negates
    to the index of the phrase's last word ("than", "of", "be", "to", "all", "every" ...),
    which carries no valence of its own; a "not" after "if" opens none ("if not all").

    >>> lex = {"quality": 1.5, "help": 1.7, "complained": -1.7, "great": 3.1}
    >>> _phrase_targets("volume rather than quality".split(), lex)
    {3: 2}
    >>> _phrase_targets("they moaned instead of trying to help".split(), lex)
    {6: 3}
    >>> _phrase_targets("it used to be a great place".split(), lex)
    {5: 3}
    >>> _phrase_targets("rather than quality".split()[1:], lex)
    {}
    >>> _phrase_targets("not all staff are great".split(), lex)
    {4: 1}
    >>> _phrase_targets("most if not all staff are great".split(), lex)
    {}
    """
    out: dict[int, int] = {}
    for j, w in enumerate(lower):
        if w not in _NEGATING_FIRSTS or (w == "not" and j and lower[j - 1] == "if"):
            continue
        for size in (2, 3):
            if tuple(lower[j:j + size]) in _NEGATING_PHRASES:
                last = j + size - 1
                out.update(dict.fromkeys(_rated_after(lower, lex, last + 1), last))
                break
    return out


#: What no one does is not done: "nobody" / "no one" negates the first lexicon word among the
#: three words after it, what no one does ("nobody cares about staff", "no one ever thanked
#: me", "a department that nobody respected" had read positive: VADER's negations do not
#: include them), not its object ("no one appreciates your hard work"). "No" of "no one" then
#: carries no valence of its own.
_NO_ONE = frozenset({"nobody", "noone", "no-one"})


def _no_one_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each lexicon word that "nobody" / "no one" negates to the index of
    "nobody" / "no".

    >>> lex = {"cares": 2.0, "thanked": 1.9, "no": -1.2}
    >>> _no_one_targets("nobody cares about staff".split(), lex)
    {1: 0}
    >>> _no_one_targets("no one ever thanked me".split(), lex)
    {3: 0}
    >>> _no_one_targets("no one appreciates your hard work".split(), {"appreciates": 1.7,
    ...                                                                 "hard": -0.4})
    {2: 0}
    >>> _no_one_targets("no support".split(), lex)
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j, w in enumerate(lower):
        if w in _NO_ONE:
            first = j + 1
        elif w == "no" and j + 1 < n and lower[j + 1] == "one":
            first = j + 2
        else:
            continue
        k = next(_rated_after(lower, lex, first), None)
        if k is not None:
            out[k] = j
    return out


#: Not to stop doing something is to go on doing it: a negated "stop" / "stopped" / "stops"
#: (a negation among the two words before it) + a gerund the lexicon rates leaves that gerund
#: its own valence where VADER's window negates it ("I never stopped loving the work" had read
#: negative, "I haven't stopped crying" positive), and the "stop" carries none.
_CONTINUE = frozenset({"stop", "stopped", "stops"})


def _stop_targets(lower: list[str],
                  lex: dict[str, float]) -> tuple[dict[int, int], dict[int, int]]:
    """Two maps from the index of a lexicon word to the index of the "stop" word that bears on
    it: the words a "stopped" / "stops" negates (:data:`_CEASE`), and the words a negated
    "stop" leaves un-negated (:data:`_CONTINUE`).

    >>> lex = {"stopped": -0.9, "enjoying": 2.4, "fun": 2.3, "feeling": 0.5, "loving": 2.9,
    ...        "crying": -2.1}
    >>> _stop_targets("i stopped enjoying the work".split(), lex)
    ({2: 1}, {})
    >>> _stop_targets("it stopped being fun".split(), lex)
    ({3: 1}, {})
    >>> _stop_targets("i stopped feeling so fun".split(), lex)
    ({2: 1, 4: 1}, {})
    >>> _stop_targets("they stopped paying us".split(), lex)
    ({}, {})
    >>> _stop_targets("i never stopped loving the work".split(), lex)
    ({}, {3: 2})
    >>> _stop_targets("i haven't stopped crying".split(), lex)
    ({}, {3: 2})
    >>> _stop_targets("it never stopped being fun".split(), lex)
    ({}, {4: 2})
    >>> _stop_targets("stop wasting my time".split(), lex)
    ({}, {})
    """
    ceased: dict[int, int] = {}
    kept: dict[int, int] = {}
    for j, w in enumerate(lower):
        if w not in _CONTINUE:
            continue
        if any(_negated(x) for x in lower[max(0, j - 2):j]):  # "I haven't stopped crying"
            kept.update(_gerund_targets(lower, lex, j))
        elif w in _CEASE:
            ceased.update(_gerund_targets(lower, lex, j))
    return ceased, kept


def _gerund_targets(lower: list[str], lex: dict[str, float], j: int) -> dict[int, int]:
    """The lexicon words that the "stop" at ``j`` bears on: the gerund after it, or after a
    gerund of state ("being", "feeling", "getting", "becoming") the next rated word of two."""
    n = len(lower)
    if j + 1 >= n or not lower[j + 1].endswith("ing"):
        return {}
    out = {}
    gerund = lower[j + 1]
    if gerund in lex:
        out[j + 1] = j
    if gerund in _CEASE_STATE:
        k = next((k for k in range(j + 2, min(n, j + 4))
                  if lower[k] in lex and lower[k] not in BOOSTERS), None)
        if k is not None:
            out[k] = j
    return out


#: A wish against the facts is a regret: "wish" + a subject + a past or a modal ("I wish I had
#: left sooner", "I wish they would listen", "I wish I'd known") says that things are not so,
#: and VADER's +1.7 for "wish" is negated there; "I wish you all the best" keeps it.
_REGRET = frozenset({"wish", "wished"})
_REGRET_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "someone", "somebody",
                              "it", "my", "our", "the", "there"})
_REGRET_VERBS = frozenset({"had", "hadn't", "hadnt", "were", "was", "could", "would", "did",
                           "didn't", "didnt", "knew", "could've", "would've"})
# (career text reads "’" as "'": "I’d" is "i'd" here)
_REGRET_CONTRACTED = frozenset({"i'd", "we'd", "you'd", "they'd", "he'd", "she'd"})


def _regret_targets(lower: list[str]) -> frozenset[int]:
    """Indices of the "wish" words that look back against the facts. A past form after a
    subject other than "you" counts as the verb too ("I wish they offered more training"; "I
    wish you continued success" is a blessing).

    >>> sorted(_regret_targets("i wish i had left sooner".split()))
    [1]
    >>> sorted(_regret_targets("i wish my manager would listen".split()))
    [1]
    >>> sorted(_regret_targets("wish there was more flexibility".split()))
    [0]
    >>> sorted(_regret_targets("wish they offered more training".split()))
    [0]
    >>> sorted(_regret_targets("i wish you all the best".split()))
    []
    """
    out = set()
    n = len(lower)
    for i, w in enumerate(lower):
        if w not in _REGRET or i + 1 >= n:
            continue
        nxt = lower[i + 1]
        if nxt in _REGRET_CONTRACTED or (nxt in _REGRET_SUBJECTS and (
                not _REGRET_VERBS.isdisjoint(lower[i + 2:i + 4])
                or (nxt != "you" and i + 2 < n and lower[i + 2].endswith("ed")))):
            out.add(i)
    return frozenset(out)


#: A wish for more: "could" / "should" + "be" / "have been" / "use" / "do with", up to three
#: words of degree, then a comparative the lexicon rates positive ("better", "happier") or
#: "more" + a positive word, not followed by "than": what the review says is short of it ("the
#: pay could be a bit better", "managers should be more supportive", "the raise could have been
#: better"). The word is negated, as after "no". So is a word of desirability after "would be"
#: and before "if" / "to": "it would be nice if management listened", "would be good to have
#: more training" (in 11 Kaggle cons and no pro; "would be glad for", "would be good for" are no
#: wish), and "would have been nice to"; so is every positive word of what such a wish asks for,
#: up to eight words on and before a contrast ("would be nice to have better pay and more
#: flexible hours": "better" and "flexible" negated too, as is "thank you" in "it would be nice
#: to get a thank you"; "... but the people are great" keeps "great"). A need for better is
#: one too: "need" / "needs" / "needed" (+ "to" (+ "be")) + such a
#: comparative or "more" + a positive word ("management needs to be more structured", "need
#: better management"; after "more", every positive word of the next three up to a word that
#: ends the phrase: "need more career opportunities", :func:`_more_targets`), or a word of
#: improvement ("working culture needs to improve", "needs improvement"), as is "could" /
#: "should" + "improve" ("communication could improve").
#: An adverb may stand after the modal ("could always be better", "should really be more
#: transparent"), "made" after "be" ("can be made better"), and a verb of giving or having may
#: take the place of "be" ("should have better compensation", "could offer a better bonus"), and
#: "do" too ("management could do better", "needs to do better": twenty-second session, four
#: Kaggle headlines of two to four stars had read +0.44). A
#: "can" wishes only with "be": "salary can be better", "can be improved" (15 Kaggle cons, one
#: pro), not "you can have a better life".
_NEED = frozenset({"need", "needs", "needed"})
_IMPROVE = frozenset({"improve", "improvement", "improving", "improved"})
_WISH = frozenset({"could", "should", "could've", "should've", "would", "can"}) | _NEED
_WISH_ADVERBS = frozenset({"always", "definitely", "certainly", "still", "really", "also",
                           "probably", "possibly", "maybe", "perhaps", "surely", "easily"})
_WISH_GIVE = frozenset({"have", "offer", "give", "provide", "pay"})
_WISH_ARTICLES = frozenset({"a", "an", "some"})
_WISH_NICE = frozenset({"nice", "good", "great", "helpful", "beneficial", "useful", "better",
                        "ideal", "lovely", "wonderful"})
_WISH_NICE_NEXT = frozenset({"if", "to"})
#: A subject that makes a closing "would be nice" a reply, not a wish ("that would be nice").
_WISH_NICE_REPLIES = frozenset({"it", "that", "this", "which", "what"})
#: How many words before a closing "would be nice" may name what it wishes for ("a raise",
#: "more parking", "better pay would be nice").
_WISH_SUBJECT_SPAN = 3
_WISH_OBJECT_SPAN = 8
_WISH_OBJECT_END = frozenset({"but", "however", "though", "although", "yet", "otherwise",
                              "overall", "except", "because", "so", "than"})
_WISH_VERBS = frozenset({"be", "use", "do"})
_WISH_DEGREE = frozenset({"a", "bit", "little", "lot", "much", "far", "way", "slightly",
                          "somewhat", "even", "alot", "lil"})
_WISH_NICE_DEGREE = _WISH_DEGREE | frozenset(BOOSTERS)  # "would be really nice if"
#: The degrees a wish may put between its "be" and a comparative, so that "could be a bit
#: higher" reads as the phrase "could be higher" (a seed of the career lexicon: a wish for more
#: pay in no rated word), as "could have been higher" does; see :func:`_wish_gap_aliases`.
_WISH_GAPS = (("a", "bit"), ("a", "little"), ("a", "lot"), ("slightly",), ("much",), ("far",),
              ("way",), ("somewhat",), ("even",), ("alot",))


def _wish_gap_aliases(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The forms of a wish phrase "<modal> be <comparative>" with a degree before the
    comparative (:data:`_WISH_GAPS`), and in the past ("could have been higher", with or
    without a degree); none for any other phrase.

    >>> [" ".join(a) for a in _wish_gap_aliases(("could", "be", "higher"))][:3]
    ['could be a bit higher', 'could be a little higher', 'could be a lot higher']
    >>> [" ".join(a) for a in _wish_gap_aliases(("could", "be", "higher"))][-2:]
    ['could have been even higher', 'could have been alot higher']
    >>> list(_wish_gap_aliases(("can", "be", "hard")))
    []
    """
    if len(words) == 3 and words[0] in _WISH and words[1] == "be" and words[2].endswith("er"):
        modal, comparative = words[0], words[2]
        yield from ((modal, "be", *gap, comparative) for gap in _WISH_GAPS)
        yield (modal, "have", "been", comparative)
        yield from ((modal, "have", "been", *gap, comparative) for gap in _WISH_GAPS)


#: How many words after a wished-for "more" may name what it asks for ("need more career
#: growth opportunities").
_MORE_SPAN = 3
#: Words that end that reach: what follows them is no longer the thing asked for ("need more
#: staff to help", "need more people and better pay").
_MORE_END = frozenset({"to", "and", "or", "of", "for", "in", "on", "at", "with", "than", "but",
                       "so", "if", "when", "as", "because", "the", "a", "an"})


def _more_targets(lower: list[str], k: int, lex: dict[str, float]) -> list[int]:
    """The indices of the positive words among the :data:`_MORE_SPAN` words from index ``k``
    (the word after a wished-for "more"; a phrase of the lexicon is one word), up to the first
    of :data:`_MORE_END` or a word that does not start with a letter; none if a negative word
    comes first.

    >>> _more_targets("need more career growth opportunities".split(), 2,
    ...               {"growth": 1.6, "opportunities": 1.6})
    [3, 4]
    >>> _more_targets("need more staff to help".split(), 2, {"help": 1.7})
    []
    >>> _more_targets("more hard work".split(), 1, {"hard": -0.4, "work": 1.0})
    []
    """
    out: list[int] = []
    for m in range(k, min(len(lower), k + _MORE_SPAN)):
        word = lower[m]
        if word in _MORE_END or not word[:1].isalpha():
            break
        valence = lex.get(word, 0.0)
        if valence < 0 and not out:
            break
        if valence > 0:
            out.append(m)
    return out


def _regret_objects(lower: list[str], regret: frozenset[int],
                    lex: dict[str, float]) -> dict[int, int]:
    """Map each good word that a regret (:func:`_regret_targets`) wishes for to the "wish":
    a comparative the lexicon rates positive, or the good words after a "more"
    (:func:`_more_targets`), up to :data:`_WISH_OBJECT_SPAN` words on and before a word that
    ends the wish (:data:`_WISH_OBJECT_END`). What is wished for is lacking, as after "could
    be": "I wish there was more flexibility", "wish the pay was better"; a plain good word is
    not ("I wish I'd known how good I had it").

    >>> lex = {"better": 1.9, "flexibility": 1.7, "good": 1.9}
    >>> _regret_objects("wish there was more flexibility".split(), frozenset({0}), lex)
    {4: 0}
    >>> _regret_objects("i wish the pay was better".split(), frozenset({1}), lex)
    {5: 1}
    >>> _regret_objects("i wish i'd known how good i had it".split(), frozenset({1}), lex)
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j in sorted(regret):  # a later wish's claim wins, in every run
        for m in range(j + 1, min(n, j + 1 + _WISH_OBJECT_SPAN)):
            word = lower[m]
            if word in _WISH_OBJECT_END:
                break
            wanted = _wished_for(lower, m, lex)
            if wanted is not None:
                out.update(dict.fromkeys(wanted, j))
                break
    return out


def _wished_for(lower: list[str], m: int, lex: dict[str, float]) -> list[int] | None:
    """The indices of what word ``m`` names as wished for: the good words after a "more"
    (:func:`_more_targets`, maybe none), ``m`` itself if it is a comparative the lexicon rates
    positive; ``None`` if it is neither.

    >>> lex = {"pay": 1.0, "better": 1.9}
    >>> _wished_for("more pay".split(), 0, lex), _wished_for(["better"], 0, lex)
    ([1], [0])
    >>> _wished_for(["pay"], 0, {"pay": 1.0}) is None
    True
    """
    word = lower[m]
    if word == "more":
        return _more_targets(lower, m + 1, lex)
    if word.endswith("er") and lex.get(word, 0.0) > 0:
        return [m]
    return None


def _wish_targets(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """Map the index of each positive word that a wish for more negates to the modal's index.

    >>> lex = {"better": 1.9, "supportive": 1.9, "good": 1.9}
    >>> _wish_targets("the pay could be a bit better".split(), lex)
    {6: 2}
    >>> _wish_targets("managers should be more supportive".split(), lex)
    {4: 1}
    >>> _wish_targets("it could be better than this".split(), lex)
    {}
    >>> _wish_targets("it could be good".split(), lex)
    {}
    >>> _wish_targets("the raise could have been better".split(), lex)
    {5: 2}
    >>> _wish_targets("it could've been better".split(), lex)
    {3: 1}
    >>> _wish_targets("it would be really good if they listened".split(), lex)
    {4: 1}
    >>> _wish_targets("it would be good for you".split(), lex)
    {}
    >>> nice = {"better": 1.9, "nice": 1.8}
    >>> sorted(_wish_targets("better pay would be nice".split(), nice).items())
    [(0, 2), (4, 2)]
    >>> _wish_targets("that would be nice".split(), {"nice": 1.8})
    {}
    >>> _wish_targets("management needs to be more supportive".split(), lex)
    {5: 1}
    >>> _wish_targets("the culture needs to improve".split(), {"improve": 1.9})
    {4: 2}
    >>> _wish_targets("you need to be good at it".split(), lex)
    {}
    >>> _wish_targets("work life balance could still be better".split(), lex)
    {6: 3}
    >>> _wish_targets("they should have better salaries".split(), lex)
    {3: 1}
    >>> _wish_targets("management could do better".split(), lex)
    {3: 1}
    >>> _wish_targets("needs to do better".split(), lex)
    {3: 0}
    >>> _wish_targets("salary can be made better".split(), lex)
    {4: 1}
    >>> _wish_targets("you can have a better life".split(), lex)
    {}
    """
    out: dict[int, int] = {}
    n = len(lower)
    for j0, w in enumerate(lower):
        if w not in _WISH or j0 + 1 >= n:
            continue
        j = j0  # the modal; an adverb after it counts as part of it ("could always be")
        while j + 2 < n and lower[j + 1] in _WISH_ADVERBS:
            j += 1
        if w == "can" and lower[j + 1] != "be":
            continue
        if w == "would":  # only "would be nice if ...": "would be better" may be a forecast
            k = j + 2 if lower[j + 1] == "be" else (
                j + 3 if lower[j + 1:j + 3] == ["have", "been"] else n)
            start = k
            while k < min(n, start + 2) and lower[k] in _WISH_NICE_DEGREE:
                k += 1
            if (k + 1 < n and lower[k] in _WISH_NICE and lower[k + 1] in _WISH_NICE_NEXT
                    and lex.get(lower[k], 0.0) > 0):
                out[k] = j0
                for m in range(k + 2, min(n, k + 2 + _WISH_OBJECT_SPAN)):  # what is wished for
                    if lower[m] in _WISH_OBJECT_END:
                        break
                    if lex.get(lower[m], 0.0) > 0:
                        out[m] = j0
            elif (k < n and lower[k] in _WISH_NICE and lex.get(lower[k], 0.0) > 0
                  and (k + 1 == n or lower[k + 1] in _WISH_OBJECT_END)
                  and j0 > 0 and lower[j0 - 1] not in _WISH_NICE_REPLIES):
                out[k] = j0  # "more parking would be nice": what it names is wished for
                for m in range(max(0, j0 - _WISH_SUBJECT_SPAN), j0):  # "better pay would be"
                    out.update(dict.fromkeys(_wished_for(lower, m, lex) or (), j0))
            continue
        if w in _NEED:  # "needs to be more structured", "need better pay", "needs improvement"
            k = j + 1 + (lower[j + 1] == "to")
            k += k < n and lower[k] in ("be", "do")
        elif lower[j + 1] in _IMPROVE:  # "communication could improve"
            k = j + 1
        elif w.endswith("'ve"):  # "could've been better"
            k = j + 2 if lower[j + 1] == "been" else n
        elif lower[j + 1:j + 3] == ["have", "been"]:  # "could have been better"
            k = j + 3
        elif lower[j + 1] in _WISH_GIVE:  # "should have better pay"
            k = j + 2 + (j + 2 < n and lower[j + 2] in _WISH_ARTICLES)
        else:
            k = j + 3 if lower[j + 1:j + 3] == ["do", "with"] else (
                j + 2 if lower[j + 1] in _WISH_VERBS else n)
        k += k < n and lower[k] == "made" and lower[k - 1] == "be"  # "can be made better"
        stop = min(n, k + 3)
        while k < stop and lower[k] in _WISH_DEGREE:
            k += 1
        if k < n and lower[k] == "more":  # "need more career growth opportunities"
            wanted = _more_targets(lower, k + 1, lex)  # each good word of the phrase
            if wanted and "than" not in lower[wanted[-1] + 1:wanted[-1] + 4]:
                out.update(dict.fromkeys(wanted, j0))
            continue
        if k >= n or lex.get(lower[k], 0.0) <= 0 or "than" in lower[k + 1:k + 4]:
            continue
        if lower[k].endswith("er") or lower[k] in _IMPROVE:
            out[k] = j0
    return out


#: "Couldn't be happier", "could not ask for a better team", "can't be more grateful": a
#: negated "could" / "can" / "would" before "be", "have been" or "ask for", up to two of "a",
#: "any", "much", then a comparative the lexicon rates ("happier", "more grateful"). It says the
#: most there is, so the word keeps its valence, boosted, where VADER negates it.
_UTMOST_MODALS = frozenset({"couldn't", "couldnt", "can't", "cant", "cannot", "wouldn't",
                            "wouldnt"})
_UTMOST_FILL = frozenset({"a", "any", "much"})
_NO_INDICES: frozenset[int] = frozenset()
_NO_WORDS: frozenset[str] = frozenset()


def _utmost_possible(lower: list[str]) -> bool:
    """Whether the words hold a negated modal that may open :func:`_utmost_targets`."""
    return not _UTMOST_MODALS.isdisjoint(lower) or "not" in lower


def _utmost_targets(lower: list[str], lex: dict[str, float]) -> frozenset[int]:
    """Indices of the comparatives that a negated modal makes the utmost.

    >>> lex = {"happier": 2.2, "better": 1.9, "grateful": 2.0, "disappointed": -2.0}
    >>> sorted(_utmost_targets("i couldn't be happier".split(), lex))
    [3]
    >>> sorted(_utmost_targets("could not ask for a better team".split(), lex))
    [5]
    >>> sorted(_utmost_targets("i couldn't have been more disappointed".split(), lex))
    [5]
    >>> sorted(_utmost_targets("it could not be good".split(), lex))
    []
    """
    out = set()
    n = len(lower)
    for j, w in enumerate(lower):
        if not (w in _UTMOST_MODALS
                or (w == "not" and j and lower[j - 1] in ("could", "can", "would"))):
            continue
        k = j + 1
        if lower[k:k + 2] == ["have", "been"] or lower[k:k + 2] == ["ask", "for"]:
            k += 2
        elif k < n and lower[k] == "be":
            k += 1
        else:
            continue
        while k < n and lower[k] in _UTMOST_FILL:
            k += 1
        more = k < n and lower[k] == "more"
        k += more
        if k < n and lower[k] in lex and (more or lower[k].endswith("er")):
            out.add(k)
    return frozenset(out)


def _clause_lows(text: str, starts: list[int]) -> list[int] | None:
    """For each word (``starts``: its offsets in ``text``), the index of the first word of its
    clause (clauses end at a :data:`_CLAUSE_MARK`); None when the words are one clause.

    >>> _clause_lows("pay is low, hours long", [0, 4, 7, 12, 18])
    [0, 0, 0, 3, 3]
    >>> _clause_lows("it was 3.5 hours", [0, 3, 7, 11]) is None
    True
    """
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    if not marks or not starts or bisect_right(marks, starts[0]) == bisect_right(marks, starts[-1]):
        return None
    lows, low, prev = [], 0, bisect_right(marks, starts[0])
    for k, start in enumerate(starts):
        clause = bisect_right(marks, start)
        if clause != prev:
            low, prev = k, clause
        lows.append(low)
    return lows


#: Words that open a negated item of a list (VADER's negations, "no").
_LIST_NEGATIONS = frozenset({"no"})


def _negation_floors(lower: list[str], lex: dict[str, float]) -> dict[int, int]:
    """For each word that a later negation of a list reaches (the negation too, and a merged
    phrase that opens with one, "not bad"), the index of that negation: no negation before it
    reaches the word. In "neither good nor bad" and "not good not bad" each negation negates
    its own item; VADER's three-word window also reached "bad" from the first, negating it
    twice (both sentences read -0.5). A list it is when a rated word stands between the two
    negations; "it isn't not good" keeps VADER's double negation.

    >>> lex = {"good": 1.9, "bad": -2.5}
    >>> _negation_floors("neither good nor bad".split(), lex)
    {2: 2, 3: 2}
    >>> _negation_floors(["not", "good", "not bad", "at", "all"], lex)
    {2: 2, 3: 2, 4: 2}
    >>> _negation_floors("it isn't not good".split(), lex)
    {}
    """
    negs = [k for k, w in enumerate(lower)
            if _negated(f := w.split(" ", 1)[0]) or f in _LIST_NEGATIONS]
    out: dict[int, int] = {}
    for a, b in itertools.pairwise(negs):
        if any(lower[r] in lex for r in range(a + 1, b)):
            out.update((i, b) for i in range(b, min(b + 4, len(lower))))
    return out


#: A condition is no fact: the positive words after "unless" up to the end of its clause carry
#: no valence ("progression is limited unless you're friends with management", "boring unless
#: you love small talk" had read positive); its negative words keep theirs, as they tell what it
#: takes ("no progression unless you suck up to management"). Not "if", which states as often
#: as it supposes ("great if you like variety").
_CONDITION = "unless"


def _condition_indices(lower: list[str], lows: list[int] | None,
                       lex: dict[str, float]) -> list[int]:
    """Indices of the positive words of each "unless" clause, after the "unless" (``lows``:
    see :func:`_clause_lows`).

    >>> lex = {"love": 3.2, "boring": -1.3, "wrong": -2.1}
    >>> _condition_indices("boring unless you love it".split(), None, lex)
    [3]
    >>> _condition_indices("unless you love it , boring".split(), [0, 0, 0, 0, 0, 5], lex)
    [2]
    >>> _condition_indices("secure unless you do something wrong".split(), None, lex)
    []
    """
    out: list[int] = []
    for u, w in enumerate(lower):
        if w == _CONDITION:
            out.extend(i for i in range(u + 1, len(lower))
                       if (lows is None or lows[i] == lows[u]) and lex.get(lower[i], 0.0) > 0)
    return out


#: A middling verdict on the whole job or place is no praise: "OK", "It was okay", "Okay place
#: to work", "Not bad" name the middle of a rating scale, where VADER reads "ok" +0.30 and "not
#: bad" +0.43, as much as "good". Among the Kaggle headlines such bare verdicts come with 3.1 to
#: 3.4 stars on average, below the 3.5 of the headlines that read neutral (job titles) and far
#: below "good" (4.1); so they read neutral. A verdict on an aspect keeps its praise ("the pay is
#: ok", a pro): the sentence may hold only the verdict and the words of :data:`_VERDICT_FRAME`.
#: Not "fair", which is as often fairness (an item in a list of pros).
_MIDDLING = frozenset({"ok", "okay", "alright", "fine"})
_VERDICT_FRAME = frozenset({
    "overall", "all", "in", "it", "its", "it's", "this", "that", "is", "was", "has", "been", "be",
    "the", "a", "an", "just", "pretty", "quite", "only", "fairly", "mostly", "generally",
    "kinda", "job", "company", "place", "employer", "workplace", "experience", "firm", "store",
    "role", "business", "organisation", "organization", "work", "working", "here", "there",
    "to", "for", "at", "students", "now", "start", "first", "i", "guess", "so", "far"})
_VERDICT_MAX = 8


def _middling_verdict(lower: list[str]) -> list[int]:
    """Indices of the rated words of a sentence that is a bare middling verdict (see
    :data:`_MIDDLING`): its middling word, or both words of "not bad"; else none.

    >>> _middling_verdict("it was okay".split())
    [2]
    >>> _middling_verdict("not bad place to work".split())
    [0, 1]
    >>> _middling_verdict("ok so far".split())
    [0]
    >>> _middling_verdict("the pay is ok".split())
    []
    """
    out: list[int] = []
    n_words = 0  # words, not marks of punctuation
    for i, w in enumerate(lower):
        if not any(c.isalnum() for c in w):
            continue
        n_words += 1
        if w in _MIDDLING:
            out.append(i)
        elif w == "not" and i + 1 < len(lower) and lower[i + 1] == "bad":
            out += [i, i + 1]
        elif w == "bad" and out and out[-1] == i:
            continue
        elif w not in _VERDICT_FRAME:
            return []
    # a short sentence of one verdict: "ok", or the two words of "not bad"
    one = len(out) == 1 or (len(out) == 2 and lower[out[0]] == "not")
    return out if one and n_words <= _VERDICT_MAX else []
