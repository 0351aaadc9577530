"""Exports of the suite's data never carry a live spreadsheet formula.

Models whose texts come from other systems or files inherit this: Odoo's
CSV/XLSX export then writes a cell beginning with ``=``, ``+``, ``-`` or
``@`` with a leading quote, so a spreadsheet shows it as text.
"""

from odoo import models

from ..lib.spreadsheet import neutralize_cell


class MarketplaceExportMixin(models.AbstractModel):
    _name = "marketplace.export.mixin"
    _description = "Formula-safe exports"

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        result["datas"] = [[neutralize_cell(value) for value in row] for row in result["datas"]]
        return result
