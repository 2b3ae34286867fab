"""A workspace with accounts, in a real browser (Debian's Chromium through Playwright): each role signs in by keyboard
alone, sees only the pages and actions its role allows, and signs out. A wrong password is refused in words. The
commissioner's decision appears in the contract's audit trail under their name. Screenshots of each role's pages go
to out/e2e-accounts/.

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
import re
import unittest

from playwright.sync_api import expect

from signed_in_workspace import REPOSITORY, SignedInWorkspace

ROLES = ["administrator", "commissioner", "contract_manager", "supplier", "viewer"]


class Accounts(SignedInWorkspace):
    ACCOUNTS = [(role.replace("_", "-"), role, role.replace("_", " ").title()) for role in ROLES]
    ASSIGNED = {"contract-manager": 1}
    SHOTS = REPOSITORY / "out" / "e2e-accounts"

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
            page.screenshot(path=str(self.SHOTS / f"{name}.png"))
            if name == "viewer":
                response = page.goto(self.address + "/contracts/1")
                self.assertEqual(response.status, 403)
                expect(page.locator("body")).to_contain_text("Your role (viewer) may not open this page")
                page.screenshot(path=str(self.SHOTS / "viewer-refused.png"))
            page.locator("form.sign-out button").click()
            expect(page).to_have_url(self.address + "/sign-in")
            context.close()

    def test_a_wrong_password_is_refused_and_a_decision_is_audited_by_name(self):
        context, page = self.sign_in("commissioner", password="not the password")
        expect(page.locator("[role=alert]")).to_have_text("that name and password do not match an account")
        expect(page.locator("#f-name")).to_have_value("commissioner")
        page.screenshot(path=str(self.SHOTS / "sign-in-refused.png"))
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
        page.screenshot(path=str(self.SHOTS / "audit-trail.png"))
        context.close()


if __name__ == "__main__":
    unittest.main()
