"""The webhook inbox moved to marketplace_base.

* Jobs "process_zortout_webhooks" become the neutral "process_webhooks"
  (their coalescing key and their parts' keys too), so a pending job is
  still reused and the history kept; the old selection value then goes
  with no job left to delete.
* The old cron "Queue Pending Zortout Webhooks" and the old multi-company
  rule of the events were loaded with noupdate: they are handed to the end
  of the upgrade, which deletes records no longer in the module's data
  (marketplace_base brings their replacements).

The table marketplace_webhook_event and its rows stay as they are: the
model is now declared by marketplace_base.
"""

OLD_JOB = "process_zortout_webhooks"
NEW_JOB = "process_webhooks"
OLD_RECORDS = ("ir_cron_queue_webhooks%", "marketplace_webhook_event_rule_company")


def _exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", (table,))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    if _exists(cr, "marketplace_job"):
        cr.execute(
            """
            UPDATE marketplace_job
               SET job_type = %(new)s,
                   identity_key = CASE
                       WHEN identity_key = 'zortout-webhooks' THEN 'webhooks'
                       ELSE replace(identity_key, %(old)s, %(new)s)
                   END
             WHERE job_type = %(old)s
            """,
            {"old": OLD_JOB, "new": NEW_JOB},
        )
    for pattern in OLD_RECORDS:
        cr.execute(
            "UPDATE ir_model_data SET noupdate = false "
            "WHERE module = 'marketplace_zortout' AND name LIKE %s",
            (pattern,),
        )
