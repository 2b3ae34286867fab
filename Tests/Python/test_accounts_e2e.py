"""A workspace with accounts, in a real browser (Debian's Chromium through Playwright): each role signs in by keyboard
alone, sees only the pages and actions its role allows, and signs out. A wrong password is refused in words. The
commissioner's decision appears in the contract's audit trail under their name. Screenshots of each role's pages go
to out/e2e-accounts/.

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
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
SHOTS = REPOSITORY / "out" / "e2e-accounts"
PASSWORD = "correct horse battery staple"
ROLES = ["administrator", "commissioner", "contract_manager", "supplier", "viewer"]


class Accounts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="svtk-accounts-"))
        workspace = ["--workspace", str(cls.folder / "w.sqlite")]
        run = lambda arguments, stdin=None: subprocess.run(
            [SVTK, *arguments, *workspace], cwd=REPOSITORY, input=stdin, text=True, check=True, capture_output=True)
        run(["workspace", "import", "Datasets/contracts/demo_workspace.json"])
        for role in ROLES:
            run(["users", "add", role.replace("_", "-"), "--role", role, "--display-name", role.replace("_", " ").title(),
                 "--password-stdin"], PASSWORD + "\n")
        run(["users", "assign", "contract-manager", "--contract", "1"])
        data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv") if "equality" not in p.name)
        cls.server = subprocess.Popen([SVTK, "serve", "--data", *data, *workspace, "--port", "0", "--quiet"],
                                      cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in cls.server.stderr:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found:
                cls.address = f"http://127.0.0.1:{found.group(1)}"
                break
        shutil.rmtree(SHOTS, ignore_errors=True)
        SHOTS.mkdir(parents=True)
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

    def sign_in(self, name, password=PASSWORD, goto="/"):
        """A new browser context (its own cookies), signed in through the form by keyboard alone."""
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(self.address + goto)
        expect(page).to_have_url(re.compile(r"/sign-in\?next="))
        page.locator("#f-name").focus()
        page.keyboard.type(name)
        page.keyboard.press("Tab")
        page.keyboard.type(password)
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        return context, page

    def test_each_role_sees_what_it_may(self):
        expectations = {
            "administrator": ("/", ["Borough", "Accounts"], ["Contracts"]),
            "commissioner": ("/contracts/1", ["Edit the contract", "Your decision on G1", "Recommend again"], ["Accounts"]),
            "contract-manager": ("/contracts/1", ["Monitor delivery", "Audit trail"], ["Edit the contract", "Your decision on"]),
            "supplier": ("/account", ["Your account", "Change your password"], ["Borough", "Contracts"]),
            "viewer": ("/", ["Borough", "Sources"], ["Contracts", "Accounts"]),
        }
        for name, (path, present, absent) in expectations.items():
            context, page = self.sign_in(name, goto=path if name != "supplier" else "/account")
            expect(page).to_have_url(self.address + path)
            header = page.locator("header.site")
            expect(header).to_contain_text("Signed in as")
            for text in present:
                expect(page.locator("body")).to_contain_text(text)
            for text in absent:
                self.assertNotIn(text, page.locator("main").inner_text() + header.inner_text(), f"{name}: {text}")
            page.screenshot(path=str(SHOTS / f"{name}.png"))
            if name == "viewer":
                response = page.goto(self.address + "/contracts/1")
                self.assertEqual(response.status, 403)
                expect(page.locator("body")).to_contain_text("Your role (viewer) may not open this page")
                page.screenshot(path=str(SHOTS / "viewer-refused.png"))
            page.locator("form.sign-out button").click()
            expect(page).to_have_url(self.address + "/sign-in")
            context.close()

    def test_a_wrong_password_is_refused_and_a_decision_is_audited_by_name(self):
        context, page = self.sign_in("commissioner", password="not the password")
        expect(page.locator("[role=alert]")).to_have_text("that name and password do not match an account")
        expect(page.locator("#f-name")).to_have_value("commissioner")
        page.screenshot(path=str(SHOTS / "sign-in-refused.png"))
        context.close()
        context, page = self.sign_in("commissioner", goto="/contracts/1")
        form = page.locator("form.decision").filter(has=page.locator("input[name=measure][value=G2]"))
        form.locator("input[value=drop]").check()
        form.locator("textarea, input[name=reason]").first.fill("covered by another contract")
        form.locator("button[type=submit]").click()
        page.goto(self.address + "/contracts/1/audit")
        expect(page.locator("tbody tr").first).to_contain_text("commissioner")
        expect(page.locator("tbody tr").first).to_contain_text("decided")
        expect(page.locator("tbody tr").first).to_contain_text("G2")
        page.screenshot(path=str(SHOTS / "audit-trail.png"))
        context.close()


if __name__ == "__main__":
    unittest.main()
