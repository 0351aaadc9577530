"""Refresh products from Mouser: price breaks, availability, lifecycle.

A run visits eligible products in turn from a persistent cursor, ten part
numbers per API call, and stops when the run's share of calls (the
per-minute limit), the daily budget or Mouser's TooManyRequests says so.
Each product is written in its own savepoint: a bad part is reported and
the others land.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.tools import job_logger
from odoo.tools import float_compare, split_every

from ..clients.mouser import BATCH_SIZE, MouserInvalidCharacters, MouserQuotaExceeded
from ..lib.quota import in_turn

_logger = logging.getLogger(__name__)
RETRY_KEY = "mouser-sync-after-quota"


class SupplierMouserSync(models.AbstractModel):
    _name = "supplier.mouser.sync"
    _description = "Mouser Sync"

    @api.model
    def _sync(self, account, job, product_tmpl_ids=None):
        log = job_logger(_logger, account, job)
        client = account._mouser_client()
        counters = {
            "parts_refreshed": 0,
            "price_breaks_changed": 0,
            "supplier_lines_created": 0,
            "not_found": 0,
            "candidates": 0,
            "skipped": 0,
            "calls": 0,
            "not_found_list": [],
            "skipped_list": [],
            "errors": [],
        }
        templates = self._eligible_templates(account, product_tmpl_ids)
        if not product_tmpl_ids:
            ordered = in_turn(templates.ids, account.mouser_cursor_tmpl_id)
            templates = templates.browse(ordered)
        keyed = self._search_keys(account, templates, counters)
        stop = None
        for batch in split_every(BATCH_SIZE, keyed):
            if counters["calls"] >= account.mouser_minute_limit:
                stop = self.env._("this run's share of calls is used; the next run continues")
                break
            allowed, wait = self.env["supplier.mouser.quota"]._reserve_call(account)
            if not allowed:
                stop = (
                    self.env._("the daily budget of %s calls is spent", account.mouser_daily_limit)
                    if wait is None
                    else self.env._("the per-minute limit is reached")
                )
                break
            counters["calls"] += 1
            try:
                found = client.search_part_numbers([key for _t, key, _k in batch])
            except MouserQuotaExceeded:
                stop = self.env._(
                    "Mouser answered TooManyRequests; a new run is queued in a minute"
                )
                account._enqueue_job(
                    "mouser_sync",
                    identity_key=RETRY_KEY,
                    scheduled_at=fields.Datetime.now() + timedelta(seconds=60),
                )
                break
            except MouserInvalidCharacters as exc:
                counters["errors"].extend(f"{key}: {exc}" for _t, key, _k in batch)
                found = None
            if found is not None:
                for template, key, kind in batch:
                    self._apply_isolated(account, template, key, kind, found[key.upper()], counters)
            if not product_tmpl_ids:
                account.mouser_cursor_tmpl_id = batch[-1][0].id
        counters["errors"] = counters["errors"][:50]
        counters["summary"] = self.env._(
            "%(parts)s parts refreshed with %(calls)s calls, %(breaks)s price breaks changed, "
            "%(missing)s not found, %(skipped)s skipped, %(errors)s errors",
            parts=counters["parts_refreshed"],
            calls=counters["calls"],
            breaks=counters["price_breaks_changed"],
            missing=counters["not_found"],
            skipped=counters["skipped"],
            errors=len(counters["errors"]),
        ) + (f" ({self.env._('stopped')}: {stop})" if stop else "")
        log.info("%s", counters["summary"])
        return counters

    @api.model
    def _eligible_templates(self, account, product_tmpl_ids=None):
        """Active purchasable products not excluded by themselves or their category."""
        domain = [
            ("purchase_ok", "=", True),
            ("mouser_exclude", "=", False),
            ("company_id", "in", [account.company_id.id, False]),
        ]
        excluded = self.env["product.category"]._mouser_excluded_ids()
        if excluded:
            domain.append(("categ_id", "not in", excluded))
        if product_tmpl_ids:
            domain.append(("id", "in", product_tmpl_ids))
        return self.env["product.template"].search(domain, order="id")

    @api.model
    def _search_keys(self, account, templates, counters):
        """``[(template, part number, "mouser" | "mpn")]``; products without one are skipped."""
        lines = self.env["product.supplierinfo"].search(
            [
                ("partner_id", "=", account.mouser_partner_id.id),
                ("product_tmpl_id", "in", templates.ids),
                ("product_code", "!=", False),
            ],
            order="id",
        )
        mouser_pn = {}
        for line in lines:
            mouser_pn.setdefault(line.product_tmpl_id.id, line.product_code.strip())
        keyed = []
        for template in templates:
            if template.id in mouser_pn:
                keyed.append((template, mouser_pn[template.id], "mouser"))
                continue
            mpn = (template.manufacturer_pn or "").strip() or (
                account.mouser_use_default_code and (template.default_code or "").strip()
            )
            if mpn:
                keyed.append((template, mpn, "mpn"))
            else:
                counters["skipped"] += 1
                if len(counters["skipped_list"]) < 50:
                    counters["skipped_list"].append(
                        self.env._(
                            "%s: no Mouser or manufacturer part number", template.display_name
                        )
                    )
        return keyed

    @api.model
    def _apply_isolated(self, account, template, key, kind, parts, counters):
        try:
            with self.env.cr.savepoint():
                self._apply(account, template, key, kind, parts, counters)
        except Exception as exc:  # noqa: BLE001 - reported per part, the others go on
            counters["errors"].append(f"{key}: {exc}")

    @api.model
    def _apply(self, account, template, key, kind, parts, counters):
        with_number = [p for p in parts if p.mouser_part_number]
        if kind == "mouser":
            exact = [p for p in with_number if p.mouser_part_number.upper() == key.upper()]
            part = (exact or with_number or [None])[0]
        elif len(with_number) > 1:
            self._store_candidates(account, template, with_number)
            counters["candidates"] += 1
            return
        else:
            part = (with_number or [None])[0]
        if part is None:
            self._mark_not_found(account, template, key if kind == "mouser" else None)
            counters["not_found"] += 1
            if len(counters["not_found_list"]) < 50:
                counters["not_found_list"].append(key)
            return
        created, changed = self._write_price_breaks(account, template, part)
        counters["supplier_lines_created"] += created
        counters["price_breaks_changed"] += changed
        for warning in part.warnings:
            counters["errors"].append(f"{key}: {warning}")
        self._write_part_data(template, part)
        counters["parts_refreshed"] += 1

    @api.model
    def _write_price_breaks(self, account, template, part):
        """Make the Mouser lines of ``part`` equal its breaks; (created, changed) counts."""
        Supplier = self.env["product.supplierinfo"].with_context(active_test=False)
        rows = Supplier.search(
            [
                ("partner_id", "=", account.mouser_partner_id.id),
                ("product_tmpl_id", "=", template.id),
                ("product_code", "=", part.mouser_part_number),
            ],
            order="id",
        )
        codes = {b.currency for b in part.price_breaks}
        currencies = {
            c.name: c
            for c in self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "in", list(codes))])
        }
        by_qty = {}
        for row in rows:
            by_qty.setdefault(row.min_qty, row)
        extra = rows - self.env["product.supplierinfo"].browse([r.id for r in by_qty.values()])
        created = changed = 0
        to_create = []
        for price_break in part.price_breaks:
            currency = currencies.get(price_break.currency)
            if not currency:
                raise ValueError(f"currency {price_break.currency} is unknown in Odoo")
            values = {
                "price": float(price_break.price),
                "currency_id": currency.id,
                "active": True,
                "product_name": (part.description or "")[:250] or False,
            }
            if part.lead_time_days is not None:
                values["delay"] = part.lead_time_days
            row = by_qty.pop(float(price_break.quantity), None)
            if row is None:
                to_create.append(
                    {
                        **values,
                        "partner_id": account.mouser_partner_id.id,
                        "product_tmpl_id": template.id,
                        "product_code": part.mouser_part_number,
                        "min_qty": price_break.quantity,
                    }
                )
                continue
            diff = {k: v for k, v in values.items() if not _same(row, k, v)}
            if diff:
                row.write(diff)
                changed += 1
        if to_create:
            Supplier.create(to_create)
            created = len(to_create)
            changed += created
        obsolete = (extra | Supplier.browse([r.id for r in by_qty.values()])).filtered("active")
        if obsolete:
            obsolete.active = False
            changed += len(obsolete)
        return created, changed

    @api.model
    def _write_part_data(self, template, part):
        values = {
            "mouser_availability": part.availability_in_stock or 0,
            "mouser_lifecycle": part.lifecycle_status or False,
            "mouser_packaging": part.packaging or False,
            "mouser_min_qty": part.min_qty or 0,
            "mouser_mult_qty": part.mult_qty or 0,
            "mouser_datasheet_url": part.datasheet_url or False,
            "mouser_product_url": part.product_url or False,
            "mouser_not_found": False,
            "mouser_not_found_date": False,
        }
        diff = {k: v for k, v in values.items() if template[k] != v}
        diff["mouser_synced_at"] = fields.Datetime.now()
        template.write(diff)

    @api.model
    def _mark_not_found(self, account, template, mouser_pn):
        """Archive the part's Mouser lines (never delete them) and flag the product."""
        if mouser_pn:
            self.env["product.supplierinfo"].search(
                [
                    ("partner_id", "=", account.mouser_partner_id.id),
                    ("product_tmpl_id", "=", template.id),
                    ("product_code", "=", mouser_pn),
                ]
            ).active = False
        if not template.mouser_not_found:
            template.write(
                {
                    "mouser_not_found": True,
                    "mouser_not_found_date": fields.Date.context_today(self),
                    "mouser_synced_at": fields.Datetime.now(),
                }
            )

    @api.model
    def _store_candidates(self, account, template, parts):
        template.mouser_candidate_ids.unlink()
        self.env["supplier.mouser.candidate"].create(
            [
                {
                    "product_tmpl_id": template.id,
                    "account_id": account.id,
                    "mouser_part_number": part.mouser_part_number,
                    "manufacturer_part_number": part.manufacturer_part_number,
                    "manufacturer": part.manufacturer,
                    "description": part.description,
                    "availability": part.availability_in_stock or 0,
                    "product_url": part.product_url,
                }
                for part in parts
            ]
        )


def _same(record, field_name, value):
    current = record[field_name]
    if field_name == "currency_id":
        return current.id == value
    if isinstance(value, float):
        return not float_compare(current, value, precision_digits=6)
    return current == value
