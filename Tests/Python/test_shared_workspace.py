"""Two `svtk serve` processes over one PostgreSQL workspace, as two servers behind a proxy would run.

`make test` starts a throwaway PostgreSQL server (scripts/with-postgres.sh) and gives its address in
SVTK_TEST_POSTGRES; without it this test is skipped with a message. The database is given to the servers in
SVTK_DATABASE, as the README advises, so its password is never on a command line.
"""
import http.client
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))
POSTGRES = os.environ.get("SVTK_TEST_POSTGRES", "")


def new_database():
    """A new database on the test server; its address."""
    name = "svtk_e2e_" + uuid.uuid4().hex
    subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return POSTGRES.rsplit("/", 1)[0] + "/" + name


@unittest.skipUnless(POSTGRES and shutil.which("psql"), "no PostgreSQL test server (make test starts one): skipped")
class SharedWorkspace(unittest.TestCase):
    def setUp(self):
        self.database = new_database()
        self.environment = {**os.environ, "SVTK_DATABASE": self.database}
        subprocess.run(
            [SVTK, "workspace", "import", "Datasets/contracts/demo_workspace.json"], cwd=REPOSITORY,
            env=self.environment, check=True, capture_output=True)
        data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
        self.servers, self.ports = [], []
        for _ in range(2):
            server = subprocess.Popen(
                [SVTK, "serve", "--data", *data, "--port", "0", "--quiet"], cwd=REPOSITORY, env=self.environment,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            self.servers.append(server)
            for line in server.stderr:
                found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if found:
                    self.ports.append(int(found.group(1)))
                    break
            else:
                raise RuntimeError(f"svtk serve did not start (exit {server.wait()})")

    def tearDown(self):
        for server in self.servers:
            server.terminate()
            server.wait(timeout=20)
            server.stderr.close()

    def request(self, server, method, path, body=None, cookie=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.ports[server], timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        return response, text

    def decision_form(self, server, measure):
        """The cookie, token and decisions' version the contract page gives for a decision on `measure`."""
        response, page = self.request(server, "GET", "/contracts/1")
        self.assertEqual(response.status, 200)
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        version = re.search(
            rf'name="measure" value="{measure}"><input type="hidden" name="version" value="(\d+)"', page).group(1)
        return cookie, token, version

    def test_what_one_server_saves_the_other_shows_and_a_stale_decision_is_a_conflict(self):
        for server in (0, 1):
            response, page = self.request(server, "GET", "/contracts/1")
            self.assertEqual(response.status, 200)
            self.assertIn("<h1>Highways resurfacing works</h1>", page)
        cookie, token, version = self.decision_form(0, "G1")
        self.assertEqual(version, "0")
        decision = {"csrf": token, "measure": "G1", "version": version, "action": "drop", "reason": "through one"}
        # The second server takes the first's form: both derive tokens from the workspace's one secret.
        response, _ = self.request(1, "POST", "/contracts/1/decisions", decision, cookie)
        self.assertEqual(response.status, 303)
        _, page = self.request(0, "GET", "/contracts/1")
        self.assertIn("through one", page)
        # The same form again, through the first server: it read version 0, which is now 1.
        response, page = self.request(0, "POST", "/contracts/1/decisions", {**decision, "reason": "stale"}, cookie)
        self.assertEqual(response.status, 409)
        self.assertIn("you read version 0, it is now version 1", page)

    def test_a_sign_in_through_one_server_holds_on_the_other(self):
        subprocess.run(
            [SVTK, "users", "add", "asha", "--role", "commissioner", "--password-stdin"], cwd=REPOSITORY,
            env=self.environment, input="correct horse battery staple\n", text=True, check=True, capture_output=True)
        # The workspace now has an account: both servers ask for a sign-in at once.
        for server in (0, 1):
            response, _ = self.request(server, "GET", "/contracts/1")
            self.assertEqual((response.status, response.getheader("Location")), (303, "/sign-in?next=%2Fcontracts%2F1"))
        response, page = self.request(0, "GET", "/sign-in")
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        response, _ = self.request(
            0, "POST", "/sign-in", {"csrf": token, "name": "asha", "password": "correct horse battery staple"}, cookie)
        self.assertEqual(response.status, 303)
        session = response.getheader("Set-Cookie").split(";")[0]
        self.assertTrue(session.startswith("svtk_session="))
        response, page = self.request(1, "GET", "/contracts/1", cookie=session)
        self.assertEqual(response.status, 200)
        self.assertIn("Signed in as asha (commissioner)", page)

    def test_the_workspace_exports_from_the_database_as_the_archive_it_was_imported_from(self):
        exported = subprocess.run(
            [SVTK, "workspace", "export"], cwd=REPOSITORY, env=self.environment, check=True, capture_output=True,
            text=True).stdout
        folder = Path(tempfile.mkdtemp(prefix="svtk-shared-"))
        local = folder / "w.sqlite"
        try:
            subprocess.run(
                [SVTK, "workspace", "import", "Datasets/contracts/demo_workspace.json", "--workspace", str(local)],
                cwd=REPOSITORY, check=True, capture_output=True)
            from_file = subprocess.run(
                [SVTK, "workspace", "export", "--workspace", str(local)], cwd=REPOSITORY, check=True,
                capture_output=True, text=True).stdout
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.assertEqual(exported, from_file)


if __name__ == "__main__":
    unittest.main()
