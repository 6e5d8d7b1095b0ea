"""Building blocks shared by careertext's components and result types.

- :class:`DocComponent`: the spaCy side of a component; subclasses implement ``find(doc)`` and
  name the plain-data attribute it fills (``doc._.ct_reasons`` ...).
- :class:`PlainData`: ``to_dict()`` for the frozen result dataclasses (tuples become lists).
- :class:`ResultList`: a list of results that converts to a pandas DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from typing import Any, ClassVar

from spacy.tokens import Doc

__all__ = ["DocComponent", "PlainData", "ResultList"]


class DocComponent:
    """Base of careertext's spaCy components.

    ``__call__`` stores ``self.find(doc)`` (plain, JSON-safe data) on ``doc._.<data_attr>``, so
    that results survive ``DocBin`` and ``nlp.pipe(..., n_process=2)``. Extensions are registered
    on first use in every process.
    """

    data_attr: ClassVar[str] = ""

    def find(self, doc: Doc) -> Any:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        from .factories import register_extensions

        register_extensions()
        setattr(doc._, self.data_attr, self.find(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class PlainData:
    """Mixin for frozen result dataclasses: a JSON-safe ``to_dict()`` and ``from_data()``.

    ``quote_field`` names the field that holds ``text[start:end]`` (it is not stored in the
    plain data: the text is).
    """

    quote_field: ClassVar[str] = "evidence"

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (tuples become lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_data(cls, data: dict[str, Any], text: str) -> Any:
        """Build the result from its plain data (as stored on ``doc._``) and the text that its
        ``start``/``end`` offsets index."""
        kwargs = {f.name: data[f.name] for f in fields(cls)  # type: ignore[arg-type]
                  if f.name in data and f.name != cls.quote_field}
        if "cues" in kwargs:
            kwargs["cues"] = tuple(kwargs["cues"])
        kwargs[cls.quote_field] = text[data["start"]:data["end"]]
        return cls(**kwargs)


class ResultList(list):
    """A list of results (dataclasses with ``to_dict``) with a DataFrame view."""

    item_type: ClassVar[type]

    def to_frame(self):
        """One row per result (pandas DataFrame), columns in field order."""
        import pandas as pd

        columns = list(self.item_type.__dataclass_fields__)
        return pd.DataFrame([item.to_dict() for item in self], columns=columns)
