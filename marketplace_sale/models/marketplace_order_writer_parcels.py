"""Parcels of remote orders: their tracking numbers on the sale order and on
Odoo's deliveries, after each page the order writer writes.

A tracking number often arrives after the goods left (the carrier's label
is printed at packing, the number reaches the remote system later): done
deliveries get it too. The remote system's parcels replace what the
deliveries said; an order whose remote system names no parcel leaves them
as they are (a number typed in Odoo stays).
"""

from collections import defaultdict

from odoo import models

from ..lib.parcels import carrier_key, shared_carrier, tracking_ref, tracking_text


class MarketplaceOrderWriter(models.AbstractModel):
    _inherit = "marketplace.order.writer"

    def _status_vals(self, order):
        # written with the status, so it follows every change the remote sends
        return {
            **super()._status_vals(order),
            "marketplace_tracking": tracking_text(order.tracking) or False,
        }

    def _after_write(self, account, orders, by_ref, run):
        result = super()._after_write(account, orders, by_ref, run)
        self._write_parcels(account, orders, by_ref, run)
        return result

    def _write_parcels(self, account, orders, by_ref, run):
        """Set the parcels' tracking reference, and their carrier when a
        delivery method of that name exists, on the outgoing deliveries of
        the confirmed orders whose stock Odoo moves; count the deliveries
        changed under ``deliveries_tracked``."""
        parcels = {}
        for order in orders:
            so = by_ref[order.ref]
            if order.tracking and so.state == "sale" and not so.marketplace_stock_remote:
                parcels[so] = order.tracking
        if not parcels:
            return
        carriers = self._carriers(account)
        to_write = defaultdict(lambda: self.env["stock.picking"])
        for so, tracking in parcels.items():
            ref = tracking_ref(tracking)
            if not ref:
                continue
            carrier = carriers.get(shared_carrier(tracking))
            for picking in so.picking_ids:
                if picking.picking_type_code != "outgoing" or picking.state == "cancel":
                    continue
                values = {}
                if picking.carrier_tracking_ref != ref:
                    values["carrier_tracking_ref"] = ref
                if carrier and picking.carrier_id != carrier:
                    values["carrier_id"] = carrier.id
                if values:
                    to_write[tuple(sorted(values.items()))] |= picking
        for values, pickings in to_write.items():
            pickings.write(dict(values))
        changed = sum(len(pickings) for pickings in to_write.values())
        if changed:
            run.add("deliveries_tracked", changed)

    def _carriers(self, account):
        """``{carrier key: delivery.carrier}`` of the account's company (the
        first by sequence when two share a name); none is ever created: a
        carrier Odoo does not know stays a name in the tracking text."""
        carriers = {}
        for carrier in self.env["delivery.carrier"].search(
            [("company_id", "in", [False, account.company_id.id])]
        ):
            carriers.setdefault(carrier_key(carrier.name), carrier)
        carriers.pop("", None)
        return carriers
