# nCEN — the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PG_PORT ?= 55432
PG_TEST_PORT ?= 55433
export PG_PORT PG_TEST_PORT
TEST_DATABASE_SERVER ?= postgres://postgres@127.0.0.1:$(PG_TEST_PORT)
export TEST_DATABASE_SERVER
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

WEB_SOURCES := $(shell find web/src web/public web/scripts docs/help web/index.html web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)

.PHONY: help run stop build web web-deps dev test lint fmt test-rust test-web e2e contract python-client clients fuzz openapi client schema schema-check db-start db-stop clean demo two-nodes bench bench-messaging bench-matching bench-screening bench-alerts bench-report bench-investigations bench-scale bench-companies bench-stats bench-cen bench-exchange bench-analysis bench-imports soak

help:
	@echo "make run     build everything, start a private PostgreSQL (unless DATABASE_URL is set) and serve on http://127.0.0.1:8080"
	@echo "make test    the whole suite: formatting, lints, API tests, browser unit tests and browser end-to-end tests"
	@echo "make stop    stop a server started by make run, and its private database"
	@echo "make dev     Vite dev server (hot reload) proxying to an API on :8080"
	@echo "make demo    fill the make-run database with realistic demo data (DEMO_CASES=600, DEMO_SEED=2026)"
	@echo "make two-nodes  two nodes exchanging cases: FR on :8080 and BE on :8081, each with its own database, key and demo data"
	@echo "make bench   the seizure-database benchmark on 100 000 demo cases, then the messaging one (not part of make test)"
	@echo "make bench-messaging  the messaging benchmark alone: live delivery on two instances, inbox (bench/MESSAGING.md)"
	@echo "make soak    floods too slow for make test: sign-in flood, memory after it (bench/SOAK.md)"
	@echo "make fuzz    Schemathesis against a real server, randomised and longer than make test's run"
	@echo "make openapi regenerate openapi.yaml from the code; make client regenerates the browser app's types"
	@echo "make clients regenerate the Python client (clients/python) from openapi.yaml; make test fails when it is stale"
	@echo "make schema  regenerate core/src/db/schema.rs from the migrations (diesel print-schema)"

run: build web
	@scripts/run.sh

DEMO_CASES ?= 600
DEMO_SEED ?= 2026

# Demo data in the database `make run` uses (its private cluster unless DATABASE_URL is set).
demo: build
	@scripts/demo.sh --cases $(DEMO_CASES) --seed $(DEMO_SEED)

# Two administrations on one machine, registered as each other's partner (README, "Two nodes").
two-nodes: build web
	@scripts/two-nodes.sh

# Not part of `make test`: 100 000 demo cases on a dedicated cluster (port 55434), then the
# messaging benchmark on its own cluster (port 55437; bench/MESSAGING.md).
bench: build
	@bench/run.sh
	@bench/messaging.sh
	@bench/matching.sh
	@bench/screening.sh
	@bench/alerts.sh
	@bench/report.sh
	@bench/investigations.sh
	@bench/scale.sh
	@bench/companies.sh
	@bench/stats.sh
	@bench/cen.sh
	@bench/exchange.sh
	@bench/imports.sh

bench-messaging: build
	@bench/messaging.sh

# Precision and recall of the matching engine on the labelled set (bench/MATCHING.md).
bench-matching:
	@bench/matching.sh

# Screening latency and throughput, and the matching keys' build rate, on the database of
# `make bench` (appended to bench/MATCHING.md).
bench-screening: build
	@bench/screening.sh

# The case report of an investigation: 30 photos, about 40 pages — time and memory (issue 14).
bench-report: build
	@bench/report.sh

# Investigation lists (need-to-know) and a 2 000-event timeline at 50 000 investigations.
bench-investigations: build
	@bench/investigations.sh

# Issue 13's figures at a national register's size: a million persons and 500 000 companies
# (database ncen_scale, generated once, ~40 min: bench/scale-db.sh), then bench-screening and
# bench-alerts on it.
bench-scale: build
	@bench/scale.sh

