"""Remote orders (``lib/order.py``'s neutral ``RemoteOrder``) into Odoo sale
orders, one fetched page at a time, for every channel.

One sale order per remote order and account; customers matched by code,
phone, e-mail or name; lines by SKU (``marketplace.sku.lookup``); an order
whose SKU finds no product, or whose total Odoo cannot match to the cent,
is held as a quotation that needs attention; the remote status confirms,
cancels or delivers it.

A page is written in one savepoint with batched reads and writes: the
existing orders, products, customers, tags and warehouses of the whole
page are read in one query each, new orders are created in one
``create``, and status changes are applied per target state in batches.
"""

import time
from collections import defaultdict

from odoo import fields, models
from odoo.addons.marketplace_base.tools import create_isolated, no_distribution_values

from ..lib.customers import group_customers
from ..lib.order import (
    CANCELLED_STATUSES,
    CONFIRMED_STATUSES,
    FAILED_DELIVERY,
    SHIPPED_STATUSES,
    plan_lines,
    total_mismatch,
)

#: Orders written (and taken to cash) at a time by ``_write_in_time``: a
#: page of 500 invoiced and paid orders takes longer than a job part.
CHUNK_SIZE = 100
#: Counters every order import shows, zero included.
COUNTERS = (
    "orders_created",
    "orders_updated",
    "orders_unchanged",
    "orders_confirmed",
    "orders_cancelled",
    "needs_attention",
)


