"""Each addon's translation template, ``i18n/<addon>.pot``, exported by Odoo.

Odoo's own exporter (``odoo.tools.translate.trans_export``, what
``odoo-bin --i18n-export=<addon>.pot --modules=<addon>`` runs) reads the
terms of one installed addon: its records' translatable fields (menus,
fields, selection values, views, ...) and the strings its Python code
passes to ``_()``. Here it runs once per addon inside one ``odoo-bin shell``
on a database where the suite is installed, so the registry loads once.

The header lines that change on every export (``POT-Creation-Date``,
``PO-Revision-Date``) are dropped, as OCA's tooling does, so a template is
rewritten only when its terms change. Test-only addons (``test_*``) have no
template.

Usage:
  python scripts/i18n_export.py ODOO_SRC DB [--check] [ADDON ...]

With ``--check`` nothing is written: the templates are exported to a
temporary folder and compared with the committed ones; the first differing
term of each stale template is printed and the exit status is 1.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VOLATILE_HEADER = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
# Odoo's exporter, per addon, in the shell's ``env``; {addons!r} and {out!r}
# are filled in.
EXPORT = """
import io
from odoo.tools.translate import trans_export
for addon in {addons!r}:
    buffer = io.BytesIO()
    trans_export(None, [addon], buffer, "po", env.cr)
    with open(f"{out}/{{addon}}.pot", "wb") as pot:
        pot.write(buffer.getvalue())
print("i18n export done")
"""


def translatable_addons(repo=REPO):
    """The suite's installable addons that ship a template (test addons do not)."""
    names = []
    for manifest in sorted(repo.glob("*/__manifest__.py")):
        name = manifest.parent.name
        if name.startswith("test_"):
            continue
        if ast.literal_eval(manifest.read_text()).get("installable", True):
            names.append(name)
    return names


def normalise(text):
    """The template without the header lines that change on every export."""
    return VOLATILE_HEADER.sub("", text)


def _unquote(line):
    return ast.literal_eval(line)


def parse_po(text):
    """The entries of a .po/.pot text: dicts with msgid, msgstr, comments, fuzzy.

    Enough for the files Odoo writes (no plural forms or contexts); the
    header (empty msgid) is the first entry when there is one.
    """
    entries = []
    entry, field = None, None
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        if entry is None:
            entry = {"comments": [], "fuzzy": False}
        if line.startswith("#"):
            entry["comments"].append(line)
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
        elif line.startswith(("msgid ", "msgstr ")):
            field, _space, rest = line.partition(" ")
            entry[field] = _unquote(rest)
        elif line.startswith('"') and field:
            entry[field] += _unquote(line)
        else:
            raise ValueError(f"unexpected line in a .po file: {raw!r}")
    return entries


def first_difference(committed, exported):
    """The first term (by msgid) whose entry differs between two templates, or None.

    Returns a short sentence: the msgid and whether it is new, gone or has
    other references (occurrences, comments) than the committed template.
    """
    old = {e["msgid"]: e for e in parse_po(normalise(committed))}
    new = {e["msgid"]: e for e in parse_po(normalise(exported))}
    for msgid in sorted(old.keys() | new.keys()):
        if msgid not in old:
            return f"new term {msgid!r}"
        if msgid not in new:
            return f"term no longer in the code {msgid!r}"
        if old[msgid] != new[msgid]:
            if msgid == "":
                return "the header (the list of modules)"
            return f"term {msgid!r} has other references or comments"
    if normalise(committed) != normalise(exported):
        return "the layout of the file (export again)"
    return None


def export(odoo_src, db, addons, out_dir, python=sys.executable):
    """Run Odoo's exporter for ``addons`` on ``db``; normalised .pot files in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        python,
        str(Path(odoo_src) / "odoo-bin"),
        "shell",
        "--no-http",
        f"--addons-path={odoo_src}/addons,{REPO}",
        f"--db_host={os.environ['PGHOST']}",
        f"--db_port={os.environ['PGPORT']}",
        f"--db_user={os.environ['PGUSER']}",
        "-d",
        db,
        "--log-level=warn",
        "--max-cron-threads=0",
    ]
    script = EXPORT.format(addons=list(addons), out=str(out_dir))
    completed = subprocess.run(command, input=script, text=True, capture_output=True, check=False)
    if completed.returncode or "i18n export done" not in completed.stdout:
        raise RuntimeError(
            f"Odoo's export failed (exit {completed.returncode}):\n"
            f"{(completed.stdout + completed.stderr)[-3000:]}"
        )
    for addon in addons:
        pot = out_dir / f"{addon}.pot"
        pot.write_text(normalise(pot.read_text()))


def stale_templates(exported_dir, addons, repo=REPO):
    """``[(addon, what differs)]`` for committed templates unlike the fresh export."""
    stale = []
    for addon in addons:
        committed = repo / addon / "i18n" / f"{addon}.pot"
        exported = (Path(exported_dir) / f"{addon}.pot").read_text()
        if not committed.is_file():
            stale.append((addon, f"no {addon}/i18n/{addon}.pot"))
            continue
        difference = first_difference(committed.read_text(), exported)
        if difference:
            stale.append((addon, difference))
    return stale


def check(odoo_src, db, addons):
    """Export to a temporary folder; print and return the stale templates."""
    with tempfile.TemporaryDirectory(prefix="suite-i18n-") as tmp:
        export(odoo_src, db, addons, tmp)
        stale = stale_templates(tmp, addons)
    for addon, difference in stale:
        print(f"[i18n] {addon}/i18n/{addon}.pot is not current: {difference}; run `make i18n`")
    return stale


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("odoo_src")
    parser.add_argument("db", help="a database where the addons are installed")
    parser.add_argument("addons", nargs="*", help="default: every addon but test_*")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    options = parser.parse_intermixed_args()
    addons = options.addons or translatable_addons()
    if options.check:
        stale = check(options.odoo_src, options.db, addons)
        print(f"[i18n] {len(addons) - len(stale)} templates current, {len(stale)} stale")
        return 1 if stale else 0
    with tempfile.TemporaryDirectory(prefix="suite-i18n-") as tmp:
        export(options.odoo_src, options.db, addons, tmp)
        for addon in addons:
            target = REPO / addon / "i18n" / f"{addon}.pot"
            target.parent.mkdir(exist_ok=True)
            text = (Path(tmp) / f"{addon}.pot").read_text()
            changed = not target.is_file() or target.read_text() != text
            target.write_text(text)
            print(f"[i18n] {target.relative_to(REPO)}: {'written' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
