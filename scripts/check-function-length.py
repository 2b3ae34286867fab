"""Fails when a Swift function is over 60 lines, or a command's `run` or a route handler (a closure given to the
router, or a function of a file in Routes/ other than one that adds routes) is over 15 (brace-matched,
from the line that opens it to the line that closes it; comments and string literals are skipped)."""
import re
import sys
from pathlib import Path

FUNCTION_LIMIT = 60
HANDLER_LIMIT = 15
FUNCTION = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|override|"
                      r"nonisolated|@discardableResult)\s+)*(?:func\s+(\w+)|init\??)\s*[(<]")
ROUTE = re.compile(r"\brouter\.(?:get|post|put|patch|delete)\(")


def code_only(line):
    """The line without its string literals and trailing comment, so braces inside them are not counted."""
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split("//", 1)[0]


def closing_line(lines, start):
    """The index of the line that closes the first brace opened at or after `start`."""
    depth, opened = 0, False
    for index in range(start, len(lines)):
        for char in code_only(lines[index]):
            if char == "{":
                depth, opened = depth + 1, True
            elif char == "}":
                depth -= 1
                if opened and depth == 0:
                    return index
    return start


def findings(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    in_command = path.parent.name == "svtk" and path.name.endswith("Command.swift")
    in_routes = path.parent.name == "Routes"
    for index, line in enumerate(lines):
        match = FUNCTION.match(line)
        handler = ROUTE.search(code_only(line)) is not None
        if not match and not handler:
            continue
        if match and "{" not in "".join(code_only(l) for l in lines[index:index + 8]):
            continue  # a protocol requirement: no body
        end = closing_line(lines, index)
        length = end - index + 1
        name = "route handler" if handler and not match else (match.group(1) or "init")
        route_table = match and any(ROUTE.search(code_only(l)) for l in lines[index + 1:end])
        in_handler = handler or (in_routes and not route_table) or (in_command and name == "run")
        limit = HANDLER_LIMIT if in_handler else FUNCTION_LIMIT
        if length > limit:
            yield f"{path}:{index + 1}: {name} is {length} lines (at most {limit})"


found = [finding for folder in sys.argv[1:] for path in sorted(Path(folder).rglob("*.swift"))
         for finding in findings(path)]
print("\n".join(found) or f"every function is at most {FUNCTION_LIMIT} lines, every run and handler {HANDLER_LIMIT}")
sys.exit(1 if found else 0)
