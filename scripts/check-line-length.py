"""Fails when a Swift source line is longer than the limit (swift-format wraps code but not long literals)."""
import sys
from pathlib import Path

LIMIT = 120
long_lines = [f"{path}:{number}: {len(line)} characters (at most {LIMIT})"
              for folder in sys.argv[1:] for path in sorted(Path(folder).rglob("*.swift"))
              for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if len(line) > LIMIT]
print("\n".join(long_lines) or f"every line is at most {LIMIT} characters")
sys.exit(1 if long_lines else 0)
