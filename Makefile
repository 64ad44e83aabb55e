# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# One lock for the portal, its test tools and the redis extra, every file's hash included.
LOCK := requirements.lock
UV_VERSION := 0.13.8

.PHONY: run test test-fast install install-test lint content-check translations lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## Install exactly the locked versions (pip refuses any file whose hash differs), check that
## the lock still matches pyproject.toml, then the portal itself (its dependencies are done).
install: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python scripts/check_lock.py
	$(BIN)/pip install --quiet --no-deps -e .

install-test: install

## Refresh the lock after changing a dependency in pyproject.toml; commit both files.
## Versions already locked are kept unless pyproject.toml rules them out
## (`make lock LOCK_FLAGS=--upgrade` takes the newest of everything).
lock: $(BIN)/python
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra redis --universal \
		--python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
		--quiet $(LOCK_FLAGS) -o $(LOCK)

## Install and start the portal on SQLite with the shipped content.
run: install
	bash scripts/ensure-pango.sh || echo "The leaflet's PDF will not work until Pango is installed."
	$(BIN)/flask --app localoffer run --host $(HOST) --port $(PORT)

## Install and run the whole test suite (lint included).
test: install-test
	bash scripts/ensure-browser.sh
	bash scripts/ensure-oidc-provider.sh
	# nginx, redis-server and openssl for the deployment tests (tests/deploy/).
	bash scripts/ensure-services.sh
	# Pango, which WeasyPrint lays out the leaflet's PDF with (tests/leaflet/).
	bash scripts/ensure-pango.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/flask --app localoffer content check
	# The feedback tests also run against a real PostgreSQL: a throwaway server is
	# installed if need be, started on loopback, and removed afterwards. Two workers
	# (pytest-xdist), one per core of the machine CI runs on.
	bash scripts/with-test-postgres.sh $(BIN)/pytest -n 2

## A quick check while working (not for CI): everything but the browser, PostgreSQL, fuzz
## and whole-site crawl tests. Not collecting tests/browser also skips its page discovery.
test-fast: install-test
	$(BIN)/pytest -q -n 2 -m "not browser and not postgres and not fuzz and not crawl" \
		--ignore=tests/browser

content-check: install
	$(BIN)/flask --app localoffer content check

## Refresh the UI string catalogues after changing any user-facing text:
## extract every string, merge it into each language, and compile what is served.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k NP_:1,2 --sort-by-file --no-wrap \
		--project "Local Offer" --copyright-holder "Local Offer contributors" \
		-o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --no-wrap
	$(BIN)/pybabel compile -d translations --statistics
