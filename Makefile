# The two commands of the README: `make demo` runs the main job on the bundled demo borough;
# `make test` runs every test. Both install what is missing first.
SHELL := /bin/bash
SVTK = .build/release/svtk
DEMO = Datasets/demo
# Python packages go into a virtual environment made here (Debian's own python3 refuses pip: PEP 668).
SYSTEM_PYTHON ?= python3
VENV = .venv
PYTHON = $(VENV)/bin/python

PREFIX ?= /usr/local

.PHONY: demo serve test lint setup setup-notebooks setup-report-tests setup-servers build benchmark install fuzz fuzz-build review

setup:
	@scripts/setup.sh

# The virtual environment; Debian's python3 needs python3-venv for it, installed when missing.
$(PYTHON):
	@$(SYSTEM_PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && $$sudo apt-get install -y -qq python3-venv >/dev/null && $(SYSTEM_PYTHON) -m venv $(VENV); }

setup-notebooks: $(PYTHON)
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r Notebooks/requirements.txt

# The reports' Python tests read the office files back and render the page in the system's Chromium.
setup-report-tests: $(PYTHON)
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r Tests/Python/requirements.txt
	@command -v chromium >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && $$sudo apt-get install -y -qq chromium >/dev/null; }

# PostgreSQL 15 and nginx (Debian: postgresql, nginx) for the tests of the shared workspace behind a proxy; make test
# starts its own servers of each.
setup-servers:
	@dpkg -s postgresql nginx >/dev/null 2>&1 || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && $$sudo apt-get install -y -qq postgresql nginx >/dev/null; } \
	    || echo "PostgreSQL or nginx could not be installed: the tests against them will be skipped"

build: setup
	swift build -c release --product svtk

