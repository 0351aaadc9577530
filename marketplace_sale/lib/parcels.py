"""The parcels of a remote order (``Tracking`` items of ``lib/order.py``) as
Odoo shows them: the text of a delivery's tracking reference, the text of
the sale order's tracking, the carrier to look for.

No Odoo import: the unit tier tests it alone.
"""

#: Between the numbers of several parcels on one delivery: the separator
#: Odoo's own carrier connectors use (``stock.picking.send_to_shipper``
#: appends ``","`` and a number), so a delivery reads the same whoever
#: filled it.
NUMBER_SEPARATOR = ","


def _numbered(parcels):
    """The parcels that have a number, each number once, in the remote order."""
    seen, kept = set(), []
    for parcel in parcels:
        number = (parcel.number or "").strip()
        if number and number not in seen:
            seen.add(number)
            kept.append(parcel)
    return kept


def tracking_ref(parcels):
    """A delivery's tracking reference: the parcels' numbers, each once."""
    return NUMBER_SEPARATOR.join(p.number.strip() for p in _numbered(parcels))


def tracking_text(parcels):
    """The sale order's tracking: each number once, with its carrier when named
    (``"TH1 (Kerry), TH2 (Flash)"``)."""
    parts = []
    for parcel in _numbered(parcels):
        carrier = (parcel.carrier or "").strip()
        number = parcel.number.strip()
        parts.append(f"{number} ({carrier})" if carrier else number)
    return ", ".join(parts)


def carrier_key(name):
    """How a carrier name is compared: trimmed, case-insensitive."""
    return " ".join((name or "").split()).casefold()


def shared_carrier(parcels):
    """The carrier key of the parcels when every parcel that names a carrier
    names the same one, else ``""``: one delivery has one carrier, and parcels
    of two carriers name neither (their names stay in the tracking text)."""
    keys = {carrier_key(p.carrier) for p in _numbered(parcels)} - {""}
    return keys.pop() if len(keys) == 1 else ""
