#!/usr/bin/env python3
"""Reads `swift build` and `swift test` output on standard input and prints a summary: every failure in full
(the failing test, the expectation, and the lines it recorded), compiler errors, skipped suites with their reason,
and the final count; everything that passed is left out, and so are the servers' request logs (lines of a
timestamp and a level up to notice). After the count, each issue recorded is named again, so the last lines of the
output (all a CI log may show) say which tests failed. The whole output is kept in the file named by the first
argument. `make test` runs it under `set -o pipefail`, so the exit status is the test run's.

Usage: swift test 2>&1 | scripts/test-summary.py .build/test.log
"""
import re
import sys

REQUEST_LOG = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\S* (trace|debug|info|notice) ")

log = open(sys.argv[1] if len(sys.argv) > 1 else "/dev/null", "w", encoding="utf-8")
keeping = False
issues = []
for line in sys.stdin:
    log.write(line)
    text = line.rstrip("\n")
    if REQUEST_LOG.match(text):
        continue
    starts_test = text.startswith(("✔", "✘", "◇", "↳", "􀟈", "􁁛", "􀢄")) or " Test " in text[:12]
    if "recorded an issue" in text or "error:" in text:
        keeping = True
        issues.append(text)
    elif starts_test and not text.startswith("↳"):
        keeping = False
    if keeping or text.startswith("✘") or "Test run with" in text or " skipped" in text:
        print(text, flush=True)
if issues:
    print(f"== {len(issues)} issue(s) recorded, as above:")
    for text in issues:
        print(text[:300], flush=True)