demo: build
	@echo "== The demo borough (Rotherham): local needs → the need index → a recommendation for highways resurfacing"
	$(SVTK) report --contract Datasets/contracts/highways_resurfacing.json --data $(DEMO)/*.csv \
	    --eaap $(DEMO)/equality_action_plan_illustrative.csv --out out/demo/highways_resurfacing.html --quiet

# The commissioners' workspace on the demo borough at http://127.0.0.1:8080/, opened on the demo workspace (the
# highways contract with a decision, offers and returns) the first time; Ctrl-C stops it.
WORKSPACE ?= out/workspace.sqlite
serve: build
	@mkdir -p $(dir $(WORKSPACE))
	@[ -f $(WORKSPACE) ] || $(SVTK) workspace import Datasets/contracts/demo_workspace.json --workspace $(WORKSPACE)
	$(SVTK) serve --data $(DEMO)/*.csv --eaap $(DEMO)/equality_action_plan_illustrative.csv --workspace $(WORKSPACE)

# Quiet: each step prints a summary line; a failure prints in full (the whole Swift test log is in .build/test.log).
test: setup setup-notebooks setup-report-tests setup-servers lint
	@echo "== building"
	@set -o pipefail; swift build --quiet --product svtk 2>&1 | $(QUIET_RESOLUTION)
	@echo "== notebooks"
	@SVTK="$$(swift build --show-bin-path)/svtk" $(PYTHON) Notebooks/run_notebooks.py
	@echo "== Swift tests (full log: .build/test.log)"
	@set -o pipefail; PATH="$(CURDIR)/$(VENV)/bin:$$PATH" scripts/with-postgres.sh swift test --quiet 2>&1 \
	    | $(PYTHON) scripts/test-summary.py .build/test.log
	@echo "== review set (a report, not a gate: Tests/Review/README.md)"
	@SVTK="$$(swift build --show-bin-path)/svtk" $(PYTHON) scripts/review.py --summary
	@echo "== report tests (office files, Chromium)"
	@SVTK="$$(swift build --show-bin-path)/svtk" scripts/with-postgres.sh $(PYTHON) -m unittest discover -q -s Tests/Python
	@echo "== fuzzing, 30 s a target"
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=30 FUZZ_OPTIMIZATION=-Onone FUZZ_SCRATCH=.build-fuzz-quick

# The review set: realistic contracts with a commissioner's expectations written before svtk ran on them; prints
# each finding and the share signed off (Tests/Review/README.md).
review: build $(PYTHON)
	@SVTK=$(SVTK) $(PYTHON) scripts/review.py

# The code's layout (.swift-format: swift-format's rules, 4-space indents, lines of at most 120 characters).
SWIFT_CODE = Sources Tests Benchmarks Fuzz
lint: $(PYTHON)
	@echo "== lint (swift format)"
	@swift format lint --recursive --strict $(SWIFT_CODE) Package.swift
	@$(PYTHON) scripts/check-line-length.py $(SWIFT_CODE)
	@$(PYTHON) scripts/check-function-length.py Sources

# libFuzzer targets over the CSV reader and every loader, and over contract profiles and proxy formulas
# (Fuzz/README.md). `make fuzz` runs each for FUZZ_SECONDS, optimised; `make test` runs each for 30 s, built
# unoptimised (-Onone: a third of the build time, about 60% of the executions per second).
FUZZ_SECONDS ?= 300
FUZZ_OPTIMIZATION ?= -O
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_BUILD = swift build -c release --scratch-path $(FUZZ_SCRATCH) -Xswiftc $(FUZZ_OPTIMIZATION) \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

# The package manager's lines about checking out dependencies are dropped; errors still print.
QUIET_RESOLUTION = { grep -v -E "^(Creating working copy|Working copy of|Fetching|Fetched|Computing|Computed|Updating|Updated) " || true; }
fuzz-build: setup
	@set -o pipefail; $(FUZZ_BUILD) --quiet --product fuzz-loaders 2>&1 | $(QUIET_RESOLUTION)
	@set -o pipefail; $(FUZZ_BUILD) --quiet --product fuzz-contract 2>&1 | $(QUIET_RESOLUTION)
	@set -o pipefail; $(FUZZ_BUILD) --quiet --product fuzz-delivery 2>&1 | $(QUIET_RESOLUTION)

fuzz: fuzz-build
	@scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_SCRATCH)

benchmark: setup setup-servers $(PYTHON)
	swift build -c release
	.build/release/csv-benchmark
	@$(PYTHON) -m pip install -q -r Benchmarks/peers-requirements.txt 2>/dev/null \
	    || echo "peers: DuckDB, polars and pandas could not be installed (no PyPI?); Benchmarks/peers.py skips them"
	$(PYTHON) Benchmarks/peers.py
	@command -v wrk >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && $$sudo apt-get install -y -qq wrk >/dev/null; }
	$(PYTHON) Benchmarks/serve_load.py .build/release/svtk
	$(PYTHON) Benchmarks/serve_overload.py .build/release/svtk
	scripts/with-postgres.sh $(PYTHON) Benchmarks/serve_shared_load.py .build/release/svtk

# Installs svtk (built with the Swift runtime inside it, so it runs without a Swift toolchain) into
# $(PREFIX)/bin and the toolkit's data into $(PREFIX)/share/svtk, where svtk finds them.
install: setup $(PYTHON)
	swift build -c release --product svtk --static-swift-stdlib --scratch-path .build-install
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/svtk" "$(DESTDIR)$(PREFIX)/share/man/man1"
	install -s -m 755 .build-install/release/svtk "$(DESTDIR)$(PREFIX)/bin/svtk"
	cp -R Datasets/. "$(DESTDIR)$(PREFIX)/share/svtk/"
	git rev-parse HEAD > "$(DESTDIR)$(PREFIX)/share/svtk/COMMIT" 2>/dev/null || true
	$(PYTHON) scripts/make-manpage.py .build-install/release/svtk > "$(DESTDIR)$(PREFIX)/share/man/man1/svtk.1"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/svtk, its data in $(DESTDIR)$(PREFIX)/share/svtk and its manual page"
