# Mon Espace Santé assistant. `make run` starts it, `make check` checks the code quickly,
# `make test` checks everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
RUFF   := $(VENV)/bin/ruff
MODEL  := models/mes.tar.gz
STAMP  := $(VENV)/.installed
AXE    := tests/browser/node_modules/axe-core/axe.min.js
DOMAIN := domain.yml
TRAINING_FILES := config.yml $(DOMAIN) $(shell find data -name '*.yml')
# What `make check` leaves out: the markers tests/conftest.py sets (pytest.ini).
SLOW_TESTS := model or browser or database
# Debian packages `make test` needs: the browser tests and `make fiche` drive
# Debian's Chromium (never a downloaded one); `make fiche` reads its PDF with
# poppler-utils; npm installs axe-core; `make run` waits for the assistant with curl.
SYSTEM_PACKAGES := chromium:/usr/bin/chromium poppler-utils:pdftoppm npm:npm curl:curl
SCREENSHOTS := reports/screenshots

# Defaults; any of them can be overridden from the environment.
export MODEL
export RASA_CREDENTIALS    ?= credentials.yml
export RASA_PORT           ?= 5005
export ACTION_PORT         ?= 5055
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook
export SQLITE_TRACKER_DB   ?= var/conversations.db
# Several servers (docs/deploiement.md): shared conversations
# (postgresql://user:password@host:5432/rasa) and locks (redis://host:6379/1).
# Empty: the SQLite file above and in-memory locks, for one server.
export TRACKER_STORE_URL   ?=
export LOCK_STORE_URL      ?=
# Sanic workers per server; more than 1 needs LOCK_STORE_URL.
export SANIC_WORKERS       ?= 1
# Other websites allowed to embed the chat widget (space-separated origins).
# Empty: only the assistant's own pages.
export WEBCHAT_ORIGINS     ?=
# Days a conversation is kept; `make purge` deletes older ones.
export RETENTION_DAYS      ?= 30
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL   := 2
# Rasa's training cache (.rasa/cache) must hold a whole trained NLU pipeline
# (about 1.5 GB), or changing an answer would retrain everything.
export RASA_MAX_CACHE_SIZE    ?= 4000
# An absolute cache path: Rasa records where each cached model lies, and a
# relative one would not be found from another folder (bench/training.py).
export RASA_CACHE_DIRECTORY   ?= $(CURDIR)/.rasa/cache

.PHONY: help install system-deps browser-deps run check test screenshots train validate eval crossval bench purge fiche rapport clean

help:
	@echo "make run       start the assistant (sets everything up on first use)"
	@echo "make check     lint, format check and the quick tests (no model, browser or database), < 2 min"
	@echo "make test      install what is missing, validate, train and run every test"
	@echo "make screenshots  copy the pictures the tests took (reports/screenshots/) to docs/"
	@echo "make train     train the model if data or config changed"
	@echo "make validate  check the training data and domain"
	@echo "make eval      the assistant beside the baseline on the public test set (docs/chiffres-comprehension.md)"
	@echo "make crossval  classifier settings and fallback threshold by cross-validation on our own examples"
	@echo "make bench     latency, throughput and memory under load (reports/bench/)"
	@echo "make purge     delete conversations older than RETENTION_DAYS (30)"
	@echo "make fiche     printable sheet of the answers and the workshop timeline (reports/fiche/)"
	@echo "make rapport   report on the questions asked and left unanswered (reports/rapport/)"
	@echo "make browser-deps  install the accessibility checker for the browser tests (npm ci)"
	@echo "make system-deps   install Chromium, poppler-utils, npm and curl with apt-get if missing (as root)"

$(STAMP): requirements.txt
	@test -x $(PY) && $(PY) -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null \
	  || { rm -rf $(VENV) && "$$(bash scripts/python310.sh)" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip check
	@touch $@

install: $(STAMP)

# Installs the missing Debian packages when run as root; otherwise names the command.
system-deps:
	@missing=""; \
	for entry in $(SYSTEM_PACKAGES); do \
	  command -v "$${entry#*:}" >/dev/null || missing="$$missing $${entry%%:*}"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "error: missing system packages:$$missing. Install them, then run make again:" >&2; \
	  echo "  sudo apt-get install$$missing" >&2; \
	  exit 1; \
	fi

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	@touch $@

browser-deps: $(AXE)

$(MODEL): $(STAMP) $(TRAINING_FILES)
	@start=$$(date +%s); \
	$(RASA) train --domain $(DOMAIN) --fixed-model-name mes --out models && \
	echo "Training time: $$(( $$(date +%s) - start )) s"

train: $(MODEL)
	@echo "Model: $(MODEL), $$(du -h $(MODEL) | cut -f1)"

validate: $(STAMP)
	$(RASA) data validate --domain $(DOMAIN) --fail-on-warnings

eval: $(MODEL)
	$(PY) -m tests.evaluation

crossval: $(STAMP)
	$(PY) -m tests.crossval

bench: train
	$(PY) -W ignore -m bench
	$(PY) -W ignore -m bench.parse
	$(PY) -W ignore -m bench.training

run: train
	@bash scripts/run.sh

check: $(STAMP)
	$(RUFF) check .
	$(RUFF) format --check .
	$(PY) -m pytest -q -m "not ($(SLOW_TESTS))"

test: system-deps validate train browser-deps
	$(PY) -m pytest

# The browser tests and `make fiche` draw their pictures in $(SCREENSHOTS);
# the ones shown in the README are refreshed on purpose, not by every test run.
screenshots:
	@ls $(SCREENSHOTS)/*.png >/dev/null 2>&1 \
	  || { echo "error: no pictures in $(SCREENSHOTS)/: run make test first" >&2; exit 1; }
	cp $(SCREENSHOTS)/*.png docs/

purge: $(STAMP)
	@$(PY) -W ignore::DeprecationWarning -m webchat.purge

fiche: $(STAMP)
	@$(PY) -m facilitation.fiche

rapport: $(STAMP)
	@$(PY) -W ignore::DeprecationWarning -m facilitation.rapport

clean:
	rm -rf models reports var .rasa tests/browser/node_modules
