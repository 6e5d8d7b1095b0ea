"""Write Reddit posts from ``../shared/data`` as ``<doc_id>.txt`` files for ``careertext evaluate``.

The gold files under ``eval/gold/`` give evidence as character spans into exactly the text this
script writes, so the text is built one way only::

    text = title + "\\n\\n" + body        (body omitted when empty, [removed] or [deleted])

with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``. Document ids are ``rct_<post id>`` for
``reddit-career-top`` and ``aw_<post id>`` for the raw ``reddit-antiwork`` file. The third-party
text is never committed: run this script to materialise it locally (CI does the same).

Usage::

    python eval/export_posts.py OUT_DIR [--ids FILE_OR_GOLD_JSONL ...] [--all]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = {
    "rct": SHARED / "data" / "reddit-career-top" / "reddit_career_top_posts.csv",
    "aw": SHARED / "data" / "reddit-antiwork" / "antiwork_submissions_raw_2014-01_2021-08.csv.gz",
}
EMPTY_BODIES = {"", "[removed]", "[deleted]"}
POST_ID = re.compile(r"[a-z0-9]{4,10}")  # the antiwork file has 3 misaligned rows; they are skipped

csv.field_size_limit(sys.maxsize)


def post_text(title: str, body: str) -> str:
    """Return the evaluation text of one post (see the module docstring)."""
    title = (title or "").strip()
    body = (body or "").strip()
    text = title if body in EMPTY_BODIES else f"{title}\n\n{body}"
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iter_posts(shared: Path = SHARED) -> Iterator[tuple[str, str]]:
    """Yield ``(doc_id, text)`` for every post of both Reddit sets."""
    for prefix, path in SOURCES.items():
        path = shared / path.relative_to(SHARED)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if not POST_ID.fullmatch(row.get("id") or ""):
                    continue
                yield f"{prefix}_{row['id']}", post_text(row.get("title", ""), row.get("body", ""))


def read_ids(path: Path) -> set[str]:
    """Read document ids from a gold JSONL (``doc_id`` keys) or a plain list, one per line."""
    ids: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        ids.add(json.loads(line)["doc_id"] if line.startswith("{") else line)
    return ids


def export(out_dir: Path, ids: set[str] | None = None, shared: Path = SHARED) -> int:
    """Write the posts (all, or those in ``ids``) to ``out_dir``; return how many were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc_id, text in iter_posts(shared):
        if ids is not None and doc_id not in ids:
            continue
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--ids", type=Path, nargs="*", default=[], help="gold JSONL or id lists")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder")
    args = parser.parse_args(argv)
    wanted: set[str] | None = None
    if args.ids:
        wanted = set().union(*(read_ids(p) for p in args.ids))
    n = export(args.out_dir, wanted, args.shared)
    missing = len(wanted) - n if wanted is not None else 0
    print(f"wrote {n} posts to {args.out_dir}" + (f" ({missing} ids not found)" if missing else ""))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
