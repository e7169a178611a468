# make build: install into .venv and build data/quotes.db from seeds/; make test: run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/quotes.db
INPUTS ?= seeds

.PHONY: all build install serve test lint bench bench-accuracy bench-clusters clean

all: test lint

$(BIN)/quotes: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/quotes

build: install
	$(BIN)/quotes build $(INPUTS) --db $(DB)

serve: build
	$(BIN)/datasette $(DB) --metadata quotes/metadata.yml

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check quotes tests bench
	$(BIN)/ruff format --check quotes tests bench
	$(BIN)/mypy quotes

bench: bench-accuracy bench-clusters

bench-accuracy: install
	$(BIN)/python bench/accuracy.py

bench-clusters: install
	$(BIN)/python bench/clusters.py

clean:
	rm -rf $(VENV) $(DB) *.egg-info
