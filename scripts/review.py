#!/usr/bin/env python3
"""The review set: realistic contracts with a commissioner's expectations, written before svtk ran on them.

Runs `svtk recommend` for every contract in Tests/Review/contracts (one run per authority, from the national files
in ../shared/data) and checks each recommendation against its expectations:

- wrong rule: formal commitments or aspirations, the living wage condition (Real or London) not as expected;
- must-not: a measure the commissioner ruled out is recommended;
- to add: a measure the commissioner insists on is missing;
- to nudge: a target outside the commissioner's range, or something the answer must say (a question about a
  quantity or a pass-through fee, why only aspirations) missing.

A contract is signed off with no wrong rule, no must-not, and at most two measures to add or targets to nudge
(Tests/Review/README.md). Prints each finding and the share signed off; exits 0 (a report, not a gate) unless a
contract cannot be run at all, or with --gate SHARE when the share signed off is under SHARE.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
ALLOWED_EDITS = 2


def load_reviews(folder):
    reviews = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as f:
            review = json.load(f)
        review["file"] = os.path.relpath(path, ROOT)
        reviews.append(review)
    return reviews


def recommend(svtk, authority, contracts, data):
    """The recommendations for the contracts of one authority, in order (svtk recommend reads them in one run)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, contract in enumerate(contracts):
            path = os.path.join(tmp, f"contract{i:03}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(contract, f)
            paths.append(path)
        command = [svtk, "recommend", "--authority", authority, "--format", "json", "--data", *data,
                   "--contracts", *paths]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            return None, result.stderr.strip()
        answer = json.loads(result.stdout)
        return (answer if isinstance(answer, list) else [answer]), None


def asked(recommendation):
    """The questions the answer puts to the commissioner, by topic."""
    return {q["topic"] for q in recommendation.get("questions", [])}


def check(review, recommendation):
    """The findings for one contract: (kind, text) with kind wrong-rule, must-not, add or nudge."""
    expect = review["expectations"]
    findings = []
    rules = recommendation["rules"]
    if expect.get("commitments") and rules["commitments"] != expect["commitments"]:
        findings.append(("wrong-rule", f"commitments are {rules['commitments']}, expected {expect['commitments']}"))
    wage = expect.get("livingWage")
    if wage:
        test = rules["realLivingWage"]
        is_condition = test["treatment"] == "condition"
        london = "london" in test["wage"].lower()
        got = ("london" if london else "real") if is_condition else "none"
        if got != wage:
            findings.append(("wrong-rule", f"living wage: {got} ({test['treatment']}), expected {wage}"))
    measures = {m["ref"]: m for m in recommendation["measures"]}
    conditions = {c["ref"] for c in recommendation["conditions"]}
    excluded = {m["ref"]: m for m in recommendation["excluded"]}
    for item in expect.get("mustNot", []):
        if item["measure"] in measures:
            findings.append(("must-not", f"{item['measure']} recommended: {item['why']}"))
    for item in expect.get("must", []):
        ref = item["measure"]
        if ref not in measures and ref not in conditions:
            why = excluded.get(ref, {}).get("reason", "not considered")
            findings.append(("add", f"{ref} missing ({item['why']}); the answer says: {why}"))
    for item in expect.get("targets", []):
        measure = measures.get(item["measure"])
        if measure is None:
            continue
        quantity = measure["target"]["quantity"]
        if not item["min"] <= quantity <= item["max"]:
            findings.append(
                ("nudge", f"{item['measure']} target {quantity:g} outside {item['min']:g}-{item['max']:g} "
                          f"({item['why']}); working: {measure['target']['working']}"))
    topics = asked(recommendation)
    for item in expect.get("say", []):
        topic = item["topic"]
        if topic == "aspirations-why":
            if not rules.get("aspirationsReason"):
                findings.append(("nudge", f"does not say why only aspirations ({item['why']})"))
        elif topic not in topics:
            findings.append(("nudge", f"does not ask {topic} ({item['why']})"))
    return findings


def signed_off(findings):
    hard = [f for f in findings if f[0] in ("wrong-rule", "must-not")]
    edits = [f for f in findings if f[0] in ("add", "nudge")]
    return not hard and len(edits) <= ALLOWED_EDITS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svtk", default=os.environ.get("SVTK", os.path.join(ROOT, ".build", "debug", "svtk")))
    parser.add_argument("--reviews", default=os.path.join(ROOT, "Tests", "Review", "contracts"))
    parser.add_argument("--data", default=SHARED, help="the folder of national files (default ../shared/data)")
    parser.add_argument("--gate", type=float, help="exit 1 when the share signed off is under this (0 to 1)")
    parser.add_argument("--only", help="review only contracts whose id starts with this")
    parser.add_argument("--summary", action="store_true", help="print only the contracts sent back, and the totals")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"review: skipped, the national files are not in {args.data}")
        return 0
    # The README's national command: every national file, and the IoD2025 rows beside them.
    data = sorted(glob.glob(os.path.join(args.data, "*", "*.csv")))
    data += sorted(glob.glob(os.path.join(args.data, "deprivation", "iod2025", "*.csv")))
    reviews = [r for r in load_reviews(args.reviews) if not args.only or r["id"].startswith(args.only)]
    by_authority = {}
    for review in reviews:
        by_authority.setdefault(review["authority"], []).append(review)
    passed, failed_to_run, results, local_spend_first, lists = 0, 0, [], 0, 0
    for authority in sorted(by_authority):
        group = by_authority[authority]
        answers, error = recommend(args.svtk, authority, [r["contract"] for r in group], data)
        for i, review in enumerate(group):
            if answers is None:
                results.append((review, [("error", error)], False))
                failed_to_run += 1
                continue
            findings = check(review, answers[i])
            if answers[i]["measures"]:
                lists += 1
                local_spend_first += answers[i]["measures"][0]["ref"] == "G1"
            ok = signed_off(findings)
            passed += ok
            results.append((review, findings, ok))
    for review, findings, ok in sorted(results, key=lambda r: r[0]["id"]):
        if args.summary and ok:
            continue
        title = review["contract"]["title"]
        print(f"{'signed off' if ok else 'SENT BACK '}  {review['id']}  {review['authority']}: {title}")
        for kind, text in findings:
            print(f"    {kind}: {text}")
    total = len(results)
    share = passed / total if total else 0
    divisions = {r["contract"]["cpv"][0][:2] for r in reviews}
    kinds = ("wrong-rule", "must-not", "add", "nudge")
    counts = {kind: sum(1 for _, findings, _ in results for f in findings if f[0] == kind) for kind in kinds}
    clean = sum(1 for _, findings, _ in results if not findings)
    print(f"review: {passed} of {total} contracts signed off ({share:.0%}), {len(divisions)} CPV divisions, "
          f"{len(by_authority)} authorities; {clean} with no finding; findings: "
          + ", ".join(f"{counts[k]} {k}" for k in kinds)
          + f"; local spend (G1) first in {local_spend_first} of {lists} lists")
    if failed_to_run:
        return 1
    if args.gate is not None and share < args.gate:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
