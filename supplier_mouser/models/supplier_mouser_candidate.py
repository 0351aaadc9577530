from odoo import fields, models


class SupplierMouserCandidate(models.Model):
    """A Mouser part that may be the product: several matched its manufacturer number."""

    _name = "supplier.mouser.candidate"
    _description = "Mouser Part Candidate"
    _order = "product_tmpl_id, mouser_part_number"

    product_tmpl_id = fields.Many2one(
        "product.template", required=True, ondelete="cascade", index=True
    )
    account_id = fields.Many2one("marketplace.account", required=True, ondelete="cascade")
    mouser_part_number = fields.Char(required=True)
    manufacturer_part_number = fields.Char()
    manufacturer = fields.Char()
    description = fields.Char()
    availability = fields.Integer()
    product_url = fields.Char()

    def action_choose(self):
        """Use this part: create its Mouser vendor line and sync the product now."""
        self.ensure_one()
        account = self.account_id
        account._check_can_queue()
        self.env["product.supplierinfo"].create(
            {
                "partner_id": account.mouser_partner_id.id,
                "product_tmpl_id": self.product_tmpl_id.id,
                "product_code": self.mouser_part_number,
                "product_name": self.description,
            }
        )
        template = self.product_tmpl_id
        template.mouser_candidate_ids.unlink()
        return template.action_mouser_sync_now()
