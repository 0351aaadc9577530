"""Credentials a job must not lose: a rotated refresh token, saved at once.

Some marketplaces (Shopee, Lazada) answer a token refresh with a *new*
refresh token and revoke the old one. A job that refreshes, then fails
later, rolls its transaction back: a token written there is lost and the
account is locked out until someone logs in again. A channel therefore
keeps such a value here::

    token = self.env["marketplace.credential"]._get(account, "refresh_token")
    answer = client.refresh(token)
    self.env["marketplace.credential"]._save(account, "refresh_token", answer["refresh"])

``_save`` writes through its own cursor and commits at once, whatever the
job does next. It never writes the ``marketplace_account`` row: the job's
transaction (REPEATABLE READ) may write that row later, and a second
transaction changing it would make the job fail with a serialization
error, or wait on a lock the job itself holds. Hence this separate table,
written only here (reading the account row is harmless). ``_get`` reads
what was last saved, this transaction's own saves included (a snapshot
taken earlier would not show them).

Values are readable by Marketplace administrators only, and never go into
logs or job results. In registry test mode (tests run in one transaction)
the value is written in the test's transaction instead.
"""

from odoo import SUPERUSER_ID, api, fields, models

from ..tools.notification import MANAGER_GROUP

SAVED_KEY = "marketplace_credential.saved"


class MarketplaceCredential(models.Model):
    _name = "marketplace.credential"
    _description = "Marketplace Credential"
    _order = "account_id, key"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    key = fields.Char(required=True, readonly=True)
    value = fields.Char(readonly=True, copy=False, groups=MANAGER_GROUP)
    updated_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        ("account_key_unique", "UNIQUE(account_id, key)", "One value per account and key."),
    ]

    @api.model
    def _save(self, account, key, value):
        """Keep ``value`` as the account's ``key``, committed at once."""
        account.ensure_one()
        if self.env.registry.in_test_mode():
            self._upsert(self.env.cr, account.id, key, value)
        else:
            with self.env.registry.cursor() as cr:  # committed when the block ends
                self._upsert(cr, account.id, key, value)
        self.env.cr.precommit.data.setdefault(SAVED_KEY, {})[account.id, key] = value
        self.invalidate_model(["value", "updated_at"])

    @api.model
    def _get(self, account, key):
        """The account's ``key`` as last saved, or ``None``."""
        account.ensure_one()
        saved = self.env.cr.precommit.data.get(SAVED_KEY, {})
        if (account.id, key) in saved:
            return saved[account.id, key]
        self.env.cr.execute(
            "SELECT value FROM marketplace_credential WHERE account_id = %s AND key = %s",
            (account.id, key),
        )
        row = self.env.cr.fetchone()
        return row[0] if row else None

    @api.model
    def _upsert(self, cr, account_id, key, value):
        cr.execute(
            """
            INSERT INTO marketplace_credential
                   (account_id, company_id, key, value, updated_at,
                    create_uid, create_date, write_uid, write_date)
            SELECT id, company_id, %(key)s, %(value)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
              FROM marketplace_account WHERE id = %(account)s
            ON CONFLICT (account_id, key) DO UPDATE
               SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,
                   write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            """,
            {"account": account_id, "key": key, "value": value, "uid": SUPERUSER_ID},
        )
