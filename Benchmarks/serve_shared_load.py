"""Load check of a council's shared workspace (make benchmark): 200 signed-in users for 60 s.

Each user signs in with an account of their own, then in a loop (at once, or after a pause of a second, as people
at work pause: both are run) acts as its role does. Three in four are commissioners: they read pages (the contract's
recommendation, the borough, the contracts) or decide on a measure (reading the page first for the decision's
version, so a decision made since is refused as a conflict, never overwritten). One in four is a supplier bidding
for the contract's published tender: it reads the tender or saves its offer online (reading the page first for its
offer's version), a quantity for each of three measures, submitted.
Run twice in one go: two servers over one PostgreSQL database (the users shared between them, as a proxy would),
then one server over a SQLite file. Prints the p50/p99 of pages and of writes, the errors (anything but the
statuses a browser expects), and counts every saved write in the workspace afterwards (no write may be lost).

Needs the PostgreSQL server scripts/with-postgres.sh starts (SVTK_TEST_POSTGRES). The accounts' passwords are hashed
at bcrypt cost 4 in a copy of the data (the policy's 12 takes 0.25 s a hash; this measures serving, not hashing).
Usage: scripts/with-postgres.sh python3 Benchmarks/serve_shared_load.py [path/to/svtk]
"""
import concurrent.futures
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
SVTK = sys.argv[1] if len(sys.argv) > 1 else str(REPOSITORY / ".build" / "release" / "svtk")
USERS, PASSWORD = 200, "load test password"
SECONDS = int(os.environ.get("SVTK_LOAD_SECONDS", "60"))  # shorter for a quick look
PAGES = ["/contracts/1", "/", "/contracts"]


