"""svtk serve under more connections than it keeps, and stopped while a client trickles a body.

The connection cap comes from a copy of the toolkit's data with `connections_maximum` set to 2, so two connections
are served, two more are told 503 with Retry-After, and the rest are closed at once; then SIGTERM must stop the
server within 10 s although a form's body is still arriving a byte at a time.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))


class ServeLimits(unittest.TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="svtk-limits-"))
        datasets = self.folder / "Datasets"
        shutil.copytree(REPOSITORY / "Datasets", datasets)
        limits = datasets / "policy" / "workspace_limits.csv"
        text = re.sub(r"^connections_maximum,512,", "connections_maximum,2,", limits.read_text(), flags=re.M)
        limits.write_text(text)
        data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
        self.server = subprocess.Popen(
            [SVTK, "serve", "--data", *data, "--workspace", str(self.folder / "w.sqlite"), "--port", "0", "--quiet"],
            cwd=REPOSITORY, env={**os.environ, "SVTK_DATASETS": str(datasets)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in self.server.stderr:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                return
        raise RuntimeError(f"svtk serve did not start (exit {self.server.wait()})")

    def tearDown(self):
        if self.server.poll() is None:
            self.server.kill()
            self.server.wait()
        self.server.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def connect(self):
        connection = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        time.sleep(0.2)  # the server counts it in before the next one arrives
        return connection

    def ask(self, connection):
        """The response's head to a GET / on an open connection, or '' when the server closed it unanswered."""
        try:
            connection.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                head += chunk
            return head.decode("latin-1")
        except OSError:
            return ""

    def test_connections_beyond_the_cap_are_told_503_then_closed(self):
        connections = [self.connect() for _ in range(6)]
        heads = [self.ask(c) for c in connections]
        self.assertTrue(all(h.startswith("HTTP/1.1 200") for h in heads[:2]), heads[:2])
        for head in heads[2:4]:
            self.assertTrue(head.startswith("HTTP/1.1 503"), head)
            self.assertRegex(head, r"(?i)\r\nretry-after: 5\r\n")
        self.assertEqual(heads[4:], ["", ""])
        for connection in connections:
            connection.close()
        time.sleep(0.5)
        again = self.connect()
        self.assertTrue(self.ask(again).startswith("HTTP/1.1 200"))
        again.close()
        self.assertIsNone(self.server.poll(), "the server is still up")

    def test_sigterm_stops_the_server_within_ten_seconds_while_a_body_trickles(self):
        trickle = self.connect()
        trickle.sendall((f"POST /contracts HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                         f"Origin: http://127.0.0.1:{self.port}\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n").encode())
        self.server.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        while self.server.poll() is None and time.monotonic() - signalled < 15:
            try:
                trickle.sendall(b"a")
            except OSError:
                pass
            time.sleep(0.5)
        trickle.close()
        self.assertIsNotNone(self.server.poll(), "svtk serve did not exit within 15 s")
        self.assertLess(time.monotonic() - signalled, 10.5)
        self.assertEqual(self.server.returncode, 0)


if __name__ == "__main__":
    unittest.main()
