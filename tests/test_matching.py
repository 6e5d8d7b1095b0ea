from __future__ import annotations

import pytest

from careertext import default_codebook
from careertext.matching import (
    CueMatcher,
    form_only_words,
    frame_rules,
    negated_through_or,
    verb_only_words,
    verb_particles,
)


def hits(nlp, text):
    doc = nlp(text)
    matcher = CueMatcher.shared(nlp, default_codebook())
    return {(h.key, h.kind, doc[h.start:h.end].text) for h in matcher(doc)}


@pytest.mark.parametrize("text, word", [
    ("My first month was like being thrown into the fire.", "fire"),
    ("She was on sick leave for a month.", "leave"),
    ("The office is on the left side of the street.", "left"),
    ("I fired off an email to my team.", "fired"),  # a verb with a particle: another verb
    ("We were all fired up about the launch.", "fired"),
    ("We picked up where we left off.", "left"),
    ("The recruiter scheduled a call for Monday.", "scheduled"),  # not_verb: a verb here
    ("I raised concerns with my manager twice.", "raised"),
    ("Then they fired me while I was raising a family.", "raising"),
    ("I still miss my old team.", "miss"),  # form_only "missed", not "miss"
    ("I quit my finance job in October.", "finance"),  # form_only "finances", not "finance"
    ("This left me so depressed.", "left"),  # "leave" someone in a state: no departure
    ("Most mornings I could not get out of bed.", "get out"),  # other_sense, leave frame too
    ("Keep firing away, I will answer every question.", "firing"),  # other_sense: go ahead
    ("The interviews left me wanting to work there.", "left"),
    ("They called me in and I left them shortstaffed.", "left"),
    ("I was tired of the corporate grind.", "corporate"),  # not_before_noun: a kind of job
    ("I called in sick on Monday.", "sick"),  # other_sense: an absence, not an illness
    ("What broke me was the paperwork.", "broke"),  # not_active_verb: "break", not no money
    ("That job broke my spirit.", "broke"),
    ("The old system broke down every week.", "broke"),
    ("The principal reason was the commute.", "principal"),  # not_before_noun: main
    ("Quitting was a bold move.", "move"),  # other_sense: a judged move, no relocation
    ("No matter what they said, I stayed.", "matter"),
    ("I learned the difference between a job and a career.", "difference"),
    ("The interest rates were low that year.", "interest"),
    ("The title of this post says it all.", "title"),
    ("Slowly, I realized I wanted something else.", "Slowly"),  # no longer a cue
    ("It was the best career move I ever made.", "move"),  # inside a longer cue: career
    ("We moved the release date three times.", "moved"),  # relocation: an object
    ("I was moved to nights without warning.", "moved"),  # the passive
    ("I moved to the data team in 2019.", "moved"),  # to a common noun that is no place
    ("We need to move forward with the plan.", "move"),  # not_with
    ("I'd love to hear your thoughts.", "love"),  # other_sense: a wish
    ("She would not let go of the rope.", "let go"),  # other_sense: no firing
    ("I went back to study public health.", "health"),  # other_sense: a field
])
def test_verb_only_cue_in_another_sense_is_no_hit(nlp, text, word):
    assert not any(w == word for _key, _kind, w in hits(nlp, text))


def test_not_verb_cue_as_a_noun_is_a_hit(nlp):
    assert ("wellbeing_balance", "cue", "schedule") in hits(nlp, "The schedule changed every week.")
    assert ("wellbeing_balance", "problem", "missed") in hits(nlp, "I missed every birthday.")
    assert ("compensation", "cue", "raise") in hits(nlp, "I asked for a raise and got nothing.")
    assert ("compensation", "cue", "finances") in hits(nlp, "My finances were a mess.")
    assert ("management", "cue", "Corporate") in hits(nlp, "Corporate decided to cut our hours.")


