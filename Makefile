# CurriculumKit — the README's commands. `make help` lists them.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
BIN_DEBUG := .build/debug/curriculum
BIN_RELEASE := .build/release/curriculum

.PHONY: help deps test-deps build release test pack show lint format install install-files bench fuzz generate man docs clean

help:
	@echo "make pack      validate the bundled LIAISE curriculum and show its timetables"
	@echo "make test      build and run every test (unit and end-to-end)"
	@echo "make build     debug build of the curriculum binary"
	@echo "make install   release build installed under PREFIX (default /usr/local)"
	@echo "make lint      swift format lint --strict"
	@echo "make format    swift format in place"
	@echo "make bench     benchmarks against xmllint (writes bench/out/)"
	@echo "make fuzz      fuzz the hardened parser with libFuzzer for FUZZ_SECONDS (default 60)"
	@echo "make generate  regenerate the embedded schema, the string catalogues, the templates and docs/rules.md"
	@echo "make man       regenerate the man pages in docs/man from the commands' help"

# libxml2's, zlib's and cmark-gfm's (CommonMark, for printable handouts) headers are needed to build. Install them
# when we can (root on Debian), else say what to do.
BUILD_PACKAGES := libxml2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
deps:
	@if ! pkg-config --exists libxml-2.0 zlib libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $(BUILD_PACKAGES) (needed to build)"; \
	    (apt-get install -y -qq $(BUILD_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $(BUILD_PACKAGES) >/dev/null)) ; \
	  else \
	    echo "error: libxml2, zlib or cmark-gfm development files are missing; install them with: sudo apt-get install $(BUILD_PACKAGES)" >&2; exit 2; \
	  fi; \
	fi

# What the test suites run besides the binary: xmllint (schema checks of written XML), Debian's python3 with
# jsonschema, icalendar and markdown-it (SARIF, protocol, calendar and Markdown checks), translate-toolkit (a
# third-party XLIFF reader for the translation round trip), script (a terminal for colour tests), curl and chromium
# (the preview served over HTTP and reloaded in a headless browser; the pdf format), poppler-utils (pdfinfo and
# pdftotext check the PDFs), node (the example exporter in Plugins/examples/node).
# Installed as root on Debian, as `deps` does; otherwise named, with the command that installs them.
TEST_TOOLS := xmllint:libxml2-utils python3:python3 script:bsdutils curl:curl chromium:chromium pdfinfo:poppler-utils node:nodejs
TEST_PYTHON := jsonschema:python3-jsonschema icalendar:python3-icalendar markdown_it:python3-markdown-it translate:translate-toolkit
test-deps: deps
	@need=""; \
	for pair in $(TEST_TOOLS); do \
	  tool=$${pair%%:*}; pkg=$${pair##*:}; \
	  [ -x "/usr/bin/$$tool" ] || need="$$need $$pkg"; \
	done; \
	for pair in $(TEST_PYTHON); do \
	  module=$${pair%%:*}; pkg=$${pair##*:}; \
	  /usr/bin/python3 -c "import $$module" 2>/dev/null || need="$$need $$pkg"; \
	done; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing$$need (used by the tests)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    (apt-get install -y -qq $$need >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $$need >/dev/null)); \
	  else \
	    echo "error: the tests need$$need; install them with: sudo apt-get install$$need" >&2; exit 2; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: test-deps
	$(SWIFT) build
	CURRICULUM_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test --parallel

# The main job on the bundled curriculum: a session pack for every LIAISE session, in packs/.
pack: build
	$(BIN_DEBUG) pack Curricula/liaise --out packs
	@echo "session packs are in $(CURDIR)/packs/"

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Fuzz Plugins/readability Plugins/html Plugins/calendar Plugins/imscc Plugins/markdown Plugins/olx Plugins/dita

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Fuzz Plugins/readability Plugins/html Plugins/calendar Plugins/imscc Plugins/markdown Plugins/olx Plugins/dita

# The binary goes to PREFIX/bin; bundled plugins to PREFIX/libexec/curriculum, where the installed binary finds
# them; the example plugins in other languages to PREFIX/share/curriculum/plugins; the man pages (docs/man, made
# by `make man`) to PREFIX/share/man/man1; shell completions, which the binary writes, where bash-completion, zsh
# and fish look for them.
install: release
	$(MAKE) install-files BUILD_DIR=.build/release

BUILD_DIR ?= .build/release
install-files:
	install -d "$(PREFIX)/bin" "$(PREFIX)/libexec/curriculum" "$(PREFIX)/share/curriculum/plugins" \
	  "$(PREFIX)/share/man/man1" "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
	  "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 $(BUILD_DIR)/curriculum "$(PREFIX)/bin/curriculum"
	install -m 0644 docs/man/*.1 "$(PREFIX)/share/man/man1/"
	$(BUILD_DIR)/curriculum --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/curriculum"
	$(BUILD_DIR)/curriculum --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_curriculum"
	$(BUILD_DIR)/curriculum --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/curriculum.fish"
	for plugin in $(BUILD_DIR)/curriculum-plugin-*; do \
	  case "$${plugin##*/}" in *.*) ;; *) install -m 0755 "$$plugin" "$(PREFIX)/libexec/curriculum/" ;; esac; \
	done
	for plugin in Plugins/examples/*/curriculum-plugin-*; do \
	  [ -f "$$plugin" ] && install -m 0755 "$$plugin" "$(PREFIX)/share/curriculum/plugins/"; \
	done; true
	@echo "installed $(PREFIX)/bin/curriculum, its plugins in $(PREFIX)/libexec/curriculum, man pages and completions"

bench: release
	CURRICULUM_BENCH=.build/release/curriculum-bench bash bench/run.sh

# libFuzzer with AddressSanitizer on the hardened parser with the schema plugged in, seeded from the fixtures and
# curricula; crash files land in .build/fuzz/artifacts (scripts/fuzz-parser.sh).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz-parser.sh $(FUZZ_SECONDS)

generate: build
	scripts/embed-schema.sh
	scripts/embed-strings.sh
	scripts/embed-templates.sh
	$(BIN_DEBUG) rules --format markdown > docs/rules.md

# ArgumentParser's generate-manual plugin builds the tool in release mode and writes one page per command.
MAN_DATE ?= 2026-12-05
man:
	$(SWIFT) package generate-manual --multi-page --date $(MAN_DATE) --authors CurriculumKit
	rm -f docs/man/*.1
	cp .build/plugins/GenerateManual/outputs/curriculum/*.1 docs/man/

clean:
	rm -rf .build packs bench/out
