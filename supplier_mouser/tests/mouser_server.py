"""A fake Mouser Search API on a FixtureServer, answering in Mouser's v1 format.

``MouserFake(server, catalogue)`` with ``catalogue = {mouser_pn: part}`` where
``part`` holds ``mpn``, ``breaks`` [(qty, "price string", currency)] and
optional overrides. Exact searches of ``|``-joined numbers match Mouser or
manufacturer part numbers. Switches: ``api_key``, ``error`` ("TooManyRequests",
"InvalidCharacters", "Message"), ``raw`` (a body sent as is). No Odoo import.
"""


def part_payload(mouser_pn, part):
    breaks = [
        {"Quantity": qty, "Price": price, "Currency": currency}
        for qty, price, currency in part.get("breaks", [(1, "$1.00", "USD")])
    ]
    payload = {
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
        "PriceBreaks": breaks,
        "ProductAttributes": [
            {"AttributeName": "Packaging", "AttributeValue": part.get("packaging", "Reel")}
        ],
    }
    for key in part.get("drop", []):
        payload.pop(key, None)
    return payload


class MouserFake:
    def __init__(self, server, catalogue, api_key="mouser-key"):
        self.server = server
        self.catalogue = catalogue
        self.api_key = api_key
        self.error = None
        self.raw = None
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

    def search(self, request):
        if self.raw is not None:
            return self.raw
        if request.arg("apiKey") != self.api_key:
            return {
                "Errors": [
                    {
                        "Id": 0,
                        "Code": "Invalid",
                        "Message": "Invalid unique identifier.",
                        "PropertyName": "API Key",
                    }
                ],
                "SearchResults": None,
            }
        if self.error == "Message":
            return {"Message": "An error has occurred."}
        if self.error:
            return {"Errors": [{"Code": self.error, "Message": self.error}], "SearchResults": None}
        parts = []
        for number in self.requested(request):
            for mouser_pn, part in self.catalogue.items():
                mpn = part.get("mpn", mouser_pn.split("-", 1)[-1])
                if number.upper() in (mouser_pn.upper(), mpn.upper()):
                    parts.append(part_payload(mouser_pn, part))
        return {"Errors": [], "SearchResults": {"NumberOfResult": len(parts), "Parts": parts}}
