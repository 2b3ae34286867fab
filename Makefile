# The two commands of the README: `make demo` runs the main job on the bundled demo borough;
# `make test` runs every test. Both install what is missing first.
SVTK = .build/release/svtk
DEMO = Datasets/demo
PYTHON ?= python3

PREFIX ?= /usr/local

.PHONY: demo test setup setup-notebooks build benchmark install

setup:
	@scripts/setup.sh

setup-notebooks:
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r Notebooks/requirements.txt

build: setup
	swift build -c release --product svtk

demo: build
	@echo "== The demo borough (Rotherham): local needs → the need index → a recommendation for highways resurfacing"
	$(SVTK) report --contract Datasets/contracts/highways_resurfacing.json --data $(DEMO)/*.csv \
	    --eaap $(DEMO)/equality_action_plan_illustrative.csv --out out/demo/highways_resurfacing.html --quiet

test: setup setup-notebooks
	swift build --product svtk
	SVTK="$$(swift build --show-bin-path)/svtk" $(PYTHON) Notebooks/run_notebooks.py
	swift test

benchmark: setup
	swift build -c release
	.build/release/csv-benchmark

# Installs svtk (built with the Swift runtime inside it, so it runs without a Swift toolchain) into
# $(PREFIX)/bin and the toolkit's data into $(PREFIX)/share/svtk, where svtk finds them.
install: setup
	swift build -c release --product svtk --static-swift-stdlib --scratch-path .build-install
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/svtk"
	install -m 755 .build-install/release/svtk "$(DESTDIR)$(PREFIX)/bin/svtk"
	cp -R Datasets/. "$(DESTDIR)$(PREFIX)/share/svtk/"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/svtk and its data in $(DESTDIR)$(PREFIX)/share/svtk"
