"""A job that fails after saving a rotated token keeps the token, on a real server.

In the Odoo tier the whole test is one transaction, so only a real server
shows what ``marketplace.credential._save`` promises: the job writes the
account, saves a new refresh token, writes the account again and fails;
its own writes are rolled back, the token stays, and nothing conflicts.
"""

ACCOUNT = "Rotating shop"

SETUP = f"""
account = env["marketplace.account"].create({{"name": "{ACCOUNT}", "channel": "test"}})
job = account._enqueue_job("test_task", params={{"action": "rotate_then_fail", "token": "n3w"}})
job.max_attempts = 1
"""


def test_a_failed_job_keeps_the_token_it_saved(servers):
    servers.shell(SETUP)
    servers.start(1, cron_threads=1)
    jobs_sql = """
        SELECT j.state, j.error_message FROM marketplace_job j
          JOIN marketplace_account a ON a.id = j.account_id
         WHERE a.name LIKE %s
    """

    def finished():
        return [state for state, _e in servers.query(jobs_sql, (ACCOUNT + "%",))] == ["failed"]

    assert servers.wait(finished, timeout=120), servers.query(jobs_sql, (ACCOUNT + "%",))
    [(_state, error)] = servers.query(jobs_sql, (ACCOUNT + "%",))
    assert error == "Failed after the token was rotated.", "no serialization error"
    tokens = servers.query(
        """
        SELECT c.value, a.name, a.test_api_key FROM marketplace_credential c
          JOIN marketplace_account a ON a.id = c.account_id
         WHERE a.name LIKE %s AND c.key = 'refresh_token'
        """,
        (ACCOUNT + "%",),
    )
    assert tokens == [("n3w", ACCOUNT, None)], "the token kept, the job's own writes undone"
