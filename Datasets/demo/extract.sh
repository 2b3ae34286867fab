#!/usr/bin/env bash
# Rebuilds the demo borough's extracts from the real public files in ../shared/data.
# Each output keeps the source file's header line and, byte for byte, only the lines about Rotherham
# (E08000018), its LSOAs and wards, plus England and Yorkshire and The Humber where the file has them as
# benchmarks. Nothing is recomputed. Usage: Datasets/demo/extract.sh [path/to/shared/data]
set -euo pipefail
data="${1:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data}"
out="$(cd "$(dirname "$0")" && pwd)"
keep() { # keep FILE PATTERN OUTPUT: header line plus lines matching PATTERN
  { head -n 1 "$1"; tail -n +2 "$1" | grep -E "$2"; } > "$out/$3"
}
wards='E05(01299[3-9]|01300[0-9]|01301[0-7])'
ft="$data/fingertips"
{ head -n 1 "$ft/Jezzaay_MHA__indicators-CountyUA.data_yorkshire_cyp_mental_health.csv"
  for f in "$ft"/Jezzaay_MHA__indicators-CountyUA.data_yorkshire_{cyp_mental_health,suicides}.csv; do
    tail -n +2 "$f" | grep -E ',(E08000018|E92000001|E12000003),[^,]*,(County & UA|England|Region),'
  done; } > "$out/fingertips_rotherham.csv"
for t in ts007a ts045 ts054 ts062; do
  keep "$data/census/census2021-$t-lsoa.csv" ',Rotherham [0-9]{3}[A-Z],' "census2021_${t}_lsoa_rotherham.csv"
done
keep "$data/census/custom_ward_economic_activity_status_last_week_3cat_EW.csv" "^$wards," \
  census2021_economic_activity_ward_rotherham.csv
keep "$data/census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_v3.csv" \
  ',E08000018,' lookup_lsoa21_ward22_rotherham.csv
keep "$data/deprivation/LSOA11_LSOA21_LAD22_EW_LU.csv" ',E08000018,' lookup_lsoa11_lsoa21_rotherham.csv
keep "$data/deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv" ',E08000018,' iod2019_domains_rotherham.csv
keep "$data/deprivation/File_6_-_IoD2019_Population_Denominators.csv" ',E08000018,' iod2019_population_rotherham.csv
keep "$data/deprivation/iod2025/iod2025_domains_south_yorkshire.csv" ',"E08000018",' iod2025_domains_rotherham.csv
keep "$data/economy/claimant-count.csv" '^(E08000018|E92000001|E12000003),' ons_claimant_count_rotherham.csv
keep "$data/economy/business-demography.csv" '^(E08000018|E92000001|E12000003),' ons_business_demography_rotherham.csv
wc -l "$out"/*.csv
