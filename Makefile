# `make run`  : set everything up and analyze the sample article into reports/
# `make test` : set everything up and run the linters and the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := comments/caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt
# The CPU build of torch goes in first, so that detoxify's dependency on torch never pulls a
# multi-GB CUDA build. Where a local wheel folder exists (air-gapped machines), pip looks there.
TORCH := torch==2.13.0
WHEELS := $(wildcard /opt/wheels)
PIP_FIND := $(if $(WHEELS),--find-links $(WHEELS),)

.PHONY: setup run test lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(PIP_FIND) "$(TORCH)"
	$(BIN)/python -m pip install --quiet $(PIP_FIND) -e ".[test]"
	touch $@

run: setup
	$(BIN)/moderator analyze $(SAMPLE) -o reports

lint: setup
	$(BIN)/ruff check moderator tests benchmarks
	$(BIN)/ruff format --check moderator tests benchmarks

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
