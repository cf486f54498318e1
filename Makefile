# Boucle — build, serve, test, bench.
#
#   make serve   set up the machine if needed, build the wasm, serve www/ on
#                http://127.0.0.1:$(PORT)  (PORT=8000 by default)
#   make test    set up, then every test tier in order, stopping at the first failure
#   make dist    static folder dist/ ready to copy to any web server
#   make bench   the figures of the issue's section 7 (reports, never fails on a budget)
#   make fixtures     remake the JS tests' trace fixtures with the engine
#   make test-oracle  re-run CPython (tests/tools/cpython_vclock.py) on every expected output
#
# Setup (scripts/setup.sh) is idempotent and takes a second or two when all is there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.NOTPARALLEL:

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(PATH)
export DEBIAN_FRONTEND := noninteractive
export CHROMEDRIVER ?= /usr/bin/chromedriver

PORT ?= 8000
HOST ?= 127.0.0.1

PKG  := www/pkg
# One build of the crate: the loop, the trace and the Python interpreter that runs
# every scenario (the course's Python files).
WASM := $(PKG)/boucle_bg.wasm
# Everything the wasm is built from (include_str! of the course files included).
# build.rs also writes www/pkg/py/ (the engine's Python files the page fetches on use).
RUST_INPUTS := Cargo.toml Cargo.lock build.rs $(shell find crate -type f 2>/dev/null)
# Features the Rust wasm32 target emits by default; wasm-opt must accept them all.
# --converge: -Oz again until the wasm stops shrinking (0.4 KB gzipped, a few seconds).
WASM_OPT_FLAGS := -Oz --converge --enable-bulk-memory --enable-reference-types \
	--enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
	--enable-multivalue

# node --test's own default file patterns. A tier whose folder holds no test file fails
# (it would otherwise pass having tested nothing).
find_tests = $(shell find $(1) -type f \( -name '*.test.mjs' -o -name '*.test.js' \
	-o -name '*.test.cjs' -o -name '*-test.mjs' -o -name '*-test.js' -o -name '*_test.mjs' \
	-o -name '*_test.js' -o -name 'test-*.mjs' -o -name 'test-*.js' \) \
	-not -path '*/node_modules/*' 2>/dev/null | sort)
JS_TESTS  = $(call find_tests,tests/js)
E2E_TESTS = $(call find_tests,tests/e2e)

# Each tier's log goes to target/test-logs/; scripts/tally.mjs counts what it ran and
# fails a tier that ran no test or skipped one (BOUCLE_ALLOW_SKIP=1 allows skips on a
# machine without a browser; CI never does).
LOGS := target/test-logs
# node --test: the readable report on the terminal, TAP (with its totals) in the log.
NODE_TEST := node --test --test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=tap --test-reporter-destination=

.PHONY: help setup build wasm serve dist test test-fmt test-clippy test-native \
	test-start test-wasm test-js test-e2e test-oracle fixtures bench screenshot clean

help:
	@sed -n '3,11p' Makefile | sed 's/^# \{0,1\}//'

setup:
	@scripts/setup.sh

# ------------------------------------------------------------------------ build
build wasm: $(WASM)

# wasm-opt, then repair of Debian's binaryen 108 table exports (it writes every table
# export as table 0: scripts/fix-table-exports.mjs, checked, a no-op on binaryen >= 110).
define optimize
	@echo "== wasm-opt $(WASM_OPT_FLAGS) $(1)"
	@before=$$(stat -c %s $(1)); \
	wasm-opt $(WASM_OPT_FLAGS) $(1) -o $(1).opt; \
	node scripts/fix-table-exports.mjs $(1) $(1).opt; \
	mv $(1).opt $(1); \
	echo "   $$before -> $$(stat -c %s $(1)) bytes ($$(gzip -9c $(1) | wc -c) gzipped)"
	@touch $(1)
endef

# File-based: a warm `make test` / `make serve` does not rebuild an up-to-date wasm.
# Order-only on setup so that the setup check itself never forces a rebuild.
$(WASM): $(RUST_INPUTS) | setup
	@echo "== wasm-pack build (release)"
	wasm-pack --log-level error build --target web --out-dir $(PKG) --release --no-typescript
	@# wasm-pack's npm-package noise: not used by the page, and its .gitignore ('*')
	@# would hide pkg/ from a copy of dist/ made with git.
	rm -f $(PKG)/.gitignore $(PKG)/package.json $(PKG)/README.md $(PKG)/LICENSE*
	$(call optimize,$@)

