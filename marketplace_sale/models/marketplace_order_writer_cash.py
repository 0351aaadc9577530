"""Order to cash, after the sale orders of a page are written: invoices,
payments and credit notes as the remote system and the account say.

Each step is batched over the page and idempotent (an order has at most one
customer invoice, payments up to what the remote system says was paid, one
credit note per invoice). A step that Odoo refuses (no journal, a locked
period) is retried order by order in savepoints: the orders that still fail
are put in Needs attention with the reason and marked to be retried by the
next import, the rest of the page goes on.
"""

import logging
from decimal import Decimal

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.cash import INVOICE_NEVER, invoice_due, payment_due, payment_excess
from ..lib.order import CANCELLED, PAYMENT_VOIDED, RETURNED, total_mismatch

_logger = logging.getLogger(__name__)

#: Counters of the order to cash steps, shown (zero included) by every import.
CASH_COUNTERS = ("invoices_created", "payments_registered", "credit_notes_created")
#: What a step may be refused with: the order is flagged, the page goes on.
REFUSALS = (UserError, ValidationError)


class MarketplaceOrderWriter(models.AbstractModel):
    _inherit = "marketplace.order.writer"

    # ------------------------------------------------------------ the page
    def _write_page(self, account, orders, run, retry_held=False):
        for key in CASH_COUNTERS:
            run.add(key, 0)
        return super()._write_page(account, orders, run, retry_held=retry_held)

    def _result(self, run):
        result = super()._result(run)
        for key in CASH_COUNTERS:
            result.setdefault(key, 0)
        parts = []
        if result["invoices_created"]:
            parts.append(self.env._("%s invoiced", result["invoices_created"]))
        if result["payments_registered"]:
            parts.append(self.env._("%s payments registered", result["payments_registered"]))
        if result["credit_notes_created"]:
            parts.append(self.env._("%s credit notes", result["credit_notes_created"]))
        if parts:
            result["summary"] = ", ".join([result["summary"], *parts])
        return result

    def _retry_unchanged(self, so):
        return so.marketplace_cash_retry or super()._retry_unchanged(so)

    def _apply_status(self, orders, by_ref, run):
        """Voided after invoicing, and returned after invoicing where the
        account invoices (its policy is not ``never``), are for the steps
        below: the status step would flag them in general terms."""
        invoiced = set()
        for order in orders:
            so = by_ref[order.ref]
            if order.status not in (RETURNED, CANCELLED):
                continue
            if not self._cash_invoices(so).filtered(lambda m: m.state == "posted"):
                continue
            if order.status == CANCELLED or self._cash_policy(so, order) != INVOICE_NEVER:
                invoiced.add(order.ref)
        return super()._apply_status([o for o in orders if o.ref not in invoiced], by_ref, run)

    def _cash_policy(self, so, order):
        """The invoice policy of an order: its sales channel's, else its account's."""
        account = so.marketplace_account_id
        return account._order_invoice_policy(account._order_cash_settings(), order.sales_channel)

    def _after_write(self, account, orders, by_ref, run):
        result = super()._after_write(account, orders, by_ref, run)
        pairs = [(order, by_ref[order.ref]) for order in orders]
        retried = self.env["sale.order"].browse(
            [so.id for _order, so in pairs if so.marketplace_cash_retry]
        )
        retried.write({"marketplace_cash_retry": False})
        settings = account._order_cash_settings()
        flags = {}
        self._cash_voided(pairs, flags)
        self._cash_invoice(account, settings, pairs, run, flags)
        self._cash_pay(account, settings, pairs, run, flags)
        self._cash_credit_notes(pairs, run, flags)
        for so, (reason, retry) in flags.items():
            earlier = so.marketplace_attention and so.marketplace_attention_reason
            so.write(
                {
                    "marketplace_attention": True,
                    "marketplace_attention_reason": f"{earlier}\n{reason}" if earlier else reason,
                    "marketplace_cash_retry": retry,
                }
            )
        return result

    # ------------------------------------------------------------- helpers
    def _cash_invoices(self, so):
        """The order's customer invoices that are not cancelled."""
        return so.invoice_ids.filtered(
            lambda m: m.move_type == "out_invoice" and m.state != "cancel"
        )

    def _cash_isolated(self, items, step, flags, what):
        """Run ``step(items)`` (items: ``(order, sale order, ...)`` tuples) in
        a savepoint; when Odoo refuses, on each half again, down to the items
        refused, which are flagged (to be retried). Return the items done."""
        if not items:
            return []
        try:
            with self.env.cr.savepoint():
                step(items)
            return items
        except REFUSALS as exc:
            if len(items) == 1:
                flags[items[0][1]] = (
                    self.env._(
                        "%(step)s: %(error)s The next import tries again.",
                        step=what,
                        error=exc.args[0] if exc.args else exc,
                    ),
                    True,
                )
                return []
            _logger.info("%s for one of %s orders (%s): halving the batch", what, len(items), exc)
        half = len(items) // 2
        return self._cash_isolated(items[:half], step, flags, what) + self._cash_isolated(
            items[half:], step, flags, what
        )

    def _label(self, so):
        return so.marketplace_order_number or so.name

    # --------------------------------------------------------------- voided
    def _cash_voided(self, pairs, flags):
        """Voided after invoicing: flagged, never cancelled silently."""
        for order, so in pairs:
            if order.status != CANCELLED or so.state == "cancel":
                continue
            invoices = self._cash_invoices(so).filtered(lambda m: m.state == "posted")
            if invoices:
                flags[so] = (
                    self.env._(
                        "%(status)s in %(channel)s after it was invoiced (%(invoices)s): the "
                        "order stays confirmed. If the sale is void, issue a credit note (and "
                        "receive the goods back) in Odoo.",
                        status=order.remote_status,
                        channel=so.marketplace_account_id._order_channel_label(),
                        invoices=", ".join(invoices.mapped("name")),
                    ),
                    False,
                )

    # -------------------------------------------------------------- invoice
    def _cash_invoice(self, account, settings, pairs, run, flags):
        """Invoice the confirmed orders the policy says, post the invoices whose
        total is the remote amount to the cent; a draft one left by an earlier
        run is checked and posted, never made twice."""
        to_create, to_post = [], []
        for order, so in pairs:
            if so.state != "sale" or order.status in (RETURNED, CANCELLED) or so in flags:
                continue
            if not invoice_due(account._order_invoice_policy(settings, order.sales_channel), order):
                continue
            invoices = self._cash_invoices(so)
            if not invoices and so.currency_id.compare_amounts(so.amount_total, 0) < 0:
                flags[so] = (
                    self.env._(
                        "The order's total is negative (%s): Odoo invoices no negative "
                        "total. Issue a credit note by hand if one is due.",
                        so.amount_total,
                    ),
                    False,
                )
            elif not invoices:
                to_create.append((order, so))
            elif not invoices.filtered(lambda m: m.state == "posted"):
                to_post.append((order, so, invoices))

        def create(items):
            SaleOrder = self.env["sale.order"].with_context(
                tracking_disable=True, mail_create_nolog=True, mail_notrack=True
            )
            SaleOrder.browse([so.id for _order, so, *_rest in items])._create_invoices(grouped=True)

        created = self._cash_isolated(
            to_create, create, flags, self.env._("The invoice could not be created")
        )
        to_post += [(order, so, self._cash_invoices(so)) for order, so in created]
        checked = []
        for order, so, invoices in to_post:
            mismatch = total_mismatch(sum(invoices.mapped("amount_total")), order.amount)
            if mismatch:
                flags[so] = (
                    self.env._(
                        "Invoice total differs from %(channel)s: Odoo %(odoo)s, %(channel)s "
                        "%(remote)s (difference %(diff)s). The invoice is left in draft: "
                        "check it and post it by hand.",
                        channel=so.marketplace_account_id._order_channel_label(),
                        odoo=mismatch[0],
                        remote=order.amount,
                        diff=mismatch[1],
                    ),
                    False,
                )
            else:
                checked.append((order, so, invoices))

        def post(items):
            moves = self.env["account.move"].union(*[inv for _o, _so, inv in items])
            moves.with_context(tracking_disable=True).action_post()

        posted = self._cash_isolated(
            checked, post, flags, self.env._("The invoice could not be posted")
        )
        run.add("invoices_created", len(posted))
        for _order, so, invoices in posted:
            run.listed(
                "invoices_created_list", f"{self._label(so)}: {', '.join(invoices.mapped('name'))}"
            )

    # -------------------------------------------------------------- payment
    def _cash_pay(self, account, settings, pairs, run, flags):
        """Register what the remote system says was paid and Odoo has not
        registered yet, on the posted invoice, in the resolved journal; an
        overpayment stays the customer's outstanding credit."""
        items = []
        for order, so in pairs:
            if so.state != "sale" or order.status in (RETURNED, CANCELLED):
                continue
            if flags.get(so, ("", False))[1] is False and so in flags:
                continue
            invoices = self._cash_invoices(so).filtered(lambda m: m.state == "posted")
            if not invoices:
                continue
            payments = (so.marketplace_payment_ids | invoices.matched_payment_ids).filtered(
                lambda p: p.state not in ("draft", "canceled", "rejected")
            )
            registered = sum((Decimal(str(p.amount)) for p in payments), Decimal(0))
            excess = payment_excess(order, registered)
            if excess:
                flags[so] = (
                    self.env._(
                        "%(channel)s says %(paid)s paid (%(state)s), Odoo registered "
                        "%(registered)s: refund or cancel the difference (%(excess)s) by hand.",
                        channel=so.marketplace_account_id._order_channel_label(),
                        paid=order.paid_amount if order.payment_state != PAYMENT_VOIDED else 0,
                        state=order.payment_status or order.payment_state,
                        registered=registered,
                        excess=excess,
                    ),
                    False,
                )
                continue
            due = payment_due(order, registered)
            if not due:
                continue
            journal = account._order_payment_journal(settings, due.method, order.sales_channel)
            if not journal:
                flags[so] = (
                    self.env._(
                        "No payment journal for the payment method %(method)s or the sales "
                        "channel %(channel)s: choose one on the account's Orders page. The "
                        "next import registers the payment.",
                        method=due.method or "-",
                        channel=order.sales_channel or "-",
                    ),
                    True,
                )
                continue
            items.append((order, so, invoices, due, journal))
        done = self._cash_isolated(
            items, self._cash_register, flags, self.env._("The payment could not be registered")
        )
        run.add("payments_registered", len(done))
        for _order, so, _invoices, due, journal in done:
            run.listed(
                "payments_registered_list", f"{self._label(so)}: {due.amount} ({journal.name})"
            )

    def _cash_register(self, items):
        """Payments created and posted in one batch, each reconciled with its
        order's invoices (as ``account.payment.register`` does, without its
        one wizard per order)."""
        vals_list = []
        for _order, so, invoices, due, journal in items:
            invoice = invoices[:1]
            method_line = journal.inbound_payment_method_line_ids[:1]
            if not method_line:
                raise UserError(
                    self.env._("The journal %s has no incoming payment method.", journal.name)
                )
            vals_list.append(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": invoice.commercial_partner_id.id,
                    "amount": float(due.amount),
                    "currency_id": invoice.currency_id.id,
                    "journal_id": journal.id,
                    "payment_method_line_id": method_line.id,
                    "company_id": invoice.company_id.id,
                    "date": due.paid_on or fields.Date.context_today(self),
                    "memo": f"{self._label(so)} {due.method}".strip(),
                    "marketplace_sale_order_id": so.id,
                    # the invoices' matched payments, written with the payment
                    "invoice_ids": [fields.Command.set(invoices.ids)],
                }
            )
        Payment = self.env["account.payment"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        payments = Payment.create(vals_list)
        payments.action_post()
        plan = []
        for payment, (_order, _so, invoices, _due, _journal) in zip(payments, items, strict=True):
            lines = (payment.move_id.line_ids | invoices.line_ids).filtered(
                lambda line: (
                    line.account_id.account_type == "asset_receivable"
                    and not line.reconciled
                    and line.parent_state == "posted"
                )
            )
            if lines:
                plan.append(lines)
        if plan:
            self.env["account.move.line"]._reconcile_plan(plan)

    # ---------------------------------------------------------- credit notes
    def _cash_credit_notes(self, pairs, run, flags):
        """Returned after invoicing: a posted credit note for each invoice not
        yet reversed, matched with what is still open of it; with Odoo as
        stock master, a return of the done delivery."""
        items = []
        for order, so in pairs:
            if order.status != RETURNED or so in flags:
                continue
            if self._cash_policy(so, order) == INVOICE_NEVER:
                continue  # invoiced by hand: the status step flagged it
            invoices = self._cash_invoices(so).filtered(
                lambda m: (
                    m.state == "posted"
                    and not m.reversal_move_ids.filtered(lambda r: r.state != "cancel")
                )
            )
            if invoices:
                items.append((order, so, invoices))
        done = self._cash_isolated(
            items, self._cash_reverse, flags, self.env._("The credit note could not be made")
        )
        run.add("credit_notes_created", len(done))
        for _order, so, invoices in done:
            run.listed(
                "credit_notes_created_list",
                f"{self._label(so)}: {', '.join(invoices.reversal_move_ids.mapped('name'))}",
            )
        returns = [
            (order, so)
            for order, so in pairs
            if order.status == RETURNED
            and not so.marketplace_stock_remote
            and so not in flags
            and so.invoice_ids.filtered(
                lambda m: m.move_type == "out_refund" and m.state == "posted"
            )
        ]
        self._cash_isolated(
            returns, self._cash_return_goods, flags, self.env._("The return could not be made")
        )

    def _cash_reverse(self, items):
        today = fields.Date.context_today(self)
        moves = self.env["account.move"].union(*[inv for _o, _so, inv in items])
        channel = {
            inv: (so.marketplace_account_id._order_channel_label(), order.remote_status)
            for order, so, invoices in items
            for inv in invoices
        }
        refunds = moves._reverse_moves(
            [
                {
                    "ref": self.env._(
                        "%(status)s in %(channel)s: %(invoice)s",
                        status=channel[move][1],
                        channel=channel[move][0],
                        invoice=move.name,
                    ),
                    "date": today,
                    "invoice_date": today,
                }
                for move in moves
            ]
        )
        refunds.with_context(tracking_disable=True).action_post()
        plan = []
        for move in moves:
            lines = (move.line_ids | move.reversal_move_ids.line_ids).filtered(
                lambda line: (
                    line.account_id.account_type == "asset_receivable" and not line.reconciled
                )
            )
            if len(lines.move_id) > 1:
                plan.append(lines)
        if plan:
            self.env["account.move.line"]._reconcile_plan(plan)

    def _cash_return_goods(self, items):
        """A return of each done delivery not yet returned, ready to receive."""
        for _order, so in items:
            deliveries = so.picking_ids.filtered(
                lambda p: (
                    p.state == "done"
                    and p.picking_type_code == "outgoing"
                    and not p.return_ids.filtered(lambda r: r.state != "cancel")
                )
            )
            for picking in deliveries:
                wizard = (
                    self.env["stock.return.picking"]
                    .with_context(active_id=picking.id, active_model="stock.picking")
                    .create({"picking_id": picking.id})
                )
                for line in wizard.product_return_moves:
                    line.quantity = line.move_id.quantity
                wizard._create_return()
