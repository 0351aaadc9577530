"""Each addon ships its translation template; its translations are complete and safe.

A ``.po`` that leaves a term of its ``.pot`` untranslated shows English in
the middle of a translated screen; one that drops or renames a placeholder
(``%s``, ``%(count)s``) loses a number from a job summary, or raises when
Odoo formats the message. Whether the ``.pot`` files match the code is
checked by the Odoo tier (``scripts/odoo_tier.py``, Odoo exports them again).
"""

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("i18n_export", ROOT / "scripts" / "i18n_export.py")
i18n = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(i18n)

ADDONS = i18n.translatable_addons(ROOT)
PO_FILES = sorted(ROOT.glob("*/i18n/*.po"))
# The languages of the people who use each channel (issue: translations).
REQUIRED = {
    "marketplace_base": ["th"],
    "marketplace_stock": ["th"],
    "marketplace_sale": ["th"],
    "marketplace_zortout": ["th"],
    "marketplace_dkhome": ["nl"],
    "marketplace_spector": ["sv"],
}
# %s, %d, %(name)s ... but not a literal %% or a "%" in running text.
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_]\w*\))?[sdifr]")


def placeholders(text):
    return Counter(PLACEHOLDER.findall(text.replace("%%", "")))


def test_test_addons_have_no_template():
    assert ADDONS, "no addon found"
    assert not [name for name in ADDONS if name.startswith("test_")]
    assert not list(ROOT.glob("test_*/i18n/*.pot"))


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_has_its_template(addon):
    pot = ROOT / addon / "i18n" / f"{addon}.pot"
    assert pot.is_file(), f"{addon}: no i18n/{addon}.pot (make i18n)"
    entries = i18n.parse_po(pot.read_text())
    assert entries[0]["msgid"] == "", f"{pot.name}: no header"
    assert len(entries) > 1, f"{pot.name}: no term"
    assert all(not e.get("msgstr") for e in entries[1:]), f"{pot.name}: a template has no msgstr"
    assert "POT-Creation-Date" not in pot.read_text(), "export dates make every export a diff"


@pytest.mark.parametrize(
    ("addon", "lang"), [(a, lang) for a, langs in REQUIRED.items() for lang in langs]
)
def test_required_translation_exists(addon, lang):
    assert (ROOT / addon / "i18n" / f"{lang}.po").is_file(), f"{addon}: no i18n/{lang}.po"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_translation_is_complete_and_keeps_placeholders(po):
    addon = po.parent.parent.name
    template = {e["msgid"]: e for e in i18n.parse_po((po.parent / f"{addon}.pot").read_text())}
    translated = {e["msgid"]: e for e in i18n.parse_po(po.read_text())}
    missing, fuzzy, broken = [], [], []
    for msgid in template:
        if not msgid:
            continue
        entry = translated.get(msgid)
        if entry is None or not entry.get("msgstr", "").strip():
            missing.append(msgid)
        elif entry["fuzzy"]:
            fuzzy.append(msgid)
        elif placeholders(entry["msgstr"]) != placeholders(msgid):
            broken.append(f"{msgid!r} -> {entry['msgstr']!r}")
    assert not missing, f"{po.name}: {len(missing)} terms untranslated, first {missing[:5]}"
    assert not fuzzy, f"{po.name}: fuzzy (unchecked) translations {fuzzy[:5]}"
    assert not broken, f"{po.name}: placeholders changed: {broken[:5]}"
    header = translated.get("")
    assert header and "Language:" in header["msgstr"], f"{po.name}: no Language header"


SAMPLE = r"""# Translation of Odoo Server.
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\n"
"POT-Creation-Date: 2026-12-04 15:00+0000\n"
"PO-Revision-Date: 2026-12-04 15:00+0000\n"
"Plural-Forms: \n"

#. module: marketplace_base
#: code:addons/marketplace_base/models/marketplace_job.py:0
msgid ""
"Paused after %(count)s failed jobs: "
"\"last\" error %(error)s"
msgstr ""

#. module: marketplace_base
#: model:ir.ui.menu,name:marketplace_base.menu_root
msgid "Marketplace"
msgstr "มาร์เก็ตเพลส"
"""


def test_parse_po_joins_continued_lines_and_unescapes():
    header, paused, menu = i18n.parse_po(SAMPLE)
    assert header["msgid"] == "" and "Project-Id-Version" in header["msgstr"]
    assert paused["msgid"] == 'Paused after %(count)s failed jobs: "last" error %(error)s'
    assert paused["msgstr"] == ""
    assert menu["msgstr"] == "มาร์เก็ตเพลส"
    assert "#: model:ir.ui.menu,name:marketplace_base.menu_root" in menu["comments"]


def test_normalise_drops_the_dates_of_the_export_only():
    text = i18n.normalise(SAMPLE)
    assert "POT-Creation-Date" not in text and "PO-Revision-Date" not in text
    assert '"Plural-Forms: \\n"' in text and "Marketplace" in text


def test_first_difference_names_the_term():
    assert (
        i18n.first_difference(SAMPLE, SAMPLE.replace("2026-12-04 15:00", "2027-01-01 09:30"))
        is None
    )
    added = SAMPLE + '\n#. module: marketplace_base\nmsgid "Jobs"\nmsgstr ""\n'
    assert i18n.first_difference(SAMPLE, added) == "new term 'Jobs'"
    assert i18n.first_difference(added, SAMPLE) == "term no longer in the code 'Jobs'"
    moved = SAMPLE.replace("menu_root", "menu_main")
    assert "'Marketplace' has other references" in i18n.first_difference(SAMPLE, moved)


def test_placeholders_count_named_and_positional_but_not_percent_signs():
    assert placeholders("%(count)s jobs, %s left, 100%% done, 5 % off") == Counter(
        {"%(count)s": 1, "%s": 1}
    )
    assert placeholders("%(count)s งาน") != placeholders("%(counts)s งาน")
