"""Pictures through the real pipeline: one broken picture never fails a sync."""

import base64
import io
import time
from unittest.mock import patch

from PIL import Image

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.tests import tagged

from ..lib.item import Picture
from .common import CatalogPipelineCase, item


def png(sigma):
    """A 300 x 300 picture of noise: a file of some kilobytes, like a photo."""
    buffer = io.BytesIO()
    Image.effect_noise((300, 300), sigma).save(buffer, format="PNG")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestCatalogPictures(CatalogPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        good = png(40)
        truncated = png(60)
        truncated = truncated[: len(truncated) // 2]
        for path, body in (("/good.png", good), ("/broken.png", truncated)):
            cls.server.route(path, lambda r, body=body: (200, body, {"Content-Type": "image/png"}))
        cls.server.route("/page", (200, "<html>", {"Content-Type": "text/html"}))
        # the fixture server plays the account's own host (pictures on loopback)
        patcher = patch.object(
            type(cls.env["marketplace.account"]),
            "_catalog_picture_hosts",
            lambda self: {"127.0.0.1"},
        )
        patcher.start()
        cls.addClassCleanup(patcher.stop)

    def test_a_broken_picture_is_a_counted_warning_and_the_others_land(self):
        url = self.server.url
        self.serve(
            item("GOOD", pictures=[Picture(f"{url}/good.png")]),
            item("BROKEN", pictures=[Picture(f"{url}/broken.png")]),
            item("NOT-AN-IMAGE", pictures=[Picture(f"{url}/page")]),
        )
        job = self.sync()
        self.assertEqual(job.result["created"], 3, "every item lands")
        self.assertTrue(self.product("GOOD").image_1920)
        self.assertFalse(self.product("BROKEN").image_1920)
        self.assertEqual(job.result["pictures_failed"], 2)
        failures = " ".join(job.result["picture_failures"])
        self.assertIn("broken.png: not an image Odoo can read", failures)
        self.assertIn("not an image Odoo accepts (text/html)", failures)
        self.assertEqual(base64.b64decode(self.product("GOOD").image_1920)[:4], b"\x89PNG")

    def test_pictures_on_internal_addresses_are_refused(self):
        before = len(self.server.requests_to("/good.png"))
        with patch.object(
            type(self.env["marketplace.account"]), "_catalog_picture_hosts", lambda self: set()
        ):
            self.serve(item("P", pictures=[Picture(f"{self.server.url}/good.png")]))
            job = self.sync()
        self.assertFalse(self.product("P").image_1920)
        self.assertIn("not a public one", " ".join(job.result["picture_failures"]))
        self.assertEqual(len(self.server.requests_to("/good.png")), before, "nothing fetched")

    def test_picture_downloads_stop_when_the_part_is_spent_and_continue_in_the_next(self):
        body = png(40)
        for n in range(3):
            self.server.route(
                f"/slow-{n}.png", lambda r, body=body: (200, body, {"Content-Type": "image/png"})
            )
        url = self.server.url
        self.serve(*[item(f"SLOW{n}", pictures=[Picture(f"{url}/slow-{n}.png")]) for n in range(3)])
        Job = type(self.env["marketplace.job"])
        # every part is spent at once: each one downloads one item's pictures, then stops
        with patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1):
            first = self.sync()
        self.assertEqual((first.result["resume_after"], first.result["items_left"]), ("SLOW0", 2))
        self.assertEqual(first.result["pictures_fetched"], 1)
        self.assertEqual(first.result["pictures_left_for_next_part"], 2)
        jobs = self.sync_jobs()
        self.assertEqual(jobs.mapped("state"), ["done"] * 3)
        # each part counts what the parts before it did too
        self.assertEqual([job.result.get("pictures_fetched") for job in jobs], [1, 2, 3])
        self.assertEqual([job.result["created"] for job in jobs], [3, 3, 3])
        self.assertEqual(jobs[-1].result["updated"], 0, "not rewritten")
        for n in range(3):
            self.assertTrue(self.product(f"SLOW{n}").image_1920)
            self.assertEqual(len(self.server.requests_to(f"/slow-{n}.png")), 1)