class MarketplaceOrderWriter(models.AbstractModel):
    _name = "marketplace.order.writer"
    _description = "Marketplace Order Writer"

    def _write_page(self, account, orders, run, retry_held=False):
        """Create or update the sale orders of one page, counting in ``run``
        (a ``Run``); return the sale orders written.

        Everything is written in a savepoint: an error leaves nothing of the
        page behind (the job then fails or retries as a whole), except an
        order Odoo refuses to create, which is listed under
        ``orders_not_created_list``. An order is skipped only when nothing
        the remote system says of it changed (its fingerprint, not its
        update time), unless it needs attention and its SKUs now find their
        products (or ``retry_held``: a date-range import after a settings
        change).
        """
        for key in COUNTERS:
            run.add(key, 0)
        unique = {order.ref: order for order in orders}  # a repeated ref: its last version
        with self.env.cr.savepoint():
            touched, errors = self._write_orders(account, list(unique.values()), run, retry_held)
        run.extend("orders_not_created_list", errors)
        for order in unique.values():
            for note in order.notes:
                run.listed("not_understood_list", note)
        for so in touched.filtered("marketplace_attention"):
            run.listed(
                "needs_attention_list",
                f"{so.marketplace_order_number or so.name}: {so.marketplace_attention_reason}",
            )
        return touched

    def _write_in_time(self, account, orders, run, deadline, retry_held=False):
        """Write ``orders`` by ``_write_page`` in chunks of ``CHUNK_SIZE``, the
        first always, each next one only if it would end before ``deadline``
        (timed by the chunk before). Return the sale orders written and how
        many of ``orders`` (a prefix) were handed: the caller continues with
        the rest in its next part."""
        written = self.env["sale.order"]
        done, per_order = 0, 0.0
        while done < len(orders):
            chunk = orders[done : done + CHUNK_SIZE]
            start = time.monotonic()
            if done and start + per_order * len(chunk) > deadline:
                break
            written |= self._write_page(account, chunk, run, retry_held=retry_held)
            per_order = (time.monotonic() - start) / len(chunk)
            done += len(chunk)
        return written, done

    def _result(self, run):
        """The job result of an order import: its counters, lists and summary."""
        result = dict.fromkeys(COUNTERS, 0)
        result.update(run.result())
        unreadable = run.list_totals["unreadable_orders_list"]
        result["unreadable_orders"] = unreadable
        failed = run.list_totals["orders_not_created_list"]
        if failed:
            result["orders_not_created"] = failed
        parts = [
            self.env._("%(count)s order created", count=result["orders_created"])
            if result["orders_created"] == 1
            else self.env._("%(count)s orders created", count=result["orders_created"]),
            self.env._("%s updated", result["orders_updated"]),
            self.env._("%s need attention", result["needs_attention"])
            if result["needs_attention"] != 1
            else self.env._("1 needs attention"),
        ]
        if unreadable:
            parts.append(
                self.env._("%(count)s unreadable order", count=unreadable)
                if unreadable == 1
                else self.env._("%(count)s unreadable orders", count=unreadable)
            )
        if failed:
            parts.append(self.env._("%s not created", failed))
        result["summary"] = ", ".join(parts)
        return result

    def _write_orders(self, account, orders, run, retry_held):
        SaleOrder = self.env["sale.order"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        existing = {
            so.marketplace_order_ref: so
            for so in SaleOrder.search(
                [
                    ("marketplace_account_id", "=", account.id),
                    ("marketplace_order_ref", "in", [o.ref for o in orders]),
                ]
            )
        }
        to_do, held = [], []
        for order in orders:
            so = existing.get(order.ref)
            if not so or so.marketplace_fingerprint != order.fingerprint:
                to_do.append(order)
            elif so.marketplace_attention and so.state == "draft":
                held.append(order)
            elif self._retry_unchanged(so):
                to_do.append(order)
            else:
                run.add("orders_unchanged")
        if held and not retry_held:
            missing = {
                o.ref: (existing[o.ref].marketplace_missing_skus or "").split(",") for o in held
            }
            found = self._products(account, {sku for skus in missing.values() for sku in skus})
            ready = [
                o
                for o in held
                if any(missing[o.ref])
                and all(len(found.get(sku, ())) == 1 for sku in missing[o.ref])
            ]
            run.add("orders_unchanged", len(held) - len(ready))
            held = ready
        to_do += held
        if not to_do:
            return SaleOrder, []
        settings = account._order_settings()
        refs = self._references(account, to_do)
        new_vals, labels = [], []
        for order in to_do:
            so = existing.get(order.ref)
            if not so:
                new_vals.append(self._order_vals(account, order, settings, refs))
                labels.append(f"{order.ref} ({order.number})")
            elif so.state == "draft":
                values = self._order_vals(account, order, settings, refs)
                lines = values.pop("order_line")
                # header first: a new customer recomputes the taxes of existing lines
                so.write(values)
                so.write({"order_line": [fields.Command.clear(), *lines]})
            else:
                so.write(self._status_vals(order))
        # one order Odoo refuses is reported, the others are created
        created, errors = create_isolated(SaleOrder, new_vals, labels)
        run.add("orders_created", len(created))
        by_ref = {**existing, **{so.marketplace_order_ref: so for so in created}}
        to_do = [order for order in to_do if order.ref in by_ref]
        touched = SaleOrder.browse([by_ref[o.ref].id for o in to_do])
        run.add("orders_updated", len(touched) - len(created))
        self._apply_status(to_do, by_ref, run)
        self._after_write(account, to_do, by_ref, run)
        run.add("needs_attention", len(touched.filtered("marketplace_attention")))
        return touched, errors

    def _after_write(self, account, orders, by_ref, run):
        """What follows the sale orders of a page once written and in their
        state (invoices, payments, parcels...): ``orders`` are the remote
        orders written, ``by_ref`` their sale orders by ref. Extended by the
        steps of order to cash; each must be idempotent and put an order it
        cannot complete in Needs attention rather than fail the page."""

    def _retry_unchanged(self, so):
        """Whether an unchanged, non-draft order is written again all the same
        (a step after the write to retry); no by default."""
        return False

    # ----------------------------------------------------------------- values
    def _status_vals(self, order):
        return {
            "marketplace_status": order.status,
            "marketplace_remote_status": order.remote_status,
            "marketplace_updated": order.updated_text,
            "marketplace_fingerprint": order.fingerprint,
            "marketplace_attention": False,
            "marketplace_attention_reason": False,
        }

    def _order_vals(self, account, order, settings, refs):
        partner = refs["partners"][order.ref]
        taxes = settings["taxes"].get(order.tax_mode) or self.env["account.tax"]
        tag = refs["tags"].get(order.sales_channel)
        warehouse = refs["warehouses"].get(order.warehouse_code) or refs["default_warehouse"]
        lines, missing = [], []
        label = account._order_channel_label()
        for plan in plan_lines(
            order, self.env._("Shipping (%s)", label), self.env._("Discount (%s)", label)
        ):
            if plan.kind == "product":
                product_ids = refs["products"].get(plan.sku, [])
                if len(product_ids) != 1:
                    missing.append(plan)
                    lines.append(self._note_line(plan, product_ids))
                    continue
                product_id = product_ids[0]
            else:
                product_id = settings[plan.kind].id
            line = {
                "product_id": product_id,
                "name": plan.name,
                "product_uom_qty": float(plan.quantity),
                "price_unit": float(plan.price_unit),
                "discount": float(plan.discount),
                "tax_id": [fields.Command.set(taxes.ids)],
                **refs["line_defaults"],
            }
            lines.append(fields.Command.create(line))
        values = {
            "partner_id": partner.id,
            "company_id": account.company_id.id,
            "date_order": fields.Datetime.to_string(order.order_date or fields.Date.today()),
            "client_order_ref": order.reference or order.number,
            "origin": order.number,
            "marketplace_account_id": account.id,
            "marketplace_order_ref": order.ref,
            "marketplace_order_number": order.number,
            "marketplace_sales_channel": order.sales_channel,
            "marketplace_stock_remote": refs["stock_remote"],
            "order_line": lines,
            **self._status_vals(order),
        }
        if warehouse:
            values["warehouse_id"] = warehouse.id
        if tag:
            values["tag_ids"] = [fields.Command.set(tag.ids)]
        values["marketplace_missing_skus"] = ",".join(sorted({p.sku for p in missing})) or False
        if missing:
            values["marketplace_attention"] = True
            values["marketplace_attention_reason"] = self._missing_reason(missing, refs)
        return values

    def _note_line(self, plan, product_ids):
        problem = (
            self.env._("unknown SKU") if not product_ids else self.env._("SKU on several products")
        )
        return fields.Command.create(
            {
                "display_type": "line_note",
                "name": f"[{plan.sku or '?'}] {plan.name} ({problem}): "
                f"{plan.quantity} x {plan.price_unit}",
            }
        )

    def _missing_reason(self, missing, refs):
        unknown = sorted({p.sku or "?" for p in missing if not refs["products"].get(p.sku)})
        several = sorted({p.sku for p in missing if refs["products"].get(p.sku)})
        parts = []
        if unknown:
            parts.append(
                self.env._(
                    "Unknown SKU(s): %s. Create the product(s) with this internal "
                    "reference; the next import completes the order.",
                    ", ".join(unknown),
                )
            )
        if several:
            parts.append(
                self.env._(
                    "SKU(s) on several products: %s. Keep one product per internal reference.",
                    ", ".join(several),
                )
            )
        return "\n".join(parts)

    # ------------------------------------------------------------- references
    def _references(self, account, orders):
        """Products, customers, sales channel tags and warehouses of a page, read at once."""
        skus = {line.sku for order in orders for line in order.lines}
        return {
            "stock_remote": account._order_stock_remote(),
            "products": self._products(account, skus),
            "partners": self._partners(account, orders),
            "tags": self._tags({o.sales_channel for o in orders if o.sales_channel}),
            "warehouses": {
                m.remote_code: m.location_id.warehouse_id
                for m in account.stock_location_map_ids
                if m.location_id.warehouse_id
            },
            "default_warehouse": account.stock_location_id.warehouse_id,
            "line_defaults": no_distribution_values(self.env),
        }

    def _products(self, account, skus):
        """``{trimmed SKU: [active product ids]}``."""
        found = self.env["marketplace.sku.lookup"]._by_sku(account.company_id, skus)
        return {sku: [info.id for info in infos] for sku, infos in found.items()}

    def _tags(self, names):
        Tag = self.env["crm.tag"]
        tags = {tag.name: tag for tag in Tag.search([("name", "in", list(names))])}
        missing = sorted(names - set(tags))
        if missing:
            tags.update({tag.name: tag for tag in Tag.create([{"name": n} for n in missing])})
        return tags

    def _partners(self, account, orders):
        """``{order ref: partner}``: by customer code (the partner's reference),
        then phone, then email, then name; created when none matches.

        A phone or email finds a partner of another customer code only for an
        order without code; the new customers of a page are grouped as
        ``group_customers`` says, so one customer is one partner.
        """
        Partner = self.env["res.partner"].with_context(tracking_disable=True)
        Partner.flush_model(["ref", "phone", "email", "name", "company_id", "active"])
        known = self._known_partners(account, orders)
        result, new = {}, []
        for order in orders:
            partner_id = self._known_partner(order, known)
            if partner_id:
                result[order.ref] = Partner.browse(partner_id)
            else:
                new.append(order)
        groups = defaultdict(list)
        for order, group in zip(new, group_customers([o.customer for o in new]), strict=True):
            groups[group].append(order)
        if groups:
            created = Partner.create(
                [self._partner_vals(account, members) for members in groups.values()]
            )
            for partner, members in zip(created, groups.values(), strict=True):
                for order in members:
                    result[order.ref] = partner
        return result

    def _known_partners(self, account, orders):
        """``{column: {value: {ref: partner id}}}`` of the page's codes, phones,
        emails and (anonymous orders') names, read in one query each."""
        customers = [o.customer for o in orders]
        keys = {
            "ref": {c.code for c in customers if c.code},
            "phone": {c.phone for c in customers if c.phone},
            "email": {c.email for c in customers if c.email},
            "name": {c.name for c in customers if c.name and c.anonymous},
        }
        known = {}
        for column, values in keys.items():
            if not values:
                continue
            expression = "lower(email)" if column == "email" else column
            self.env.cr.execute(
                f"""
                SELECT {expression}, coalesce(ref, ''), min(id) FROM res_partner
                 WHERE {expression} = ANY(%s) AND active
                   AND (company_id IS NULL OR company_id = %s)
                 GROUP BY {expression}, coalesce(ref, '')
                """,  # noqa: S608 - column names from the fixed list above
                (list(values), account.company_id.id),
            )
            found = defaultdict(dict)
            for value, ref, partner_id in self.env.cr.fetchall():
                found[value][ref] = partner_id
            known[column] = found
        return known

    def _known_partner(self, order, known):
        """The partner id of an order's customer, or None."""
        customer = order.customer
        code = customer.code
        if code and code in known.get("ref", {}):
            return min(known["ref"][code].values())
        lookups = [("phone", customer.phone), ("email", customer.email)]
        if customer.anonymous:
            lookups.append(("name", customer.name))
        for column, value in lookups:
            by_ref = known.get(column, {}).get(value) if value else None
            if not by_ref:
                continue
            # another customer's code is another customer
            candidates = [by_ref.get(code), by_ref.get("")] if code else list(by_ref.values())
            candidates = [c for c in candidates if c]
            if candidates:
                return min(candidates)
        return None

    def _partner_vals(self, account, orders):
        """A new partner from the first order of a customer (its code from any)."""
        first = orders[0].customer
        code = next((o.customer.code for o in orders if o.customer.code), "")
        return {
            "name": first.name
            or first.email
            or first.phone
            or self.env._("%s customer", account._order_channel_label()),
            "ref": code or False,
            "phone": first.phone or False,
            "email": first.email or False,
            "street": first.address or False,
            "customer_rank": 1,
        }

    # ----------------------------------------------------------------- status
    def _apply_status(self, orders, by_ref, run):
        """Quotation, confirmed, delivered or cancelled as the remote status says;
        then the total checked against the remote amount. No chatter tracking:
        the job lists what it changed (its "Records changed" button)."""
        SaleOrder = self.env["sale.order"].with_context(tracking_disable=True, mail_notrack=True)
        flags = {}
        to_confirm = SaleOrder
        to_cancel = SaleOrder
        shipped = SaleOrder
        for order in orders:
            so = by_ref[order.ref]
            if so.marketplace_attention:
                continue
            if order.status in CONFIRMED_STATUSES and so.state == "draft":
                to_confirm |= so
            elif order.status in CANCELLED_STATUSES and so.state != "cancel":
                if self._delivered_or_invoiced(so):
                    flags[so] = self.env._(
                        "%(status)s in %(channel)s after delivery or invoicing: return the "
                        "goods and issue a credit note in Odoo by hand.",
                        status=order.remote_status,
                        channel=so.marketplace_account_id._order_channel_label(),
                    )
                else:
                    to_cancel |= so
            if order.status == FAILED_DELIVERY:
                flags[so] = self.env._(
                    "Failed shipment in %s: check with the carrier; the order stays confirmed.",
                    so.marketplace_account_id._order_channel_label(),
                )
            if order.status in SHIPPED_STATUSES:
                shipped |= so
        to_cancel._action_cancel()
        held = self._check_totals(orders, by_ref)
        flags.update(held)
        to_confirm = to_confirm.filtered(lambda so: so not in held)
        if to_confirm:
            dates = {so: so.date_order for so in to_confirm}
            to_confirm.action_confirm()
            for so, date_order in dates.items():
                so.date_order = date_order
        run.add("orders_confirmed", len(to_confirm))
        run.add("orders_cancelled", len(to_cancel))
        self._deliver(shipped.filtered(lambda so: so.state == "sale"), flags)
        for so, reason in flags.items():
            so.write({"marketplace_attention": True, "marketplace_attention_reason": reason})

    def _delivered_or_invoiced(self, so):
        if so.invoice_ids.filtered(lambda inv: inv.state == "posted"):
            return True
        return bool(so.picking_ids.filtered(lambda p: p.state == "done"))

    def _check_totals(self, orders, by_ref):
        """``{order: reason}`` of the orders whose Odoo total is not the remote
        amount, to the cent: they are held, not confirmed."""
        flags = {}
        for order in orders:
            so = by_ref[order.ref]
            if so.marketplace_attention or so.state == "cancel":
                continue
            mismatch = total_mismatch(so.amount_total, order.amount)
            if mismatch:
                flags[so] = self.env._(
                    "Total differs from %(channel)s: Odoo %(odoo)s, %(channel)s %(remote)s "
                    "(difference %(diff)s). Check the taxes and discounts on the account.",
                    channel=so.marketplace_account_id._order_channel_label(),
                    odoo=mismatch[0],
                    remote=order.amount,
                    diff=mismatch[1],
                )
        return flags

    def _deliver(self, shipped, flags):
        """Shipped orders count as delivered: lines of orders whose stock the
        remote system moves get their delivered quantity, Odoo's deliveries
        are validated."""
        remote = shipped.filtered("marketplace_stock_remote")
        lines = remote.order_line.filtered(
            lambda line: not line.display_type and line.qty_delivered != line.product_uom_qty
        )
        by_quantity = defaultdict(lambda: self.env["sale.order.line"])
        for line in lines:
            by_quantity[line.product_uom_qty] |= line
        for quantity, group in by_quantity.items():
            group.write({"qty_delivered": quantity})
        pickings = (shipped - remote).picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel") and p.picking_type_code == "outgoing"
        )
        if not pickings:
            return
        for move in pickings.move_ids.filtered(lambda m: m.state not in ("done", "cancel")):
            move.quantity = move.product_uom_qty
            move.picked = True
        answer = pickings.with_context(
            skip_backorder=True, skip_sms=True, cancel_backorder=True
        ).button_validate()
        if answer is not True:
            for so in pickings.sale_id:
                flags[so] = self.env._(
                    "Shipped in %s, but Odoo could not validate the delivery: validate it by hand.",
                    so.marketplace_account_id._order_channel_label(),
                )
