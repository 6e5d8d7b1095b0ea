"""The codebook: reason and theme codes, their labels, descriptions and cue patterns.

The default codebook is package data (``careertext/data/codebook.yaml``); its reason ids are those
of the project's shared codebook specification. Users can extend it (add a code, add cues) or
replace it with :func:`load_codebook`; the schema is validated with clear errors.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import CodebookError

__all__ = ["Code", "Codebook", "load_codebook", "default_codebook", "DIRECTIONS", "VOICES"]

DIRECTIONS = ("push", "pull", "involuntary")
VOICES = ("self", "reported", "advice")
_CODE_KEYS = {
    "id", "label", "description", "direction", "cues", "problem_cues", "patterns", "examples",
    "reason",
}


@dataclass(frozen=True)
class Code:
    """One codebook entry.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"compensation"``.
    label : str
        Readable name, e.g. ``"Compensation"``.
    description : str
        What the code covers.
    reason : bool
        Whether the code can be a reason for leaving (``False``: a theme only, e.g. ``job_search``).
    direction : str
        Default direction of a reason with this code (``push``, ``pull`` or ``involuntary``).
    cues : tuple of str
        Topic phrases, matched on lemmas and lower-case forms (``"lay off"`` matches "laid off").
        A topic cue makes a sentence a mention of the theme; it becomes a reason only with a
        link to leaving or a negative judgement of the topic.
    problem_cues : tuple of str
        Phrases that already state a problem ("underpaid", "burnout", "laid off").
    patterns : tuple of list
        spaCy ``Matcher`` token patterns, for topic cues a phrase cannot express (e.g. money
        amounts).
    examples : tuple of str
        Example sentences (documentation only).
    """

    id: str
    label: str
    description: str
    reason: bool = True
    direction: str = "push"
    cues: tuple[str, ...] = ()
    problem_cues: tuple[str, ...] = ()
    patterns: tuple[list[dict[str, Any]], ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """A validated set of codes. Iterate for all codes; ``codebook["pay"]`` for one.

    Examples
    --------
    >>> cb = default_codebook()
    >>> cb["compensation"].label
    'Compensation'
    >>> "job_search" in cb.theme_ids and "job_search" not in cb.reason_ids
    True
    """

    name: str
    version: str
    codes: tuple[Code, ...]
    fingerprint: str = field(default="", compare=False)

    def __iter__(self):
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code_id: object) -> bool:
        return any(c.id == code_id for c in self.codes)

    def __getitem__(self, code_id: str) -> Code:
        for code in self.codes:
            if code.id == code_id:
                return code
        raise KeyError(code_id)

    @property
    def reason_ids(self) -> tuple[str, ...]:
        """Ids of the codes that can be reasons for leaving."""
        return tuple(c.id for c in self.codes if c.reason)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        """Ids of all codes: every reason code is also a theme."""
        return tuple(c.id for c in self.codes)

    def label(self, code_id: str) -> str:
        """Readable label of ``code_id`` (the id itself when unknown)."""
        return self[code_id].label if code_id in self else code_id

    def extend(self, other: Codebook) -> Codebook:
        """Return a codebook with ``other``'s codes added (a code with an existing id replaces
        it)."""
        ids = {c.id for c in other.codes}
        codes = tuple(c for c in self.codes if c.id not in ids) + other.codes
        return _finish(f"{self.name}+{other.name}", self.version, codes)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, as in the YAML file."""
        return {
            "name": self.name,
            "version": self.version,
            "codes": [
                {
                    "id": c.id, "label": c.label, "description": c.description,
                    "reason": c.reason, "direction": c.direction, "cues": list(c.cues),
                    "problem_cues": list(c.problem_cues),
                    "patterns": [list(p) for p in c.patterns], "examples": list(c.examples),
                }
                for c in self.codes
            ],
        }


def _finish(name: str, version: str, codes: tuple[Code, ...]) -> Codebook:
    blob = json.dumps({"name": name, "version": version,
                       "codes": [c.__dict__ for c in codes]}, sort_keys=True, default=list)
    return Codebook(name, version, codes, hashlib.sha256(blob.encode()).hexdigest()[:16])


def _fail(where: str, problem: str) -> CodebookError:
    return CodebookError(
        "E010", f"Invalid codebook {where}: {problem}",
        "Each code needs an 'id' (letters, digits, '_') and a 'label'; 'direction' is push, pull "
        "or involuntary; 'cues' and 'problem_cues' are lists of strings and 'patterns' a list "
        "of spaCy Matcher patterns (lists of dicts). See careertext/data/codebook.yaml for a "
        "complete example.",
    )


