#!/usr/bin/env bash
# Held-out evaluation of reason extraction: the figures quoted in the README.
# Materialises the third-party texts into a temporary folder (never committed), then scores
# careertext and the keyword baseline on every gold file under eval/gold/test/ and on all of
# them together. Usage: bash eval/run_eval.sh [extra careertext evaluate options]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" eval/export_posts.py "$tmp" --ids eval/gold/test/reddit_*.jsonl --shared "$SHARED" >/dev/null
cp "$SHARED"/corpus/*.txt "$tmp"/
cat eval/gold/test/*.jsonl > "$tmp/all_test.jsonl"
for gold in eval/gold/test/*.jsonl "$tmp/all_test.jsonl"; do
  "$PY" -m careertext.cli evaluate "$gold" "$tmp" --baseline "$@"
done
