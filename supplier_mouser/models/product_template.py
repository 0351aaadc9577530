from odoo import fields, models
from odoo.exceptions import UserError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    manufacturer_pn = fields.Char(
        string="Manufacturer part number", index="btree_not_null", copy=False
    )
    mouser_exclude = fields.Boolean(string="Exclude from Mouser sync", copy=False)
    mouser_availability = fields.Integer(string="Mouser stock", readonly=True, copy=False)
    mouser_lifecycle = fields.Char(string="Lifecycle", readonly=True, copy=False)
    mouser_packaging = fields.Char(string="Packaging", readonly=True, copy=False)
    mouser_min_qty = fields.Integer(string="Mouser MOQ", readonly=True, copy=False)
    mouser_mult_qty = fields.Integer(string="Mouser multiple", readonly=True, copy=False)
    mouser_datasheet_url = fields.Char(string="Datasheet", readonly=True, copy=False)
    mouser_product_url = fields.Char(string="Mouser page", readonly=True, copy=False)
    mouser_synced_at = fields.Datetime(string="Synced with Mouser", readonly=True, copy=False)
    mouser_not_found = fields.Boolean(string="Not found at Mouser", readonly=True, copy=False)
    mouser_not_found_date = fields.Date(string="Not found since", readonly=True, copy=False)
    mouser_refused_pn = fields.Char(
        string="Refused by Mouser",
        readonly=True,
        copy=False,
        help="Mouser refused this part number's characters; it is not sent again until it "
        "changes or Sync with Mouser now is used.",
    )
    mouser_refused_message = fields.Char(string="Mouser's refusal", readonly=True, copy=False)
    mouser_candidate_ids = fields.One2many(
        "supplier.mouser.candidate", "product_tmpl_id", string="Mouser candidates"
    )

    def action_mouser_sync_now(self):
        """Queue one immediate Mouser job for this product."""
        self.ensure_one()
        self.check_access("read")
        company = self.company_id or self.env.company
        account = self.env["marketplace.account"].search(
            [("channel", "=", "mouser"), ("company_id", "=", company.id)], limit=1
        )
        if not account:
            raise UserError(
                self.env._("No active Mouser account: create one in Marketplace > Accounts.")
            )
        job = account._enqueue_job(
            "mouser_sync",
            params={"product_tmpl_ids": self.ids},
            name=self.env._("Sync with Mouser - %s", self.display_name),
            priority=5,
        )
        return account._notify_job_queued(job)
