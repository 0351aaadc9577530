"""A fake Mouser Search API on a FixtureServer, answering in Mouser's v1 format.

``MouserFake(server, catalogue)`` with ``catalogue = {mouser_pn: part}`` where
``part`` holds ``mpn``, ``breaks`` [(qty, "price string", currency)] and
optional overrides; parts are built on the recorded US answer of
``mouser_answers``. ``add(answer)`` serves the parts of a recorded answer as
they are. Exact searches of ``|``-joined numbers match Mouser or manufacturer
part numbers. Switches: ``api_key``, ``error`` ("TooManyRequests",
"Message"), ``refuse`` (numbers answered with Mouser's InvalidCharacters
body; by default those with non-ASCII characters, as Mouser does), ``raw``
(a body sent as is). No Odoo import.
"""

import copy

from . import mouser_answers as answers


def part_payload(mouser_pn, part):
    payload = copy.deepcopy(answers.US_PART)
    payload.update(
        {
            "MouserPartNumber": part.get("shown_pn", mouser_pn),
            "ManufacturerPartNumber": part.get("mpn", mouser_pn.split("-", 1)[-1]),
            "Manufacturer": part.get("manufacturer", "Texas Instruments"),
            "Description": part.get("description", f"Part {mouser_pn}"),
            "DataSheetUrl": part.get("datasheet", f"https://example.invalid/{mouser_pn}.pdf"),
            "ProductDetailUrl": part.get("url", f"https://example.invalid/{mouser_pn}"),
            "Availability": f"{part.get('stock', 100)} In Stock",
            "AvailabilityInStock": str(part.get("stock", 100)),
            "LeadTime": part.get("lead_time", "84 Days"),
            "LifecycleStatus": part.get("lifecycle"),
            "Min": str(part.get("min", 1)),
            "Mult": str(part.get("mult", 1)),
            "PriceBreaks": [
                {"Quantity": qty, "Price": price, "Currency": currency}
                for qty, price, currency in part.get("breaks", [(1, "$1.00", "USD")])
            ],
            "ProductAttributes": [
                {"AttributeName": "Packaging", "AttributeValue": part.get("packaging", "Reel")}
            ],
        }
    )
    for key in part.get("drop", []):
        payload.pop(key, None)
    return payload


def refuses_non_ascii(number):
    return not number.isascii()


class MouserFake:
    def __init__(self, server, catalogue, api_key="mouser-key"):
        self.server = server
        self.catalogue = catalogue
        self.recorded = {}
        self.api_key = api_key
        self.error = None
        self.raw = None
        self.refuse = refuses_non_ascii
        server.route("/api/v1/search/partnumber", self.search, method="POST")

    @property
    def url(self):
        return f"{self.server.url}/api/v1"

    @property
    def calls(self):
        return self.server.requests_to("/api/v1/search/partnumber")

    def requested(self, request):
        numbers = request.json()["SearchByPartRequest"]["mouserPartNumber"]
        return [n for n in numbers.split("|") if n]

    def add(self, answer):
        """Serve the parts of a recorded answer to searches of their numbers."""
        for part in answer["SearchResults"]["Parts"]:
            for number in (part.get("MouserPartNumber"), part.get("ManufacturerPartNumber")):
                parts = self.recorded.setdefault((number or "").upper(), [])
                if part not in parts:
                    parts.append(part)

    def search(self, request):
        if self.raw is not None:
            return self.raw
        if request.arg("apiKey") != self.api_key:
            return answers.INVALID_KEY
        if self.error == "Message":
            return {"Message": "An error has occurred."}
        if self.error == "TooManyRequests":
            return answers.TOO_MANY_REQUESTS
        numbers = self.requested(request)
        if any(self.refuse(number) for number in numbers):
            return answers.INVALID_CHARACTERS
        parts = []
        for number in numbers:
            parts.extend(self.recorded.get(number.upper(), []))
            for mouser_pn, part in self.catalogue.items():
                mpn = part.get("mpn", mouser_pn.split("-", 1)[-1])
                if number.upper() in (mouser_pn.upper(), mpn.upper()):
                    parts.append(part_payload(mouser_pn, part))
        return {"Errors": [], "SearchResults": {"NumberOfResult": len(parts), "Parts": parts}}
