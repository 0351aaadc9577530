"""Every addon's manifest carries the keys OCA's tooling and Odoo's app list read.

``external_dependencies`` must name exactly the packages an addon's own code
imports beyond the standard library and Odoo, so a new import fails here
before it fails on a server where the package is missing.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS = sorted(p.parent for p in ROOT.glob("*/__manifest__.py"))

# OCA's development statuses (maintainer-tools' readme generator knows these).
DEVELOPMENT_STATUSES = {"Alpha", "Beta", "Production/Stable", "Mature"}
WEBSITE = "https://github.com/marketplace-suite/marketplace-suite"
# The one app: the Marketplace menu root.
APPLICATIONS = {"marketplace_base"}

# Odoo 18 checks external dependencies by their PyPI distribution name
# (an import name that is not one logs a WARNING, which the Odoo tier
# refuses), so an import is declared under the name pip installs it by.
DISTRIBUTION_OF_IMPORT = {
    "PIL": "Pillow",
    "markupsafe": "MarkupSafe",
    "werkzeug": "Werkzeug",
    "dateutil": "python-dateutil",
    "docutils": "docutils",
    "lxml": "lxml",
    "yaml": "PyYAML",
}
# Odoo's database driver comes as psycopg2 or psycopg2-binary: no single
# distribution name can declare it, and no Odoo runs without it.
IMPLIED_BY_ODOO = {"odoo", "psycopg2"}
# Folders of an addon that are not its runtime code.
NOT_RUNTIME = {"tests", "migrations", "static"}


def _manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def _license_of_repository():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    if "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text:
        return "LGPL-3"
    if "GNU AFFERO GENERAL PUBLIC LICENSE" in text and "Version 3" in text:
        return "AGPL-3"
    raise AssertionError("LICENSE is neither LGPL-3 nor AGPL-3")


def imported_packages(addon):
    """Top-level names of the third-party modules the addon's runtime code imports."""
    names = set()
    for path in addon.rglob("*.py"):
        if NOT_RUNTIME & set(path.relative_to(addon).parts[:-1]):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.add(node.module.split(".")[0])
    return {
        DISTRIBUTION_OF_IMPORT.get(name, name)
        for name in names - IMPLIED_BY_ODOO
        if name not in sys.stdlib_module_names
    }


def test_addons_found():
    assert {"marketplace_base", "marketplace_stock"} <= {a.name for a in ADDONS}


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_keys(addon):
    manifest = _manifest(addon)
    assert manifest["name"].strip()
    assert manifest["summary"].strip() and len(manifest["summary"]) <= 120
    assert manifest["version"].startswith("18.0.")
    assert manifest["author"] == "Marketplace Suite contributors"
    assert manifest["website"] == WEBSITE
    assert manifest["maintainers"] == ["marketplace-suite"]
    assert manifest["development_status"] in DEVELOPMENT_STATUSES
    assert manifest["license"] == _license_of_repository()
    assert manifest["installable"] is True
    assert manifest.get("application", False) is (addon.name in APPLICATIONS)
    assert set(manifest["external_dependencies"]) <= {"python", "bin"}


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_external_dependencies_match_imports(addon):
    declared = _manifest(addon)["external_dependencies"].get("python", [])
    assert len(declared) == len(set(declared)), "listed twice"
    assert set(declared) == imported_packages(addon), (
        f"{addon.name}: external_dependencies must list the packages its code imports"
    )


def test_import_scan_sees_a_new_package(tmp_path):
    addon = tmp_path / "some_addon"
    (addon / "lib").mkdir(parents=True)
    (addon / "tests").mkdir()
    (addon / "lib" / "a.py").write_text(
        "import json\nimport PIL.Image\nfrom odoo import models\nfrom . import b\n"
        "from requests.adapters import HTTPAdapter\n"
    )
    (addon / "tests" / "test_a.py").write_text("import pytest\n")
    assert imported_packages(addon) == {"Pillow", "requests"}
