"""The workspace as a commissioner uses it, in a real browser: svtk serve over the demo borough and a new
workspace file, driven through Debian's Chromium with Playwright. It creates a contract through the form (first
with a mistake, then by keyboard alone), gets the recommendation, drops a measure with a reason, downloads the
tender pack, uploads offers (a broken file, then a good one) and quarterly returns, and compares two
recommendations, checking each page by its visible text. Screenshots go to out/e2e/.

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
import os
import re
import shutil
import signal
import tempfile
import unittest
import zipfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from signed_in_workspace import start_server

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = REPOSITORY / "out" / "e2e"
CONTRACTS = REPOSITORY / "Datasets" / "contracts"


def demo_data():
    """Every demo file as data, and the equality action plan as such."""
    data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv"))
    return ["--data", *data, "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv"]


class Workspace(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="svtk-e2e-"))
        cls.server, cls.address = start_server(cls.folder / "workspace.sqlite", demo_data())
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
        shutil.rmtree(cls.folder, ignore_errors=True)

    def setUp(self):
        self.page = self.browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)

    def tearDown(self):
        self.page.close()

    def shot(self, name: str):
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)

    def fill_contract_by_keyboard(self, value: str):
        """Fills the new-contract form with the keyboard only: Tab from the top, typing into each field in turn."""
        page = self.page
        page.goto(self.address + "/contracts/new")
        page.locator("body").focus()
        focused = lambda: page.evaluate("document.activeElement && (document.activeElement.id || document.activeElement.textContent.trim())")
        while focused() != "f-title":
            page.keyboard.press("Tab")
        page.keyboard.type("Highways resurfacing works")
        page.keyboard.press("Tab")
        self.assertEqual(focused(), "f-description")
        page.keyboard.type("Resurfacing of carriageways and footways, including kerb repairs, road markings and removal of surplus "
                           "materials, using the contractor's plant and vehicles.")
        page.keyboard.press("Tab")
        self.assertEqual(focused(), "f-cpv")
        page.keyboard.type("45233142-6")
        for expected in ["f-cpvSearch", "Search", "f-category"]:
            page.keyboard.press("Tab")
            self.assertEqual(focused(), expected)
        page.keyboard.press("End")  # works, the last category
        page.keyboard.press("Tab")
        self.assertEqual(focused(), "f-value")
        page.keyboard.type(value)
        page.keyboard.press("Tab")
        page.keyboard.type("24")
        for ward in ["ward-borough"]:
            while focused() != ward:
                page.keyboard.press("Tab")
        # the delivery wards of the highways contract: Rotherham East and Dalton & Thrybergh, ticked with Space
        for name in ["Dalton & Thrybergh", "Rotherham East"]:
            code = page.get_by_label(name, exact=True).get_attribute("value")
            while focused() != f"ward-{code}":
                page.keyboard.press("Tab")
            page.keyboard.press("Space")
        # the map's wards are not tab stops: from the last ward's box, Save is a few fields away, not 25 links
        self.assertTrue(page.evaluate("[...document.querySelectorAll('#pick-map a')].every(a => a.tabIndex < 0)"))
        presses = 0
        while focused() != "Save and recommend":
            page.keyboard.press("Tab")
            presses += 1
        self.assertLess(presses, 30)
        page.keyboard.press("Enter")
        page.wait_for_load_state()

    def test_a_commissioner_goes_from_needs_to_monitoring(self):
        page = self.page
        page.goto(self.address + "/")
        expect(page.locator("h1")).to_have_text("Rotherham: local needs")
        expect(page.get_by_role("heading", name="Top needs")).to_be_visible()
        expect(page.get_by_role("heading", name="Equality gaps")).to_be_visible()
        self.shot("01-borough")
        page.get_by_label("Show need on the map for").select_option(label="Worklessness and long-term unemployment")
        page.get_by_role("button", name="Show").click()
        expect(page.locator("figure.map figcaption").first).to_contain_text("Worklessness and long-term unemployment: need by ward")
        page.get_by_role("link", name="Rotherham East").first.click()
        expect(page.locator("p.lead")).to_contain_text("local needs profile")
        self.shot("02-ward")

        # A mistake first: the value in words; the error is beside the field and nothing typed is lost.
        self.fill_contract_by_keyboard("two million")
        expect(page.locator("[role=alert]").first).to_contain_text("The contract was not saved")
        expect(page.locator("#f-value-error")).to_contain_text("is not a number")
        expect(page.locator("#f-title")).to_have_value("Highways resurfacing works")
        self.shot("03-form-error")

        # Then right, by keyboard alone.
        self.fill_contract_by_keyboard("2400000")
        expect(page.locator("h1")).to_have_text("Highways resurfacing works")
        expect(page.get_by_role("heading", name="Measures and your decisions")).to_be_visible()
        self.shot("04-recommendation")
        contract_url = page.url

        # Drop the first measure, with a reason; it moves to the excluded list with the reason.
        first = page.locator(".measure-block").first
        ref = first.locator("input[name=measure]").get_attribute("value")
        first.get_by_label("Drop this measure").check()
        first.get_by_label("Reason").fill("Already required by the highways framework agreement")
        first.get_by_role("button", name=f"Save the decision on {ref}").click()
        expect(page.locator(f"#measure-{re.sub('[^A-Za-z0-9]', '-', ref)} .decided")).to_contain_text(
            "dropped: Already required by the highways framework agreement")
        expect(page.locator("#excluded")).to_contain_text("dropped by the commissioner: Already required")
        self.shot("05-decision")

        # A change without a reason is refused beside the measure.
        second = page.locator(".measure-block").nth(1)
        second.get_by_label("Change the target").check()
        second.get_by_label("Target instead").fill("3")
        second.get_by_role("button").click()
        expect(page.locator(".measure-block").nth(1).locator(".field-error")).to_contain_text("give the reason")

        # The tender pack: the Word section and the workbook download, without the dropped measure.
        page.goto(contract_url)
        with page.expect_download() as download:
            page.get_by_role("link", name="Word (.docx)").click()
        path = download.value.path()
        with zipfile.ZipFile(path) as package:
            text = package.read("word/document.xml").decode("utf-8")
        self.assertIn("Social value: Highways resurfacing works", text)
        self.assertNotIn(f">{ref} ", text)
        with page.expect_download() as download:
            page.get_by_role("link", name="Every table (Excel)").click()
        self.assertTrue(download.value.suggested_filename.endswith(".xlsx"))

        # The supplier's view.
        page.get_by_role("link", name="Supplier view").click()
        expect(page.locator("h1")).to_contain_text("social value asked of bidders")
        expect(page.get_by_role("heading", name="The local needs behind each measure")).to_be_visible()
        self.shot("06-supplier")

        # Offers: a broken file is refused with its line and column; the good one is scored.
        page.goto(contract_url)
        page.get_by_role("link", name="Evaluate offers").click()
        broken = self.folder / "offers-broken.csv"
        broken.write_text("supplier,measure,quantity,qualitative_mark\nAcme,J2,lots,60\n", encoding="utf-8")
        page.get_by_label("Offers (CSV)").set_input_files(str(broken))
        page.get_by_role("button", name="Upload and score").click()
        expect(page.locator("#upload-error")).to_contain_text("offers-broken.csv:2:3")
        page.get_by_label("Offers (CSV)").set_input_files(str(CONTRACTS / "highways_offers.csv"))
        page.get_by_role("button", name="Upload and score").click()
        expect(page.get_by_role("heading", name="Scores from highways_offers.csv")).to_be_visible()
        expect(page.locator("table").first).to_contain_text("Borough Surfacing Ltd")
        self.shot("07-evaluation")

        # Returns: RAG and forecast per measure, with the chart.
        page.goto(contract_url + "/returns")
        page.get_by_label("Commitments (CSV)").set_input_files(str(CONTRACTS / "highways_commitments.csv"))
        page.get_by_label("Quarterly returns (CSV)").set_input_files(str(CONTRACTS / "highways_returns.csv"))
        page.get_by_role("button", name="Upload and monitor").click()
        expect(page.get_by_role("heading", name=re.compile(r"Quarter \d+ of \d+"))).to_be_visible()
        expect(page.locator("table").first).to_contain_text("J2")
        expect(page.locator("svg[aria-labelledby='delivery-title delivery-desc']")).to_be_visible()
        self.shot("08-monitoring")

        # Recommend again, then compare the two recommendations side by side.
        page.goto(contract_url)
        page.get_by_role("button", name="Recommend again").click()
        page.get_by_role("link", name="Compare").first.click()
        page.get_by_role("button", name="Compare").click()
        expect(page.get_by_role("table").first).to_contain_text("Highways resurfacing works")
        self.shot("09-compare")

    def test_a_ward_clicked_on_the_map_is_ticked_in_the_list(self):
        page = self.page
        page.goto(self.address + "/contracts/new")
        code = page.get_by_label("Rotherham East", exact=True).get_attribute("value")
        box = page.locator(f"#ward-{code}")
        expect(box).not_to_be_checked()
        page.locator(f"#pick-map a[data-ward='{code}']").click()
        expect(box).to_be_checked()
        self.assertTrue(page.url.endswith("/contracts/new"))  # the script kept the click from opening the ward's page
        page.locator(f"#pick-map a[data-ward='{code}']").click()
        expect(box).not_to_be_checked()

    def test_requests_for_another_name_or_too_large_are_refused(self):
        import http.client
        port = int(self.address.rsplit(":", 1)[1])
        # DNS rebinding: a page on another site whose name resolves to 127.0.0.1 sends its own name as Host.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/contracts", headers={"Host": f"attacker.example:{port}"})
        response = connection.getresponse()
        self.assertEqual(response.status, 421)
        self.assertIn("answers only at", response.read().decode())
        connection.close()
        # A body over the limit sent in chunks, with no length to refuse it by, is still a 413, not a 500.
        # The security token is one this server made (a made-up one is refused before the body is read).
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/contracts")
        response = connection.getresponse()
        response.read()
        token = re.search(r"svtk_csrf=([0-9a-f]{64})", response.getheader("Set-Cookie", "")).group(1)
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.putrequest("POST", "/contracts")
        connection.putheader("Cookie", f"svtk_csrf={token}")
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        chunk = b"a" * 1_048_576
        try:
            for _ in range(9):
                connection.send(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            connection.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before the whole body is sent
        response = connection.getresponse()
        self.assertEqual(response.status, 413)
        connection.close()

    def test_errors_are_pages_without_internals(self):
        page = self.page
        response = page.goto(self.address + "/contracts/999999")
        self.assertEqual(response.status, 404)
        expect(page.locator("[role=alert]")).to_contain_text("no contract 999999")
        response = page.goto(self.address + "/no/such/page")
        self.assertEqual(response.status, 404)
        self.assertIn("default-src 'none'", response.headers["content-security-policy"])


if __name__ == "__main__":
    unittest.main()
