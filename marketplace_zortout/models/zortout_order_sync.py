"""Zortout orders into Odoo sale orders, one fetched page at a time.

A page is written in one savepoint with batched reads and writes: the
existing orders, products, customers, tags and warehouses of the whole
page are read in one query each, new orders are created in one
``create``, and status changes are applied per target state in batches.
"""

from collections import Counter, defaultdict
from decimal import Decimal

from odoo import fields, models
from odoo.addons.marketplace_base.tools import create_isolated, no_distribution_values

from ..lib.customers import Contact, group_customers
from ..lib.orders import (
    CANCELLED_STATUSES,
    CONFIRMED_STATUSES,
    RETURNED_STATUSES,
    SHIPPED_STATUSES,
    plan_lines,
)


class ZortoutOrderSync(models.AbstractModel):
    _name = "marketplace.zortout.order.sync"
    _description = "Zortout Order Import"

    def _import_page(self, account, orders, retry_held=False):
        """Create or update the sale orders of one page; return
        ``(counters, sale orders, errors)``.

        Everything is written in a savepoint: an error leaves nothing of the
        page behind (the job then fails or retries as a whole), except an
        order Odoo refuses to create, which is listed in ``errors``. An
        order is skipped only when nothing Zortout says of it changed (its
        fingerprint, not its minute-resolution update time), unless it
        needs attention and its SKUs now find their products (or
        ``retry_held``: a date-range import after a settings change).
        """
        counters = Counter()
        unique = {order.id: order for order in orders}  # a repeated id: its last version
        with self.env.cr.savepoint():
            touched, errors = self._write_orders(
                account, list(unique.values()), counters, retry_held
            )
        return counters, touched, errors

    def _write_orders(self, account, orders, counters, retry_held):
        SaleOrder = self.env["sale.order"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        existing = {
            so.zortout_order_id: so
            for so in SaleOrder.search(
                [
                    ("zortout_account_id", "=", account.id),
                    ("zortout_order_id", "in", [o.id for o in orders]),
                ]
            )
        }
        to_do, held = [], []
        for order in orders:
            so = existing.get(order.id)
            if not so or so.zortout_fingerprint != order.fingerprint:
                to_do.append(order)
            elif so.zortout_attention and so.state == "draft":
                held.append(order)
            else:
                counters["orders_unchanged"] += 1
        if held and not retry_held:
            missing = {o.id: (existing[o.id].zortout_missing_skus or "").split(",") for o in held}
            found = self._products(account, {sku for skus in missing.values() for sku in skus})
            ready = [
                o
                for o in held
                if any(missing[o.id]) and all(len(found[sku]) == 1 for sku in missing[o.id])
            ]
            counters["orders_unchanged"] += len(held) - len(ready)
            held = ready
        to_do += held
        if not to_do:
            return SaleOrder, []
        settings = account._zortout_order_settings()
        refs = self._references(account, to_do)
        new_vals, labels = [], []
        for order in to_do:
            so = existing.get(order.id)
            if not so:
                new_vals.append(self._order_vals(account, order, settings, refs))
                labels.append(f"{order.id} ({order.number})")
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
        counters["orders_created"] += len(created)
        by_id = {**existing, **{so.zortout_order_id: so for so in created}}
        to_do = [order for order in to_do if order.id in by_id]
        touched = SaleOrder.browse([by_id[o.id].id for o in to_do])
        counters["orders_updated"] += len(touched) - len(created)
        self._apply_status(account, to_do, by_id, refs, counters)
        counters["needs_attention"] += len(touched.filtered("zortout_attention"))
        return touched, errors

    # ----------------------------------------------------------------- values
    def _status_vals(self, order):
        return {
            "zortout_status": order.status,
            "zortout_updated": order.updated_text,
            "zortout_fingerprint": order.fingerprint,
            "zortout_attention": False,
            "zortout_attention_reason": False,
        }

    def _order_vals(self, account, order, settings, refs):
        partner = refs["partners"][order.id]
        taxes = settings["taxes"].get(order.vat_type) or self.env["account.tax"]
        tag = refs["tags"].get(order.sales_channel)
        warehouse = refs["warehouses"].get(order.warehouse_code) or refs["default_warehouse"]
        lines, missing = [], []
        for plan in plan_lines(
            order, self.env._("Shipping (Zortout)"), self.env._("Discount (Zortout)")
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
            "zortout_account_id": account.id,
            "zortout_order_id": order.id,
            "zortout_number": order.number,
            "zortout_sales_channel": order.sales_channel,
            "zortout_stock_in_zortout": account.stock_master == "remote",
            "order_line": lines,
            **self._status_vals(order),
        }
        if warehouse:
            values["warehouse_id"] = warehouse.id
        if tag:
            values["tag_ids"] = [fields.Command.set(tag.ids)]
        values["zortout_missing_skus"] = ",".join(sorted({p.sku for p in missing})) or False
        if missing:
            values["zortout_attention"] = True
            values["zortout_attention_reason"] = self._missing_reason(missing, refs)
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
        """``{order id: partner}``: by customer code (the partner's reference),
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
                result[order.id] = Partner.browse(partner_id)
            else:
                new.append(order)
        groups = defaultdict(list)
        for order, group in zip(new, group_customers([self._contact(o) for o in new]), strict=True):
            groups[group].append(order)
        if groups:
            created = Partner.create([self._partner_vals(members) for members in groups.values()])
            for partner, members in zip(created, groups.values(), strict=True):
                for order in members:
                    result[order.id] = partner
        return result

    def _known_partners(self, account, orders):
        """``{column: {value: {ref: partner id}}}`` of the page's codes, phones,
        emails and (anonymous orders') names, read in one query each."""
        keys = {
            "ref": {o.customer_code for o in orders if o.customer_code},
            "phone": {o.customer_phone for o in orders if o.customer_phone},
            "email": {o.customer_email for o in orders if o.customer_email},
            "name": {
                o.customer_name
                for o in orders
                if o.customer_name and not (o.customer_code or o.customer_phone or o.customer_email)
            },
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
        code = order.customer_code
        if code and code in known.get("ref", {}):
            return min(known["ref"][code].values())
        lookups = [("phone", order.customer_phone), ("email", order.customer_email)]
        if not (code or order.customer_phone or order.customer_email):
            lookups.append(("name", order.customer_name))
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

    def _contact(self, order):
        return Contact(
            order.customer_code, order.customer_phone, order.customer_email, order.customer_name
        )

    def _partner_vals(self, orders):
        """A new partner from the first order of a customer (its code from any)."""
        first = orders[0]
        code = next((o.customer_code for o in orders if o.customer_code), "")
        return {
            "name": first.customer_name
            or first.customer_email
            or first.customer_phone
            or self.env._("Zortout customer"),
            "ref": code or False,
            "phone": first.customer_phone or False,
            "email": first.customer_email or False,
            "street": first.customer_address or False,
            "customer_rank": 1,
        }

    # ----------------------------------------------------------------- status
    def _apply_status(self, account, orders, by_id, refs, counters):
        """Quotation, confirmed, delivered or cancelled as Zortout's status says;
        then the total checked against Zortout's amount. No chatter tracking:
        the job lists what it changed (its "Records changed" button)."""
        SaleOrder = self.env["sale.order"].with_context(tracking_disable=True, mail_notrack=True)
        flags = {}
        to_confirm = SaleOrder
        to_cancel = SaleOrder
        shipped = SaleOrder
        for order in orders:
            so = by_id[order.id]
            if so.zortout_attention:
                continue
            if order.status in CONFIRMED_STATUSES and so.state == "draft":
                to_confirm |= so
            elif order.status in CANCELLED_STATUSES | RETURNED_STATUSES and so.state != "cancel":
                if self._delivered_or_invoiced(so):
                    flags[so] = self.env._(
                        "%(status)s in Zortout after delivery or invoicing: return the goods "
                        "and issue a credit note in Odoo by hand.",
                        status=order.status,
                    )
                else:
                    to_cancel |= so
            if order.status == "Failed Shipment":
                flags[so] = self.env._(
                    "Failed shipment in Zortout: check with the carrier; the order stays confirmed."
                )
            if order.status in SHIPPED_STATUSES:
                shipped |= so
        to_cancel._action_cancel()
        held = self._check_totals(orders, by_id)
        flags.update(held)
        to_confirm = to_confirm.filtered(lambda so: so not in held)
        if to_confirm:
            dates = {so: so.date_order for so in to_confirm}
            to_confirm.action_confirm()
            for so, date_order in dates.items():
                so.date_order = date_order
        counters["orders_confirmed"] += len(to_confirm)
        counters["orders_cancelled"] += len(to_cancel)
        self._deliver(shipped.filtered(lambda so: so.state == "sale"), orders, by_id, flags)
        for so, reason in flags.items():
            so.write({"zortout_attention": True, "zortout_attention_reason": reason})

    def _delivered_or_invoiced(self, so):
        if so.invoice_ids.filtered(lambda inv: inv.state == "posted"):
            return True
        return bool(so.picking_ids.filtered(lambda p: p.state == "done"))

    def _check_totals(self, orders, by_id):
        """``{order: reason}`` of the orders whose Odoo total is not Zortout's
        amount, to the satang: they are held, not confirmed."""
        flags = {}
        for order in orders:
            so = by_id[order.id]
            if so.zortout_attention or so.state == "cancel":
                continue
            total = Decimal(str(so.amount_total)).quantize(Decimal("0.01"))
            if total != order.amount.quantize(Decimal("0.01")):
                flags[so] = self.env._(
                    "Total differs from Zortout: Odoo %(odoo)s, Zortout %(zortout)s "
                    "(difference %(diff)s). Check the taxes and discounts on the account.",
                    odoo=total,
                    zortout=order.amount,
                    diff=total - order.amount,
                )
        return flags

    def _deliver(self, shipped, orders, by_id, flags):
        """Shipped orders count as delivered: Zortout-master lines get their
        delivered quantity, Odoo-master deliveries are validated."""
        in_zortout = shipped.filtered("zortout_stock_in_zortout")
        lines = in_zortout.order_line.filtered(
            lambda line: not line.display_type and line.qty_delivered != line.product_uom_qty
        )
        by_quantity = defaultdict(lambda: self.env["sale.order.line"])
        for line in lines:
            by_quantity[line.product_uom_qty] |= line
        for quantity, group in by_quantity.items():
            group.write({"qty_delivered": quantity})
        pickings = (shipped - in_zortout).picking_ids.filtered(
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
                    "Shipped in Zortout, but Odoo could not validate the delivery: "
                    "validate it by hand."
                )
