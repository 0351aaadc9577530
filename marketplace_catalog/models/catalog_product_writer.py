"""Write catalogue items as Odoo products: templates, matrix variants, classes, names.

Items are matched by internal reference (trimmed) within the account's
company, or by the link an earlier sync left. A matrix item is one cell of
a template with an X and a Y attribute. A product that cannot be written
(a barcode already used, say) is reported and the others still land.
"""

import json
import logging
from collections import defaultdict

from odoo import api, models
from odoo.addons.marketplace_base.tools import create_isolated
from odoo.tools import float_compare

_logger = logging.getLogger(__name__)

QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "lang": "en_US",
}


class CatalogTarget:
    """Where one item landed: the product, its template, and whether it changed."""

    __slots__ = ("item", "product_id", "tmpl_id", "is_variant", "changed")

    def __init__(self, item, product_id, tmpl_id, is_variant, changed):
        self.item = item
        self.product_id = product_id
        self.tmpl_id = tmpl_id
        self.is_variant = is_variant
        self.changed = changed


class MatrixIndex:
    """The account's links by matrix, read once per batch instead of once per matrix."""

    def __init__(self, links):
        self.templates = {}  # parent code -> template id
        self.linked = defaultdict(set)  # template id -> linked variant ids
        for link in links.values():
            if link.get("tmpl_id"):
                self.linked[link["tmpl_id"]].add(link["product_id"])
                if link.get("parent_code"):
                    self.templates.setdefault(link["parent_code"], link["tmpl_id"])


