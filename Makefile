# Two commands matter: `make run` and `make test`. Both do the whole set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/lib/chromium/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install chromium migrate run test test-fast flakes lint format

# `make run` talks to the Registraduría simulator (started with the product) unless
# REGISTRADURIA=real: then it starts no simulator and the fronts are the real sites (set
# CAPTCHA_PROVIDER=2captcha and CAPTCHA_API_KEY in .env for the reCAPTCHA).
REGISTRADURIA ?= simulador
SIMULATOR_PORT ?= 8001
ifeq ($(REGISTRADURIA),real)
RUN_ENV :=
RUN_PROCESSES := web worker lookups relay captcha
else
RUN_ENV := REGISTRADURIA_SIMULATOR=http://127.0.0.1:$(SIMULATOR_PORT) SIMULATOR_PORT=$(SIMULATOR_PORT)
RUN_PROCESSES := web worker lookups relay captcha simulator
endif

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip

$(STAMP): $(BIN)/python requirements/base.txt requirements/prod.txt requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $(STAMP)

# Debian's Chromium: Playwright cannot download its own browser on these machines.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Instalando Chromium de Debian (apt)…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi
	@test -x "$(CHROMIUM)" || { echo "Chromium not found at $(CHROMIUM)"; exit 1; }

install: $(STAMP) chromium

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

run: migrate
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "  Pagina-Madre: http://127.0.0.1:8000/"
	@echo "  Crear un administrador: $(BIN)/python manage.py createsuperuser"
ifeq ($(REGISTRADURIA),real)
	@echo "  Consultas: la Registraduría real (sin simulador)."
else
	@echo "  Consultas: el simulador de la Registraduría en http://127.0.0.1:$(SIMULATOR_PORT)/"
	@echo "  (cédulas de escenario en docs/registraduria.md). Para la Registraduría real:"
	@echo "  make run REGISTRADURIA=real, con CAPTCHA_PROVIDER=2captcha y CAPTCHA_API_KEY en .env"
endif
	@echo "  Ctrl-C detiene todos los procesos."
	@echo ""
	env $(RUN_ENV) $(BIN)/honcho start -f Procfile $(RUN_PROCESSES)

# The suite on TEST_WORKERS processes (pytest-xdist): the long drills (marked xdist_group "drills")
# run one after another on one of them, first, while the others take the rest. TEST_ARGS are passed
# to pytest (e.g. TEST_ARGS='-k politeness'); TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= 2
TEST_ARGS ?=
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(TEST_ARGS)

# The quick loop: everything but the tests that drive Chromium or start real processes.
test-fast: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser and not e2e" $(TEST_ARGS)

# Hunt flaky tests: N runs (default 20) of TESTS (default: every browser and process test), each in a
# random order; LOAD=1 keeps every core busy meanwhile. Failures are listed with their logs and seeds.
N ?= 20
flakes: install
	$(BIN)/python -m devtools.flakes -n $(N) $(if $(LOAD),--load) $(TESTS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
