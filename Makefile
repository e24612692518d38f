# The two set-up commands of the README: `make run` and `make test`. Each creates .venv when it is
# missing and (re)installs the project when pyproject.toml changed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench fuzz lint typecheck clean-venv bundle bundle-test install-desktop uninstall-desktop

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

# The fuzz suite with many more examples per parser than `make test` runs; the tally of inputs
# (accepted / refused cleanly / tracebacks) is printed and written to fuzz-report.json.
FUZZ_EXAMPLES ?= 300
fuzz: $(TEST_STAMP)
	ZAIRYU_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) ZAIRYU_FUZZ_REPORT=fuzz-report.json QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -p no:cacheprovider tests/fuzz

lint: $(TEST_STAMP)
	$(PY) -m ruff check .

typecheck: $(TEST_STAMP)
	$(PY) -m mypy

# The download for people who do not use make: a PyInstaller folder packed as
# dist/zairyu-VERSION-linux-x86_64.tar.gz (packaging/build.sh; it makes its own build venv).
bundle:
	PYTHON=$(PYTHON) bash packaging/build.sh

# Tries the archive as a user gets it: unpacked outside the checkout, run with env -i.
bundle-test:
	bash packaging/bundle_test.sh

# A launcher and icons for this checkout's app in the current user's menu (no root needed).
install-desktop: $(RUN_STAMP)
	$(PY) packaging/render_icons.py build/icons > /dev/null
	sh packaging/stage-share.sh build/share build/icons
	sh packaging/install-desktop.sh install $(VENV)/bin/zairyu build/share

uninstall-desktop:
	sh packaging/install-desktop.sh uninstall

clean-venv:
	rm -rf $(VENV)
