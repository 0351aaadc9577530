"""Mouser Search API v1 client: exact part-number search, 10 numbers a call.

``POST {base}/search/partnumber?apiKey=KEY`` with
``{"SearchByPartRequest": {"mouserPartNumber": "A|B", "partSearchOptions": "Exact"}}``
answers ``{"Errors": [...], "SearchResults": {"NumberOfResult": n, "Parts": [...]}}``.
Errors come with HTTP 200 (``Errors[].Code``: ``Invalid`` key, ``TooManyRequests``,
``InvalidCharacters``) or as a bare ``{"Message": ...}``; unusual parts lack
keys, so every key is read with a default.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient

from ..lib.lead_time import LeadTimeError, lead_time_days
from ..lib.price import PriceError, parse_price

DEFAULT_URL = "https://api.mouser.com/api/v1"
BATCH_SIZE = 10
ENDPOINT = "search/partnumber"


class MouserQuotaExceeded(RetryableJobError):
    """Mouser answered TooManyRequests: stop calling until the window passes."""


class MouserInvalidCharacters(MarketplaceError):
    """Mouser refused the characters of one of the part numbers sent.

    ``mouser_message`` is Mouser's own text (often null: then its code).
    """

    def __init__(self, message, mouser_message=""):
        super().__init__(message)
        self.mouser_message = mouser_message


@dataclass
class PriceBreak:
    quantity: int
    price: Decimal
    currency: str


@dataclass
class MouserPart:
    mouser_part_number: str | None
    manufacturer_part_number: str
    manufacturer: str
    description: str
    datasheet_url: str
    product_url: str
    availability_in_stock: int | None
    lead_time_days: int | None
    lead_time_text: str
    lifecycle_status: str
    min_qty: int | None
    mult_qty: int | None
    packaging: str
    price_breaks: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    lead_time_unreadable: bool = False

    @classmethod
    def from_payload(cls, item, decimal_mark=None):
        text = lambda key: str(item.get(key) or "").strip()  # noqa: E731
        number = text("MouserPartNumber")
        try:
            lead_days, lead_unreadable = lead_time_days(item.get("LeadTime")), False
        except LeadTimeError:
            lead_days, lead_unreadable = None, True
        part = cls(
            mouser_part_number=None if number.upper() in ("", "N/A") else number,
            manufacturer_part_number=text("ManufacturerPartNumber"),
            manufacturer=text("Manufacturer"),
            description=text("Description"),
            datasheet_url=text("DataSheetUrl"),
            product_url=text("ProductDetailUrl"),
            availability_in_stock=_integer(item.get("AvailabilityInStock")),
            lead_time_days=lead_days,
            lead_time_text=text("LeadTime"),
            lifecycle_status=text("LifecycleStatus"),
            min_qty=_integer(item.get("Min")),
            mult_qty=_integer(item.get("Mult")),
            packaging=_attribute(item, "Packaging"),
            lead_time_unreadable=lead_unreadable,
        )
        for price_break in item.get("PriceBreaks") or []:
            try:
                amount, currency = parse_price(
                    price_break.get("Price"), price_break.get("Currency"), decimal_mark
                )
                quantity = int(price_break.get("Quantity"))
            except (PriceError, TypeError, ValueError, AttributeError) as exc:
                part.warnings.append(f"price break {price_break!r} skipped: {exc}")
                continue
            part.price_breaks.append(PriceBreak(quantity, amount, currency or "USD"))
        return part


def _integer(value):
    digits = re.sub(r"[^\d]", "", str(value or ""))
    return int(digits) if digits else None


def _attribute(item, name):
    for attribute in item.get("ProductAttributes") or []:
        if isinstance(attribute, dict) and attribute.get("AttributeName") == name:
            return str(attribute.get("AttributeValue") or "").strip()
    return ""


class MouserClient(JsonHttpClient):
    service = "Mouser"

    def __init__(
        self, api_key, base_url=DEFAULT_URL, session=None, timeout=30, proxy=None, decimal_mark=None
    ):
        super().__init__(base_url, session=session, timeout=timeout)
        self._api_key = api_key
        self.decimal_mark = decimal_mark
        if proxy:
            self.session.proxies.update({"https": proxy, "http": proxy})

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"Mouser refused the API key (HTTP {response.status_code} on {endpoint}): "
            "check the Search API key on the account."
        )

    def search_part_numbers(self, part_numbers):
        """Exact search; ``{requested number (upper case): [MouserPart, ...]}``.

        A result belongs to a requested number when its Mouser or its
        manufacturer part number equals it (case-insensitively).
        """
        requested = [pn.strip() for pn in part_numbers if pn and pn.strip()]
        if len(requested) > BATCH_SIZE:
            raise ValueError(f"Mouser searches at most {BATCH_SIZE} part numbers per call.")
        payload = self._request(
            "POST",
            ENDPOINT,
            params={"apiKey": self._api_key},
            json={
                "SearchByPartRequest": {
                    "mouserPartNumber": "|".join(requested),
                    "partSearchOptions": "Exact",
                }
            },
        )
        self._raise_errors(payload)
        results = self.field(payload, "SearchResults", ENDPOINT, dict)
        parts = results.get("Parts") or []
        if not isinstance(parts, list):
            raise MarketplaceError(f"Mouser {ENDPOINT}: 'Parts' should be a list.")
        found = {pn.upper(): [] for pn in requested}
        for item in parts:
            if not isinstance(item, dict):
                continue
            part = MouserPart.from_payload(item, self.decimal_mark)
            for key in {
                (part.mouser_part_number or "").upper(),
                part.manufacturer_part_number.upper(),
            }:
                if key in found and part not in found[key]:
                    found[key].append(part)
        return found

    def _secrets(self):
        """The key travels in the query string, not in a header."""
        return [*super()._secrets(), self._api_key]

    def _raise_errors(self, payload):
        """Mouser's own messages are shown, with the key hidden should they echo it."""
        try:
            self._read_errors(payload)
        except MarketplaceError as exc:
            exc.args = (self.redact(exc.args[0]), *exc.args[1:])
            if isinstance(exc, MouserInvalidCharacters):
                exc.mouser_message = self.redact(exc.mouser_message)
            raise

    def _read_errors(self, payload):
        if not isinstance(payload, dict):
            raise MarketplaceError(f"Mouser {ENDPOINT}: unexpected answer {payload!r:.200}.")
        errors = payload.get("Errors") or []
        if not errors and "SearchResults" not in payload and payload.get("Message"):
            raise MarketplaceError(f"Mouser answered: {payload['Message']}")
        for error in errors:
            code = str(error.get("Code") or "") if isinstance(error, dict) else ""
            message = str(error.get("Message") or "") if isinstance(error, dict) else str(error)
            message = message.strip()
            if code == "TooManyRequests":
                raise MouserQuotaExceeded(
                    f"Mouser: too many requests ({message or code}).", retry_after=60
                )
            if code == "InvalidCharacters":
                said = message or code
                raise MouserInvalidCharacters(
                    f"Mouser refused the characters of a part number ({said})", said
                )
            if code == "Invalid" or "api key" in message.lower() or "identifier" in message.lower():
                raise MarketplaceError(
                    f"Mouser refused the API key ({message}): check the Search API key "
                    "on the account."
                )
            raise MarketplaceError(f"Mouser error {code or '?'}: {message}")

    def check_connection(self):
        self.search_part_numbers(["595-NE555P"])
        return "Mouser answered the search API with this key."
