"""Create and update Odoo products from Zortout's product list.

Missing SKUs become storable products (name, barcode, sell price, cost,
unit); existing ones get their name and prices updated when they differ.
Nothing is ever deleted. A product that cannot be created (a barcode
already used, say) is reported and the others still land.
"""

import logging

from odoo import api, models
from odoo.addons.marketplace_base.tools import create_isolated, job_logger
from odoo.addons.marketplace_stock.lib.stock_plan import normalize_sku
from odoo.tools import float_compare

_logger = logging.getLogger(__name__)


class ZortoutProductImport(models.AbstractModel):
    _name = "marketplace.zortout.product.import"
    _description = "Import Products from Zortout"

    @api.model
    def _import_products(self, account, remote_products, job=None):
        log = job_logger(_logger, account, job)
        counters = {
            "products_seen": 0,
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "blank_skus": 0,
            "duplicates": 0,
            "errors": [],
        }
        by_sku = {}
        for remote in remote_products:
            counters["products_seen"] += 1
            sku = normalize_sku(remote.sku)
            if not sku:
                counters["blank_skus"] += 1
            elif sku in by_sku:
                counters["duplicates"] += 1
            by_sku[sku] = remote
        by_sku.pop("", None)

        company = account.company_id
        infos = self.env["marketplace.stock.applier"]._product_infos(company, set(by_sku))
        existing = {}
        for info in infos:
            existing.setdefault(info.code, []).append(info.id)
        Product = self.env["product.product"].with_company(company)
        to_create = []
        for sku, remote in by_sku.items():
            ids = existing.get(sku)
            if not ids:
                to_create.append((sku, remote))
            elif len(ids) > 1:
                counters["errors"].append(
                    self.env._("%s: several Odoo products have this reference", sku)
                )
            elif self._update_product(Product.browse(ids[0]), remote):
                counters["updated"] += 1
            else:
                counters["unchanged"] += 1

        uom_by_name = self._uoms_by_name({remote.unit for _sku, remote in to_create})
        vals_list = [
            self._create_values(sku, remote, company, uom_by_name) for sku, remote in to_create
        ]
        created, errors = create_isolated(Product, vals_list, [sku for sku, _r in to_create])
        counters["created"] = len(created)
        counters["errors"] = (counters["errors"] + errors)[:50]
        counters["summary"] = self.env._(
            "%(seen)s products seen, %(created)s created, %(updated)s updated, %(errors)s errors",
            seen=counters["products_seen"],
            created=counters["created"],
            updated=counters["updated"],
            errors=len(errors),
        )
        log.info("%s", counters["summary"])
        return counters

    @api.model
    def _uoms_by_name(self, names):
        """``{unit name (case-folded): uom id}`` for the unit names Zortout sent."""
        names = {name.strip() for name in names if name and name.strip()}
        uoms = self.env["uom.uom"].search([("name", "in", list(names))]) if names else []
        return {uom.name.strip().casefold(): uom.id for uom in uoms}

    @api.model
    def _create_values(self, sku, remote, company, uom_by_name):
        uom_id = (
            uom_by_name.get((remote.unit or "").strip().casefold())
            or self.env.ref("uom.product_uom_unit").id
        )
        values = {
            "name": remote.name or sku,
            "default_code": sku,
            "type": "consu",
            "is_storable": True,
            "company_id": company.id,
            "uom_id": uom_id,
            "uom_po_id": uom_id,
        }
        if remote.barcode:
            values["barcode"] = remote.barcode.strip()
        if remote.sell_price is not None:
            values["list_price"] = float(remote.sell_price)
        if remote.cost is not None:
            values["standard_price"] = float(remote.cost)
        return values

    @api.model
    def _update_product(self, product, remote):
        """Write the name and prices that changed; True when anything did."""
        values = {}
        if remote.name and remote.name != product.name:
            values["name"] = remote.name
        for field, price in (("list_price", remote.sell_price), ("standard_price", remote.cost)):
            if price is not None and float_compare(
                float(price), product[field], precision_digits=6
            ):
                values[field] = float(price)
        if values:
            product.write(values)
        return bool(values)
