"""The Odoo tier: install the suite on a fresh database and run its tests.

Steps, each a real ``odoo-bin`` run on a database created for this run:
  1. install every suite addon (test addons included); the log must hold
     no WARNING/ERROR line (deprecated views, missing access rights, ...);
  2. the translation templates, on that fresh install: each installed
     addon's ``i18n/<addon>.pot`` is exported again by Odoo
     (scripts/i18n_export.py) into a temporary folder; a committed template
     that differs fails, naming the addon and its first differing term
     (``make i18n`` writes them). Before step 3: after an uninstall and
     reinstall Odoo lists some terms' references differently;
  3. uninstall them and install them again, both with clean logs;
  4. run the addons' tests (``odoo.tests`` classes) with pytest-odoo
     against that database, HTTP server on (HttpCase tests and tours),
     cron workers off; pytest's report is printed;
  5. the server tests (tests/servers, pytest): real Odoo servers with cron
     workers on that database, as several servers of one installation;
  6. the upgrade check (scripts/upgrade_check.py): a database made by an
     earlier version of the suite upgrades to this one, links kept;
  7. each addon alone: every addon with tests is installed with only
     its declared dependencies (and the test-only addons those can carry, a
     test channel) on a database of its own, and its tests run there (a
     partner installs one addon, not the suite). Each addon counts as one
     check.
Prints ``odoo tier: N passed, N failed`` last; exits non-zero on any failure.

Usage: python scripts/odoo_tier.py ODOO_SRC ADDONS [--keep-db] [--skip-reinstall] [--skip-servers]
       [--skip-upgrade] [--skip-alone] [--skip-i18n]
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import i18n_export

REPO = Path(__file__).resolve().parent.parent
LOG_DIR = Path(os.environ.get("SUITE_LOG_DIR", REPO / ".cache" / "logs"))
PROBLEM = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")
UNINSTALL = """
modules = env["ir.module.module"].search([("name", "in", {names!r})])
modules.button_immediate_uninstall()
env.cr.commit()
"""


def odoo_command(odoo_src, db, addons_path, *args):
    return [
        sys.executable,
        str(Path(odoo_src) / "odoo-bin"),
        *args,
        f"--addons-path={odoo_src}/addons,{addons_path}",
        f"--db_host={os.environ['PGHOST']}",
        f"--db_port={os.environ['PGPORT']}",
        f"--db_user={os.environ['PGUSER']}",
        "-d",
        db,
        "--without-demo=all",
        "--http-port=0",
        "--log-level=info",
        "--max-cron-threads=0",
    ]


def run(step, command, log_name, stdin=None):
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / log_name
    start = time.monotonic()
    with open(log_path, "w") as log:
        completed = subprocess.run(
            command, input=stdin, text=True, stdout=log, stderr=subprocess.STDOUT, check=False
        )
    elapsed = time.monotonic() - start
    text = log_path.read_text(errors="replace")
    print(f"[odoo] {step}: exit {completed.returncode} in {elapsed:.0f} s (log: {log_path})")
    return completed.returncode, text


def problems(text):
    ignored = ("Running as user 'root'",)
    return [
        line
        for line in text.splitlines()
        if PROBLEM.match(line) and not any(i in line for i in ignored)
    ]


def clean_step(step, command, log_name, stdin=None):
    code, text = run(step, command, log_name, stdin)
    bad = problems(text)
    for line in bad[:20]:
        print(f"[odoo]   {line}")
    if code or bad:
        print(f"[odoo] FAILED: {step} ({len(bad)} warning/error lines)")
        return False
    return True


def run_odoo_tests(odoo_src, db, addons, log_name="tests.log"):
    """The addons' tests through pytest-odoo; ``(passed, failed)``."""
    paths = [f"{name}/tests" for name in addons if (REPO / name / "tests").is_dir()]
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-o",
        "addopts=",
        "-p",
        "odoo",
        "-p",
        "no:cacheprovider",
        "-q",
        "-rs",
        f"--odoo-database={db}",
        f"--odoo-addons-path={odoo_src}/addons,{REPO}",
        "--odoo-log-level=warn",
        "--odoo-http",
        "--odoo-extra",
        "max-cron-threads=0",
        # several checkouts tested at once on one machine each need their own port
        *(
            ["--odoo-extra", f"http-port={os.environ['SUITE_HTTP_PORT']}"]
            if os.environ.get("SUITE_HTTP_PORT")
            else []
        ),
        *[
            arg
            for key in ("host", "port", "user")
            for arg in ("--odoo-extra", f"db_{key}={os.environ[f'PG{key.upper()}']}")
        ],
        *paths,
    ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [odoo_src, os.environ.get("PYTHONPATH")])),
    }
    start = time.monotonic()
    log_path = LOG_DIR / log_name
    with open(log_path, "w") as log:
        completed = subprocess.run(
            command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, check=False
        )
    text = log_path.read_text(errors="replace")
    print(
        f"[odoo] tests (pytest-odoo): exit {completed.returncode} in "
        f"{time.monotonic() - start:.0f} s (log: {log_path})"
    )
    for line in text.splitlines():
        if line.startswith(("FAILED ", "ERROR ", "SKIPPED ")):
            print(f"[odoo]   {line}")
    summary = [line for line in text.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    closing = summary[-1] if summary else ""
    print(closing or "[odoo] pytest printed no summary")
    passed = sum(int(n) for n in re.findall(r"(\d+) passed", closing))
    failed = sum(int(n) for n in re.findall(r"(\d+) (?:failed|errors?)\b", closing))
    if passed == 0:
        print("[odoo] FAILED: no test ran")
        failed += 1
    if completed.returncode and not failed:
        print(f"[odoo] FAILED: pytest exited with {completed.returncode}")
        failed += 1
    return passed, failed


def run_server_tests(odoo_src, db):
    """tests/servers with pytest; ``(passed, failed)``."""
    env = {**os.environ, "ODOO_SRC": odoo_src, "SUITE_DB": db, "SUITE_LOG_DIR": str(LOG_DIR)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/servers"]
    start = time.monotonic()
    completed = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    (LOG_DIR / "servers.log").write_text(completed.stdout + completed.stderr)
    print(
        f"[odoo] server tests: exit {completed.returncode} in {time.monotonic() - start:.0f} s "
        f"(log: {LOG_DIR / 'servers.log'})"
    )
    passed = sum(int(n) for n in re.findall(r"(\d+) passed", completed.stdout))
    failed = sum(int(n) for n in re.findall(r"(\d+) (?:failed|errors?)\b", completed.stdout))
    if completed.returncode and not failed:
        failed = 1
    if failed:
        print(completed.stdout[-4000:])
    return passed, failed


def run_upgrade_check(odoo_src):
    """scripts/upgrade_check.py, its lines printed; True when it passed."""
    command = [sys.executable, str(REPO / "scripts" / "upgrade_check.py"), odoo_src]
    start = time.monotonic()
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    print(f"[odoo] upgrade check: exit {completed.returncode} in {time.monotonic() - start:.0f} s")
    for line in (completed.stdout + completed.stderr).splitlines():
        if line.startswith(("[odoo]", "[upgrade]", "upgrade check")):
            print(f"[odoo]   {line}")
    return completed.returncode == 0


def check_translation_templates(odoo_src, db, addons):
    """Step 3: True when the templates of the installed addons are current."""
    names = [name for name in i18n_export.translatable_addons() if name in addons]
    if not names:
        return True
    start = time.monotonic()
    try:
        stale = i18n_export.check(odoo_src, db, names)
    except RuntimeError as error:
        print(f"[odoo] FAILED: translation templates: {error}")
        return False
    print(
        f"[odoo] {'FAILED: ' if stale else ''}translation templates: "
        f"{len(names) - len(stale)} current, {len(stale)} stale in {time.monotonic() - start:.0f} s"
    )
    return not stale


def suite_depends(name):
    """The suite addons ``name`` needs, itself included (Odoo's own left out)."""
    manifest = REPO / name / "__manifest__.py"
    if not manifest.exists():
        return set()
    needed = {name}
    for dependency in ast.literal_eval(manifest.read_text()).get("depends", []):
        needed |= suite_depends(dependency)
    return needed


def alone_with_test_helpers(name, addons):
    """``name`` and the test-only addons (a test channel) its dependencies can carry."""
    needed = suite_depends(name)
    helpers = [
        test
        for test in addons
        if test.startswith("test_") and suite_depends(test) - {test} <= needed
    ]
    return [name, *(helper for helper in helpers if helper != name)]


def run_each_alone(odoo_src, addons):
    """Step 7: ``(addons whose tests pass alone, addons whose tests do not)``."""
    passed = failed = 0
    for name in addons:
        if not any((REPO / name / "tests").glob("test_*.py")):
            continue
        db = f"suite_alone_{name}_{os.getpid()}"
        subprocess.run(["dropdb", "--if-exists", db], check=False)
        try:
            install = ",".join(alone_with_test_helpers(name, addons))
            command = odoo_command(odoo_src, db, str(REPO), "-i", install, "--stop-after-init")
            ok = clean_step(f"{name} alone: install", command, f"alone-{name}-install.log")
            if ok:
                tests_passed, tests_failed = run_odoo_tests(
                    odoo_src, db, [name], log_name=f"alone-{name}-tests.log"
                )
                ok = not tests_failed
                print(f"[odoo] {name} alone: {tests_passed} passed, {tests_failed} failed")
        finally:
            subprocess.run(["dropdb", "--if-exists", db], check=False)
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(f"[odoo] each addon alone: {passed} addons passed, {failed} failed")
    return passed, failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("odoo_src")
    parser.add_argument("addons", help="comma-separated addons to install and test")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--skip-reinstall", action="store_true")
    parser.add_argument("--skip-servers", action="store_true")
    parser.add_argument("--skip-upgrade", action="store_true")
    parser.add_argument("--skip-alone", action="store_true")
    parser.add_argument("--skip-i18n", action="store_true")
    options = parser.parse_args()

    addons = options.addons.split(",")
    db = f"suite_test_{os.getpid()}"
    base = lambda *args: odoo_command(options.odoo_src, db, str(REPO), *args)  # noqa: E731
    subprocess.run(["dropdb", "--if-exists", db], check=False)
    failures = []
    try:
        if not clean_step(
            "install", base("-i", ",".join(addons), "--stop-after-init"), "install.log"
        ):
            failures.append("install")
        elif not options.skip_i18n and not check_translation_templates(
            options.odoo_src, db, addons
        ):
            failures.append("translation templates")
        if "install" not in failures and not options.skip_reinstall:
            script = UNINSTALL.format(names=addons)
            shell = base("shell", "--no-http")
            shell.remove("--http-port=0")
            if not clean_step("uninstall", shell, "uninstall.log", stdin=script):
                failures.append("uninstall")
            if not clean_step(
                "reinstall", base("-i", ",".join(addons), "--stop-after-init"), "reinstall.log"
            ):
                failures.append("reinstall")
        if "install" in failures:
            print("odoo tier: 0 passed, 1 failed")
            return 1
        passed, failed = run_odoo_tests(options.odoo_src, db, addons)
        total = passed + failed + (0 if options.skip_i18n else 1)
        if "test_marketplace_base" in addons and not options.skip_servers:
            passed_s, failed_s = run_server_tests(options.odoo_src, db)
            total += passed_s + failed_s
            failed += failed_s
        if "test_marketplace_base" in addons and not options.skip_upgrade:
            total += 1
            failed += 0 if run_upgrade_check(options.odoo_src) else 1
        if "test_marketplace_base" in addons and not options.skip_alone:
            alone_passed, alone_failed = run_each_alone(options.odoo_src, addons)
            total += alone_passed + alone_failed
            failed += alone_failed
        failed += len(failures)
        print(f"odoo tier: {total - min(failed, total)} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        if not options.keep_db:
            subprocess.run(["dropdb", "--if-exists", db], check=False)


if __name__ == "__main__":
    sys.exit(main())
