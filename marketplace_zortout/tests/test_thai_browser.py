import json
import re
import time

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser
from odoo.tools.translate import TranslationFileReader

from .zortout_server import ZortoutFake

# The texts a user sees: every text node of a rendered element, the
# placeholders of empty inputs, and the options of visible selects.
VISIBLE_TEXTS = """(() => {
    const seen = (element) => element && element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== 'hidden';
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.textContent.trim() && seen(node.parentElement)
                && !node.parentElement.closest('script, style')) {
            texts.push(node.textContent);
        }
    }
    for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
        if (seen(input) && !input.value) { texts.push(input.placeholder); }
    }
    for (const select of document.querySelectorAll('select')) {
        if (seen(select)) { texts.push(...[...select.options].map((option) => option.text)); }
    }
    return JSON.stringify(texts);
})()"""

# Opens the Marketplace's Configuration menu (its last section); true once
# its items show over the accounts list.
OPEN_CONFIGURATION_MENU = """(() => {
    if (!document.querySelector('.o_data_row')) { return false; }
    const toggles = document.querySelectorAll('.o_menu_sections .dropdown-toggle');
    if (!toggles.length) { return false; }
    if (!document.querySelector('.o-dropdown--menu .dropdown-item')) {
        toggles[toggles.length - 1].click();
        return false;
    }
    return true;
})()"""

THAI = re.compile("[\u0e00-\u0e7f]")


def normalise(text):
    return " ".join(text.split())


@tagged("post_install", "-at_install")
class TestThaiBrowser(HttpCase):
    """A Thai admin clicks through the Marketplace: every suite string it sees is Thai."""

    browser_size = "1366x860"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(installed.mapped("name"), ["th_TH"])
        cls.env.ref("base.user_admin").lang = "th_TH"
        # people's names are data, not interface: the admin is called "Administrator"
        people = cls.env["res.partner"].with_context(active_test=False).search([])
        cls.suite_terms = cls._translated_suite_terms(installed.mapped("name")) - {
            normalise(name) for name in people.mapped("name") if name
        }

    @classmethod
    def _translated_suite_terms(cls, installed):
        """English msgids of the installed suite addons whose Thai differs from them."""
        terms = set()
        for name in installed:
            path = get_module_path(name, display_warning=False)
            if not name.startswith("marketplace_") or not path:
                continue
            try:
                with open(f"{path}/i18n/th.po", "rb") as po:
                    for entry in TranslationFileReader(po, fileformat="po"):
                        value = normalise(entry["value"] or "")
                        if value and value != normalise(entry["src"]):
                            terms.add(normalise(entry["src"]))
            except FileNotFoundError:
                continue
        return terms

    def _visible_texts(self, url, ready):
        browser = ChromeBrowser(self, headless=True)
        try:
            self.authenticate("admin", "admin", browser=browser)
            self.cr.flush()
            self.cr.clear()
            browser.navigate_to(f"{self.base_url()}{url}", wait_stop=False)
            self.assertTrue(browser._wait_ready(ready, timeout=30), f"{url}: {ready}")
            time.sleep(0.5)  # the last rendering
            texts = browser._websocket_request(
                "Runtime.evaluate", params={"expression": VISIBLE_TEXTS, "returnByValue": True}
            )["result"]["value"]
        finally:
            browser.stop()
            self._wait_remaining_requests()

        return [normalise(text) for text in json.loads(texts) if normalise(text)]

    def assertThaiPage(self, url, ready, expected):
        texts = self._visible_texts(url, ready)
        thai = [text for text in texts if THAI.search(text)]
        english = sorted({text for text in texts if text in self.suite_terms})
        self.assertFalse(english, f"{url}: untranslated suite strings shown: {english}")
        for text in expected:
            self.assertIn(text, texts, f"{url}: {text!r} not shown")
        self.assertGreater(len(thai), 5, f"{url}: hardly any Thai: {texts}")
        return texts

    def test_marketplace_menu_account_and_jobs_are_thai(self):
        self.assertGreater(len(self.suite_terms), 300, "the suite's Thai files were not read")
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"BKK": {"TS-001": 12}})
        self.env["product.product"].create(
            {"name": "Phone case", "default_code": "TS-001", "type": "consu", "is_storable": True}
        )
        # jobs run in their company's language
        self.env.company.partner_id.lang = "th_TH"
        admin = self.env.ref("base.user_admin")
        thai = self.env(user=admin, context={**self.env.context, "lang": "th_TH"})
        account = thai["marketplace.account"].create(
            {
                "name": "Bangkok store",
                "channel": "zortout",
                "zortout_storename": "shop",
                "zortout_apikey": "key",
                "zortout_apisecret": "secret",
                "zortout_api_url": fake.url,
            }
        )
        account.action_zortout_sync_stock()
        thai.flush_all()
        thai["marketplace.job"]._cron_run_jobs()
        thai.invalidate_all()
        job = thai["marketplace.job"].search([("account_id", "=", account.id)], limit=1)
        self.assertIn("พบสินค้า 1 รายการ", job.summary, "the job's summary is written in Thai")

        menu = self.env.ref("marketplace_base.marketplace_base_menu_root")
        self.assertThaiPage(
            "/odoo/action-marketplace_base.marketplace_account_action",
            OPEN_CONFIGURATION_MENU,
            ["มาร์เก็ตเพลส", "บัญชี", "งาน", "การกำหนดค่า", "เหตุการณ์เว็บฮุก"],
        )
        self.assertThaiPage(
            f"/odoo/action-marketplace_base.marketplace_account_action/{account.id}",
            "!!document.querySelector('.o_form_view .o_field_widget[name=health]')",
            ["ซิงค์สต็อกตอนนี้", "ข้อมูลประจำตัว", "ชื่อร้านค้า"],
        )
        self.assertThaiPage(
            f"/odoo/action-marketplace_base.marketplace_job_action?menu_id={menu.id}",
            "document.querySelectorAll('.o_data_row').length >= 1",
            ["ซิงค์สต็อกจาก Zortout - Bangkok store", "เสร็จสิ้น"],
        )