@pytest.mark.parametrize("text, found", [
    ("They fired me on a Tuesday.", ("job_security", "problem", "fired")),
    ("She left me for another firm.", ("leave", "leave", "left")),  # a person leaves
    ("I left them to join a startup.", ("leave", "leave", "left")),  # a purpose, no state
    ("I will leave in May.", ("leave", "leave", "leave")),
    ("Quit my job today.", ("leave", "leave", "Quit")),  # a title's verb tagged PROPN still counts
    # cues of another sense in the test above, here in their own
    ("I was broke all the time.", ("compensation", "problem", "broke")),
    ("We went broke.", ("compensation", "problem", "broke")),
    ("I was so broke I couldn't pay rent.", ("compensation", "problem", "broke")),
    ("Teaching left me broke.", ("compensation", "problem", "broke")),
    ("Our principal never backed us up.", ("management", "cue", "principal")),
    ("We had to move for my wife's job.", ("life_circumstances", "cue", "move")),
    ("We moved across the country last year.", ("life_circumstances", "cue", "moved")),
    ("We moved house twice that year.", ("life_circumstances", "cue", "moved")),  # keep_objects
    ("I moved my family to Ohio.", ("life_circumstances", "cue", "moved")),
    ("I moved to a new city in May.", ("life_circumstances", "cue", "moved")),  # places
    ("I love teaching.", ("passion_fit", "cue", "love")),
    ("I was sacked in March.", ("job_security", "problem", "sacked")),
    ("My role was axed last spring.", ("job_security", "problem", "axed")),
    ("I left to do a master's in Leeds.", ("life_circumstances", "cue", "master's")),
    ("I quit because I wanted to make a difference.", ("purpose_impact", "cue", "difference")),
    ("I lost interest in the work.", ("passion_fit", "cue", "interest")),
    ("My title never changed.", ("career_advancement", "cue", "title")),
    ("Everything moved slowly.", ("autonomy_pace", "problem", "moved slowly")),
])
def test_a_cue_in_its_own_sense_is_a_hit(nlp, text, found):
    assert found in hits(nlp, text)


def test_without_tags_verb_only_cues_still_match(blank_nlp):
    assert ("leave", "leave", "fire") in hits(blank_nlp, "Into the fire.")


def test_verb_only_is_not_a_frame():
    assert {"fire", "leave", "quit"} <= verb_only_words()
    assert {"off", "up"} <= verb_particles()
    assert {"calling", "meaning"} <= form_only_words()
    assert not {"verb_only", "verb_particles", "form_only"} & set(frame_rules())
    assert "leave" in frame_rules()


@pytest.mark.parametrize("text, other, own", [
    ("He called me back about the call.", "called", "Teaching was my calling."),
    ("What does that mean?", "mean", "The work had no meaning."),
    ("The lunch break was short.", "break", "I was broke."),
    ("I found a bug.", "found", "I joined as a founding engineer."),
    ("I did it as well.", "well", "The new job pays better."),
    ("What should I do with my life?", "do with", "I am done with this job."),
])
def test_form_only_cue_does_not_match_its_lemma(nlp, text, other, own):
    # "calling" is lemmatised "call": matched by lemma it would find every call
    assert not any(w == other for _key, _kind, w in hits(nlp, text))
    assert hits(nlp, own)


@pytest.mark.parametrize("text, praise", [
    ("The job is well paid.", "well paid"),
    ("It pays well enough.", "pays well"),
])
def test_a_phrase_holding_a_form_only_word_is_matched_as_written(nlp, text, praise):
    # "better pay" by its lemmas is "well pay": it had made praise a problem of pay
    assert ("compensation", "problem", praise) not in hits(nlp, text)
    assert ("compensation", "problem", "better paying") in hits(
        nlp, "I got a better paying job.")


@pytest.mark.parametrize("text, inner, outer", [
    ("The health insurance was good.", ("wellbeing_balance", "cue", "health"),
     ("compensation", "cue", "health insurance")),
    ("The hiring manager never wrote back.", ("management", "cue", "manager"),
     ("job_search", "cue", "hiring manager")),
    ("I wanted a career change.", ("career_advancement", "cue", "career"),
     ("new_opportunity", "cue", "career change")),
])
def test_cue_inside_a_longer_cue_of_another_code_is_no_hit(nlp, text, inner, outer):
    found = hits(nlp, text)
    assert outer in found
    assert inner not in found