class User:
    """One person's browser: a connection of its own, its cookies and its forms' token."""

    def __init__(self, port, name):
        self.port, self.cookies, self.csrf = port, {}, ""
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.send("GET", "/sign-in")
        status, _ = self.send("POST", "/sign-in", [("name", name), ("password", PASSWORD)])
        assert status == 303, f"{name} could not sign in: {status}"
        self.send("GET", "/account")

    def send(self, method, path, fields=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode([("csrf", self.csrf)] + (fields or []))
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        page = response.read().decode(errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            self.cookies[name] = value
        found = re.search(r'name="csrf" value="([0-9a-f]{64})"', page)
        if found:
            self.csrf = found.group(1)
        return response.status, page


def is_supplier(n):
    """Whether user `n` is a supplier (one in four) rather than a commissioner."""
    return n % 4 == 3


def act(user, supplier, results, lock):
    """One thing a user does, timed. A commissioner reads a page (80%) or decides (20%); a supplier reads the tender
    (60%) or saves its offer (40%)."""
    roll = random.random()
    started = time.perf_counter()
    if supplier and roll < 0.60:
        status, _ = user.send("GET", "/tenders/1")
        kind, expected = "page", {200}
    elif supplier:
        status, page = user.send("GET", "/tenders/1")
        version = re.search(r'name="version" value="(\d+)"', page).group(1)
        boxes = re.findall(r'<input id="(q-[^"]+)"', page)[:3]
        status = user.send("POST", "/tenders/1", [("version", version), ("action", "submit")] + [
            (box, str(random.randint(1, 20))) for box in boxes])[0]
        kind, expected = "offer", {303}
    elif roll < 0.80:
        status, _ = user.send("GET", random.choice(PAGES))
        kind, expected = "page", {200}
    else:
        status, page = user.send("GET", "/contracts/1")
        forms = re.findall(r'name="measure" value="([^"]+)"><input type="hidden" name="version" value="(\d+)"', page)
        measure, version = random.choice(forms)
        status = user.send("POST", "/contracts/1/decisions", [
            ("measure", measure), ("version", version), ("action", random.choice(["accept", "drop"])),
            ("reason", "load test")])[0]
        kind, expected = "decision", {303, 409}
    elapsed = (time.perf_counter() - started) * 1000
    with lock:
        results.append((kind, status, elapsed, status in expected))


def run(name, ports, environment, place, pause):
    """200 users on `ports` for 60 s, pausing `pause` seconds between actions; prints the figures and returns whether
    no write was lost and none failed."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
        users = list(pool.map(lambda n: User(ports[n % len(ports)], f"user{n}"), range(USERS)))
    results, lock, deadline = [], threading.Lock(), time.time() + SECONDS
    before = json.loads(subprocess.run([SVTK, "workspace", "export", *place], env=environment, capture_output=True,
                                       check=True, text=True).stdout)
    start = (sum(d["version"] for d in before["decisions"]), offer_versions(before))

    def loop(n, user):
        while time.time() < deadline:
            try:
                act(user, is_supplier(n), results, lock)
                time.sleep(pause)
            except Exception as error:  # a dropped connection: an error, and a new connection
                with lock:
                    results.append(("error", 0, 0.0, False))
                print(f"  {error!r}", file=sys.stderr)
                user.connection = http.client.HTTPConnection("127.0.0.1", user.port, timeout=120)

    threads = [threading.Thread(target=loop, args=(n, user)) for n, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    archive = json.loads(subprocess.run([SVTK, "workspace", "export", *place], env=environment, capture_output=True,
                                        check=True, text=True).stdout)
    decided = sum(1 for r in results if r[0] == "decision" and r[1] == 303)
    saved = sum(1 for r in results if r[0] == "offer" and r[1] == 303)
    versions = sum(d["version"] for d in archive["decisions"]) - start[0]
    offers = offer_versions(archive) - start[1]
    errors = sum(1 for r in results if not r[3])
    print(f"{name}, {'no pause' if pause == 0 else f'a pause of {pause} s'}: {len(results)} actions in {SECONDS} s by "
          f"{USERS} signed-in users, {errors} errors")
    for kind in ["page", "decision", "offer"]:
        times = sorted(r[2] for r in results if r[0] == kind)
        if times:
            p50, p99 = times[len(times) // 2], times[max(0, int(len(times) * 0.99) - 1)]
            print(f"  {kind:<9} {len(times):>6} timed: p50 {p50:7.1f} ms, p99 {p99:7.1f} ms, slowest {times[-1]:7.1f} ms")
    conflicts = sum(1 for r in results if r[0] == "decision" and r[1] == 409)
    lost = (decided - versions) + (saved - offers)
    print(f"  writes saved: {decided} decisions ({conflicts} more refused as conflicts) and {saved} offer saves; in "
          f"the workspace: decisions' versions add to {versions}, offers' to {offers}: "
          f"{'no lost writes' if lost == 0 else f'{lost} LOST'}")
    return errors == 0 and lost == 0


def offer_versions(archive):
    """The versions of every supplier's offer, added: one per save kept."""
    return sum(o["version"] for o in archive.get("supplierOffers") or [])


def start(environment, place, count):
    """`count` servers over the workspace (`place`: its options, or none for SVTK_DATABASE); processes and ports."""
    data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
    servers, ports = [], []
    for _ in range(count):
        server = subprocess.Popen([SVTK, "serve", "--data", *data, *place, "--port", "0", "--quiet"], cwd=REPOSITORY,
                                  env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in server.stderr:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found:
                ports.append(int(found.group(1)))
                break
        servers.append(server)
    return servers, ports


def workspace(environment, place):
    """The demo workspace with an account for each user (one in four a supplier); its contract's tender is published
    by the first commissioner once a server is up (``publish``)."""
    subprocess.run([SVTK, "workspace", "import", "Datasets/contracts/demo_workspace.json", *place, "--replace"],
                   cwd=REPOSITORY, env=environment, check=True, capture_output=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: subprocess.run(
            [SVTK, "users", "add", f"user{n}", "--role", "supplier" if is_supplier(n) else "commissioner",
             "--password-stdin", *place], env=environment,
            input=PASSWORD + "\n", text=True, check=True, capture_output=True), range(USERS)))


def main():
    postgres = os.environ.get("SVTK_TEST_POSTGRES")
    if not postgres:
        print("no PostgreSQL server (run under scripts/with-postgres.sh): the shared workspace load is skipped")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="svtk-shared-load-"))
    datasets = folder / "Datasets"
    shutil.copytree(REPOSITORY / "Datasets", datasets)
    limits = datasets / "policy" / "workspace_limits.csv"
    limits.write_text(re.sub(r"^password_hash_cost,12,", "password_hash_cost,4,", limits.read_text(), flags=re.M))
    name = "svtk_load_" + uuid.uuid4().hex
    subprocess.run(["psql", postgres, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    environment = {**os.environ, "SVTK_DATASETS": str(datasets)}
    environment.pop("SVTK_DATABASE", None)
    setups = [("two servers over PostgreSQL", ["--database", postgres.rsplit("/", 1)[0] + "/" + name], 2),
              ("one server over SQLite", ["--workspace", str(folder / "load.sqlite")], 1)]
    whole = True
    for label, place, count in setups:
        workspace(environment, place)
        servers, ports = start(environment, place, count)
        publisher = User(ports[0], "user0")
        publisher.send("GET", "/contracts/1/tender")
        deadline = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + 86_400))
        assert publisher.send("POST", "/contracts/1/tender", [("deadline", deadline)])[0] == 303, "tender not published"
        try:
            for pause in (0, 1):
                whole = run(label, ports, environment, place, pause) and whole
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if whole else 1


if __name__ == "__main__":
    sys.exit(main())
