#!/usr/bin/env python3
"""Reads `swift build` and `swift test` output on standard input and prints a summary: every failure in full
(the failing test, the expectation, and the lines it recorded), compiler errors, skipped suites with their reason,
and the final count; everything that passed is left out. The whole output is kept in the file named by the first
argument. `make test` runs it under `set -o pipefail`, so the exit status is the test run's.

Usage: swift test 2>&1 | scripts/test-summary.py .build/test.log
"""
import sys

log = open(sys.argv[1] if len(sys.argv) > 1 else "/dev/null", "w", encoding="utf-8")
keeping = False
for line in sys.stdin:
    log.write(line)
    text = line.rstrip("\n")
    starts_test = text.startswith(("✔", "✘", "◇", "↳", "􀟈", "􁁛", "􀢄")) or " Test " in text[:12]
    if "recorded an issue" in text or "error:" in text:
        keeping = True
    elif starts_test and not text.startswith("↳"):
        keeping = False
    if keeping or text.startswith("✘") or "Test run with" in text or " skipped" in text:
        print(text, flush=True)
