"""The job that pulls a company's partnumber books from the book server."""

from odoo import fields, models


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("pull_partnumber_books", "Pull partnumber books")],
        ondelete={"pull_partnumber_books": "cascade"},
    )