# The company database at national size (issue 15): network, risk recomputation and search on
# ncen_scale with 2 000 000 relations (bench/companies.sh; appended to bench/README.md).
bench-companies: build
	@bench/companies.sh

# Seizure statistics at 1 000 000 cases (issue 16; builds ncen_stats once, ~30 min).
bench-stats: build
	@bench/stats.sh

# The CEN export of 100 000 cases (issue 17), on a copy of the base benchmark's database.
bench-cen: build
	@bench/cen.sh

# An Icomm package of 100 cases with 200 pictures between two release nodes (issue 17).
bench-exchange: build
	@bench/exchange.sh

# Link analysis and saved searches on the statistics benchmark's database (built when missing).
bench-analysis: build
	@bench/analysis.sh

# Floods too slow for make test (sign-in flood, memory after it; writes bench/SOAK.md), then
# the fault tests scaled up (NCEN_SOAK=1: 10 database restarts, kill -9 after 400 cases,
# 2 000 writes on two instances, 20 000 aborted connections).
soak:
	@bench/soak.sh
	@scripts/db.sh start pg-test $(PG_TEST_PORT)
	NCEN_SOAK=1 cargo test -p ncen-tests --test api -- faults --nocapture

stop:
	@if [ -f .data/ncen.pid ]; then kill "$$(cat .data/ncen.pid)" 2>/dev/null || true; rm -f .data/ncen.pid; fi
	@scripts/db.sh stop pg

build:
	cargo build --release --bin ncen

# The browser app is rebuilt only when its sources, dependencies or the API contract changed.
web: web/dist/index.html

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

web-deps: web/node_modules/.package-lock.json

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES) openapi.yaml
	cd web && npm run build
	@touch $@

dev: web-deps
	cd web && npm run dev

db-start:
	@scripts/db.sh start pg $(PG_PORT)

db-stop:
	@scripts/db.sh stop pg

test: lint schema-check test-rust test-web contract python-client e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

fmt:
	cargo fmt --all

test-rust:
	@scripts/db.sh start pg-test $(PG_TEST_PORT)
	cargo test --workspace

test-web: web-deps
	cd web && npm run check:api && node scripts/build-help.mjs --check && npm run lint && npm run typecheck && npm test

e2e: web
	cargo build --bin ncen
	@scripts/e2e.sh

# The API contract against a real server: Schemathesis, every operation and check, 0 failures.
contract:
	cargo build --bin ncen
	@scripts/contract.sh

# The same, longer and randomised (FUZZ_EXAMPLES per operation, FUZZ_SEED); not in make test.
FUZZ_EXAMPLES ?= 200
FUZZ_SEED ?= $(shell date +%s)
fuzz:
	cargo build --bin ncen
	@CONTRACT_FUZZ=1 CONTRACT_EXAMPLES=$(FUZZ_EXAMPLES) CONTRACT_SEED=$(FUZZ_SEED) scripts/contract.sh

# The Python client generated from openapi.yaml: stale (run make clients) fails, then
# examples/import_cases.py signs in, dry-runs and commits cases against a real server.
python-client:
	cargo build --bin ncen
	@scripts/python-client.sh

# The diesel schema is generated from the migrations; `make test` fails when it drifts.
schema:
	@scripts/schema.sh

schema-check:
	@scripts/schema.sh --check

openapi:
	cargo run --quiet --bin ncen -- openapi > openapi.yaml

client: web-deps
	cd web && npm run gen:api

clients:
	@scripts/python-client.sh --generate

clean:
	cargo clean
	rm -rf web/dist web/node_modules

# Bulk import of 100 000 cases against COPY of the same rows, dry run against commit, the
# server's RSS with a 1 GiB file (appended to bench/README.md; part of `make bench`).
bench-imports: build
	@bench/imports.sh

# What alert checking adds to a case save, the worker's drain rate and batch screening of a
# 300-passenger list (appended to bench/README.md; part of `make bench`).
bench-alerts: build
	@bench/alerts.sh
