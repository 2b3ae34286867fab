# The two commands of the README: `make demo` runs the main job on the bundled demo borough;
# `make test` runs every test. Both install what is missing first.
SVTK = .build/release/svtk
DEMO = Datasets/demo

.PHONY: demo test setup build benchmark

setup:
	@scripts/setup.sh

build: setup
	swift build -c release --product svtk

demo: build
	@echo "== Local needs of the demo borough (Rotherham, E08000018) and the wards that stand out"
	$(SVTK) needs --data $(DEMO)/*.csv --areas "Rotherham,Rotherham East" --top 3 --quiet
	@echo
	@echo "== Social value recommendation for highways resurfacing works in Rotherham East and Dalton & Thrybergh"
	$(SVTK) recommend --contract Datasets/contracts/highways_resurfacing.json --data $(DEMO)/*.csv \
	    --eaap $(DEMO)/equality_action_plan_illustrative.csv --quiet

test: setup
	swift test

benchmark: setup
	swift build -c release
	.build/release/csv-benchmark
