# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test setup lint format messages serve bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

## setup: install, compile translations, migrate, load the demo content once
setup: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

## run: the development site on http://127.0.0.1:8000/ with an admin login
run: setup
	$(MANAGE) dev_admin
	$(MANAGE) runserver 127.0.0.1:8000

## test: the whole test suite
test: setup
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: update the .po files after changing interface strings (needs GNU gettext)
messages: $(VENV)/.installed
	$(MANAGE) makemessages --no-location --no-obsolete $(foreach l,de en fr es ru uk ar,-l $(l)) \
		--ignore=.venv --ignore=staticfiles --ignore=bench

clean:
	rm -rf $(VENV) staticfiles
