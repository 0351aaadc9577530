"""Pictures of changed items: downloaded once, then set on the products.

The first picture (lowest sequence) becomes the product image, the others
are kept as attachments of the product. Downloads stop between items when
the job's part is spent; the next part takes up the items left. A URL that failed is remembered
and tried again only after the account's retry delay. A picture that
cannot be downloaded or read is a counted warning: it never fails the item
or the sync.

The sync's shared state is called ``sync`` here, never ``context``: Odoo's
translation helper reads a caller's local named ``context`` as Odoo's.
"""

import base64
import time
from collections import defaultdict
from datetime import timedelta

import requests

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.http import redact

from ..lib.pictures import PictureError, fetch_picture


class CatalogPictureWriter(models.AbstractModel):
    _name = "marketplace.catalog.picture.writer"
    _description = "Write Catalogue Pictures"

    @api.model
    def _write_pictures(self, account, targets, sync, deadline=float("inf")):
        """Download and set the pictures of ``targets``, item by item in code order.

        Changed items get their new pictures and the failures due for a
        retry; unchanged items only the pictures never tried (an earlier
        part stopped before them). Between items, once past ``deadline``
        (and after at least one download in this part, so every part moves
        on), it stops: the code of the first item left, else None.
        """
        targets = sorted((t for t in targets if t.item.pictures), key=lambda t: t.item.code)
        if not targets:
            return None
        Picture = self.env["marketplace.catalog.picture"].sudo()
        urls = {p.url for t in targets for p in t.item.pictures if p.url}
        cache = {p.url: p for p in Picture.search([("url", "in", list(urls))])}
        targets = [
            t for t in targets if t.changed or any(p.url not in cache for p in t.item.pictures)
        ]
        if not targets:
            return None
        attached = self._attached_checksums({t.tmpl_id for t in targets})
        download = Downloader(self, account, cache, sync)
        for position, target in enumerate(targets):
            pictures = sorted(target.item.pictures, key=lambda p: p.sequence)
            due = [p.url for p in pictures if p.url and download.due(p.url, target.changed)]
            if due and download.count and time.monotonic() > deadline:
                sync.pictures_left = len(targets) - position
                return target.item.code
            for url in due:
                download(url)
            ready = [
                cache[p.url] for p in pictures if p.url in cache and cache[p.url].state == "done"
            ]
            if not ready or (not target.changed and not due):
                continue
            self._set_main_image(target, ready[0], sync)
            self._attach_extra(target, ready[1:], attached[target.tmpl_id])
        return None

    @api.model
    def _picture_failed(self, sync, url, reason):
        sync.run.add("pictures_failed")
        sync.run.listed("picture_failures", f"{redact(url)[:200]}: {reason}")

    @api.model
    def _set_main_image(self, target, picture, sync):
        """The product's picture; a matrix's template also gets its first cell's picture."""
        template = self.env["product.template"].browse(target.tmpl_id)
        writes = []
        if target.is_variant:
            variant = self.env["product.product"].browse(target.product_id)
            if variant.image_variant_1920 != picture.image:
                writes.append((variant, "image_variant_1920"))
            if not template.image_1920:
                # lists and kanban show the template's picture
                writes.append((template, "image_1920"))
        elif template.image_1920 != picture.image:
            writes.append((template, "image_1920"))
        try:
            with self.env.cr.savepoint():
                for record, field in writes:
                    record.with_context(tracking_disable=True)[field] = picture.image
        except Exception:  # noqa: BLE001 - not an image Odoo can read
            picture.write({"state": "failed", "error": self.env._("not an image Odoo can read")})
            self._picture_failed(sync, picture.url, self.env._("not an image Odoo can read"))

    @api.model
    def _attached_checksums(self, tmpl_ids):
        """``{template id: {checksum}}`` of the templates' attachments, in one search."""
        known = defaultdict(set)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "product.template"), ("res_id", "in", list(tmpl_ids))])
        )
        for attachment in attachments:
            known[attachment.res_id].add(attachment.checksum)
        return known

    @api.model
    def _attach_extra(self, target, pictures, known):
        """The other pictures as attachments of the template, once per content."""
        if not pictures:
            return
        Attachment = self.env["ir.attachment"].sudo()
        for sequence, picture in enumerate(pictures, start=2):
            if picture.checksum in known:
                continue
            Attachment.create(
                {
                    "name": f"{target.item.code}-{sequence}",
                    "res_model": "product.template",
                    "res_id": target.tmpl_id,
                    "datas": picture.image,
                    "description": picture.url,
                }
            )
            known.add(picture.checksum)


class Downloader:
    """Downloads catalogue pictures into the picture cache (``{url: picture}``).

    A failed URL is tried again only after the account's retry delay, and
    only for a changed item.
    """

    def __init__(self, writer, account, cache, sync):
        self.writer = writer
        self.cache = cache
        self.sync = sync
        self.Picture = writer.env["marketplace.catalog.picture"].sudo()
        self.retry_before = fields.Datetime.now() - timedelta(
            days=account.catalog_picture_retry_days
        )
        self.max_bytes = max(1, account.catalog_picture_max_kb) * 1024
        self.session = requests.Session()
        self.own_hosts = account._catalog_picture_hosts()
        self.count = 0  # downloads tried
        self._considered = set()

    def due(self, url, changed):
        """Whether ``url`` is to be downloaded now (a new URL, or a failure due for a retry)."""
        picture = self.cache.get(url)
        if picture is None:
            return True
        if not changed or picture.state == "done" or picture.tried_at > self.retry_before:
            if changed and picture.state == "failed" and url not in self._considered:
                self.sync.run.add("pictures_not_retried")
            self._considered.add(url)
            return False
        return True

    def __call__(self, url):
        picture = self.cache.get(url)
        self.count += 1
        try:
            content, checksum = fetch_picture(
                url, session=self.session, max_bytes=self.max_bytes, allowed_hosts=self.own_hosts
            )
        except PictureError as exc:
            values = {"state": "failed", "error": str(exc), "image": False}
            self.writer._picture_failed(self.sync, url, exc)
        else:
            values = {
                "state": "done",
                "error": False,
                "image": base64.b64encode(content),
                "checksum": checksum,
                "size": len(content),
            }
            self.sync.run.add("pictures_fetched")
        values.update(
            tried_at=fields.Datetime.now(), attempts=(picture.attempts if picture else 0) + 1
        )
        if picture:
            picture.write(values)
        else:
            self.cache[url] = self.Picture.create({"url": url, **values})
