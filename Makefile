# Entry points: `make run` (set up everything and serve) and `make test` (the whole suite).
# DATABASE_URL selects PostgreSQL; without it an SQLite file (db.sqlite3) is used.
# `make run` serves as production does (gunicorn, the task worker, the clock: Procfile) with
# config.settings.local; `make dev` runs Django's autoreloading server (config.settings.dev).
# DJANGO_SETTINGS_MODULE=config.settings.production make run  sets up and serves production.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 poppler-utils gettext
TEST_SYSTEM_PACKAGES := chromium
BENCH_SYSTEM_PACKAGES := wrk
RUN_SETTINGS := $(or $(DJANGO_SETTINGS_MODULE),config.settings.local)
DEV_SETTINGS := $(or $(DJANGO_SETTINGS_MODULE),config.settings.dev)
IS_PRODUCTION = $(findstring production,$(DJANGO_SETTINGS_MODULE))
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run dev setup test lint format messages bench clean

# Web (gunicorn, WEB_CONCURRENCY workers), task worker and clock, stopped together with Ctrl+C.
run: export DJANGO_SETTINGS_MODULE := $(RUN_SETTINGS)
run: setup
	@echo ">> Serving on http://127.0.0.1:$(PORT)/  (English: http://127.0.0.1:$(PORT)/en/, admin: /admin/)"
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/honcho -f Procfile start -p $(PORT)

# Development: Django's autoreloading server, the worker (reloading too) and the clock.
dev: export DJANGO_SETTINGS_MODULE := $(DEV_SETTINGS)
dev: setup
	@echo ">> Development server on http://127.0.0.1:$(PORT)/"
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/honcho -f Procfile.dev start -p $(PORT)

# Everything but serving: venv, packages, system packages, database, seed and demo data,
# translations, static files (collected under the settings in use: the manifest must match),
# and Django's checks (`check --deploy` with production settings). Safe and quick to run again.
setup: $(VENV)/.installed .make-system
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py setup_site
	$(if $(IS_PRODUCTION),,$(PY) manage.py load_demo)
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py check $(if $(IS_PRODUCTION),--deploy --fail-level WARNING,)

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "!! $(PYTHON) is needed (Debian: apt-get install python3.11 python3.11-venv)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) scripts/requirements.py test > .make-requirements.txt
	$(PY) -m pip install -q -r .make-requirements.txt
	touch $@

.make-system:
	@bash scripts/system_packages.sh $(SYSTEM_PACKAGES)
	@touch $@

.make-test-system:
	@bash scripts/system_packages.sh $(TEST_SYSTEM_PACKAGES)
	@touch $@

test: $(VENV)/.installed .make-system .make-test-system
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) scripts/lint_imports.py

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract interface strings into locale/ and each app's locale/; English is the source
# language, so its catalogue is filled with the source strings; Chinese is translated by hand.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l zh_Hant -l en --no-obsolete --ignore=.venv --ignore=static --ignore=tests
	$(PY) scripts/fill_english.py

.make-bench-system:
	@bash scripts/system_packages.sh $(BENCH_SYSTEM_PACKAGES)
	@touch $@

# The served site under load (bench/README.md): gunicorn (2 workers) on PostgreSQL + Redis, wrk.
bench: $(VENV)/.installed .make-system .make-bench-system
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) static .make-system .make-test-system .make-bench-system
