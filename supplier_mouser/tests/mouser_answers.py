"""Mouser Search API v1 answers, shaped like the ones recorded in public projects.

Each answer keeps the keys, nesting, types and string formats of a recorded
answer (prices and lead times as Mouser's sites write them, numbers as
strings, nulls where Mouser sends null); values are trimmed to what the
tests need. The source of each shape is named next to it. No Odoo import:
the unit tier, the Odoo tier and the benchmark use it.
"""

import copy


def _answer(*parts):
    return {
        "Errors": [],
        "SearchResults": {"NumberOfResult": len(parts), "Parts": [copy.deepcopy(p) for p in parts]},
    }


# Japanese site (mouser.jp): decimal yen next to whole yen, "42 日", "在庫".
# Shape: progress-all/caddi-poc, docs/api-spec.md ("Mouser API / Keyword Search
# Response", 595-LM358BAIPWR, recorded from mouser.jp).
JP_PART = {
    "Availability": "6178 在庫",
    "DataSheetUrl": "",
    "Description": "オペレーショナル・アンプ：オプ・アンプ Dual 36-V 1.2-MHz",
    "FactoryStock": "0",
    "ImagePath": "https://www.mouser.com/images/texasinstruments/images/TSSOP-8_SPL.jpg",
    "Category": "オペレーショナル・アンプ：オプ・アンプ",
    "LeadTime": "42 日",
    "LifecycleStatus": None,
    "Manufacturer": "Texas Instruments",
    "ManufacturerPartNumber": "LM358BAIPWR",
    "Min": "1",
    "Mult": "1",
    "MouserPartNumber": "595-LM358BAIPWR",
    "ProductAttributes": [
        {"AttributeName": "パッケージ化", "AttributeValue": "Reel"},
        {"AttributeName": "パッケージ化", "AttributeValue": "Cut Tape"},
        {"AttributeName": "標準パックの数量", "AttributeValue": "2000"},
    ],
    "PriceBreaks": [
        {"Quantity": 1, "Price": "¥48", "Currency": "JPY"},
        {"Quantity": 10, "Price": "¥32.8", "Currency": "JPY"},
        {"Quantity": 100, "Price": "¥25.1", "Currency": "JPY"},
        {"Quantity": 1000, "Price": "¥20.2", "Currency": "JPY"},
    ],
    "AlternatePackagings": None,
    "ProductDetailUrl": "https://www.mouser.jp/ProductDetail/Texas-Instruments/LM358BAIPWR",
    "Reeling": True,
    "ROHSStatus": "RoHS Compliant",
    "SuggestedReplacement": "",
    "MultiSimBlue": 0,
    "AvailabilityInStock": "6178",
    "AvailabilityOnOrder": [],
    "InfoMessages": [],
    "SurchargeMessages": None,
    "ProductCompliance": [{"ComplianceName": "ECCN", "ComplianceValue": "EAR99"}],
}
JP = _answer(JP_PART)

# German/EU site: comma decimals with the euro sign after the amount ("6,85 €",
# Currency "EUR"), German texts ("Auf Lager", "Tage", "Verpackung").
# Price format: oaslananka/kicad-mcp-pro issue #905 (a German account's
# PriceBreaks); texts: hildogjr/KiCost issue #521 (a partnumber answer
# recorded with a German account, "385316 Auf Lager"); keys as JP above.
EU_PART = {
    **copy.deepcopy(JP_PART),
    "Availability": "385316 Auf Lager",
    "DataSheetUrl": "https://www.mouser.com/datasheet/2/585/MLCC-1837944.pdf",
    "Description": "Kondensator aus mehreren Keramikschichten MLCC - SMD/SMT 10uF 25V X5R",
    "Category": "Kondensator aus mehreren Keramikschichten MLCC - SMD/SMT",
    "LeadTime": "42 Tage",
    "Manufacturer": "Samsung Electro-Mechanics",
    "ManufacturerPartNumber": "CL31A106MBHNNNE",
    "MouserPartNumber": "187-CL31A106MBHNNNE",
    "ProductAttributes": [
        {"AttributeName": "Verpackung", "AttributeValue": "Reel"},
        {"AttributeName": "Verpackung", "AttributeValue": "Cut Tape"},
    ],
    "PriceBreaks": [
        {"Quantity": 1, "Price": "0,218 €", "Currency": "EUR"},
        {"Quantity": 10, "Price": "0,141 €", "Currency": "EUR"},
        {"Quantity": 4000, "Price": "0,018 €", "Currency": "EUR"},
    ],
    "ProductDetailUrl": "https://www.mouser.de/ProductDetail/Samsung-Electro-Mechanics/CL31A106MBHNNNE",
    "AvailabilityInStock": "385316",
}
EU = _answer(EU_PART)

