# Two commands a newcomer needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test test-fast lint setup frontend migrate demo clean

run: setup migrate demo
	@echo "Starting the portal on http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

setup: $(VENV)/.installed frontend

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "The portal needs Python 3.11 or newer: run make with PYTHON=python3.11 (or newer).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

frontend: frontend/dist/css/portal.css

frontend/dist/css/portal.css: node_modules/.package-lock.json frontend/build.mjs $(wildcard frontend/scss/*.scss frontend/js/*.js frontend/images/*)
	npm run build

migrate: setup
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

clean:
	rm -rf $(VENV) node_modules frontend/dist/css frontend/dist/js frontend/dist/images db.sqlite3
