# vnevents: `make run` sets up and runs the pipeline on samples/; `make test` runs all tests.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
WAREHOUSE ?= warehouse
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export GX_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: install run test bench docs clean

install: $(VENV)/.installed

# Reinstall when the pins change. requirements.lock holds every transitive pin.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: install
	$(BIN)/vnevents run samples/ --warehouse $(WAREHOUSE)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/throughput.py

docs: install
	$(BIN)/python -m schemas.data_dictionary > docs/data_dictionary.md

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
