"""Real Odoo servers with cron workers on one database, for runner tests and benchmarks.

``OdooServers(odoo_src, db, repo)`` starts ``odoo-bin`` processes
(threaded mode, no HTTP unless asked, ``--max-cron-threads`` each) on loopback
PostgreSQL, runs setup code through ``odoo-bin shell``, wakes the cron
workers (``NOTIFY cron_trigger``) and reads the database with psycopg2.
No Odoo import: the helper drives Odoo from outside, as an operator would.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg2


class OdooServers:
    def __init__(self, odoo_src, db, repo, log_dir):
        self.odoo_src = Path(odoo_src)
        self.db = db
        self.repo = Path(repo)
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.processes = []

    def _command(self, *args):
        return [
            sys.executable,
            str(self.odoo_src / "odoo-bin"),
            *args,
            f"--addons-path={self.odoo_src}/addons,{self.repo}",
            f"--db_host={os.environ.get('PGHOST', '127.0.0.1')}",
            f"--db_port={os.environ.get('PGPORT', '5432')}",
            f"--db_user={os.environ.get('PGUSER', 'odoo')}",
            "-d",
            self.db,
        ]

    def connect(self):
        return psycopg2.connect(
            dbname=self.db,
            host=os.environ.get("PGHOST", "127.0.0.1"),
            port=os.environ.get("PGPORT", "5432"),
            user=os.environ.get("PGUSER", "odoo"),
        )

    def query(self, sql, params=None):
        with self.connect() as cnx, cnx.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall() if cr.description else None

    def shell(self, code, timeout=300):
        """Run ``code`` in ``odoo-bin shell`` (``env`` is there) and commit it."""
        completed = subprocess.run(
            [*self._command("shell", "--no-http", "--log-level=warn")],
            input=code + "\nenv.cr.commit()\n",
            text=True,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if completed.returncode:
            raise RuntimeError(f"odoo-bin shell failed:\n{completed.stderr[-3000:]}")
        return completed.stdout

    def start(self, count, cron_threads, extra=(), http_port=None):
        """Start ``count`` servers of ``cron_threads`` cron workers each.

        With ``http_port`` (one server only) the server also answers HTTP there.
        """
        http = [f"--http-port={http_port}", "--http-interface=127.0.0.1"] if http_port else []
        for index in range(len(self.processes), len(self.processes) + count):
            log = open(self.log_dir / f"server-{index}.log", "w")  # noqa: SIM115
            process = subprocess.Popen(
                self._command(
                    *(http or ["--no-http"]),
                    f"--max-cron-threads={cron_threads}",
                    "--log-level=info",
                    *extra,
                ),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            process.log_file = log
            self.processes.append(process)
        self.wait_ready()

    def wait_ready(self, timeout=120):
        """Until every server has loaded the database's registry."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            texts = [Path(p.log_file.name).read_text(errors="replace") for p in self.processes]
            for process, text in zip(self.processes, texts, strict=True):
                if process.poll() is not None:
                    raise RuntimeError(f"an Odoo server stopped:\n{text[-3000:]}")
            if all("Registry loaded" in text or "modules loaded" in text for text in texts):
                return
            time.sleep(0.5)
        raise RuntimeError("the Odoo servers did not load the database in time")

    def wake(self):
        """What a commit that triggers a cron sends: every cron worker polls now."""
        with self.connect() as cnx, cnx.cursor() as cr:
            cnx.autocommit = True
            cr.execute("NOTIFY cron_trigger, %s", (self.db,))

    def wait(self, condition, timeout, every=0.5, wake_every=5.0):
        """Until ``condition()`` holds, waking the cron workers now and then."""
        end = time.monotonic() + timeout
        last_wake = 0.0
        while time.monotonic() < end:
            if condition():
                return True
            if time.monotonic() - last_wake > wake_every:
                self.wake()
                last_wake = time.monotonic()
            time.sleep(every)
        return condition()

    def logs(self):
        return "\n".join(Path(p.log_file.name).read_text(errors="replace") for p in self.processes)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            process.log_file.close()
        self.processes = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def overlaps(intervals):
    """Largest number of ``(start, end)`` intervals open at one moment."""
    events = sorted([(s, 1) for s, _e in intervals] + [(e, -1) for _s, e in intervals])
    best = current = 0
    for _moment, step in events:
        current += step
        best = max(best, current)
    return best