class CatalogProductWriter(models.AbstractModel):
    _name = "marketplace.catalog.product.writer"
    _description = "Write Catalogue Items as Products"

    # ------------------------------------------------------------- matching
    @api.model
    def _match_products(self, company, codes):
        """``{code: [(product id, template id, active)]}`` by SKU (``marketplace.sku.lookup``)."""
        found = self.env["marketplace.sku.lookup"]._by_sku(company, codes, active_only=False)
        return {
            code: [(info.id, info.tmpl_id, info.active) for info in infos]
            for code, infos in found.items()
        }

    @api.model
    def _resolve(self, code, link, matches, errors):
        """``(product id, template id)`` of the item's product, or None for a new one."""
        if link and link.get("product_id"):
            return link["product_id"], link["tmpl_id"]
        candidates = matches.get(code, [])
        active = [c for c in candidates if c[2]]
        if len(active) > 1:
            errors.append(
                self.env._("%s: several Odoo products have this internal reference", code)
            )
            return False
        chosen = active or candidates[:1]
        return (chosen[0][0], chosen[0][1]) if chosen else None

    # --------------------------------------------------------------- writing
    @api.model
    def _write_items(self, account, items, links, sync):
        """Create or update products for ``items``; ``[CatalogTarget]`` of those that landed."""
        matches = self._match_products(account.company_id, {item.code for item in items})
        simple = [item for item in items if not item.matrix]
        cells = defaultdict(list)
        for item in items:
            if item.matrix:
                cells[item.matrix.parent_code.strip() or item.code].append(item)
        targets = self._write_simple(account, simple, links, matches, sync)
        index = MatrixIndex(links) if cells else None
        for parent_code, group in cells.items():
            targets += self._write_matrix(account, parent_code, group, links, matches, sync, index)
        self._write_translations(targets, sync)
        return targets

    @api.model
    def _write_simple(self, account, items, links, matches, sync):
        # product.product creates its templates and checks barcodes once per
        # batch; product.template checks them variant by variant (2x slower)
        Product = self.env["product.product"].with_company(account.company_id).with_context(**QUIET)
        run = sync.run
        targets, to_create, errors = [], [], []
        resolved = [
            (item, self._resolve(item.code, links.get(item.code), matches, errors))
            for item in items
        ]
        run.extend("errors", errors)
        # one read of the existing products for the whole batch, not one per item
        existing = self.env["product.product"].browse([f[0] for _item, f in resolved if f])
        for item, found in resolved:
            if found is False:
                continue
            link = links.get(item.code)
            fingerprint = sync.fingerprint(item)
            if found is None:
                to_create.append((item, fingerprint))
                continue
            product_id, tmpl_id = found
            product = (
                existing.browse(product_id)
                .with_prefetch(existing._prefetch_ids)
                .with_context(**QUIET)
            )
            if link and link.get("fingerprint") == fingerprint and product.active:
                run.add("unchanged")
                targets.append(CatalogTarget(item, product_id, tmpl_id, False, False))
                continue
            if self._update(product.product_tmpl_id, item, sync, restore=True):
                run.add("updated")
                sync.fingerprints[item.code] = fingerprint
                targets.append(CatalogTarget(item, product_id, tmpl_id, False, True))
        vals_list = [self._template_values(item, account, sync) for item, _fp in to_create]
        created, errors = create_isolated(Product, vals_list, [i.code for i, _fp in to_create])
        run.extend("errors", errors)
        by_code = {product.default_code: product for product in created}
        for item, fingerprint in to_create:
            product = by_code.get(item.code)
            if product:
                sync.apply_class_lines(product.product_tmpl_id, item)
                run.add("created")
                sync.fingerprints[item.code] = fingerprint
                targets.append(
                    CatalogTarget(item, product.id, product.product_tmpl_id.id, False, True)
                )
        return targets

    @api.model
    def _update(self, template, item, sync, restore=False):
        """Write the item on an existing template (in a savepoint); False when it failed."""
        values = self._template_values(item, template.company_id, sync, update=True)
        if restore and not template.active:
            values["active"] = True
            sync.run.add("restored")
        try:
            with self.env.cr.savepoint():
                if "active" in values:
                    template.product_variant_ids.with_context(active_test=False).filtered(
                        lambda p: p.default_code and p.default_code.strip() == item.code
                    ).write({"active": True})
                template.write(values)
                sync.apply_class_lines(template, item)
        except Exception as exc:  # noqa: BLE001 - reported in the job result, others go on
            sync.run.listed("errors", f"{item.code}: {exc.args[0] if exc.args else exc}")
            return False
        return True

    @api.model
    def _template_values(self, item, account_or_company, sync, update=False):
        company = getattr(account_or_company, "company_id", account_or_company)
        values = {"name": sync.base_name(item)}
        if item.sales_description or not update:
            # an item without article info leaves a sales description set in Odoo alone
            values["description_sale"] = item.sales_description or False
        barcode = (item.ean or "").strip()
        if barcode or not update:
            # an item without EAN leaves a barcode set in Odoo alone
            values["barcode"] = barcode or False
        if not update:
            uom_id = sync.uom_id(item.unit)
            values.update(
                default_code=item.code,
                type="consu",
                is_storable=True,
                sale_ok=True,
                company_id=company.id,
                uom_id=uom_id,
                uom_po_id=uom_id,
            )
        if item.sales_price is not None:
            values["list_price"] = float(item.sales_price)
        if item.cost is not None:
            values["standard_price"] = float(item.cost)
        tax = sync.tax_id(item.vat_percent)
        if tax:
            values["taxes_id"] = [(6, 0, [tax])]
        values.update(sync.class_values(item, update))
        return values

    # ---------------------------------------------------------------- matrix
    @api.model
    def _write_matrix(self, account, parent_code, items, links, matches, sync, index):
        """The cells of one matrix item become variants of one template."""
        x_attr, y_attr = sync.matrix_attributes()
        # cells are keyed by their values: the descriptions are often the axis's
        # label ("Kleur") and would fold every cell of a family into one
        axes, cell_of = {}, {}
        for item in items:
            x, y = item.matrix.x_value, item.matrix.y_value
            axes[item.code] = (
                x and sync.attribute_value(x_attr, x),
                y and sync.attribute_value(y_attr, y),
            )
        kept = []
        for item in items:
            key = frozenset(value for value in axes[item.code] if value)
            if key in cell_of:
                sync.run.listed(
                    "errors",
                    self.env._(
                        "%(code)s: same matrix cell as %(other)s in %(parent)s (X %(x)s, Y %(y)s);"
                        " not written",
                        code=item.code,
                        other=cell_of[key],
                        parent=parent_code,
                        x=item.matrix.x_value or "-",
                        y=item.matrix.y_value or "-",
                    ),
                )
                continue
            cell_of[key] = item.code
            kept.append(item)
        items = kept
        try:
            with self.env.cr.savepoint():
                template = self._matrix_template(
                    account, parent_code, items, links, matches, sync, index
                )
                self._ensure_axis(template, x_attr, {x for x, _y in axes.values() if x})
                self._ensure_axis(template, y_attr, {y for _x, y in axes.values() if y})
        except Exception as exc:  # noqa: BLE001 - reported, the other items go on
            reason = exc.args[0] if exc.args else exc
            sync.run.extend(
                "errors",
                [
                    f"{item.code}: matrix {parent_code} could not be written: {reason}"
                    for item in items
                ],
            )
            return []
        variants = {
            _combination(variant): variant
            for variant in template.with_context(active_test=False).product_variant_ids
        }
        targets = []
        for item in items:
            key = frozenset(value for value in axes[item.code] if value)
            variant = variants.get(key)
            if not variant:
                note = self.env._("%s: no variant for this matrix cell", item.code)
                sync.run.listed("errors", note)
                continue
            taken = (variant.default_code or "").strip()
            if taken and taken != item.code:
                # another item holds this cell (from an earlier batch or sync)
                sync.run.listed(
                    "errors",
                    self.env._(
                        "%(code)s: same matrix cell as %(other)s in %(parent)s (X %(x)s, Y %(y)s);"
                        " not written",
                        code=item.code,
                        other=taken,
                        parent=parent_code,
                        x=item.matrix.x_value or "-",
                        y=item.matrix.y_value or "-",
                    ),
                )
                continue
            target = self._write_cell(variant, item, links.get(item.code), sync)
            if target:
                targets.append(target)
        by_id = {variant.id: variant for variant in variants.values()}
        changed = [(t.item, by_id[t.product_id]) for t in targets if t.changed]
        self._cell_prices(template, changed, (x_attr, y_attr), sync)
        cells = {frozenset(value for value in axis if value) for axis in axes.values()}
        self._archive_empty_cells(template, cells, index.linked.get(template.id, set()))
        return targets

    @api.model
    def _cell_prices(self, template, cells, axes, sync):
        """Each cell's own sales price as its variant's price: template price + value extras.

        Odoo has one sales price per template; a variant adds the extras of
        its attribute values. When the cells' prices follow one axis (every
        "L" costs the same), that axis's values carry the difference, so
        every variant shows its own ``SalesPriceExcl``. When they follow
        neither, the result warns; each cell's price is still a variant
        rule of the company currency's price list.
        """
        new_prices = {
            variant.id: float(item.sales_price)
            for item, variant in cells
            if item.sales_price is not None
        }
        if not new_prices:
            return
        base = template.list_price
        # the other cells keep the price they show now
        prices = {
            variant: new_prices.get(variant.id, variant.lst_price)
            for variant in template.product_variant_ids
            if variant.default_code
        }
        values = template.attribute_line_ids.product_template_value_ids
        # the axis already carrying extras first: one changed cell follows it
        order = sorted(
            axes,
            key=lambda axis: not any(v.price_extra for v in values if v.attribute_id == axis),
        )
        for axis in order:
            wanted = {}
            for variant, price in prices.items():
                value = variant.product_template_attribute_value_ids.filtered(
                    lambda v, axis=axis: v.attribute_id == axis
                )
                extra = round(price - base, 6)
                if len(value) != 1 or wanted.setdefault(value, extra) != extra:
                    break
            else:
                for value, extra in wanted.items():
                    if float_compare(value.price_extra, extra, 6):
                        value.price_extra = extra
                return
        sync.warn(
            self.env._(
                "Matrix %s: the cells' prices follow neither axis, so the variants show the "
                "template's price; each cell's own price is in the company currency's price list",
                template.name,
            )
        )

    @api.model
    def _matrix_template(self, account, parent_code, items, links, matches, sync, index):
        """The template of a matrix: found through any of its cells, else created."""
        Template = (
            self.env["product.template"].with_company(account.company_id).with_context(**QUIET)
        )
        for item in items:
            found = self._resolve(item.code, links.get(item.code), matches, [])
            if found:
                template = Template.browse(found[1])
                if not template.active:
                    template.active = True
                return template
        if parent_code in index.templates:
            template = Template.browse(index.templates[parent_code])
            if not template.active:
                template.active = True
            return template
        first = items[0]
        values = self._template_values(first, account, sync)
        values.update(
            name=first.matrix.parent_description or parent_code, default_code=False, barcode=False
        )
        return Template.create(values)

    @api.model
    def _write_cell(self, variant, item, link, sync):
        fingerprint = sync.fingerprint(item)
        tmpl_id = variant.product_tmpl_id.id
        if link and link.get("fingerprint") == fingerprint and variant.active:
            sync.run.add("unchanged")
            return CatalogTarget(item, variant.id, tmpl_id, True, False)
        values = {"default_code": item.code, "active": True}
        if item.ean and item.ean.strip():
            values["barcode"] = item.ean.strip()
        if item.cost is not None:
            values["standard_price"] = float(item.cost)
        try:
            with self.env.cr.savepoint():
                variant.with_context(**QUIET).write(values)
        except Exception as exc:  # noqa: BLE001 - reported in the job result
            sync.run.listed("errors", f"{item.code}: {exc.args[0] if exc.args else exc}")
            return None
        sync.run.add("updated" if link else "created")
        sync.fingerprints[item.code] = fingerprint
        return CatalogTarget(item, variant.id, tmpl_id, True, True)

    @api.model
    def _ensure_axis(self, template, attribute, value_ids):
        if not value_ids:
            return
        line = template.attribute_line_ids.filtered(lambda ln: ln.attribute_id == attribute)
        if not line:
            template.write(
                {
                    "attribute_line_ids": [
                        (
                            0,
                            0,
                            {"attribute_id": attribute.id, "value_ids": [(6, 0, list(value_ids))]},
                        )
                    ]
                }
            )
        elif not value_ids <= set(line.value_ids.ids):
            line.write({"value_ids": [(4, value_id) for value_id in value_ids]})

    @api.model
    def _archive_empty_cells(self, template, cells, linked):
        """Archive the combinations Odoo generated that are no cell of the source's matrix.

        ``linked``: the template's variants that an item of the account is linked to.
        """
        for variant in template.product_variant_ids:
            unknown = _combination(variant) not in cells and variant.id not in linked
            if unknown and not variant.default_code:
                variant.with_context(**QUIET).active = False

    # ---------------------------------------------------------- translations
    @api.model
    def _write_translations(self, targets, sync):
        """Product names per mapped language, in one statement per batch."""
        rows = []
        for target in targets:
            if not target.changed:
                continue
            names = {
                lang: text
                for lang, text in sync.translations(target.item.descriptions).items()
                if lang != "en_US"
            }
            if names and not target.is_variant:
                rows.append((target.tmpl_id, names))
        if not rows:
            return
        self.env["product.template"].flush_model(["name"])
        self.env.cr.execute_values(
            """
            UPDATE product_template pt SET name = pt.name || v.names::jsonb
              FROM (VALUES %s) AS v(id, names) WHERE pt.id = v.id
            """,
            [(tmpl_id, json.dumps(names, ensure_ascii=False)) for tmpl_id, names in rows],
            page_size=1000,
        )
        self.env["product.template"].invalidate_model(["name"])


def _combination(variant):
    """The attribute values (ids) that make a variant."""
    return frozenset(variant.product_template_attribute_value_ids.product_attribute_value_id.ids)
