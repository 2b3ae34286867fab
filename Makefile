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
	@echo "== What the demo borough's files hold (Rotherham, E08000018)"
	$(SVTK) inspect $(DEMO)/*.csv
	@echo
	@echo "== Deprivation by ward: IoD2019 LSOAs rolled up to today's 25 wards"
	$(SVTK) deprivation --iod $(DEMO)/iod2019_domains_rotherham.csv \
	    --population $(DEMO)/iod2019_population_rotherham.csv \
	    --lookup $(DEMO)/lookup_lsoa11_lsoa21_rotherham.csv \
	    --lookup $(DEMO)/lookup_lsoa21_ward22_rotherham.csv --authority Rotherham

test: setup
	swift test

benchmark: setup
	swift build -c release
	.build/release/csv-benchmark
