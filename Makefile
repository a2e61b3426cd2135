# Two entry points for people: `make run` (set up and start Dubao) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PREPARED := $(VENV)/.prepared
TABLES := prepared/.made

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[speech,test]'
	touch $(STAMP)

# The prepared language tables (dictionary index, HSK lists, jieba's and pypinyin's tables) in the git-ignored
# prepared/, built once at set-up (a few seconds) and again when the libraries change; found there by every process,
# whatever its cache folder (see reader/core/lang/tables.py).
$(TABLES): $(STAMP)
	$(PY) -m reader prepare --tables-only
	touch $(TABLES)

# ... and the bundled article's pinyin in the cache folder, for the first start of the window.
$(PREPARED): $(TABLES)
	$(PY) -m reader prepare
	touch $(PREPARED)

run: $(PREPARED)
	$(PY) main.py

test: $(TABLES)
	$(PY) -m pytest

bench: $(TABLES)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) build dist prepared *.egg-info
