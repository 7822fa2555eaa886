# Entry points: `make run` (set up everything and serve) and `make test` (the whole suite).
# DATABASE_URL selects PostgreSQL; without it an SQLite file (db.sqlite3) is used.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 poppler-utils gettext
TEST_SYSTEM_PACKAGES := chromium
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run setup test lint format messages bench clean

run: setup
	@echo ">> Serving on http://127.0.0.1:$(PORT)/  (English: http://127.0.0.1:$(PORT)/en/, admin: /admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Everything but serving: venv, packages, system packages, database, seed and demo data,
# translations, static files. Safe and quick to run again.
setup: $(VENV)/.installed .make-system
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py setup_site
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput -v 0

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
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract interface strings into locale/ and each app's locale/; English is the source
# language, so its catalogue is filled with the source strings; Chinese is translated by hand.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l zh_Hant -l en --no-obsolete --ignore=.venv --ignore=static --ignore=tests
	$(PY) scripts/fill_english.py

bench: setup
	$(PY) -m bench

clean:
	rm -rf $(VENV) static .make-system .make-test-system
