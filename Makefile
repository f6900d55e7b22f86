# Mon Espace Santé assistant. `make run` starts it, `make test` checks it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
MODEL  := models/mes.tar.gz
STAMP  := $(VENV)/.installed
AXE    := tests/browser/node_modules/axe-core/axe.min.js
DOMAIN := domain.yml
TRAINING_FILES := config.yml $(DOMAIN) $(shell find data -name '*.yml')

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

.PHONY: help install browser-deps run test train validate eval crossval bench purge fiche rapport clean

help:
	@echo "make run       start the assistant (sets everything up on first use)"
	@echo "make test      validate, train and run every test"
	@echo "make train     train the model if data or config changed"
	@echo "make validate  check the training data and domain"
	@echo "make eval      per-topic scores on the public test set (reports/eval/)"
	@echo "make crossval  3-fold cross-validation on our own examples (reports/crossval/)"
	@echo "make bench     latency, throughput and memory under load (reports/bench/)"
	@echo "make purge     delete conversations older than RETENTION_DAYS (30)"
	@echo "make fiche     printable sheet of the answers and the workshop timeline (reports/fiche/)"
	@echo "make rapport   report on the questions asked and left unanswered (reports/rapport/)"
	@echo "make browser-deps  install the accessibility checker for the browser tests (npm ci)"

$(STAMP): requirements.txt
	@test -x $(PY) && $(PY) -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null \
	  || { rm -rf $(VENV) && "$$(bash scripts/python310.sh)" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip check
	@touch $@

install: $(STAMP)

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
	$(RASA) test nlu --nlu data/nlu --domain $(DOMAIN) --cross-validation --folds 3 --out reports/crossval

bench: train
	$(PY) -W ignore -m bench
	$(PY) -W ignore -m bench.training

run: train
	@bash scripts/run.sh

test: validate train browser-deps
	$(PY) -m pytest

purge: $(STAMP)
	@$(PY) -W ignore::DeprecationWarning -m storage.purge

fiche: $(STAMP)
	@$(PY) -m facilitation.fiche

rapport: $(STAMP)
	@$(PY) -W ignore::DeprecationWarning -m facilitation.rapport

clean:
	rm -rf models reports var .rasa tests/browser/node_modules
