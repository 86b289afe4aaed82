# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# One compiled catalogue per .po file; each is compiled again only when its .po changed.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test test-tools setup translations lint format messages serve serve-tools bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

## translations: compile the .po files that changed since their .mo (Babel, no GNU gettext)
translations: $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(VENV)/.installed
	$(VENV)/bin/pybabel compile --statistics --locale $* --input-file $< --output-file $@

## setup: install, compile translations, migrate, load the demo content once
setup: $(VENV)/.installed $(MO_FILES)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

## run: the development site on http://127.0.0.1:8000/ with an admin login, and a task
## worker beside it that sends the emails (to the console) and runs the daily jobs;
## Ctrl-C stops both (deploy/develop.py)
run: setup
	$(MANAGE) dev_admin
	$(PY) deploy/develop.py

## test: the whole test suite, one pytest-xdist worker per core (at most 4; TEST_WORKERS=0
## runs it in one process). A whole test file goes to one worker, so what a module sets up
## once (the demo site, collected static files) is made once; files in their own order, so
## the slow browser files start first. The suite makes its own test database (one per
## worker): db.sqlite3 is not touched. TEST_ARGS go to pytest as they are, for example
## TEST_ARGS="-m 'not browser'" or TEST_ARGS=tests/news.
TEST_WORKERS ?= auto
TEST_ARGS ?=
test: $(VENV)/.installed $(MO_FILES) test-tools
	$(PY) -m pytest --numprocesses $(TEST_WORKERS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder $(TEST_ARGS)

## test-tools: what the browser, HTML, production-server and fault tests drive. The npm
## packages axe-core and vnu-jar come from package.json (their install scripts are not
## needed). Chromium, Java, nginx, redis-server and PostgreSQL are the system's own: make never
## installs system packages, it only says which are missing; without them those tests skip (in
## CI, CI=true, they fail: .ci/run installs them first, and runs PostgreSQL for its second pass).
test-tools:
	@if [ ! node_modules/.installed -nt package-lock.json ]; then \
		if command -v npm >/dev/null; then \
			npm ci --ignore-scripts --no-audit --no-fund && touch node_modules/.installed; \
		else echo "npm is missing: the accessibility and HTML checks will be skipped."; fi; \
	fi
	@[ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || echo "Chromium is missing: the browser tests will be skipped (Debian: apt-get install chromium)."
	@command -v java >/dev/null || echo "Java is missing: the HTML validity check will be skipped (Debian: apt-get install default-jre-headless)."
	@command -v redis-server >/dev/null || echo "redis-server is missing: the Redis fault tests will be skipped (Debian: apt-get install redis-server)."
	@$(PY) deploy/serve.py --check >/dev/null 2>&1 || echo "nginx is missing: the production-server tests will be skipped (Debian: apt-get install nginx-light)."
	@$(PY) -c 'import psycopg; from tests.tools import POSTGRESQL; psycopg.connect(f"{POSTGRESQL}/postgres", connect_timeout=3).close()' >/dev/null 2>&1 || \
		echo "No PostgreSQL server lets user postgres in at 127.0.0.1:5432: the two-server fault tests will be skipped (Debian: apt-get install postgresql)."

## lint: ruff (code and format), djLint on the templates (lint mode only, never the reformatter:
## settings in pyproject.toml) and a check that no migration is missing
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: update the .po files after changing interface strings (needs GNU gettext), one
## per language in the settings' LANGUAGES (as locale names: pt-br becomes pt_BR)
LANGUAGES_PY = import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "miso_site.settings"); \
	from django.conf import settings; from django.utils.translation import to_locale; \
	print(*(to_locale(code) for code, _name in settings.LANGUAGES))
messages: $(VENV)/.installed
	locales="$$($(PY) -c '$(LANGUAGES_PY)')" && test -n "$$locales" && \
	$(MANAGE) makemessages --no-location --no-obsolete $$(printf -- '-l %s ' $$locales) \
		--ignore=.venv --ignore=staticfiles --ignore=bench --ignore=tests --ignore=node_modules

## serve: the site as in production: nginx (deploy/nginx.conf) in front of gunicorn
## (miso_site/gunicorn.conf.py), DEBUG=false, compressed hashed static files; deploy/serve.py
## starts and stops both. Without SECRET_KEY it makes a throwaway key for this local run and
## answers on http://127.0.0.1:8000/; a real server sets SECRET_KEY, ALLOWED_HOSTS and keeps
## SECURE_SSL_REDIRECT on (README, "Deploy"). nginx comes from the system's packages: make
## never installs it, it stops and says so.
# The settings' default, named here too so that make can tell when to collect.
STATIC_ROOT ?= staticfiles
SERVE_ENV = DEBUG=false STATIC_ROOT=$(STATIC_ROOT) SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}
serve: serve-tools setup $(STATIC_ROOT)/staticfiles.json
	@test -n "$$SECRET_KEY" || echo "make serve: SECRET_KEY is not set; using a throwaway key for this local run."
	$(SERVE_ENV) exec $(PY) deploy/serve.py

# The static files are collected (and compressed with gzip and Brotli, about a minute) only
# when a file (or folder) under static/ or an app's static/ is newer than the last
# collection's manifest, or the installed packages (whose apps bring static files) are. A
# collection that fails leaves no manifest, so the next `make serve` collects again.
STATIC_SOURCES := $(shell find static $(wildcard */static))
$(STATIC_ROOT)/staticfiles.json: $(VENV)/.installed $(STATIC_SOURCES)
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0 || { rm -f $@; exit 1; }

serve-tools: $(VENV)/.installed
	@$(PY) deploy/serve.py --check

## bench: generate a large site in var/bench.sqlite3, serve it with `make serve` and load it
## with wrk, which must be installed; prints one table (README, "Benchmark")
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { \
		echo "make bench needs wrk, the HTTP load generator, and it is not installed." >&2; \
		echo "Install it with your system's package manager, e.g. on Debian or Ubuntu: sudo apt-get install wrk" >&2; \
		exit 1; }
	$(PY) bench/run.py

## backup: the database, uploads and members-only documents in one archive in BACKUP_DIR
## (var/backups/ by default); `manage.py restore <archive>` brings it back (README, "Backup")
.PHONY: backup
backup: $(VENV)/.installed
	$(MANAGE) backup

clean:
	rm -rf $(VENV) staticfiles node_modules
