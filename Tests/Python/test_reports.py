"""The report as its readers get it: the office files opened by python-docx and openpyxl, and the HTML page
rendered in Chromium (through Playwright, with the system's browser) and checked through the DOM.

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
import csv
import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import docx
import openpyxl

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def demo_report(folder: Path, contract: str = "highways_resurfacing") -> Path:
    """Writes a demo contract's report into a folder and returns the HTML's path (highways.html for the default)."""
    out = folder / ("highways.html" if contract == "highways_resurfacing" else f"{contract}.html")
    data = sorted(str(p) for p in (REPOSITORY / "Datasets" / "demo").glob("*.csv"))
    subprocess.run([SVTK, "report", "--contract", f"Datasets/contracts/{contract}.json", "--data", *data,
                    "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv", "--out", str(out), "--quiet"],
                   cwd=REPOSITORY, check=True, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1795000000"})
    return out


class OfficeFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="svtk-office-"))
        cls.html = demo_report(cls.folder)
        cls.recommendation = json.loads(cls.html.with_suffix(".json").read_text(encoding="utf-8"))

    def test_word_document_is_the_tender_pack_section(self):
        document = docx.Document(self.html.with_suffix(".docx"))
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        self.assertEqual(paragraphs[0], ("Title", "Social value: Highways resurfacing works"))
        self.assertIn(("Heading 1", "How social value is evaluated"), paragraphs)
        self.assertIn(("List Bullet", "• Social value is 20% of the evaluation, 50% quantitative and 50% qualitative."), paragraphs)
        table = document.tables[0]
        self.assertEqual([c.text for c in table.rows[0].cells], ["#", "Measure", "Target", "Why it matters here"])
        measures = self.recommendation["measures"]
        self.assertEqual(len(table.rows), len(measures) + 1)
        self.assertEqual(table.rows[1].cells[1].text, f"{measures[0]['ref']} {measures[0]['title']}")
        self.assertTrue(paragraphs[-1][1].startswith("Made 2026-11-18 11:06 UTC by svtk"))

    def test_workbook_holds_every_table_with_numbers_as_numbers(self):
        workbook = openpyxl.load_workbook(self.html.with_suffix(".xlsx"))
        tables = sorted(p.stem for p in (self.folder / "highways-tables").glob("*.csv"))
        self.assertEqual(sorted(workbook.sheetnames), tables)
        sheet = workbook["measures"]
        with open(self.folder / "highways-tables" / "measures.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        self.assertEqual([c.value for c in sheet[1]], rows[0])
        self.assertEqual(sheet.max_row, len(rows))
        first = {h: c.value for h, c in zip(rows[0], sheet[2])}
        self.assertEqual(first["rank"], 1)
        self.assertEqual(first["ref"], "J2")
        self.assertEqual(first["sleva"], 20421)
        self.assertEqual(first["proxy_value"], 20420.6)
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet["A1"].font.bold)

    def test_csv_tables_start_with_a_byte_order_mark(self):
        for table in (self.folder / "highways-tables").glob("*.csv"):
            self.assertEqual(table.read_bytes()[:3], b"\xef\xbb\xbf", table.name)


@unittest.skipUnless(os.path.exists(CHROMIUM), "Chromium is absent (Debian: apt-get install chromium)")
class RenderedPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from playwright.sync_api import sync_playwright
        cls.folder = Path(tempfile.mkdtemp(prefix="svtk-browser-"))
        cls.html = demo_report(cls.folder)
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        cls.page = cls.browser.new_page(viewport={"width": 1366, "height": 768})
        cls.page.goto(cls.html.as_uri())

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()

    def test_the_answer_is_on_the_first_screen(self):
        box = self.page.locator("#summary table caption").bounding_box()
        self.assertLess(box["y"], 768, "the measures to ask for start below the first screen")
        self.assertLess(self.page.locator("#summary h3").bounding_box()["y"], 768 * 2)

    def test_no_key_label_overflows_its_box(self):
        overflowing = self.page.evaluate("""() => [...document.querySelectorAll(
            '.fact b, .fact span, caption, th, td, h1, h2, h3, nav a, figcaption')]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => e.tagName + ': ' + e.textContent.slice(0, 60))""")
        self.assertEqual(overflowing, [])

    OUTSIDE = """() => [...document.querySelectorAll('svg.map, svg.spine')].flatMap(svg => {
            const frame = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('path, text')].filter(e => {
                const b = e.getBoundingClientRect();
                return b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1;
            }).map(e => e.textContent.slice(0, 40));
        })"""

    def test_maps_and_charts_draw_everything_inside_their_frame(self):
        maps = self.page.locator("svg.map")
        self.assertEqual(maps.count(), 4)
        self.assertEqual(self.page.evaluate(self.OUTSIDE), [])
        self.assertEqual(self.page.locator("svg.map").first.locator("path").count(), 25)
        borough = self.browser.new_page(viewport={"width": 1366, "height": 768})
        borough.goto(demo_report(self.folder, "home_care").as_uri())  # charts the borough, with trends
        self.assertGreater(borough.locator("svg.spine polyline").count(), 0)
        self.assertEqual(borough.evaluate(self.OUTSIDE), [])

    def test_it_prints_to_a_bounded_number_of_a4_pages(self):
        pdf = self.page.pdf(format="A4", print_background=True)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        self.assertGreater(pages, 3)
        self.assertLess(pages, 40)


if __name__ == "__main__":
    unittest.main()
