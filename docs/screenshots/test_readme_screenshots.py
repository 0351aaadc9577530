"""The README's screenshots, taken in Chromium from a real Odoo (``make screenshots``).

Not part of ``make test``: it writes PNG files into docs/screenshots
(SUITE_SCREENSHOT_DIR). Data is made the way a user would get it: a
Zortout account against a local fake Zortout, a stock sync run by the job
runner, a failing account; a quotation with a pasted vendor BOM.
"""

import base64
import io
import os
import time
from pathlib import Path

from PIL import Image

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_zortout.tests.test_orders import recent
from odoo.addons.marketplace_zortout.tests.zortout_server import ZortoutFake, make_order
from odoo.addons.vendor_spec_bom.tests.common import xlsx
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

OUT = Path(
    os.environ.get(
        "SUITE_SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    )
)


@tagged("post_install", "-at_install")
class TestReadmeScreenshots(HttpCase):
    browser_size = "1366x860"

    def shoot(self, url, ready, name):
        """Open ``url`` as admin, wait until ``ready`` holds, save ``name``.png."""
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{name}.png").write_bytes(self.capture(url, ready, name))

    def capture(self, url, ready, name):
        """The PNG of ``url`` as admin sees it once ``ready`` holds."""
        browser = ChromeBrowser(self, headless=True, success_signal="test successful")
        try:
            self.authenticate("admin", "admin", browser=browser)
            self.cr.flush()
            self.cr.clear()
            browser.navigate_to(f"{self.base_url()}{url}", wait_stop=False)
            self.assertTrue(browser._wait_ready(ready, timeout=30), f"{name}: {ready}")
            time.sleep(1.5)  # let the last rendering settle
            data = browser._websocket_request(
                "Page.captureScreenshot", params={"format": "png"}, timeout=30
            )["data"]
            return base64.b64decode(data)
        finally:
            browser.stop()
            self._wait_remaining_requests()  # none may use the test cursor afterwards

    def zortout_account(self, fake, name="Bangkok store", **values):
        """A Zortout account against ``fake``, created by the admin as a user would."""
        Account = self.env["marketplace.account"].with_user(self.env.ref("base.user_admin"))
        return Account.create(
            {
                "name": name,
                "channel": "zortout",
                "zortout_storename": "shop",
                "zortout_apikey": "key",
                "zortout_apisecret": "secret",
                "zortout_api_url": fake.url,
                **values,
            }
        )

    def test_readme_screenshots(self):
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        stock = {f"TS-{i:03d}": (i * 7) % 40 for i in range(1, 31)}
        fake = ZortoutFake(server, {"BKK": stock, "CNX": {"TS-001": 4, "TS-002": 9}})
        Product = self.env["product.product"]
        for sku in list(stock)[:25]:
            Product.create(
                {
                    "name": f"Phone case {sku}",
                    "default_code": sku,
                    "type": "consu",
                    "is_storable": True,
                }
            )
        main = self.zortout_account(fake)
        broken = self.zortout_account(fake, "Chiang Mai store", zortout_apikey="revoked")
        job = main._enqueue_job("sync_stock_from_zortout", params=main._zortout_stock_params())
        for _attempt in range(2):  # two failures in a row: the account reads Failing
            broken._enqueue_job("sync_stock_from_zortout")
        self.env.flush_all()
        self.env["marketplace.job"]._cron_run_jobs()
        self.env.invalidate_all()

        self.shoot(
            "/odoo/action-marketplace_base.marketplace_job_action",
            "document.querySelectorAll('.o_data_row').length >= 2",
            "jobs-list",
        )
        self.shoot(
            f"/odoo/action-marketplace_base.marketplace_account_action/{broken.id}",
            "!!document.querySelector('.o_form_view .o_field_widget[name=health]')",
            "account-form",
        )
        self.shoot(
            f"/odoo/action-marketplace_base.marketplace_job_action/{job.id}",
            "!!document.querySelector('.o_marketplace_result')",
            "job-result",
        )

    def test_zortout_orders_screenshots(self):
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"BKK": {"TS-001": 12, "TS-002": 5}})
        for sku, name in (("TS-001", "Phone case black"), ("TS-002", "Phone case clear")):
            self.env["product.product"].create(
                {"name": name, "default_code": sku, "type": "consu", "is_storable": True}
            )
        fake.orders = [
            make_order(
                9101,
                [("TS-001", 2, "199"), ("TS-002", 1, "149", "10%")],
                status="Packed",
                shipping=40,
                saleschannel="Shopee",
                customercode="C-0042",
                customername="Somchai Jaidee",
            ),
            make_order(
                9102,
                [("TS-001", 1, "199"), ("TS-404", 3, "59")],
                status="Pending",
                saleschannel="Lazada",
                customername="Suda Rakdee",
                customerphone="0812345678",
            ),
        ]
        account = self.zortout_account(fake)
        account.action_zortout_register_webhooks()
        account._zortout_enqueue_orders(params={"order_ids": [9101, 9102]}, identity_key=None)
        self.env.flush_all()
        self.env["marketplace.job"]._cron_run_jobs()
        self.env.invalidate_all()
        held = self.env["sale.order"].search([("marketplace_order_ref", "=", "9102")])
        self.assertTrue(held.marketplace_attention)
        self.shoot(
            f"/odoo/action-sale.action_quotations_with_onboarding/{held.id}",
            "!!document.querySelector('.o_form_view .alert-warning')",
            "zortout-order-attention",
        )
        self.shoot(
            f"/odoo/action-marketplace_base.marketplace_account_action/{account.id}",
            SCROLL_TO % ".o_notebook",
            "zortout-account",
        )

    def test_zortout_thai_screenshot(self):
        """The Zortout account as a Thai shop's admin reads it."""
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"BKK": {"TS-001": 12}})
        self.env["res.lang"]._activate_lang("th_TH")
        installed = self.env["ir.module.module"].search([("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(installed.mapped("name"), ["th_TH"])
        self.env.ref("base.user_admin").lang = "th_TH"
        account = self.zortout_account(fake)
        self.shoot(
            f"/odoo/action-marketplace_base.marketplace_account_action/{account.id}",
            "!!document.querySelector('.o_form_view .o_notebook .nav-link.active')",
            "zortout-thai",
        )

    def test_zortout_order_to_cash_screenshot(self):
        """A paid Shopee order through Zortout: imported by the job, invoiced
        and paid as the account's settings say, its parcel's tracking shown."""
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"BKK": {"TS-001": 12, "TS-002": 5}})
        company = self.env.company
        if not company.chart_template:
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        if company.currency_id.name != "THB":  # a rate as Odoo's currency update would set
            self.env["res.currency.rate"].create(
                {"currency_id": self.env.ref("base.THB").id, "rate": 34.5, "company_id": company.id}
            )
        for sku, name in (("TS-001", "Phone case black"), ("TS-002", "Phone case clear")):
            self.env["product.product"].create(
                {"name": name, "default_code": sku, "type": "consu", "is_storable": True}
            )
        fake.orders = [
            make_order(
                9201,
                [("TS-001", 2, "199"), ("TS-002", 1, "149", "10%")],
                status="Shipping",
                shipping=40,
                saleschannel="Shopee",
                customercode="C-0042",
                customername="Somchai Jaidee",
                updated=recent(20),
                trackingList=[{"trackingno": "KEX261120345", "shippingchannel": "Kerry Express"}],
            )
        ]
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        account = self.zortout_account(fake)
        # the account's Orders page, as the user fills it in
        account.write({"order_invoice_policy": "paid", "order_payment_journal_id": bank.id})
        job = account._zortout_enqueue_orders(params={"order_ids": [9201]}, identity_key=None)
        self.env.flush_all()
        self.env["marketplace.job"]._cron_run_jobs()
        self.env.invalidate_all()
        self.assertEqual(job.state, "done", job.error_message)
        order = self.env["sale.order"].search([("marketplace_order_ref", "=", "9201")])
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertIn("KEX261120345", order.marketplace_tracking)
        self.browser_size = "1366x1300"
        sale = self.capture(
            f"/odoo/action-sale.action_orders/{order.id}",
            OPEN_TAB % "Other Info",
            "zortout-order-to-cash",
        )
        self.browser_size = "1366x760"
        paid = self.capture(
            f"/odoo/action-account.action_move_out_invoice_type/{invoice.id}",
            "!!document.querySelector('.o_form_view .ribbon')",
            "zortout-order-to-cash",
        )
        OUT.mkdir(parents=True, exist_ok=True)
        stack_images([sale, paid], OUT / "zortout-order-to-cash.png")

    def test_zortout_push_refused_screenshot(self):
        """A push Zortout partly refuses: its answer names two SKUs in
        ``faillist``/``notupdatelist`` and counts one more it does not name."""
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"BKK": {}})
        skus = [f"TS-{i:03d}" for i in range(1, 9)]
        location = self.env["stock.warehouse"].search([], limit=1).lot_stock_id
        for index, sku in enumerate(skus, 1):
            product = self.env["product.product"].create(
                {
                    "name": f"Phone case {sku}",
                    "default_code": sku,
                    "type": "consu",
                    "is_storable": True,
                }
            )
            self.env["stock.quant"]._update_available_quantity(product, location, index * 3)

        def answer(rows):
            def item(row):
                return {"productid": 1, "sku": row["sku"], "stock": row["stock"], "skutype": 0}

            stockupdate = {
                "success": len(rows) - 3,
                "fail": 2,
                "notupdate": 1,
                "successlist": [item(row) for row in rows[:-3]],
                "faillist": [item(rows[-3])],
                "notupdatelist": [item(rows[-2])],
            }
            return {"resCode": "200", "resDesc": "", "detail": {"stockupdate": stockupdate}}

        fake.write_answer = answer
        account = self.zortout_account(fake, stock_master="odoo", stock_location_id=location.id)
        job = account._enqueue_job(
            "push_stock_to_zortout", name="Push Stock to Zortout - Bangkok store"
        )
        self.env.flush_all()
        self.env["marketplace.job"]._cron_run_jobs()
        self.env.invalidate_all()
        self.assertEqual(job.result["unconfirmed"], 1, job.result)
        self.shoot(
            f"/odoo/action-marketplace_base.marketplace_job_action/{job.id}",
            SCROLL_TO % ".o_notebook",
            "zortout-push-refused",
        )

    def test_vendor_bom_screenshots(self):
        Product = self.env["product.product"]
        for code, name, price in (
            ("SRV-1U", "Server 1U", 1890),
            ("SSD-2T", "SSD 2 TB", 210),
            ("RES-10K", "Resistor 10k", 0.05),
        ):
            Product.create(
                {
                    "name": name,
                    "default_code": code,
                    "list_price": price,
                    "standard_price": price * 0.7,
                }
            )
        book = xlsx(
            [
                ["partnumber", "product", "primary", "description"],
                ["P-SRV-1U", "SRV-1U", "yes", "server"],
                ["P-RAIL", "SRV-1U", "no", "rail kit"],
                ["P-SSD-2T", "SSD-2T", "yes", "disk"],
                ["RC0603-10K", "RES-10K", "yes", "resistor"],
            ]
        )
        self.env["vendor.partnumber.book.import"].create(
            {"name": "Vendor book 2026-11", "file": book, "filename": "book.xlsx"}
        ).action_import()
        partner = self.env["res.partner"].create({"name": "Acme Hosting"})
        order = self.env["sale.order"].create({"partner_id": partner.id})
        wizard = self.env["vendor.spec.import"].create(
            {
                "order_id": order.id,
                "paste": "Part number\tQty\tUnit price\nP-SRV-1U\t2\t1750\nP-RAIL\t2\t35\n"
                "P-SSD-2T\t8\t189.90\nRC0603-10K\t500\t0.0184\nX-UNKNOWN-7\t1\t12.50",
            }
        )
        wizard.action_preview()
        wizard.action_confirm()
        order.action_vendor_spec_recalculate()
        url = f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}"
        for tab, name in (("Vendor BOM", "vendor-bom"), ("Pricing", "vendor-bom-pricing")):
            self.shoot(url, OPEN_TAB % tab, name)


def stack_images(pngs, path):
    """One PNG of ``pngs`` one above the other, a grey rule between them."""
    images = [Image.open(io.BytesIO(png)) for png in pngs]
    rule = 6
    width = max(image.width for image in images)
    height = sum(image.height for image in images) + rule * (len(images) - 1)
    sheet = Image.new("RGB", (width, height), (160, 160, 160))
    top = 0
    for image in images:
        sheet.paste(image, (0, top))
        top += image.height + rule
    sheet.save(path, optimize=True)


# Clicks a notebook tab until it is the active one; true once it is.
OPEN_TAB = """(() => {
    const tab = [...document.querySelectorAll('.o_notebook .nav-link')]
        .find((link) => link.textContent.trim().startsWith('%s'));
    if (!tab) { return false; }
    if (!tab.classList.contains('active')) { tab.click(); return false; }
    return true;
})()"""

# Scrolls the first element matching a selector to the top; true once it is there.
SCROLL_TO = """(() => {
    const element = document.querySelector('%s');
    if (!element) { return false; }
    element.scrollIntoView({block: 'start'});
    return true;
})()"""