# ------------------------------------------------------------------------ serve
serve: $(WASM)
	node scripts/serve.mjs --root www --host $(HOST) --port $(PORT)

# ------------------------------------------------------------------------ dist
# www/ minus the test and bench pages, with pkg/ built, plus the CSP header notes.
DIST_EXCLUDE := bench.html bench.js bench.mjs tests test

dist: $(WASM)
	rm -rf dist
	mkdir -p dist
	cp -R www/. dist/
	cd dist && rm -rf $(DIST_EXCLUDE)
	cp scripts/dist/_headers scripts/dist/README.txt dist/
	node scripts/offline.mjs --root dist --out dist/boucle.html
	@echo "dist/ ready: $$(find dist -type f | wc -l) files, $$(du -sh dist | cut -f1)"

# ------------------------------------------------------------------------ test
# Tiers in order (.NOTPARALLEL keeps the order even under -j); make stops at the first
# failing one.
test: setup test-start test-fmt test-clippy test-native test-wasm test-js test-e2e
	@echo "== all test tiers passed"
	@node scripts/tally.mjs --summary

test-start:
	@rm -rf target/test-tally && mkdir -p $(LOGS)

test-fmt:
	@echo "== cargo fmt --check"
	cargo fmt --check

test-clippy:
	@echo "== cargo clippy --all-targets -- -D warnings (native, then wasm32)"
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings

test-native:
	@echo "== cargo test (native)"
	@mkdir -p $(LOGS)
	cargo test 2>&1 | tee $(LOGS)/native.log
	@node scripts/tally.mjs native $(LOGS)/native.log

# wasm-bindgen-test in headless Chromium, through Debian's chromedriver; the browser
# flags are in webdriver.json (read from the current directory by the test runner).
test-wasm:
	@echo "== wasm-pack test --headless --chrome"
	@mkdir -p $(LOGS)
	CHROMEDRIVER=$(CHROMEDRIVER) wasm-pack --log-level warn test --headless --chrome 2>&1 | tee $(LOGS)/wasm.log
	@node scripts/tally.mjs wasm $(LOGS)/wasm.log

test-js: $(WASM)
	@echo "== node --test tests/js/"
	@mkdir -p $(LOGS)
	@[ -n "$(strip $(JS_TESTS))" ] || { echo "make: no test file in tests/js/: a tier that tests nothing fails" >&2; exit 1; }
	$(NODE_TEST)$(LOGS)/js.tap $(JS_TESTS)
	@node scripts/tally.mjs js $(LOGS)/js.tap

test-e2e: $(WASM)
	@echo "== node --test tests/e2e/"
	@mkdir -p $(LOGS)
	@[ -n "$(strip $(E2E_TESTS))" ] || { echo "make: no test file in tests/e2e/: a tier that tests nothing fails" >&2; exit 1; }
	$(NODE_TEST)$(LOGS)/e2e.tap $(E2E_TESTS)
	@node scripts/tally.mjs e2e $(LOGS)/e2e.tap

# Opt-in (CPython 3.11 runs every program again, ~1 min): every expected output of
# every corpus and of the course must be what CPython prints today.
test-oracle:
	@echo "== CPython on every expected output (tests/tools/oracle_check.sh)"
	tests/tools/oracle_check.sh

# The JS tests' traces, made by the engine (tests/js/fixtures/SOURCES; checked by
# tests/fixtures.rs).
fixtures:
	cargo build --quiet --bin boucle
	scripts/make-fixtures.sh target/debug/boucle

# ------------------------------------------------------------------------ bench
bench: $(WASM)
	cargo bench --quiet --profile native --bench switch
	node bench/run.mjs
	node bench/python.mjs
	node bench/scale.mjs
	node bench/timing.mjs

# docs/screenshot.png for the README: the page with a scenario run, in headless Chromium.
screenshot: $(WASM)
	node scripts/screenshot.mjs docs/screenshot.png

clean:
	rm -rf $(PKG) dist target/screenshots