def _parse_code(raw: Any, where: str) -> Code:
    if not isinstance(raw, dict):
        raise _fail(where, f"a code must be a mapping, not {type(raw).__name__}")
    unknown = set(raw) - _CODE_KEYS
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    code_id = raw.get("id")
    if not isinstance(code_id, str) or not code_id.replace("_", "").isalnum():
        raise _fail(where, f"'id' must be a word of letters, digits and '_', got {code_id!r}")
    where = f"{where} ({code_id})"
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise _fail(where, "'label' must be a non-empty string")
    direction = raw.get("direction", "push")
    if direction not in DIRECTIONS:
        raise _fail(where, f"'direction' must be one of {DIRECTIONS}, got {direction!r}")
    cues, problem_cues = (raw.get(key, []) or [] for key in ("cues", "problem_cues"))
    for key, value in (("cues", cues), ("problem_cues", problem_cues)):
        if not isinstance(value, list) or not all(isinstance(c, str) and c.strip() for c in value):
            odd = [c for c in value if not isinstance(c, str)] if isinstance(value, list) else []
            note = (f" (YAML read {odd[0]!r}: quote words such as off, on, yes, no and items "
                    f"ending in ':')" if odd and isinstance(odd[0], (bool, dict)) else "")
            raise _fail(where, f"'{key}' must be a list of non-empty strings{note}")
    patterns = raw.get("patterns", []) or []
    if not isinstance(patterns, list) or not all(
        isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns
    ):
        raise _fail(where, "'patterns' must be a list of token patterns (non-empty lists of dicts)")
    examples = raw.get("examples", []) or []
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise _fail(where, "'examples' must be a list of strings")
    reason = raw.get("reason", True)
    if not isinstance(reason, bool):
        raise _fail(where, "'reason' must be true or false")
    return Code(
        id=code_id, label=label.strip(), description=str(raw.get("description", "")).strip(),
        reason=reason, direction=direction, cues=tuple(str(c).strip() for c in cues),
        problem_cues=tuple(str(c).strip() for c in problem_cues),
        patterns=tuple(patterns), examples=tuple(examples),
    )


def codebook_from_dict(data: Any, where: str = "<dict>") -> Codebook:
    """Validate plain data (as read from YAML or JSON) and return a :class:`Codebook`."""
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list) or not data["codes"]:
        raise _fail(where, "the top level must be a mapping with a non-empty 'codes' list")
    codes = tuple(_parse_code(raw, f"{where}, code #{i + 1}")
                  for i, raw in enumerate(data["codes"]))
    seen: set[str] = set()
    for code in codes:
        if code.id in seen:
            raise _fail(where, f"the id {code.id!r} appears twice")
        seen.add(code.id)
    return _finish(str(data.get("name", Path(where).stem)), str(data.get("version", "0")), codes)


def load_codebook(path: str | Path, *, extend: bool = False) -> Codebook:
    """Load and validate a codebook from a YAML or JSON file.

    Parameters
    ----------
    path : str or Path
        The file. Same schema as the bundled ``careertext/data/codebook.yaml``.
    extend : bool, default False
        Add the file's codes to the default codebook (a code with an existing id replaces it)
        instead of using the file alone.

    Raises
    ------
    CodebookError
        If the file cannot be read or parsed, or fails validation.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "extra.yaml"
    >>> _ = p.write_text("codes:\\n- id: commute\\n  label: Commute\\n  cues: [long commute]\\n")
    >>> cb = load_codebook(p, extend=True)
    >>> "commute" in cb.reason_ids and "compensation" in cb.reason_ids
    True
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError("E011", f"Cannot read codebook {path}: {exc}",
                            "Check the path and that the file is UTF-8 YAML or JSON.") from exc
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise CodebookError("E012", f"Cannot parse codebook {path}: {exc}",
                            "Fix the YAML/JSON syntax at the position given.") from exc
    book = codebook_from_dict(data, str(path))
    return default_codebook().extend(book) if extend else book


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The codebook bundled with careertext (cached)."""
    text = resources.files("careertext").joinpath("data/codebook.yaml").read_text("utf-8")
    return codebook_from_dict(yaml.safe_load(text), "careertext/data/codebook.yaml")


def resolve_codebook(codebook: Codebook | str | Path | None) -> Codebook:
    """Accept a Codebook, a path, or None (the default codebook)."""
    if codebook is None:
        return default_codebook()
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, Path)):
        return load_codebook(codebook)
    raise CodebookError("E013", f"codebook must be a Codebook, a path or None, not "
                        f"{type(codebook).__name__}.", "Use careertext.load_codebook(path).")
