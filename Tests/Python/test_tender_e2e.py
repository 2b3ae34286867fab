"""A tender from publication to the first return, in a real browser (Debian's Chromium through Playwright): a
commissioner publishes the demo contract's tender; two suppliers sign in and build their offers by keyboard, seeing
each commitment's money value and flag as they type; the commissioner sees that offers exist, not what they are; the
deadline passes; the commissioner marks the written responses, scores the offers and awards; each supplier reads its
scores; the contract manager files the first quarter's return with an evidence file. Screenshots of each role's pages
go to out/e2e-tender/.

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
import datetime
import re
import time
import unittest
from pathlib import Path

from playwright.sync_api import expect

from signed_in_workspace import REPOSITORY, SignedInWorkspace

DEADLINE_SECONDS = 60  # time enough for four sign-ins and two offers typed on a slow machine


def pounds(value):
    """Whole pounds as the pages write them: £12,345."""
    return "£" + f"{round(value):,}"


class TenderToReturn(SignedInWorkspace):
    ACCOUNTS = [("commissioner", "commissioner", "Commissioner"),
                ("contract-manager", "contract_manager", "Contract Manager"),
                ("north", "supplier", "North Works Ltd"), ("south", "supplier", "South Civils Ltd")]
    ASSIGNED = {"contract-manager": 1}
    SHOTS = REPOSITORY / "out" / "e2e-tender"

    def sign_in(self, name):
        """Signed in by keyboard, on the page the role lands on."""
        context, page = super().sign_in(name, height=1000)
        expect(page.locator("header.site")).to_contain_text("Signed in as")
        return context, page

    def bid(self, name, quantities, statement):
        """A supplier builds its offer by keyboard, each value checked as it shows while typing, and submits."""
        context, page = self.sign_in(name)
        expect(page).to_have_url(self.address + "/tenders")
        page.get_by_role("link", name="Highways resurfacing works").click()
        boxes = page.locator("input[data-measure][data-proxy]:not([data-not-scored])")
        total = 0
        for index, quantity in enumerate(quantities):
            box = boxes.nth(index)
            box.focus()
            page.keyboard.type(str(quantity))
            proxy, years = float(box.get_attribute("data-proxy")), float(box.get_attribute("data-years"))
            maximum = box.get_attribute("data-max")
            scored = min(quantity, float(maximum)) if maximum else quantity
            row = box.locator("xpath=ancestor::tr")
            expect(row.locator(".value")).to_have_text(pounds(scored * proxy * years))
            if maximum and quantity > float(maximum):
                expect(row.locator(".flag")).to_contain_text("above the plausible maximum")
            total += round(scored * proxy * years)
        expect(page.locator("#offer-total")).to_have_text(pounds(total))
        page.locator("#statement").focus()
        page.keyboard.type(statement)
        page.screenshot(path=str(self.SHOTS / f"supplier-{name}-typing.png"), full_page=True)
        page.get_by_role("button", name="Submit the offer").focus()
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        expect(page.locator("main")).to_contain_text("Your offer: submitted")
        page.screenshot(path=str(self.SHOTS / f"supplier-{name}-submitted.png"), full_page=True)
        return context, page

    def test_publish_bid_score_award_and_return(self):
        commissioner, page = self.sign_in("commissioner")
        page.goto(self.address + "/contracts/1")
        page.get_by_role("link", name="Tender online").click()
        deadline = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=DEADLINE_SECONDS)
        # Chromium shows a datetime-local value of :00 seconds without them, which Playwright's fill takes for a
        # malformed value: a deadline on the minute is moved a second on.
        if deadline.second == 0:
            deadline += datetime.timedelta(seconds=1)
        page.locator("#deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M:%S"))
        page.screenshot(path=str(self.SHOTS / "commissioner-publish.png"), full_page=True)
        page.get_by_role("button", name="Publish the tender").click()
        expect(page.locator("main")).to_contain_text("Open: offers may be saved and submitted until")

        north, north_page = self.bid("north", [3, 1], "Three local apprentices from the delivery wards.")
        south, south_page = self.bid("south", [1, 500], "A work placement and a large volunteering programme.")

        page.reload()
        expect(page.locator("main")).to_contain_text("2 offers submitted")
        self.assertNotIn("Three local apprentices", page.locator("main").inner_text())
        page.screenshot(path=str(self.SHOTS / "commissioner-sealed.png"), full_page=True)

        while datetime.datetime.now(datetime.timezone.utc) < deadline + datetime.timedelta(seconds=1):
            time.sleep(0.5)
        page.reload()
        expect(page.locator("main")).to_contain_text("Three local apprentices")
        for label, mark in (("Mark for North Works Ltd", "7"), ("Mark for South Civils Ltd", "5")):
            page.get_by_label(label).focus()
            page.keyboard.type(mark)
        page.screenshot(path=str(self.SHOTS / "commissioner-marking.png"), full_page=True)
        page.get_by_role("button", name="Score the offers").click()
        expect(page.locator("table").first).to_contain_text("North Works Ltd")
        award = page.get_by_role("button", name=re.compile("^Award to"))
        winner = award.inner_text().removeprefix("Award to ").removesuffix(" and release the scores")
        award.click()
        expect(page.locator("main")).to_contain_text("Awarded on")
        page.screenshot(path=str(self.SHOTS / "commissioner-awarded.png"), full_page=True)

        for name, supplier_page in (("north", north_page), ("south", south_page)):
            supplier_page.reload()
            expect(supplier_page.locator("main")).to_contain_text("Your offer ranked")
            supplier_page.screenshot(path=str(self.SHOTS / f"supplier-{name}-scores.png"), full_page=True)
        for context in (commissioner, north, south):
            context.close()

        manager, page = self.sign_in("contract-manager")
        page.goto(self.address + "/contracts/1/returns")
        expect(page.locator("main")).to_contain_text("Enter a quarter's return")
        fieldset = page.locator("fieldset").first
        fieldset.locator("input[name^=delivered-]").focus()
        page.keyboard.type("1")
        page.keyboard.press("Tab")
        page.keyboard.type("Register of starters, quarter 1")
        evidence = self.folder / "starters.pdf"
        evidence.write_bytes(b"%PDF-1.4 register of starters")
        fieldset.locator("input[type=file]").set_input_files(str(evidence))
        page.get_by_role("button", name="Save the return").click()
        expect(page.locator("main")).to_contain_text("Quarter 1 of 8")
        expect(page.get_by_role("link", name="starters.pdf")).to_be_visible()
        page.screenshot(path=str(self.SHOTS / "contract-manager-return.png"), full_page=True)
        with page.expect_download() as download:
            page.get_by_role("link", name="starters.pdf").click()
        self.assertEqual(Path(download.value.path()).read_bytes(), b"%PDF-1.4 register of starters")
        self.assertTrue(winner)
        manager.close()


if __name__ == "__main__":
    unittest.main()
