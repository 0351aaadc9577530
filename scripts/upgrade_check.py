"""Upgrade check: a database made by the suite before the neutral framework
(#23) upgrades to the current code without losing a link.

  1. the suite's addons at ``BEFORE`` (a commit of this repository's history,
     exported with ``git archive``) are installed on a fresh database;
  2. ``scripts/upgrade/before_upgrade.py`` runs there, in ``odoo-bin shell``:
     Zortout orders imported, stock pushed, webhook events stored, by real
     jobs against a fake Zortout;
  3. ``odoo-bin -u`` upgrades every addon to the current code (new
     dependencies are installed on the way); its log must be clean;
  4. ``scripts/upgrade/after_upgrade.py`` checks every record kept its values
     under the neutral names, and that importing the same orders again and
     pushing again create and send nothing.

Usage: python scripts/upgrade_check.py ODOO_SRC [--keep-db]
Prints ``upgrade check: passed`` or ``upgrade check: FAILED ...``; exit 0 or 1.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from odoo_tier import LOG_DIR, REPO, clean_step, odoo_command

#: The last commit before the neutral framework: sale orders with zortout_*
#: fields, marketplace.zortout.pushed.stock, the webhook inbox in marketplace_zortout.
BEFORE = "6de9f992164b24d0d9c9995eb1e93f5b9d5ee33c"
SCRIPTS = REPO / "scripts" / "upgrade"


def suite_addons(tree):
    """The product addons of a checkout (test-only addons left out)."""
    return sorted(
        path.parent.name
        for path in Path(tree).glob("*/__manifest__.py")
        if not path.parent.name.startswith("test_")
    )


def shell(odoo_src, db, addons_path, script, log_name, facts):
    command = odoo_command(odoo_src, db, addons_path, "shell", "--no-http")
    command.remove("--http-port=0")
    os.environ["UPGRADE_FACTS"] = str(facts)
    step = log_name.removesuffix(".log")
    if not clean_step(step, command, log_name, stdin=script.read_text()):
        return False
    if not facts.exists():  # the script ended before it wrote what it saw
        print(f"[upgrade] FAILED: {step} wrote no facts")
        return False
    return True


def check(odoo_src, db, workdir):
    old_tree = Path(workdir) / "before"
    old_tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", BEFORE],
        capture_output=True,
        check=False,
    )
    if archive.returncode:
        print(f"[upgrade] FAILED: commit {BEFORE[:10]} is not in this clone's history")
        return False
    subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive.stdout, check=True)
    old_addons = suite_addons(old_tree)
    facts = Path(workdir) / "facts.json"
    old = lambda *args: odoo_command(odoo_src, db, str(old_tree), *args)  # noqa: E731
    new = lambda *args: odoo_command(odoo_src, db, str(REPO), *args)  # noqa: E731
    steps = [
        lambda: clean_step(
            f"install at {BEFORE[:10]}",
            old("-i", ",".join(old_addons), "--stop-after-init"),
            "upgrade-install.log",
        ),
        lambda: shell(
            odoo_src,
            db,
            str(old_tree),
            SCRIPTS / "before_upgrade.py",
            "upgrade-before.log",
            facts,
        ),
        lambda: clean_step(
            "upgrade to this checkout",
            new("-u", ",".join(old_addons), "--stop-after-init"),
            "upgrade-upgrade.log",
        ),
        lambda: (
            shell(odoo_src, db, str(REPO), SCRIPTS / "after_upgrade.py", "upgrade-after.log", facts)
            and "upgrade check: OK" in (LOG_DIR / "upgrade-after.log").read_text(errors="replace")
        ),
    ]
    return all(step() for step in steps)  # in order, stopping at the first failure


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("odoo_src")
    parser.add_argument("--keep-db", action="store_true")
    options = parser.parse_args()
    db = f"suite_upgrade_{os.getpid()}"
    subprocess.run(["dropdb", "--if-exists", db], check=False)
    try:
        with tempfile.TemporaryDirectory() as workdir:
            ok = check(options.odoo_src, db, workdir)
    finally:
        if not options.keep_db:
            subprocess.run(["dropdb", "--if-exists", db], check=False)
    if ok:
        print("upgrade check: passed")
        return 0
    print(f"upgrade check: FAILED (logs in {LOG_DIR}/upgrade-*.log)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
