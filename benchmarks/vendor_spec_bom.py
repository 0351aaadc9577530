"""Benchmark: a 5,000-line vendor BOM against a 200,000-item partnumber book.

The book's items are inserted with SQL (setup only); 400 products stand for
the LOTs. The BOM is pasted as tab-separated text with a header, prices in
"1 234,50" style and a few unreadable rows, then previewed, confirmed,
resolved and recalculated into quotation lines, all through the wizard and
the quotation's buttons. The JSON API's resolve call is timed as the rows
it serialises (resolution included), without the HTTP round trip.

    python benchmarks/vendor_spec_bom.py --db DB [--items 200000] [--lines 5000]
"""

import random
import time

import odoo_env


def setup_book(env, items, products):
    book = env["vendor.partnumber.book"].create({"name": f"bench {time.time():.0f}"})
    env.cr.execute(
        """
        INSERT INTO vendor_partnumber_book_item
               (book_id, company_id, partnumber, partnumber_key, product_id, is_primary_pn)
        SELECT %s, %s, 'VPN-' || n, lower('VPN-' || n), (%s::int[])[1 + n %% %s], n %% 7 = 0
          FROM generate_series(1, %s) AS n
        """,
        (book.id, book.company_id.id, products.ids, len(products), items),
    )
    book.action_activate()
    env.cr.commit()
    return book


def bom_text(lines, items):
    rng = random.Random(42)
    rows = ["Part number\tDescription\tQty\tUnit price\tTotal"]
    for n in range(lines):
        if n % 500 == 499:
            rows.append(f"VPN-{n}\tbroken row\tsome\t\t")
            continue
        pn = f"VPN-{rng.randint(1, items)}" if n % 50 else f"UNKNOWN-{n}"
        qty = rng.randint(1, 8)
        price = rng.randint(100, 500000) / 100
        rows.append(
            f"{pn}\tpart {n}\t{qty}\t{price:,.2f}\t{price * qty:,.2f}".replace(",", " ").replace(
                ".", ","
            )
        )
    return "\n".join(rows)


def timed(label, function):
    start = time.perf_counter()
    result = function()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return result


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--items", type=int, default=200_000)
    p.add_argument("--lines", type=int, default=5000)
    args = p.parse_args()
    with odoo_env.environment(args) as env:
        products = env["product.product"].create(
            [
                {"name": f"LOT {i}", "default_code": f"BLOT-{i}", "list_price": 100 + i}
                for i in range(400)
            ]
        )
        timed(f"setup: book of {args.items} items", lambda: setup_book(env, args.items, products))
        partner = env["res.partner"].create({"name": "Bench customer"})
        order = env["sale.order"].create({"partner_id": partner.id})
        env.cr.commit()
        text = bom_text(args.lines, args.items)

        def preview():
            wizard = env["vendor.spec.import"].create({"order_id": order.id, "paste": text})
            wizard.action_preview()
            wizard.flush_recordset()
            return wizard

        wizard = timed(f"paste to preview ({args.lines} lines)", preview)
        print(f"  {wizard.row_count} readable lines, {wizard.error_count} reported")

        def confirm_and_resolve():
            wizard.action_confirm()
            env.invalidate_all()
            lines = order.vendor_spec_line_ids
            return lines.mapped("resolution_source")

        sources = timed("confirm and resolve", confirm_and_resolve)
        print(
            f"  {sources.count('book')} resolved by the book, "
            f"{sources.count('unresolved')} unresolved"
        )
        env.invalidate_all()
        timed(
            "resolution alone (fresh cache)",
            lambda: order.vendor_spec_line_ids.mapped("resolved_product_id"),
        )

        def recalc():
            order.action_vendor_spec_recalculate()
            env.flush_all()
            return order.order_line

        from odoo.addons.vendor_spec_bom.controllers.vendor_spec_api import _spec

        env.invalidate_all()
        payload = timed(
            "API resolve (rows with their resolution, fresh cache)", lambda: _spec(order)
        )
        print(f"  {len(payload['rows'])} rows, vendor total {payload['vendor_total']:,.2f}")
        lines = timed("recalculate estimate", recalc)
        print(f"  {len(lines)} quotation lines, untaxed total {order.amount_untaxed:,.2f}")
        env.cr.rollback()


if __name__ == "__main__":
    main()
