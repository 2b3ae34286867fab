#!/usr/bin/env bash
# Makes Datasets/contracts/demo_workspace.json, the demo workspace: svtk serve over the demo borough, the highways
# resurfacing contract entered through the form (as in Datasets/contracts/highways_resurfacing.json), one decision,
# the demo offers and returns uploaded, then exported. Run it again when the catalogue or policy change.
# Usage: scripts/make-demo-workspace.sh [path/to/svtk]
set -euo pipefail
cd "$(dirname "$0")/.."
svtk="${1:-.build/release/svtk}"
folder="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$folder"' EXIT
"$svtk" serve --data Datasets/demo/*.csv --eaap Datasets/demo/equality_action_plan_illustrative.csv \
    --workspace "$folder/demo.sqlite" --port 0 --quiet 2> "$folder/serve.log" &
server=$!
until address=$(grep -o 'http://127.0.0.1:[0-9]*' "$folder/serve.log"); do sleep 0.5; done
jar="$folder/cookies"
curl -sf -c "$jar" "$address/contracts/new" -o /dev/null
token=$(awk '$6 == "svtk_csrf" { print $7 }' "$jar")
ward() { "$svtk" wards --data Datasets/demo/*.csv --authority Rotherham --format csv | awk -F, -v name="$1" '$2 == name { print $1 }'; }
post() { curl -sf -b "$jar" -o /dev/null -w '%{redirect_url}\n' "$@"; }
contract=$(post --data-urlencode "csrf=$token" --data-urlencode "title=Highways resurfacing works" \
    --data-urlencode "description=Resurfacing of carriageways and footways in Rotherham East and Dalton & Thrybergh, including kerb repairs, road markings and removal of surplus materials, using the contractor's plant and vehicles." \
    --data-urlencode "cpv=45233142-6" --data-urlencode "category=works" --data-urlencode "value=2400000" \
    --data-urlencode "durationMonths=24" --data-urlencode "areas=$(ward 'Rotherham East')" \
    --data-urlencode "areas=$(ward 'Dalton & Thrybergh')" --data-urlencode "framework=open" \
    --data-urlencode "workforce.fte=18" --data-urlencode "workforce.aged18Plus=yes" --data-urlencode "workforce.hoursPerWeek=37.5" \
    --data-urlencode "workforce.consecutiveWeeks=40" --data-urlencode "workforce.onCouncilPremises=no" \
    --data-urlencode "workforce.onCouncilProperty=no" --data-urlencode "workforce.onCouncilLand=yes" "$address/contracts")
post --data-urlencode "csrf=$token" --data-urlencode "measure=J17" --data-urlencode "action=change" --data-urlencode "version=0" \
    --data-urlencode "target=60" --data-urlencode "reason=Illustrative demo decision: the commissioner asks for more than the recommended hours" \
    "$contract/decisions" > /dev/null
post -F "csrf=$token" -F "offers=@Datasets/contracts/highways_offers.csv" "$contract/offers" > /dev/null
post -F "csrf=$token" -F "commitments=@Datasets/contracts/highways_commitments.csv" \
    -F "returns=@Datasets/contracts/highways_returns.csv" "$contract/returns" > /dev/null
"$svtk" workspace export --workspace "$folder/demo.sqlite" --out Datasets/contracts/demo_workspace.json
echo "wrote Datasets/contracts/demo_workspace.json from $contract"
