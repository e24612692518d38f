# The two set-up commands of the README: `make run` and `make test`. Each creates .venv when it is
# missing and (re)installs the project when pyproject.toml changed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench lint typecheck clean-venv

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Zairyu needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(PY) -m zairyu

test: $(TEST_STAMP)
	$(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -o addopts=-ra tests/benchmarks -s

lint: $(TEST_STAMP)
	$(PY) -m ruff check .

typecheck: $(TEST_STAMP)
	$(PY) -m mypy

clean-venv:
	rm -rf $(VENV)
