"""Faster drop-ins for spaCy's ``attribute_ruler`` and rule ``lemmatizer``, with identical output.

In ``en_core_web_sm`` the attribute ruler (179 token patterns that map fine-grained tags to
coarse POS, morphology and some lemmas) and the rule lemmatizer take about 40% of the pipeline's
time on forum posts, more than the parser: spaCy's ``Matcher`` tries every pattern at every
token, and the lemmatizer recomputes base forms it has seen before.

- :class:`FastAttributeRuler` answers the one-token patterns over ``LOWER``, ``TAG``, ``DEP``
  and ``IS_SPACE`` (values, ``IN``, ``NOT_IN``, or a ``REGEX`` on ``LOWER``: 171 of 179 in
  ``en_core_web_sm``) from a memo keyed by the token's ``(LOWER, TAG, DEP, IS_SPACE)``, and runs
  the rest (the multi-token patterns) through a small ``Matcher``, only on Docs with a token where
  one of them can start. Matches are applied in the same order as
  :class:`spacy.pipeline.AttributeRuler` applies them (by rule, later rules win).
- :class:`CachedLemmatizer` memoises the rule lemmatizer's answer per ``(orth, pos, morph)``,
  which is everything that answer depends on.

Both keep their parent's patterns, tables and serialisation. :func:`accelerate` swaps them into a
loaded pipeline (``load_pipeline`` does so by default); ``tests/test_fast_attributes.py`` checks
token-for-token equality with the stock components on real essays.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["CachedLemmatizer", "FastAttributeRuler", "accelerate"]

_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_MEMO_LIMIT = 200_000  # distinct keys kept before a memo starts afresh (bounded memory)


class FastAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with a memo for one-token exact-value patterns."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._invalidate()

    def _invalidate(self) -> None:
        self._fast: tuple[dict, Matcher, list, dict] | None = None
        self._entries: dict = {}

    def add(self, patterns, attrs, index: int = 0) -> None:  # noqa: D102 - as the parent
        super().add(patterns, attrs, index)
        self._invalidate()

    def clear(self) -> None:  # noqa: D102 - as the parent
        super().clear()
        self._invalidate()

    def _index(self) -> tuple[dict, Matcher, list, dict]:
        if self._fast is not None:
            return self._fast
        strings = self.vocab.strings
        by_tag: dict[int | None, list] = {}
        residual = Matcher(self.vocab, validate=False)
        triggers: list = []  # first-token conditions of the residual patterns
        for rule, pattern in enumerate(self.patterns):
            for token_patterns in pattern["patterns"]:
                first = _conditions(token_patterns[0], strings) if token_patterns else None
                if len(token_patterns) != 1 or first is None:
                    residual.add(str(rule), [token_patterns])
                    triggers.append(first)
                    continue
                tags = [c for c in first if c[0] == _COLUMNS["TAG"] and c[1] == "in"]
                if tags:
                    first.remove(tags[0])
                for tag in tags[0][2] if tags else [None]:
                    by_tag.setdefault(tag, []).append((rule, first))
        self._fast = (by_tag, residual, triggers, {})
        return self._fast

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every matching rule on ``doc`` (as the parent does)."""
        error_handler = self.get_error_handler()
        try:
            by_tag, residual, triggers, memo = self._index()
            keys = [tuple(k) for k in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()] \
                if len(doc) else []
            entries = []
            for key in keys:
                entry = memo.get(key)
                if entry is None:
                    entry = memo[key] = self._entry(key, by_tag, triggers, memo)
                entries.append(entry)
            matches = []
            if any(entry[2] for entry in entries):  # a multi-token rule may start here
                strings = self.vocab.strings
                matches = [(int(strings[m]), s, e) for m, s, e in residual(doc, allow_missing=True)]
            touched = {s + self.indices[rule] % (e - s) for rule, s, e in matches}
            for i, (rules, merged, _) in enumerate(entries):
                if i in touched:  # rare: interleave with the residual rules, in rule order
                    matches.extend((rule, i, i + 1) for rule in rules)
                elif merged:
                    set_token_attrs(doc[i], merged)
            if touched:
                matches.sort()
                for rule, start, end in matches:
                    set_token_attrs(doc[start:end][self.indices[rule]], self.attrs[rule])
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            return error_handler(self.name, self, [doc], e)

    def _entry(self, key: tuple, by_tag: dict, triggers: list, memo: dict) -> tuple:
        """For a token key: the one-token rules it matches, their attributes merged in rule order
        (later rules win, as when the parent sets them one after the other), and whether a
        residual (multi-token) pattern may start at it. Equal entries are shared, so the memo
        costs little more than its keys."""
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        strings = self.vocab.strings
        candidates = by_tag.get(key[1], []) + by_tag.get(None, [])
        rules = tuple(sorted(rule for rule, conds in candidates if _holds(conds, key, strings)))
        starts = any(t is None or _holds(t, key, strings) for t in triggers)
        entry = self._entries.get((rules, starts))
        if entry is None:
            merged: dict = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            entry = self._entries[(rules, starts)] = (rules, merged, starts)
        return entry


