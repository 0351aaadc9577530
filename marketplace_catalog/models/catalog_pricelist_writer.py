"""Price lists per currency and discount list, with the items' price rules.

Rules are diffed against what the account's price lists hold for the
products of the batch (one query), then created, updated or removed in
bulk; rules a user adds to other price lists are never touched.
"""

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from odoo import api, models
from odoo.tools import float_compare

from ..lib.item import ListPrice
from ..lib.price_plan import currency_list, price_rules


class CatalogPricelistWriter(models.AbstractModel):
    _name = "marketplace.catalog.pricelist.writer"
    _description = "Write Catalogue Price Lists"

    @api.model
    def _default_pricelist(self, account, sync):
        """The company currency's list ``C-<CUR>``, always present."""
        currency = account.company_id.currency_id
        code, name = currency_list(currency.name)
        return self._pricelists(account, {code: (currency.name, name)}, sync)[code]

    @api.model
    def _pricelists(self, account, wanted, sync):
        """``{code: pricelist id}`` for ``{code: (currency, name)}``, creating the missing ones."""
        if not wanted:
            return {}
        sync.enable_setting("product.group_product_pricelist")
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        found = {
            p.marketplace_code: p
            for p in Pricelist.search(
                [
                    ("marketplace_account_id", "=", account.id),
                    ("marketplace_code", "in", list(wanted)),
                ]
            )
        }
        result = {code: p.id for code, p in found.items()}
        for code, (currency_name, name) in wanted.items():
            if code in found:
                continue
            currency = self._currency(currency_name, sync)
            if not currency:
                continue
            result[code] = Pricelist.create(
                {
                    "name": name,
                    "currency_id": currency.id,
                    "company_id": account.company_id.id,
                    "marketplace_account_id": account.id,
                    "marketplace_code": code,
                }
            ).id
            sync.run.add("price_lists_created")
        return result

    @api.model
    def _currency(self, name, sync):
        currency = (
            self.env["res.currency"].with_context(active_test=False).search([("name", "=", name)])
        )
        if not currency:
            sync.warn(self.env._("Unknown currency %s: its prices were skipped", name))
        elif not currency.active:
            currency.active = True
            sync.warn(self.env._("Currency %s was activated for its price list", name))
        return currency

    @api.model
    def _write_prices(self, account, targets, sync):
        """Make the account's price lists hold exactly the rules of the changed items."""
        targets = [t for t in targets if t.changed]
        if not targets:
            return
        company_currency = account.company_id.currency_id.name
        wanted_lists, desired = {}, {}
        for target in targets:
            item = target.item
            if target.is_variant and item.sales_price is not None:
                item = _with_variant_price(item, company_currency)
            rules, zeros = price_rules(item, company_currency)
            sync.run.add("zero_prices_skipped", zeros)
            for rule in rules:
                wanted_lists[rule.list_code] = (rule.currency, rule.list_name)
                desired[
                    (
                        rule.list_code,
                        target.tmpl_id,
                        target.product_id,
                        target.is_variant,
                        rule.min_qty,
                    )
                ] = rule
        pricelist_ids = self._pricelists(account, wanted_lists, sync)
        by_key = {}
        for (code, tmpl_id, product_id, is_variant, min_qty), rule in desired.items():
            if code in pricelist_ids:
                key = (
                    pricelist_ids[code],
                    tmpl_id,
                    product_id if is_variant else None,
                    float(min_qty),
                )
                by_key[key] = rule
        existing = self._existing_rules(account, {t.tmpl_id for t in targets})
        Item = self.env["product.pricelist.item"].sudo()
        to_create, to_update, to_delete = [], defaultdict(list), []
        for key, rule in by_key.items():
            current = existing.pop(key, None)
            values = _rule_values(rule)
            if current is None:
                pricelist_id, tmpl_id, product_id, min_qty = key
                to_create.append(
                    {
                        "pricelist_id": pricelist_id,
                        "applied_on": "0_product_variant" if product_id else "1_product",
                        "product_tmpl_id": tmpl_id,
                        "product_id": product_id,
                        "min_quantity": min_qty,
                        **values,
                    }
                )
            elif not _same(current, values):
                to_update[tuple(sorted(values.items()))].append(current["id"])
        # what is left was a rule of these products that the source no longer sends
        to_delete = [current["id"] for current in existing.values()]
        if to_create:
            Item.create(to_create)
        for values, ids in to_update.items():
            Item.browse(ids).write(dict(values))
        if to_delete:
            Item.browse(to_delete).unlink()
        sync.run.add("price_rules_created", len(to_create))
        sync.run.add("price_rules_updated", sum(len(ids) for ids in to_update.values()))
        sync.run.add("price_rules_removed", len(to_delete))

    @api.model
    def _existing_rules(self, account, tmpl_ids):
        """``{(pricelist, template, variant or None, min qty): row}`` in the account's lists."""
        self.env["product.pricelist.item"].flush_model()
        self.env.cr.execute(
            """
            SELECT i.id, i.pricelist_id, i.product_tmpl_id, i.product_id, i.min_quantity,
                   i.compute_price, i.fixed_price, i.percent_price
              FROM product_pricelist_item i
              JOIN product_pricelist p ON p.id = i.pricelist_id
             WHERE p.marketplace_account_id = %s AND i.product_tmpl_id = ANY(%s)
               AND i.applied_on IN ('0_product_variant', '1_product')
            """,
            (account.id, list(tmpl_ids)),
        )
        return {
            (
                row["pricelist_id"],
                row["product_tmpl_id"],
                row["product_id"],
                row["min_quantity"],
            ): row
            for row in self.env.cr.dictfetchall()
        }


def _rule_values(rule):
    if rule.compute == "percentage":
        return {
            "compute_price": "percentage",
            "percent_price": float(rule.value),
            "fixed_price": 0.0,
        }
    return {"compute_price": "fixed", "fixed_price": float(rule.value), "percent_price": 0.0}


def _same(current, values):
    return current["compute_price"] == values["compute_price"] and all(
        not float_compare(current[key] or 0.0, values[key], precision_digits=6)
        for key in ("fixed_price", "percent_price")
    )


def _with_variant_price(item, company_currency):
    """A matrix cell's own sales price, as a variant rule of the default list.

    Variants share the template's sales price in Odoo; the default price
    list carries each cell's price so quotations use the right one.
    """
    if any(p.list_code is None and p.currency == company_currency for p in item.prices):
        return item
    return replace(
        item, prices=[*item.prices, ListPrice(company_currency, Decimal(item.sales_price))]
    )
