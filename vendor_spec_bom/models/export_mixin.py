"""Exports of vendor BOM and book data never carry a live spreadsheet formula.

Part numbers and descriptions come from outside files; a cell beginning
with ``=``, ``+``, ``-`` or ``@`` is stored as text and leaves Odoo's
CSV/XLSX export with a leading quote, so a spreadsheet shows it as text.
"""

from odoo import models

from ..lib.table_reader import neutralize_cell


class VendorSpecExportMixin(models.AbstractModel):
    _name = "vendor.spec.export.mixin"
    _description = "Formula-safe exports"

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        result["datas"] = [[neutralize_cell(value) for value in row] for row in result["datas"]]
        return result