# US site (www.mouser.com): "$0.51", Currency "USD", "84 Days", "In Stock".
# Keys as JP above; US strings as quoted in oaslananka/kicad-mcp-pro issue #905
# and SergeoLacruz/inventree-supplier-panel inventree_supplier_panel/mouser.py.
US_PART = {
    **copy.deepcopy(JP_PART),
    "Availability": "15811 In Stock",
    "Description": "Timers & Support Products Single Precision Timer",
    "Category": "Timers & Support Products",
    "LeadTime": "84 Days",
    "LifecycleStatus": None,
    "ManufacturerPartNumber": "NE555P",
    "MouserPartNumber": "595-NE555P",
    "ProductAttributes": [
        {"AttributeName": "Packaging", "AttributeValue": "Tube"},
        {"AttributeName": "Standard Pack Qty", "AttributeValue": "50"},
    ],
    "PriceBreaks": [
        {"Quantity": 1, "Price": "$0.51", "Currency": "USD"},
        {"Quantity": 10, "Price": "$0.323", "Currency": "USD"},
        {"Quantity": 1000, "Price": "$0.218", "Currency": "USD"},
    ],
    "ProductDetailUrl": "https://www.mouser.com/ProductDetail/Texas-Instruments/NE555P",
    "AvailabilityInStock": "15811",
}
US = _answer(US_PART)

# An obsolete part: no price breaks, no stock keys, a suggested replacement.
# Shape: hildogjr/KiCost issue #542 (answers without "Availability" for parts
# "Not Available or Non-Stocked"); keys as US above.
OBSOLETE_PART = {
    **copy.deepcopy(US_PART),
    "Description": "Timers & Support Products Obsolete",
    "LeadTime": "",
    "LifecycleStatus": "Obsolete",
    "ManufacturerPartNumber": "NE555N",
    "MouserPartNumber": "595-NE555N",
    "PriceBreaks": [],
    "SuggestedReplacement": "NE555P",
}
for _key in ("Availability", "AvailabilityInStock"):
    OBSOLETE_PART.pop(_key)
OBSOLETE = _answer(OBSOLETE_PART)

# Two listings of one manufacturer number (reel and cut tape): NumberOfResult 2.
# Keys as US above; Mouser lists packagings under their own Mouser numbers.
TWO_LISTINGS = _answer(
    {**US_PART, "ManufacturerPartNumber": "LM358", "MouserPartNumber": "595-LM358DR"},
    {
        **US_PART,
        "ManufacturerPartNumber": "LM358",
        "MouserPartNumber": "926-LM358MX/NOPB",
        "Manufacturer": "Texas Instruments / National Semiconductor",
    },
)

# Nothing found. Shape: SergeoLacruz/inventree-supplier-panel
# inventree_supplier_panel/mouser.py (NumberOfResult 0 is "no result").
EMPTY = {"Errors": [], "SearchResults": {"NumberOfResult": 0, "Parts": []}}

# Error bodies, sent with HTTP 200.
# Invalid key: Part-DB/Part-DB-server issue #1017 (the full body, as logged).
INVALID_KEY = {
    "Errors": [
        {
            "Id": 0,
            "Code": "Invalid",
            "Message": "Invalid unique identifier.",
            "ResourceKey": "InvalidIdentifier",
            "ResourceFormatString": None,
            "ResourceFormatString2": None,
            "PropertyName": "API Key",
        }
    ],
    "SearchResults": None,
}
# Non-ASCII in the search string, and the daily quota spent: both with a null
# Message. Source: SergeoLacruz/inventree-supplier-panel
# inventree_supplier_panel/mouser.py (module docstring, "Here are some examples").
INVALID_CHARACTERS = {
    "Errors": [
        {
            "Id": 0,
            "Code": "InvalidCharacters",
            "Message": None,
            "ResourceKey": None,
            "ResourceFormatString": None,
            "ResourceFormatString2": None,
            "PropertyName": None,
        }
    ],
    "SearchResults": None,
}
TOO_MANY_REQUESTS = {
    "Errors": [{**INVALID_CHARACTERS["Errors"][0], "Code": "TooManyRequests"}],
    "SearchResults": None,
}
