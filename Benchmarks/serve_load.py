"""Load check of svtk serve (make benchmark): 200 concurrent requests on loopback against the demo borough.

1. A contract's recommendation page (the saved recommendation with its decisions, maps and charts) under 200
   concurrent connections for 5 s, measured by wrk (Debian's package);
2. 200 concurrent POSTs that recommend the contract again (the recommender runs and a snapshot is saved);
3. 200 decisions, a burst per round of one per measure, each naming the version it read, so none may be lost.

Prints p50, p99 and the slowest latency, the errors, and checks that every write is in the workspace.
Usage: python3 Benchmarks/serve_load.py [path/to/svtk]
"""
import concurrent.futures
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
SVTK = sys.argv[1] if len(sys.argv) > 1 else str(REPOSITORY / ".build" / "release" / "svtk")
# The security token the server gave this visitor (its cookie, sent back in each form), set by security_token().
TOKEN = ""


def security_token(port):
    """The token the server mints for a visitor's first page (only a token it made is accepted with a form)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/contracts")
    response = connection.getresponse()
    response.read()
    connection.close()
    found = re.search(r"svtk_csrf=([0-9a-f]{64})", response.getheader("Set-Cookie", ""))
    assert response.status == 200 and found, f"GET /contracts gave {response.status} and no security token"
    return found.group(1)


def request(port, method, path, fields=None):
    """One request on its own connection, with the visitor's cookie and a POST's token: (status, seconds, body)."""
    headers = {"Cookie": f"svtk_csrf={TOKEN}"}
    body = None
    if method == "POST":
        body = urllib.parse.urlencode([("csrf", TOKEN)] + (fields or []))
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, elapsed, data


def burst(port, name, calls, ok):
    """Runs the calls all at once; prints the latencies; returns the statuses."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(calls)) as pool:
        started = time.perf_counter()
        results = list(pool.map(lambda call: request(port, *call), calls))
        wall = time.perf_counter() - started
    times = sorted(r[1] * 1000 for r in results)
    errors = sum(1 for r in results if r[0] not in ok)
    p99 = times[max(0, int(len(times) * 0.99) - 1)]
    print(f"{name:<46} {len(calls)} requests in {wall:5.2f} s: p50 {statistics.median(times):7.1f} ms, p99 {p99:7.1f} ms, "
          f"slowest {times[-1]:7.1f} ms, errors {errors}")
    return [r[0] for r in results]


def sustained(port, path):
    """200 connections asking for a page for 5 s (wrk); prints the latencies and the errors."""
    out = subprocess.run(["wrk", "-t", "2", "-c", "200", "-d", "5s", "--latency", "-H", f"Cookie: svtk_csrf={TOKEN}",
                          f"http://127.0.0.1:{port}{path}"], capture_output=True, check=True, text=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    requests = re.search(r"(\d+) requests in", out).group(1)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    print(f"{'GET the recommendation page (wrk, 200 conn.)':<46} {requests} requests in 5 s: p50 {latency['50']:>9}, "
          f"p99 {latency['99']:>9}, errors {errors}")


def main():
    folder = Path(tempfile.mkdtemp(prefix="svtk-load-"))
    data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv"))
    server = subprocess.Popen([SVTK, "serve", "--data", *data, "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv",
                               "--workspace", str(folder / "load.sqlite"), "--port", "0", "--quiet"],
                              cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = None
    for line in server.stderr:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    try:
        global TOKEN
        TOKEN = security_token(port)
        contract = json.loads((REPOSITORY / "Datasets" / "contracts" / "highways_resurfacing.json").read_text())
        status, _, _ = request(port, "POST", "/contracts", [
            ("title", contract["title"]), ("description", contract["description"]), ("cpv", contract["cpv"][0]),
            ("category", contract["category"]), ("value", str(contract["value"])), ("durationMonths", str(contract["durationMonths"])),
            ("areas", "borough"), ("framework", "open")])
        assert status == 303, status
        page = request(port, "GET", "/contracts/1")[2].decode()
        measures = re.findall(r'name="measure" value="([^"]+)"', page)
        sustained(port, "/contracts/1")
        burst(port, "POST recommend again (recommend + save)", [("POST", "/contracts/1/recommend")] * 200, {303})
        rounds = -(-200 // len(measures))
        total = 0
        for round_ in range(rounds):
            count = min(len(measures), 200 - total)
            calls = [("POST", "/contracts/1/decisions", [("measure", m), ("action", "drop"), ("version", str(round_)),
                                                           ("reason", f"round {round_}")]) for m in measures[:count]]
            statuses = burst(port, f"POST decisions, round {round_ + 1} of {rounds} ({count} measures)", calls, {303})
            assert all(s == 303 for s in statuses), statuses
            total += count
    finally:
        server.terminate()
        server.wait(timeout=30)
    archive = json.loads(subprocess.run([SVTK, "workspace", "export", "--workspace", str(folder / "load.sqlite")],
                                        capture_output=True, check=True, text=True).stdout)
    snapshots, versions = len(archive["snapshots"]), sum(d["version"] for d in archive["decisions"])
    print(f"workspace after the load: {snapshots} recommendations (201 expected), decisions' versions add up to {versions} "
          f"({total} expected): {'no lost writes' if snapshots == 201 and versions == total else 'WRITES LOST'}")
    return 0 if snapshots == 201 and versions == total else 1


if __name__ == "__main__":
    sys.exit(main())
