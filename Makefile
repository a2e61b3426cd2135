# Two entry points for people: `make run` (set up and start Dubao) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PREPARED := $(VENV)/.prepared

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[speech,test]'
	touch $(STAMP)

# The dictionary index, word caches and the bundled article's pinyin, built once at set-up (not at the first start).
$(PREPARED): $(STAMP)
	$(PY) -m reader prepare
	touch $(PREPARED)

run: $(PREPARED)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info
