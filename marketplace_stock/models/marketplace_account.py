from odoo import api, fields, models

STOCK_WAREHOUSE_MODES = [
    ("sum", "Sum all remote warehouses into the account location"),
    ("map", "One Odoo location per remote warehouse"),
]


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

    @api.model
    def _stock_channels(self):
        """Channels whose accounts apply remote stock (extended by channel addons)."""
        return []

    @api.depends("channel")
    def _compute_stock_enabled(self):
        channels = self._stock_channels()
        for account in self:
            account.stock_enabled = account.channel in channels

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