def test_cue_inside_a_longer_cue_stays_where_its_code_lists_the_longer_one_too(nlp):
    found = hits(nlp, "I joined a startup last year.")
    assert ("new_opportunity", "problem", "joined a startup") in found
    assert ("company_type", "cue", "joined a startup") in found  # the theme stays
    # on its own the short cue is a hit as before
    assert ("management", "cue", "manager") in hits(nlp, "My manager never wrote back.")


def test_lemma_matching_still_finds_inflections(nlp):
    # the codebook lists "teammates", not "teammate"
    assert ("culture_fit", "cue", "teammate") in hits(nlp, "My teammate was never there.")


def test_rules_lists_hold_only_strings():
    """A bare YAML ``off`` or ``edit:`` would load as ``False`` or a mapping and never match."""
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("careertext").joinpath("data/rules.yaml").read_text())
    separable = raw.pop("separable")
    assert all(isinstance(v, str) for vs in raw.values() for v in vs)
    assert all(isinstance(k, str) and len(k.split()) == 2 and all(isinstance(w, str) for w in ws)
               for k, ws in separable.items())


@pytest.mark.parametrize("text, found", [
    ("They laid me off in May.", ("job_security", "problem", "laid me off")),
    ("They laid me off in May.", ("leave", "leave", "laid me off")),
    ("The agency let her go without notice.", ("job_security", "problem", "let her go")),
    ("They are letting us go in June.", ("job_security", "problem", "letting us go")),
    ("Ten years of night shifts burned me out.", ("wellbeing_balance", "problem", "burned me out")),
    ("They passed him over again.", ("career_advancement", "problem", "passed him over")),
])
def test_object_pronoun_inside_a_separable_cue(nlp, text, found):
    assert found in hits(nlp, text)


@pytest.mark.parametrize("text", [
    "My supervisor let me go home early.",  # a word of another phrase after the particle
    "Let me go back to the start.",
    "Let us go get some coffee.",  # a verb after a particle that is a verb
    "Just let it go.",  # "it" is no object pronoun here
])
def test_separable_cue_in_another_phrase_is_no_hit(nlp, text):
    assert not any(key == "job_security" for key, _kind, _w in hits(nlp, text))


def test_separable_cue_without_lemmas_matches_its_base_form(blank_nlp):
    assert ("job_security", "problem", "lay me off") in hits(blank_nlp, "They will lay me off.")


def test_without_a_parse_particles_are_not_read(nlp):
    """Tagger and senter only (``analyze(analyses=["themes", "sentiment"])``): a token's
    children are undefined without a parse, and reading them crashed spaCy on real posts."""
    if "senter" not in nlp.component_names:
        pytest.skip("the model has no senter")
    with nlp.select_pipes(disable=["parser"]):
        nlp.enable_pipe("senter")
        try:
            doc = nlp("We were all fired up about the launch.")
        finally:
            nlp.disable_pipe("senter")
    assert doc.has_annotation("POS") and not doc.has_annotation("DEP")
    # no parse, no particle: the verb counts (the tag still rules out "into the fire")
    assert ("job_security", "problem", "fired") in {
        (h.key, h.kind, doc[h.start:h.end].text)
        for h in CueMatcher.shared(nlp, default_codebook())(doc)}


def test_themes_and_sentiment_without_a_parse_on_real_posts(shared):
    """Regression: these Reddit posts crashed the senter-only path (a segmentation fault)."""
    import csv

    import careertext

    path = shared / "data" / "reddit-career-top" / "reddit_career_top_posts.csv"
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if (r["body"] or "").strip() not in ("", "[removed]", "[deleted]")][:100]
    texts = [f"{r['title']}\n\n{r['body']}".strip() for r in rows]
    results = list(careertext.analyze(texts, analyses=["themes", "sentiment"], senter=True))
    assert len(results) == len(texts)


