"""Stock settings of a marketplace account: where remote stock lands, who is
the stock master, and what a push of Odoo's stock sends."""

from odoo import api, fields, models
from odoo.exceptions import UserError

STOCK_WAREHOUSE_MODES = [
    ("sum", "Sum all remote warehouses into the account location"),
    ("map", "One Odoo location per remote warehouse"),
]
STOCK_MASTERS = [("remote", "The remote system"), ("odoo", "Odoo")]
PUSH_QUANTITIES = [("on_hand", "On hand"), ("forecast", "Forecast")]


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    stock_location_id = fields.Many2one(
        "stock.location",
        string="Stock location",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [company_id, False])]",
        default=lambda self: self._default_stock_location(),
        check_company=True,
        help="Internal location whose on-hand quantities follow the remote stock.",
    )
    stock_warehouse_mode = fields.Selection(
        STOCK_WAREHOUSE_MODES, string="Remote warehouses", default="sum", required=True
    )
    stock_location_map_ids = fields.One2many(
        "marketplace.stock.location.map", "account_id", string="Warehouse mapping"
    )
    stock_allow_negative = fields.Boolean(
        string="Allow negative stock",
        help="Apply negative remote quantities as they are; otherwise they are set to 0.",
    )
    stock_enabled = fields.Boolean(
        compute="_compute_stock_enabled",
        help="The account's channel brings stock (its form shows the Stock page).",
    )
    stock_push_enabled = fields.Boolean(
        compute="_compute_stock_enabled",
        help="The account's channel can receive Odoo's stock (Odoo can be the stock master).",
    )
    stock_master = fields.Selection(
        STOCK_MASTERS,
        default="remote",
        required=True,
        help="The remote system: Odoo follows its stock, and imported orders do not move it "
        "a second time. Odoo: Odoo's quantities are pushed to the remote system, and the "
        "stock sync from it is off.",
    )
    stock_push_quantity = fields.Selection(
        PUSH_QUANTITIES,
        string="Quantity pushed",
        default="on_hand",
        required=True,
        help="On hand: what is in the location now. Forecast: on hand plus incoming "
        "minus outgoing (confirmed receipts and deliveries).",
    )
    stock_push_buffer = fields.Integer(
        string="Safety buffer",
        default=0,
        help="Units kept back: the remote system gets max(0, quantity - buffer), in whole units.",
    )
    stock_last_push_at = fields.Datetime(string="Last push", readonly=True, copy=False)

    _sql_constraints = [
        (
            "stock_push_buffer_positive",
            "CHECK(stock_push_buffer >= 0)",
            "The safety buffer cannot be negative.",
        ),
    ]

    @api.model
    def _stock_channels(self):
        """Channels whose accounts apply remote stock (extended by channel addons)."""
        return []

    @api.model
    def _stock_push_channels(self):
        """Channels that can receive Odoo's stock (through ``marketplace.stock.pusher``)."""
        return []

    @api.depends("channel")
    def _compute_stock_enabled(self):
        channels = self._stock_channels()
        push_channels = self._stock_push_channels()
        for account in self:
            account.stock_enabled = account.channel in channels
            account.stock_push_enabled = account.channel in push_channels

    def write(self, vals):
        """What was pushed no longer says what the remote system holds once the
        master (or a channel's ``_stock_push_reset_fields``) changes: the next
        push sends every SKU."""
        changed = self.browse()
        for key in self._stock_push_reset_fields():
            if key in vals:
                changed |= self.filtered(lambda a, key=key: a[key] != vals[key])
        result = super().write(vals)
        if changed:
            self.env["marketplace.pushed.stock"]._forget(changed)
        return result

    @api.model
    def _stock_push_reset_fields(self):
        """Settings whose change makes the next push send every SKU."""
        return ["stock_master"]

    # ------------------------------------------------------- the stock master
    def _check_stock_master(self, master):
        """Refuse (``UserError``) a button of the direction whose master is ``master``
        (``"odoo"``: pushing, ``"remote"``: syncing from the remote system)."""
        self.ensure_one()
        if self.stock_master != master:
            raise UserError(self._stock_master_refusal(master))

    def _stock_master_skipped(self, master):
        """The result of a job of ``master``'s direction that must not run, or ``None``.

        A job queued before the master changed ends done and changes nothing.
        """
        self.ensure_one()
        if self.stock_master == master:
            return None
        remote = self._stock_remote_name()
        if master == "odoo":
            summary = self.env._("Skipped: %s is this account's stock master.", remote)
        else:
            summary = self.env._(
                "Skipped: Odoo is this account's stock master; its stock is pushed to %s.",
                remote,
            )
        return {"summary": summary}

    def _with_stock_master(self, master):
        """These accounts whose stock master is ``master`` (for the scheduled actions)."""
        return self.filtered(lambda account: account.stock_master == master)

    def _stock_master_refusal(self, master):
        remote = self._stock_remote_name()
        if master == "odoo":
            return self.env._(
                "Account %(account)s: %(remote)s is the stock master, so Odoo's stock is not "
                "pushed to it. Set the stock master to Odoo to push.",
                account=self.name,
                remote=remote,
            )
        return self.env._(
            "Account %(account)s: Odoo is the stock master, so stock is not synced from "
            "%(remote)s: Odoo's quantities are pushed to %(remote)s instead (Push stock now, "
            "and every 10 minutes).",
            account=self.name,
            remote=remote,
        )

    # ------------------------------------------------------------ stock push
    def _stock_push_queue(self, job_type, name, push_all=False):
        """What a channel's "Push stock now" button does (``push_all``: "Push all
        stock", which forgets what was pushed so every SKU is sent again).

        For a remote system whose quantities were changed by hand: a normal
        push sends only what changed in Odoo. A SKU the push does not reach
        (outage, refusal) is sent by the next push, as it is not recorded.
        """
        self.ensure_one()
        self._check_stock_master("odoo")
        if push_all:
            self.check_access("write")
            self.env["marketplace.pushed.stock"]._forget(self)
        job = self._enqueue_job(job_type, name=name, identity_key=f"{self.channel}-push")
        return self._notify_job_queued(job)

    def _stock_remote_name(self):
        """The remote system as users know it: the channel's name."""
        return dict(self._fields["channel"]._description_selection(self.env)).get(
            self.channel, self.env._("The remote system")
        )

    @api.model
    def _default_stock_location(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        return warehouse.lot_stock_id

    def _stock_targets(self, warehouse_code=None):
        """``[(remote warehouse code or None, location)]`` to fetch and apply.

        ``None`` as code means all remote warehouses summed.
        """
        self.ensure_one()
        if warehouse_code:
            mapped = self.stock_location_map_ids.filtered(lambda m: m.remote_code == warehouse_code)
            return [(warehouse_code, mapped.location_id or self.stock_location_id)]
        if self.stock_warehouse_mode == "map" and self.stock_location_map_ids:
            return [(m.remote_code, m.location_id) for m in self.stock_location_map_ids]
        return [(None, self.stock_location_id)]
