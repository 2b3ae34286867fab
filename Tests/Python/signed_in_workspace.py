"""A workspace with accounts served on a free port, and a Chromium (Debian's, through Playwright) to sign in to it by
keyboard: the base of the browser tests that need accounts. A test class names its ACCOUNTS (name, role, shown
name), the contracts its contract managers are ASSIGNED, and the folder of its SHOTS."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unittest
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct horse battery staple"


def start_server(workspace: Path, data: list):
    """Starts svtk serve over `workspace` with `data` (its --data and other options) on a free loopback port;
    returns the process and its address."""
    process = subprocess.Popen([SVTK, "serve", *data, "--workspace", str(workspace), "--port", "0", "--quiet"],
                               cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return process, f"http://127.0.0.1:{match.group(1)}"
    raise RuntimeError(f"svtk serve did not start (exit {process.wait()})")


class SignedInWorkspace(unittest.TestCase):
    ACCOUNTS: list = []
    ASSIGNED: dict = {}
    SHOTS: Path = REPOSITORY / "out"

    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="svtk-signed-in-"))
        workspace = ["--workspace", str(cls.folder / "w.sqlite")]
        run = lambda arguments, stdin=None: subprocess.run(
            [SVTK, *arguments, *workspace], cwd=REPOSITORY, input=stdin, text=True, check=True, capture_output=True)
        run(["workspace", "import", "Datasets/contracts/demo_workspace.json"])
        for name, role, shown in cls.ACCOUNTS:
            run(["users", "add", name, "--role", role, "--display-name", shown, "--password-stdin"], PASSWORD + "\n")
        for name, contract in cls.ASSIGNED.items():
            run(["users", "assign", name, "--contract", str(contract)])
        data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
        cls.server, cls.address = start_server(cls.folder / "w.sqlite", ["--data", *data])
        shutil.rmtree(cls.SHOTS, ignore_errors=True)
        cls.SHOTS.mkdir(parents=True)
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        cls.server.send_signal(signal.SIGINT)
        cls.server.wait(timeout=20)
        cls.server.stderr.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def sign_in(self, name, password=PASSWORD, goto="/sign-in", height=900):
        """A new browser context (its own cookies), signed in through the form by keyboard alone: from `goto`, which
        sends a visitor not signed in to the sign-in form."""
        context = self.browser.new_context(viewport={"width": 1280, "height": height})
        page = context.new_page()
        page.goto(self.address + goto)
        expect(page).to_have_url(re.compile(r"/sign-in"))
        page.locator("#f-name").focus()
        page.keyboard.type(name)
        page.keyboard.press("Tab")
        page.keyboard.type(password)
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        return context, page
