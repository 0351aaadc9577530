"""The webhook inbox on the account: store an event, keep one processing job
pending, hand the pending events to the channel, forget old ones.

A channel adds its own route and token check (a controller), then calls
``account._webhook_receive(event_type, payload)``: the event is stored and
one job "Process <Channel> Webhooks" is made sure to be pending, however
many events arrive. That job hands the account's pending events, oldest
first, to the channel's ``_webhook_process(events, run)``, which gives them
their meaning (queue a stock sync of the SKUs named, an order import...),
counts in ``run`` and returns the notes of the events it skipped; the other
events are marked done.
"""

import logging
from collections import defaultdict

from odoo import api, fields, models

from ..tools.job_log import job_logger

_logger = logging.getLogger(__name__)

WEBHOOK_JOB = "process_webhooks"
WEBHOOK_KEY = "webhooks"
#: Events one processing job reads; more continue in a next part.
EVENTS_PER_JOB = 5000
#: Events pending longer than this (minutes) with no job get one from the schedule.
FORGOTTEN_AFTER_MINUTES = 1


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    webhook_pending = fields.Integer(string="Events waiting", compute="_compute_webhook_events")
    webhook_last_event_at = fields.Datetime(string="Last event", compute="_compute_webhook_events")

    def _compute_webhook_events(self):
        Event = self.env["marketplace.webhook.event"].sudo()
        pending = dict(
            Event._read_group(
                [("account_id", "in", self.ids), ("state", "=", "pending")],
                ["account_id"],
                ["__count"],
            )
        )
        last = dict(
            Event._read_group([("account_id", "in", self.ids)], ["account_id"], ["received_at:max"])
        )
        for account in self:
            account.webhook_pending = pending.get(account._origin, 0)
            account.webhook_last_event_at = last.get(account._origin, False)

    # ----------------------------------------------------------------- receive
    def _webhook_receive(self, event_type, payload):
        """Store one event and make sure a processing job is pending (no sync here).

        Call it once the request is known to come from the remote system
        (its token checked): it writes as the system.
        """
        self.ensure_one()
        event = (
            self.env["marketplace.webhook.event"]
            .sudo()
            .create({"account_id": self.id, "event_type": event_type, "payload": payload})
        )
        self._webhook_queue_job()
        return event

    def _webhook_queue_job(self):
        """One pending processing job per account, however many events arrive.

        Like the schedule, it queues nothing for an account archived, paused
        or with its sync off: its events wait (see the cron below).
        """
        if not self.active or not self.sync_enabled or self.paused:
            return None
        channel = dict(self._fields["channel"]._description_selection(self.env)).get(
            self.channel, self.channel
        )
        return self.sudo()._enqueue_job(
            WEBHOOK_JOB,
            name=self.env._(
                "Process %(channel)s Webhooks - %(account)s", channel=channel, account=self.name
            ),
            identity_key=WEBHOOK_KEY,
            reuse_states=("pending",),  # a started job may have read before this event
        )

    # --------------------------------------------------------------- process
    def _run_job_process_webhooks(self, job):
        """Hand the pending events to the channel, mark them, continue if more wait."""
        log = job_logger(_logger, self, job)
        run = job._run()
        Event = self.env["marketplace.webhook.event"]
        events = Event.search(
            [("account_id", "=", self.id), ("state", "=", "pending")],
            order="id",
            limit=EVENTS_PER_JOB,
        )
        run.add("events", len(events))
        skipped = self._webhook_process(events, run) or {}
        done = events.filtered(lambda event: event.id not in skipped)
        done.write({"state": "done", "job_id": job.id, "note": False})
        by_note = defaultdict(list)
        for event_id, note in skipped.items():
            by_note[note].append(event_id)
        for note, ids in by_note.items():
            Event.browse(ids).write({"state": "skipped", "job_id": job.id, "note": note})
        if len(events) == EVENTS_PER_JOB:
            run.continue_with({})
        result = job._end_part(run, {**run.result(), "summary": self._webhook_summary(run)})
        Event._vacuum(self)
        log.info("%s", result["summary"])
        return result

    def _webhook_process(self, events, run):
        """Channel hook: give ``events`` (this account's, oldest first) their
        meaning; count in ``run``; return ``{event id: note}`` of the events
        skipped (the others are marked done).

        Channel addons override it for their channel and call ``super()``
        for the others; without one, events are kept as skipped.
        """
        note = self.env._("channel %s processes no webhook", self.channel)
        return dict.fromkeys(events.ids, note)

    def _webhook_summary(self, run):
        """Channel hook: the processing job's one-line summary."""
        return self.env._("%s events", run.counters["events"])

    @api.model
    def _cron_queue_forgotten_webhooks(self):
        """Events left pending with no job: one that came as a job ended, or
        events of an account paused then resumed."""
        Event = self.env["marketplace.webhook.event"].sudo()
        stale = fields.Datetime.subtract(fields.Datetime.now(), minutes=FORGOTTEN_AFTER_MINUTES)
        groups = Event._read_group(
            [("state", "=", "pending"), ("received_at", "<", stale)], ["account_id"]
        )
        for (account,) in groups:
            account._webhook_queue_job()
