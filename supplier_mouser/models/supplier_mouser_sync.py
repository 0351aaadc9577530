"""Refresh products from Mouser: price breaks, availability, lifecycle.

A run visits eligible products in turn from a persistent cursor, ten part
numbers per API call, and stops when the run's share of calls (the
per-minute limit), the daily budget or Mouser's TooManyRequests says so.
Part numbers are normalised before they are sent; one that still holds
characters Mouser may refuse goes alone, and a call Mouser refuses anyway
is split until the culprit is found, so it never holds back the others.
Each product is written in its own savepoint: a bad part is reported and
the others land.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.run import Run
from odoo.addons.marketplace_base.tools import job_logger
from odoo.tools import float_compare

from ..clients.mouser import BATCH_SIZE, MouserInvalidCharacters, MouserQuotaExceeded
from ..lib.part_number import SEPARATOR, Bisection, is_suspect, normalise
from ..lib.quota import in_turn

_logger = logging.getLogger(__name__)
RETRY_KEY = "mouser-sync-after-quota"
COUNTERS = (
    "parts_refreshed",
    "price_breaks_changed",
    "supplier_lines_created",
    "not_found",
    "candidates",
    "skipped",
    "refused",
    "calls",
)
LISTS = (
    "not_found_list",
    "skipped_list",
    "refused_list",
    "unreadable_lead_times",
    "currencies_activated",
    "errors",
)


class _Stop(Exception):
    """The run ends here: quota, share of calls, or TooManyRequests."""


class _MouserRun(Run):
    """One sync run: the job part's counters and deadline, with the client
    and the decisions taken once."""

    def __init__(self, account, client, job=None):
        super().__init__(job._part_deadline() if job else float("inf"))
        self.account = account
        self.client = client
        self.job = job
        self.currencies = {}  # ISO code -> (currency, convert from) or the ValueError refusing it
        for key in COUNTERS:
            self.add(key, 0)
        self.show_lists(*LISTS)


class SupplierMouserSync(models.AbstractModel):
    _name = "supplier.mouser.sync"
    _description = "Mouser Sync"

    @api.model
    def _sync(self, account, job, product_tmpl_ids=None):
        log = job_logger(_logger, account, job)
        run = _MouserRun(account, account._mouser_client(), job)
        templates = self._eligible_templates(account, product_tmpl_ids)
        if not product_tmpl_ids:
            ordered = in_turn(templates.ids, account.mouser_cursor_tmpl_id)
            templates = templates.browse(ordered)
        keyed = []
        for item in self._search_keys(run, templates, retry_refused=bool(product_tmpl_ids)):
            if SEPARATOR in item[1]:  # searched as two numbers: never sent
                self._refuse(run, item, self.env._("'|' separates part numbers in Mouser"))
            else:
                keyed.append(item)
        position = {item[0].id: index for index, item in enumerate(keyed)}
        stop = None
        try:
            for calls in _rounds(keyed):
                for batch in calls:
                    self._send(run, batch)
                if not product_tmpl_ids:
                    last = max((item[0].id for batch in calls for item in batch), key=position.get)
                    account.mouser_cursor_tmpl_id = last
        except _Stop as exc:
            stop = str(exc)
        counters = run.counters
        result = run.result()
        result["summary"] = self.env._(
            "%(parts)s parts refreshed with %(calls)s calls, %(breaks)s price breaks changed, "
            "%(missing)s not found, %(skipped)s skipped, %(refused)s refused by Mouser, "
            "%(errors)s errors",
            parts=counters["parts_refreshed"],
            calls=counters["calls"],
            breaks=counters["price_breaks_changed"],
            missing=counters["not_found"],
            skipped=counters["skipped"],
            refused=counters["refused"],
            errors=run.list_totals["errors"],
        ) + (f" ({self.env._('stopped')}: {stop})" if stop else "")
        log.info("%s", result["summary"])
        return result

    # ------------------------------------------------------------ calls
    @api.model
    def _send(self, run, batch):
        """Refresh ``batch`` [(template, number, kind, raw code)]; split it when refused."""
        try:
            found = self._call(run, batch)
        except MouserInvalidCharacters as exc:
            if len(batch) == 1:
                self._refuse(run, batch[0], exc.mouser_message)
                return
            self._bisect(run, batch, exc.mouser_message)
            return
        self._apply_batch(run, batch, found)

    @api.model
    def _bisect(self, run, batch, message):
        """Find the numbers Mouser refuses in ``batch``; refresh the others."""
        said = {item[1]: message for item in batch}
        bisection = Bisection(batch, number=lambda item: item[1])
        while (group := bisection.next_group()) is not None:
            try:
                found = self._call(run, group)
            except MouserInvalidCharacters as exc:
                said.update({item[1]: exc.mouser_message for item in group})
                bisection.refused(group)
                continue
            self._apply_batch(run, group, found)
            bisection.passed(group)
        for item in bisection.culprits:
            self._refuse(run, item, said[item[1]])

    @api.model
    def _call(self, run, batch):
        """One search call within the quota; raises ``_Stop`` when none may go."""
        account = run.account
        if run.counters["calls"] >= account.mouser_minute_limit:
            raise _Stop(self.env._("this run's share of calls is used; the next run continues"))
        if run.out_of_time():
            # a slow Mouser: the job ends within its part, the next run continues
            raise _Stop(self.env._("this run's time is used; the next run continues"))
        allowed, wait = self.env["supplier.mouser.quota"]._reserve_call(account)
        if not allowed:
            raise _Stop(
                self.env._("the daily budget of %s calls is spent", account.mouser_daily_limit)
                if wait is None
                else self.env._("the per-minute limit is reached")
            )
        run.add("calls")
        try:
            return run.client.search_part_numbers([item[1] for item in batch])
        except MouserQuotaExceeded as exc:
            account._enqueue_job(
                "mouser_sync",
                identity_key=RETRY_KEY,
                scheduled_at=fields.Datetime.now() + timedelta(seconds=60),
            )
            raise _Stop(
                self.env._("Mouser answered TooManyRequests; a new run is queued in a minute")
            ) from exc

    @api.model
    def _refuse(self, run, item, message):
        """Report a number Mouser refuses and remember it, so it costs no more calls."""
        template, key = item[0], item[1]
        run.add("refused")
        run.listed(
            "refused_list",
            self.env._("%(number)s (%(product)s): %(message)s", number=key,
                       product=template.display_name, message=message),
        )  # fmt: skip
        template.write({"mouser_refused_pn": key, "mouser_refused_message": message})

    @api.model
    def _apply_batch(self, run, batch, found):
        self._decide_currencies(run, found.values())
        for item in batch:
            self._apply_isolated(run, item, found.get(item[1].upper(), []))

    @api.model
    def _decide_currencies(self, run, part_lists):
        """Decide (and activate) the answer's currencies before the products'
        savepoints: a product that fails must not roll back an activation
        the other products' prices rely on. A refused currency is kept as
        its error, raised for each product priced in it."""
        codes = {
            price_break.currency
            for parts in part_lists
            for part in parts
            for price_break in part.price_breaks
        }
        for code in sorted(codes - set(run.currencies)):
            try:
                self._currency(run, code)
            except ValueError as exc:
                run.currencies[code] = exc

    # ------------------------------------------------------------ selection
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
    def _search_keys(self, run, templates, retry_refused=False):
        """``[(template, number, "mouser" | "mpn", raw code)]``, numbers normalised.

        Products without a number are skipped; a number Mouser refused before
        is listed again without a call (unless ``retry_refused``).
        """
        account = run.account
        lines = self.env["product.supplierinfo"].search_read(
            [
                ("partner_id", "=", account.mouser_partner_id.id),
                ("product_tmpl_id", "in", templates.ids),
                ("product_code", "!=", False),
            ],
            ["product_tmpl_id", "product_code"],
            order="id",
        )
        mouser_pn = {}
        for line in lines:
            mouser_pn.setdefault(line["product_tmpl_id"][0], line["product_code"])
        keyed = []
        for template in templates:
            raw = mouser_pn.get(template.id)
            kind = "mouser"
            if not raw:
                kind = "mpn"
                raw = template.manufacturer_pn or (
                    account.mouser_use_default_code and template.default_code
                )
            key = normalise(raw)
            if not key:
                run.add("skipped")
                run.listed(
                    "skipped_list",
                    self.env._("%s: no Mouser or manufacturer part number", template.display_name),
                )
                continue
            if not retry_refused and key == template.mouser_refused_pn:
                run.add("refused")
                run.listed(
                    "refused_list",
                    self.env._(
                        "%(number)s (%(product)s): %(message)s (refused before; not sent "
                        "again until the number changes or Sync with Mouser now is used)",
                        number=key,
                        product=template.display_name,
                        message=template.mouser_refused_message,
                    ),
                )
                continue
            keyed.append((template, key, kind, raw))
        return keyed

    # ------------------------------------------------------------ writing
    @api.model
    def _apply_isolated(self, run, item, parts):
        template, key = item[0], item[1]
        try:
            with self.env.cr.savepoint():
                self._apply(run, item, parts)
        except Exception as exc:  # noqa: BLE001 - reported per part, the others go on
            run.listed("errors", f"{key}: {exc}")
            return
        if template.mouser_refused_pn:
            template.write({"mouser_refused_pn": False, "mouser_refused_message": False})

    @api.model
    def _apply(self, run, item, parts):
        account = run.account
        template, key, kind, raw = item
        with_number = [p for p in parts if p.mouser_part_number]
        if kind == "mouser":
            exact = [p for p in with_number if p.mouser_part_number.upper() == key.upper()]
            part = (exact or with_number or [None])[0]
        elif len(with_number) > 1:
            self._store_candidates(account, template, with_number)
            run.add("candidates")
            return
        else:
            part = (with_number or [None])[0]
        if part is None:
            self._mark_not_found(account, template, raw if kind == "mouser" else None)
            run.add("not_found")
            run.listed("not_found_list", key)
            return
        created, changed = self._write_price_breaks(
            run, template, part, raw if kind == "mouser" else None
        )
        run.add("supplier_lines_created", created)
        run.add("price_breaks_changed", changed)
        for warning in part.warnings:
            run.listed("errors", f"{key}: {warning}")
        if part.lead_time_unreadable:
            run.listed("unreadable_lead_times", f"{key}: {part.lead_time_text}")
        self._write_part_data(template, part)
        if template.mouser_candidate_ids:
            template.mouser_candidate_ids.unlink()
        run.add("parts_refreshed")

    @api.model
    def _currency(self, run, code):
        """``(currency to store prices in, currency to convert them from or None)``.

        Converting accounts store the company currency; the others keep
        Mouser's, activating an inactive one (listed in the job result, with
        a warning when it has no exchange rate yet).
        """
        if code in run.currencies:
            if isinstance(run.currencies[code], ValueError):
                raise run.currencies[code]
            return run.currencies[code]
        account = run.account
        company_currency = account.company_id.currency_id
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", code)], limit=1)
        )
        if not currency:
            raise ValueError(self.env._("currency %s is unknown in Odoo", code))
        decision = (currency, None)
        if currency != company_currency:
            rates = self.env["res.currency.rate"].sudo().search_count(
                [("currency_id", "=", currency.id),
                 ("company_id", "in", [account.company_id.id, False])], limit=1
            )  # fmt: skip
            if account.mouser_currency_policy == "convert":
                if not rates:  # Odoo would convert at 1:1
                    raise ValueError(
                        self.env._(
                            "no exchange rate for %(code)s: add one in Accounting > Currencies, "
                            "or let account %(account)s activate Mouser's currencies",
                            code=code,
                            account=account.name,
                        )
                    )
                decision = (company_currency, currency)
            elif not currency.active:
                currency.sudo().active = True
                run.listed(
                    "currencies_activated",
                    code
                    if rates
                    else self.env._(
                        "%s (no exchange rate yet: add one in Accounting > Currencies before "
                        "buying in it)",
                        code,
                    ),
                )
        run.currencies[code] = decision
        return decision

    @api.model
    def _write_price_breaks(self, run, template, part, raw_code=None):
        """Make the Mouser lines of ``part`` equal its breaks; (created, changed) counts."""
        account = run.account
        Supplier = self.env["product.supplierinfo"].with_context(active_test=False)
        codes = {part.mouser_part_number, raw_code} - {None}
        rows = Supplier.search(
            [
                ("partner_id", "=", account.mouser_partner_id.id),
                ("product_tmpl_id", "=", template.id),
                ("product_code", "in", list(codes)),
            ],
            order="id",
        )
        by_qty = {}
        for row in rows:
            by_qty.setdefault(row.min_qty, row)
        extra = rows - Supplier.browse([r.id for r in by_qty.values()])
        created = changed = 0
        to_create = []
        touched = Supplier.browse()
        today = fields.Date.context_today(self)
        for price_break in part.price_breaks:
            currency, convert_from = self._currency(run, price_break.currency)
            price = float(price_break.price)
            if convert_from:
                price = convert_from._convert(price, currency, account.company_id, today, False)
            values = {
                "price": price,
                "currency_id": currency.id,
                "active": True,
                "product_code": part.mouser_part_number,
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
                        "min_qty": price_break.quantity,
                    }
                )
                continue
            diff = {k: v for k, v in values.items() if not _same(row, k, v)}
            if diff:
                row.write(diff)
                touched |= row
                changed += 1
        if to_create:
            touched |= Supplier.create(to_create)
            created = len(to_create)
            changed += created
        obsolete = (extra | Supplier.browse([r.id for r in by_qty.values()])).filtered("active")
        if obsolete:
            obsolete.active = False
            touched |= obsolete
            changed += len(obsolete)
        if run.job:
            run.job._link_records(touched)
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
        """Make the product's candidates equal ``parts``, updating rows in place."""
        existing = {c.mouser_part_number: c for c in template.mouser_candidate_ids}
        to_create = []
        for part in parts:
            values = {
                "account_id": account.id,
                "manufacturer_part_number": part.manufacturer_part_number,
                "manufacturer": part.manufacturer,
                "description": part.description,
                "availability": part.availability_in_stock or 0,
                "product_url": part.product_url,
            }
            candidate = existing.pop(part.mouser_part_number, None)
            if candidate is None:
                to_create.append(
                    {
                        **values,
                        "product_tmpl_id": template.id,
                        "mouser_part_number": part.mouser_part_number,
                    }
                )
                continue
            diff = {k: v for k, v in values.items() if not _same(candidate, k, v or False)}
            if diff:
                candidate.write(diff)
        if existing:
            self.env["supplier.mouser.candidate"].browse([c.id for c in existing.values()]).unlink()
        if to_create:
            self.env["supplier.mouser.candidate"].create(to_create)


def _rounds(keyed):
    """Calls in order, grouped so that a group ends with everything before it done.

    A call holds up to ten numbers; a suspect number goes alone, right
    after the call of the numbers met with it.
    """
    batch, suspects = [], []
    for item in keyed:
        (suspects if is_suspect(item[1]) else batch).append(item)
        if len(batch) == BATCH_SIZE:
            yield [batch] + [[s] for s in suspects]
            batch, suspects = [], []
    if batch or suspects:
        yield ([batch] if batch else []) + [[s] for s in suspects]


def _same(record, field_name, value):
    current = record[field_name]
    if field_name in ("currency_id", "account_id"):
        return current.id == value
    if isinstance(value, float):
        return not float_compare(current, value, precision_digits=6)
    return current == value
