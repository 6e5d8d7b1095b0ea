from __future__ import annotations

import spacy

from careertext.fast_attributes import CachedLemmatizer, FastAttributeRuler, accelerate
from careertext.pipeline import load_pipeline

ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_", "is_space")


def _annotations(docs):
    return [[tuple(str(getattr(t, a)) for a in ATTRS) for t in doc] for doc in docs]


def _texts(shared, n_posts=60):
    import csv

    csv.field_size_limit(10**9)
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").glob("*.txt"))]
    path = shared / "data" / "reddit-career-top" / "reddit_career_top_posts.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= n_posts:
                break
            texts.append(f"{row['title']}\n\n{row['body']}")
    return texts


def test_default_pipeline_is_accelerated(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert load_pipeline(accelerated=False) is not nlp


def test_same_annotations_as_the_stock_components(nlp, shared):
    """Token for token, on five real essays and 60 real posts (about 100k tokens)."""
    stock = load_pipeline(accelerated=False)
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    texts = _texts(shared)
    assert _annotations(nlp.pipe(texts)) == _annotations(stock.pipe(texts))
    # a second pass runs entirely from the memos
    assert _annotations(nlp.pipe(texts[:3])) == _annotations(stock.pipe(texts[:3]))


def test_residual_and_negative_index_patterns_follow_rule_order():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "left"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": "i"}, {"LOWER": {"REGEX": "^le"}}]], {"POS": "ADJ"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["left", "quit"]}}]], {"LEMMA": "leave"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    expected = [(t.pos_, t.lemma_) for t in nlp("I left  today")]
    accelerate(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert [(t.pos_, t.lemma_) for t in nlp("I left  today")] == expected
    assert expected[1] == ("ADJ", "leave")  # the later (regex) rule wins over the first


def test_serialisation_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(loaded.get_pipe("lemmatizer"), CachedLemmatizer)
    text = "She was laid off; we weren't told why, and the managers kept hiring."
    assert _annotations([loaded(text)]) == _annotations([nlp(text)])


def test_accelerate_leaves_other_components_alone(blank_nlp):
    names = blank_nlp.pipe_names
    kinds = [type(p) for _, p in blank_nlp.pipeline]
    accelerate(blank_nlp)  # lookup lemmatizer, no attribute ruler: nothing to swap
    assert blank_nlp.pipe_names == names and [type(p) for _, p in blank_nlp.pipeline] == kinds


def test_same_annotations_without_the_parser(nlp, shared):
    """With the parser off (analyze's senter mode) DEP is missing: rules on DEP must behave as
    spaCy's matcher does with allow_missing."""
    stock = load_pipeline(accelerated=False)
    texts = _texts(shared, n_posts=20)
    with nlp.select_pipes(disable=["parser"]), stock.select_pipes(disable=["parser"]):
        assert _annotations(nlp.pipe(texts)) == _annotations(stock.pipe(texts))
