"""Two `svtk serve` processes over one PostgreSQL workspace behind nginx with TLS, as deploy/nginx-svtk.conf sets up.

The configuration is used as written, with only its ports, server name and certificate paths replaced, inside a
minimal nginx.conf of the test's own. Needs the PostgreSQL test server `make test` starts (SVTK_TEST_POSTGRES),
nginx and openssl; without them it is skipped with a message.
"""
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import unittest
import urllib.parse
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))
POSTGRES = os.environ.get("SVTK_TEST_POSTGRES", "")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
PASSWORD = "correct horse battery staple"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@unittest.skipUnless(
    POSTGRES and NGINX and shutil.which("openssl") and shutil.which("psql"),
    "no PostgreSQL test server, nginx or openssl (make test installs and starts them): skipped")
class BehindNginx(unittest.TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="svtk-nginx-"))
        os.chmod(self.folder, 0o755)
        name = "svtk_nginx_" + uuid.uuid4().hex
        subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
        self.environment = {**os.environ, "SVTK_DATABASE": POSTGRES.rsplit("/", 1)[0] + "/" + name}
        self.svtk(["workspace", "import", "Datasets/contracts/demo_workspace.json"])
        self.svtk(["users", "add", "asha", "--role", "commissioner", "--password-stdin"], PASSWORD + "\n")
        self.servers, ports = [], []
        data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
        for n in range(2):
            port = free_port()
            log = open(self.folder / f"server{n}.log", "w")
            self.servers.append((subprocess.Popen(
                [SVTK, "serve", "--data", *data, "--port", str(port), "--trusted-proxy", "127.0.0.1"],
                cwd=REPOSITORY, env=self.environment, stdout=subprocess.DEVNULL, stderr=log), log))
            ports.append(port)
        self.http, self.https = free_port(), free_port()
        self.start_nginx(ports)
        for server, log in self.servers:
            self.wait_for(lambda: "svtk workspace on" in Path(log.name).read_text(), "svtk serve did not start")

    def tearDown(self):
        if getattr(self, "nginx", None):
            self.nginx.terminate()
            self.nginx.wait(timeout=20)
        for server, log in self.servers:
            server.terminate()
            server.wait(timeout=20)
            log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def svtk(self, arguments, stdin=None):
        subprocess.run([SVTK, *arguments], cwd=REPOSITORY, env=self.environment, input=stdin, text=True, check=True,
                       capture_output=True)

    @staticmethod
    def wait_for(condition, message, seconds=60):
        deadline = time.time() + seconds
        while not condition():
            if time.time() > deadline:
                raise RuntimeError(message)
            time.sleep(0.2)

    def start_nginx(self, ports):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
             "-keyout", str(self.folder / "privkey.pem"), "-out", str(self.folder / "fullchain.pem")],
            check=True, capture_output=True)
        site = (REPOSITORY / "deploy" / "nginx-svtk.conf").read_text()
        for old, new in [
            ("server 127.0.0.1:8081;", f"server 127.0.0.1:{ports[0]};"),
            ("server 127.0.0.1:8082;", f"server 127.0.0.1:{ports[1]};"),
            ("listen 80;", f"listen 127.0.0.1:{self.http};"), ("listen 443 ssl;", f"listen 127.0.0.1:{self.https} ssl;"),
            ("svtk.example.gov.uk", "localhost"), ("/etc/ssl/svtk", str(self.folder)),
        ]:
            self.assertIn(old, site)
            site = site.replace(old, new)
        (self.folder / "svtk.conf").write_text(site)
        temp = "\n".join(f"{kind}_temp_path {self.folder}/{kind};" for kind in
                         ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
        (self.folder / "nginx.conf").write_text(
            f"daemon off;\npid {self.folder}/nginx.pid;\nerror_log {self.folder}/error.log;\nevents {{}}\n"
            f"http {{\naccess_log off;\n{temp}\ninclude {self.folder}/svtk.conf;\n}}\n")
        self.nginx = subprocess.Popen([NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_for(lambda: (self.folder / "nginx.pid").exists(), "nginx did not start")

    def request(self, method, path, body=None, cookie=None):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("localhost", self.https, timeout=30, context=context)
        headers = {"Cookie": cookie} if cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://localhost:{self.https}"
            body = urllib.parse.urlencode(body)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        return response, text

    def test_signed_in_over_tls_through_either_server(self):
        plain = http.client.HTTPConnection("127.0.0.1", self.http, timeout=30)
        plain.request("GET", "/contracts/1", headers={"Host": "localhost"})
        redirect = plain.getresponse()
        plain.close()
        self.assertEqual((redirect.status, redirect.getheader("Location")), (301, "https://localhost/contracts/1"))
        response, page = self.request("GET", "/sign-in")
        self.assertEqual(response.status, 200)
        csrf_cookie = response.getheader("Set-Cookie")
        self.assertIn("Secure", csrf_cookie)
        cookie = csrf_cookie.split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        response, _ = self.request(
            "POST", "/sign-in", {"csrf": token, "name": "asha", "password": PASSWORD, "next": "/contracts/1"}, cookie)
        self.assertEqual((response.status, response.getheader("Location")), (303, "/contracts/1"))
        session_cookie = response.getheader("Set-Cookie")
        self.assertRegex(session_cookie, r"^svtk_session=[0-9a-f]{64};")
        for flag in ["Secure", "HttpOnly", "SameSite=Strict"]:
            self.assertIn(flag, session_cookie)
        session = session_cookie.split(";")[0]
        for _ in range(6):  # round robin: each server answers some
            response, page = self.request("GET", "/contracts/1", cookie=session)
            self.assertEqual(response.status, 200)
        response, page = self.request("GET", "/contracts/1", cookie=session)
        cookie = response.getheader("Set-Cookie", "").split(";")[0] or cookie
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        decision = {"csrf": token, "measure": "G1", "version": "0", "action": "drop", "reason": "through the proxy"}
        response, _ = self.request("POST", "/contracts/1/decisions", decision, f"{session}; {cookie}")
        self.assertEqual(response.status, 303)
        _, trail = self.request("GET", "/contracts/1/audit", cookie=session)
        self.assertIn("<td>asha</td><td>decided</td><td>G1</td>", trail)
        for _, log in self.servers:
            log.flush()
            self.assertIn("/contracts/1", Path(log.name).read_text())


if __name__ == "__main__":
    unittest.main()
