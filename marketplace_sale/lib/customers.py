"""Which orders of one page belong to the same new customer.

A customer code identifies the customer (Zortout's ``customercode``, a
marketplace's buyer id). Real customers change phone and e-mail between
orders, so one code with other contacts is still one customer. Without a
code, the phone, then the e-mail, then (with none of them) the name find a
customer met earlier. Two different codes are two customers, whatever they
share.

No Odoo import: the unit tier tests it alone.
"""

CONTACT_KEYS = ("phone", "email")


def group_customers(contacts):
    """``[group index]`` of each contact (a ``Customer``), in order; equal
    indexes are one customer.

    Within a page this is what matching against Odoo's partners does across
    pages: a code finds its code, an uncoded contact finds a customer by
    phone or e-mail (coded or not), a coded contact takes over an uncoded
    customer met by phone or e-mail, never one with another code.
    """
    codes = []  # the code of each group, "" for none yet
    index = {"code": {}, "phone": {}, "email": {}, "name": {}}
    groups = []
    for contact in contacts:
        group = index["code"].get(contact.code) if contact.code else None
        if group is None:
            for key in CONTACT_KEYS:
                value = getattr(contact, key)
                found = index[key].get(value) if value else None
                if found is not None and (not contact.code or not codes[found]):
                    group = found
                    break
        anonymous = contact.anonymous
        if group is None and anonymous and contact.name:
            group = index["name"].get(contact.name)
        if group is None:
            group = len(codes)
            codes.append("")
        if contact.code and not codes[group]:
            codes[group] = contact.code
            index["code"][contact.code] = group
        for key in CONTACT_KEYS:
            value = getattr(contact, key)
            if value:
                index[key].setdefault(value, group)
        if anonymous and contact.name:
            index["name"].setdefault(contact.name, group)
        groups.append(group)
    return groups