@pytest.mark.parametrize("text, word", [
    ("I paid off my student loans in five years.", "paid"),
    ("All that practice finally paid off.", "paid"),
    ("Pay attention to how they treat the interns.", "Pay"),
    ("This forum helped me when I left, so I am paying it forward.", "paying"),
    ("We broke up last winter.", "broke"),
    ("My manager broke the news on a Friday.", "broke"),
])
def test_cue_inside_a_phrase_of_another_sense_is_no_hit(nlp, text, word):
    assert not any(key == "compensation" and w == word for key, _kind, w in hits(nlp, text))
    assert not any(kind == "other_sense" for _key, kind, _w in hits(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("They paid me less than the new hires.", "paid"),
    ("I was broke by the end of every month.", "broke"),
    ("We get paid time off.", "paid"),  # "paid ... off" split: not "paid off"
])
def test_cue_outside_a_phrase_of_another_sense_stays(nlp, text, word):
    assert any(key == "compensation" and w == word for key, _kind, w in hits(nlp, text))


@pytest.mark.parametrize("text, seen", [
    ("In meetings I counted the ceiling tiles.", False),
    ("Some nights I lay awake staring at the ceiling.", False),
    ("The shelves in the stock room went up to the ceiling.", False),
    ("I had hit the ceiling in my current role.", True),
    ("There is a ceiling on what analysts can earn here.", True),
])
def test_a_ceiling_one_can_see_is_no_career_ceiling(nlp, text, seen):
    assert any(key == "career_advancement" and w.startswith("ceiling")
               for key, _kind, w in hits(nlp, text)) is seen


@pytest.mark.parametrize("text, amount", [
    ("They offered me 72k to stay.", "72k"),
    ("The new role pays 120K a year.", "120K"),
    ("It was a 100k+ job.", "100k+"),
    ("I'm 24f and my job is draining me.", None),  # an age, not an amount
    ("In my 20s I worked retail.", None),
    ("The app made me 10x faster.", None),
])
def test_a_money_amount_ends_in_k(nlp, text, amount):
    found = {w for key, kind, w in hits(nlp, text)
             if key == "compensation" and kind == "cue" and any(c.isdigit() for c in w)}
    assert found == ({amount} if amount else set())


@pytest.mark.parametrize("text, word, kept", [
    ("I'm sick of stupid office politics.", "sick", None),
    ("I am so tired of being told to be grateful.", "tired", None),
    ("I had gotten sick and tired of my commute.", "tired", "commute"),  # the topic stays
    ("I was tired all the time.", None, "tired"),  # exhaustion itself
])
def test_frustration_with_a_topic_is_no_exhaustion(nlp, text, word, kept):
    found = {w for key, _kind, w in hits(nlp, text) if key == "wellbeing_balance"}
    assert word not in found
    assert kept is None or kept in found
    # "tired of" is still a motive frame
    if word:
        assert any(kind == "because" for _key, kind, _w in hits(nlp, text))


@pytest.mark.parametrize("text, word, negated", [
    ("I never had stress or burnout there.", "burnout", True),
    ("There was no real feedback or praise.", "praise", True),
    ("I had stress or burnout every week.", "burnout", False),  # nothing negated
    ("I never had stress, and burnout came later.", "burnout", False),  # "and", not "or"
    ("I didn't get the raise, or I would be happy.", "happy", False),  # a clause of its own
    ("Not a care or stress in the world.", "stress", True),
])
def test_negation_reaches_a_later_conjunct_after_or(nlp, text, word, negated):
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == word)
    assert negated_through_or(token, {"not", "never", "n't", "no"}.__contains__) == negated


def test_minimum_wage_names_pay_without_stating_a_problem(nlp):
    # antiwork posts discuss the minimum wage in general: a topic, like "salary"
    found = hits(nlp, "The minimum wage should keep pace with prices.")
    assert ("compensation", "cue", "minimum wage") in found
    assert ("compensation", "problem", "minimum wage") not in found
