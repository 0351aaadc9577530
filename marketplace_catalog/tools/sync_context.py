"""What one catalogue sync shares across its batches: its run and lookups.

Counting goes through the job part's ``Run`` (``sync.run``: counters,
capped lists, warnings, carried to the next part). Units, taxes, tags and
attribute values are looked up once per sync and created when missing,
instead of once per item.
"""

from odoo.addons.marketplace_base.lib.run import Run

from ..lib.fingerprint import item_fingerprint
from ..lib.languages import LanguageMap


class SyncContext:
    def __init__(self, account, job=None, run=None):
        self.env = account.env
        self.account = account
        self.job = job
        self.run = run if run is not None else Run()
        self.pictures_left = 0  # items of this part whose pictures wait for the next
        self.fingerprints = {}  # code -> fingerprint written this sync
        self._langs = LanguageMap(account._catalog_language_map())
        self._settings = {
            "classes": account.catalog_class_mode,
            "langs": self._langs.items(),
            "matrix": [account.catalog_matrix_x_name, account.catalog_matrix_y_name],
        }
        self._uoms = None
        self._taxes = {}
        self._tags = {}
        self._attributes = {}
        self._values = {}
        self._enabled = set()

    def enable_setting(self, group_xmlid):
        """Turn on the setting that makes synced data visible (Variants, Pricelists).

        Odoo hides attributes and price lists until the setting is on; a
        sync that creates them turns it on, as ticking it in Settings would.
        """
        if group_xmlid in self._enabled:
            return
        self._enabled.add(group_xmlid)
        group = self.env.ref(group_xmlid)
        employees = self.env.ref("base.group_user").sudo()
        if group in employees.implied_ids:
            return
        employees._apply_group(group)
        if group_xmlid == "product.group_product_pricelist":
            self.env["res.company"].sudo()._activate_or_create_pricelists()
        self.warn(self.env._("Setting %s turned on: the sync created them", group.name))

    def warn(self, text):
        self.run.warn(text)

    def fingerprint(self, item):
        return item_fingerprint(item, extra=self._settings)

    # ------------------------------------------------------------- names
    def translations(self, descriptions):
        """``{odoo lang: text}`` of an item's descriptions, for the mapped languages."""
        names = {}
        for code, text in (descriptions or {}).items():
            lang = self._langs.get(code)
            if lang and text:
                names.setdefault(lang, text)
        return names

    def unmapped_names(self, item):
        """``{"Name (fi)": text}``: the names in source languages no Odoo language is mapped to.

        Kept on the source-item page, so no text the source sends is lost.
        """
        return {
            f"Name ({code})": text
            for code, text in (item.descriptions or {}).items()
            if text and not self._langs.get(code)
        }

    def base_name(self, item):
        """The name stored as en_US: the mapped English text, else the main description."""
        return self.translations(item.descriptions).get("en_US") or item.description or item.code

    # ------------------------------------------------------------- units
    def uom_id(self, name):
        if self._uoms is None:
            self._uoms = {
                uom.name.strip().casefold(): uom.id
                for uom in self.env["uom.uom"].with_context(lang="en_US").search([])
            }
        key = (name or "").strip().casefold()
        if key and key not in self._uoms:
            self.warn(self.env._("Unknown unit %s: products use Units", name))
        return self._uoms.get(key) or self.env.ref("uom.product_uom_unit").id

    # ------------------------------------------------------------- taxes
    def tax_id(self, vat_percent):
        """The company's sales tax of that rate (price excluded), or None."""
        if vat_percent is None:
            return None
        rate = float(vat_percent)
        if rate not in self._taxes:
            tax = self.env["account.tax"].search(
                [
                    ("type_tax_use", "=", "sale"),
                    ("amount_type", "=", "percent"),
                    ("amount", "=", rate),
                    ("price_include", "=", False),
                    ("company_id", "=", self.account.company_id.id),
                ],
                limit=1,
            )
            if not tax:
                self.warn(self.env._("No %s%% sales tax in the company: default taxes kept", rate))
            self._taxes[rate] = tax.id or None
        return self._taxes[rate]

    # ----------------------------------------------------------- classes
    def class_values(self, item, update=False):
        if self.account.catalog_class_mode != "tags" or (update and not item.classes):
            # an item without classes leaves the tags a user set alone
            return {}
        return {"product_tag_ids": [(6, 0, self.tag_ids(item.classes))]}

    def tag_ids(self, classes):
        """Tag ids of the classes; a tag is named by its English text.

        English is the mapped source language's text when one maps to
        en_US, else the source's own; the other mapped languages become
        translations of the tag.
        """
        Tag = self.env["product.tag"].with_context(lang="en_US")
        wanted = {}
        for item_class in classes:
            wanted[self._class_text(item_class, "en_US")] = item_class
        missing = [name for name in wanted if name not in self._tags]
        if missing:
            for tag in Tag.search([("name", "in", missing)]):
                self._tags[tag.name] = tag.id
            for name in missing:
                if name not in self._tags:
                    tag = Tag.create({"name": name})
                    self._tags[name] = tag.id
                    self._translate_tag(tag, wanted[name])
        return [self._tags[name] for name in wanted]

    def _class_text(self, item_class, lang):
        """``Group: value`` in an Odoo language, from the mapped source language's texts."""
        group = self.translations(item_class.group_translations).get(lang)
        value = self.translations(item_class.value_translations).get(lang)
        return _class_name(group or item_class.group, item_class.parents, value or item_class.value)

    def _translate_tag(self, tag, item_class):
        for lang in sorted(self._langs.values() - {"en_US"}):
            name = self._class_text(item_class, lang)
            if name != tag.name:
                tag.with_context(lang=lang).name = name

    def apply_class_lines(self, template, item):
        """Attributes mode: one no-variant attribute line per item class."""
        if self.account.catalog_class_mode != "attributes":
            return
        for item_class in item.classes:
            attribute = self.attribute(item_class.group, "no_variant")
            value = self.attribute_value(
                attribute, " / ".join((*item_class.parents, item_class.value))
            )
            line = template.attribute_line_ids.filtered(
                lambda ln, a=attribute: ln.attribute_id == a
            )
            if line:
                if line.value_ids.ids != [value]:
                    line.value_ids = [(6, 0, [value])]
            else:
                template.attribute_line_ids = [
                    (0, 0, {"attribute_id": attribute.id, "value_ids": [(6, 0, [value])]})
                ]

    # ------------------------------------------------------------ matrix
    def matrix_attributes(self):
        account = self.account
        return (
            self.attribute(account.catalog_matrix_x_name or "Matrix X", "always"),
            self.attribute(account.catalog_matrix_y_name or "Matrix Y", "always"),
        )

    def attribute(self, name, create_variant):
        key = (name, create_variant)
        if key not in self._attributes:
            self.enable_setting("product.group_product_variant")
            Attribute = self.env["product.attribute"].with_context(lang="en_US")
            attribute = Attribute.search(
                [("name", "=", name), ("create_variant", "=", create_variant)], limit=1
            ) or Attribute.create({"name": name, "create_variant": create_variant})
            self._attributes[key] = attribute
        return self._attributes[key]

    def attribute_value(self, attribute, name):
        key = (attribute.id, name)
        if key not in self._values:
            Value = self.env["product.attribute.value"].with_context(lang="en_US")
            value = Value.search(
                [("attribute_id", "=", attribute.id), ("name", "=", name)], limit=1
            ) or Value.create({"attribute_id": attribute.id, "name": name})
            self._values[key] = value.id
        return self._values[key]


def _class_name(group, parents, value):
    return f"{group}: {' / '.join((*parents, value))}"
