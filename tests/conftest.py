"""Unit tier: import the addons' plain-Python modules without Odoo.

Addons live in the ``odoo.addons`` namespace and their ``__init__`` imports
models, which need Odoo. Here every addon folder (and its ``tests``
package) is registered as an empty namespace package, so
``odoo.addons.marketplace_zortout.clients.zortout`` imports the client
file alone. A module that imports real Odoo fails loudly here: that is the
point of the tier.
"""

import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _namespace(name, path=None):
    module = types.ModuleType(name)
    module.__path__ = [str(path)] if path else []
    sys.modules[name] = module
    return module


def _register_addons():
    if "odoo" not in sys.modules:
        _namespace("odoo")
        _namespace("odoo.addons")
    for manifest in ROOT.glob("*/__manifest__.py"):
        addon = manifest.parent
        _namespace(f"odoo.addons.{addon.name}", addon)
        if (addon / "tests").is_dir():
            _namespace(f"odoo.addons.{addon.name}.tests", addon / "tests")


_register_addons()
