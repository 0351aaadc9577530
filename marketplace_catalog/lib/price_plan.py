"""The price list rules a catalogue item asks for.

Each currency has a list ``C-<CUR>`` ("<CUR> Price"), each discount list a
list ``<list>-<CUR>`` ("<list description> (<CUR>)"); tier prices go to the
default list (the company currency's ``C-<CUR>``) as quantity breaks. Zero
prices in discount lists mean "no discount price" in ERPs and are skipped.
A price marked ``exact`` goes to the source's own list (its code and name
as given, e.g. DkHome's price lists), zero or not.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PriceRule:
    list_code: str  # C-EUR, A-SEK
    currency: str
    list_name: str  # the name a new price list gets
    min_qty: Decimal
    compute: str  # "fixed" or "percentage"
    value: Decimal


def currency_list(currency):
    return f"C-{currency}", f"{currency} Price"


def discount_list(code, currency, description=None):
    return f"{code}-{currency}", f"{description or code} ({currency})"


def price_rules(item, company_currency):
    """``(rules, zero_prices_skipped)`` for one item."""
    rules = {}
    zeros = 0
    for price in item.prices:
        currency = (price.currency or company_currency).strip().upper()
        if price.exact and price.list_code:
            code, name = price.list_code.strip(), price.list_name or price.list_code.strip()
        elif price.list_code:
            if not price.price:
                zeros += 1
                continue
            code, name = discount_list(price.list_code.strip(), currency, price.list_name)
        else:
            code, name = currency_list(currency)
        rules[(code, Decimal(0))] = PriceRule(
            code, currency, name, Decimal(0), "fixed", Decimal(price.price)
        )
    code, name = currency_list(company_currency)
    for tier in item.tier_prices:
        if tier.price is not None:
            rule = PriceRule(code, company_currency, name, tier.min_qty, "fixed", tier.price)
        elif tier.discount is not None:
            rule = PriceRule(
                code, company_currency, name, tier.min_qty, "percentage", tier.discount
            )
        else:
            continue
        rules[(code, Decimal(tier.min_qty))] = rule
    return list(rules.values()), zeros