def _conditions(spec: dict, strings) -> list[tuple[int, str, Any]] | None:
    """One token's pattern as ``[(column, "in" | "not_in" | "regex", values)]``, or None when
    it uses anything else (other attributes, operators, predicates)."""
    if not isinstance(spec, dict) or not set(spec) <= set(_COLUMNS):
        return None
    out: list[tuple[int, str, Any]] = []
    for attr, value in spec.items():
        col = _COLUMNS[attr]
        if isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
        else:
            op, arg = "IN", [value]
        if op == "REGEX" and attr == "LOWER" and isinstance(arg, str):
            out.append((col, "regex", re.compile(arg)))
            continue
        if op not in ("IN", "NOT_IN") or not isinstance(arg, (list, tuple)):
            return None
        if attr == "IS_SPACE":
            if not all(isinstance(v, bool) for v in arg):
                return None
            values = {int(v) for v in arg}
        elif all(isinstance(v, str) for v in arg):
            values = {strings.add(v) for v in arg}
        else:
            return None
        out.append((col, op.lower(), values))
    return out


def _holds(conditions: list, key: tuple, strings) -> bool:
    for col, op, arg in conditions:
        if op == "in":
            ok = key[col] in arg
        elif op == "not_in":
            ok = key[col] not in arg
        else:
            ok = arg.search(strings[key[col]]) is not None
        if not ok:
            return False
    return True


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with its answers memoised per ``(orth, pos, morph)``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict = {}

    def __call__(self, doc: Doc) -> Doc:
        """Lemmatise ``doc`` (as the parent does)."""
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            return super().__call__(doc)  # validates the tables, raising spaCy's own error
        memo = self._memo
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist() if len(doc) else []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    new = memo.get(key)
                    if new is None:
                        if len(memo) >= _MEMO_LIMIT:
                            memo.clear()
                        new = memo[key] = self.lemmatize(doc[i])[0]
                    doc[i].lemma_ = new
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            error_handler(self.name, self, [doc], e)
            return doc


def accelerate(nlp: Language) -> Language:
    """Swap ``nlp``'s stock ``attribute_ruler`` and English rule ``lemmatizer`` for
    :class:`FastAttributeRuler` and :class:`CachedLemmatizer` (same patterns and tables, same
    output). Components of other types, or already swapped, are left alone. Returns ``nlp``.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "quit"}]], {"POS": "VERB"})
    >>> accelerate(nlp).pipe_names
    ['attribute_ruler']
    >>> type(nlp.get_pipe("attribute_ruler")).__name__, nlp("I quit")[1].pos_
    ('FastAttributeRuler', 'VERB')
    """
    from . import factories  # noqa: F401 - registers the factories used below

    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            new: Any = nlp.replace_pipe(name, "careertext_attribute_ruler",
                                        config={"validate": False})
            new.add_patterns(patterns)
        elif type(component) is EnglishLemmatizer and component.mode == "rule":
            lookups, validated = component.lookups, component._validated
            new = nlp.replace_pipe(name, "careertext_lemmatizer",
                                   config={"mode": "rule", "overwrite": component.overwrite})
            new.lookups, new._validated = lookups, validated
    return nlp
