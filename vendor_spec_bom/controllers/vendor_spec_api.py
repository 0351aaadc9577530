"""The vendor spec JSON API of the source document, on Odoo.

Authentication is Odoo's own API keys (``Authorization: Bearer <key>``,
``auth="bearer"``); every call runs as the key's user, so access rights,
record rules and companies apply as in the web client. Errors are JSON
with a status a client can act on: 400 (invalid rows, with their row
numbers), 403, 404, 409 (a confirmed order). A missing or wrong key is
refused by Odoo before these routes run, with a JSON 401 (``models/ir_http.py``).
A book pull is queued as a job: 202 Accepted, with a URL telling its state.
"""

import functools
import json

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from ..lib.api_rows import validate_rows

MAX_PAGE = 1000


class ApiError(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status, self.extra = status, extra


def _json(data, status=200):
    return request.make_json_response(data, status=status)


def api_route(path, methods):
    """A JSON route authenticated by API key, errors turned into JSON."""

    def decorate(function):
        @http.route(
            path, type="http", auth="bearer", methods=methods, csrf=False, save_session=False
        )
        @functools.wraps(function)
        def wrapper(self, *args, **kwargs):
            try:
                with request.env.cr.savepoint():
                    result = function(self, *args, **kwargs)
                    return result if isinstance(result, http.Response) else _json(result)
            except ApiError as exc:
                return _json({"error": str(exc), **exc.extra}, exc.status)
            except MissingError as exc:
                return _json({"error": str(exc)}, 404)
            except AccessError as exc:
                return _json({"error": str(exc)}, 403)
            except (UserError, ValidationError) as exc:
                return _json({"error": str(exc)}, 400)

        return wrapper

    return decorate


def _product(product):
    if not product:
        return None
    return {"id": product.id, "default_code": product.default_code, "name": product.name}


def _order(order_id):
    order = request.env["sale.order"].browse(order_id)
    if not order.exists():
        raise ApiError(404, f"Quotation {order_id} does not exist.")
    order.check_access("read")
    return order


def _editable(order):
    order.check_access("write")
    if order.state not in ("draft", "sent"):
        raise ApiError(409, f"{order.name} is confirmed: its vendor spec cannot change.")


def _spec(order):
    return {
        "sale_order_id": order.id,
        "name": order.name,
        "state": order.state,
        "vendor_total": order.vendor_spec_vendor_total,
        "unresolved_total": order.vendor_spec_unresolved_total,
        "unresolved_count": order.vendor_spec_unresolved_count,
        "rows": [
            {
                "id": line.id,
                "sort_order": line.sequence,
                "vendor_partnumber": line.vendor_partnumber,
                "quantity": line.quantity,
                "description": line.description or "",
                "unit_price": line.unit_price,
                "total_price": line.total_price,
                "resolution_source": line.resolution_source,
                "resolved_product": _product(line.resolved_product_id),
                "resolved_lot_name": line.resolved_product_id.default_code or None,
                "is_primary_pn": line.is_primary_pn,
                "manual_lot_suggestion": line.manual_product_id.default_code or None,
            }
            for line in order.vendor_spec_line_ids
        ],
    }


def _body():
    try:
        return json.loads(request.httprequest.get_data(as_text=True) or "null")
    except ValueError as exc:
        raise ApiError(400, f"The body is not JSON: {exc}") from exc


def _book(book):
    return {
        "id": book.id,
        "version": book.name,
        "date": book.date.isoformat(),
        "is_active": book.is_active,
        "source": book.source,
        "server_book_id": book.server_book_id or None,
        "item_count": book.item_count,
        "company_id": book.company_id.id,
    }


def _pull_state(job):
    """A book pull job as the API shows it: pending, started, done or failed."""
    return {
        "job_id": job.id,
        "state": job.state,
        "summary": job.summary or None,
        "result": job.result or None,
        "error": job.error_message or None,
    }


def _int_arg(name, default, maximum=None):
    value = request.httprequest.args.get(name, default)
    try:
        value = int(value)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, f"{name} must be an integer") from exc
    if value < 0:
        raise ApiError(400, f"{name} must be 0 or more")
    return min(value, maximum) if maximum else value


class VendorSpecApi(http.Controller):
    @api_route("/api/vendor-spec/<int:order_id>", ["GET"])
    def vendor_spec_get(self, order_id):
        return _spec(_order(order_id))

    @api_route("/api/vendor-spec/<int:order_id>", ["PUT"])
    def vendor_spec_put(self, order_id):
        order = _order(order_id)
        _editable(order)
        values, errors = validate_rows(_body())
        if errors:
            raise ApiError(400, "Invalid rows: nothing was changed.", rows=errors)
        codes = {v["manual_lot_suggestion"] for v in values if v["manual_lot_suggestion"]}
        products = {
            p["default_code"]: p["id"]
            for p in request.env["product.product"].search_read(
                [("default_code", "in", list(codes))], ["default_code"]
            )
        }
        for number, row in enumerate(values, 1):
            code = row.pop("manual_lot_suggestion")
            if code and code not in products:
                errors.append({"row": number, "error": f"no product with reference {code!r}"})
            row["manual_product_id"] = products.get(code, False)
        if errors:
            raise ApiError(400, "Invalid rows: nothing was changed.", rows=errors)
        order._vendor_spec_replace(values)
        return _spec(order)

    @api_route("/api/vendor-spec/<int:order_id>/resolve", ["POST"])
    def vendor_spec_resolve(self, order_id):
        order = _order(order_id)
        order.vendor_spec_line_ids.invalidate_recordset(["resolved_product_id"])
        return _spec(order)

    @api_route("/api/vendor-spec/<int:order_id>/apply", ["POST"])
    def vendor_spec_apply(self, order_id):
        order = _order(order_id)
        _editable(order)
        order.action_vendor_spec_recalculate()
        return {
            **_spec(order),
            "order_lines": [
                {"product": _product(line.product_id), "quantity": line.product_uom_qty}
                for line in order.order_line
                if not line.display_type
            ],
        }

    @api_route("/api/partnumber-books", ["GET"])
    def books(self):
        return {"books": [_book(b) for b in request.env["vendor.partnumber.book"].search([])]}

    @api_route("/api/partnumber-books/<int:book_id>", ["GET"])
    def book_items(self, book_id, **_query):
        book = request.env["vendor.partnumber.book"].browse(book_id)
        if not book.exists():
            raise ApiError(404, f"Partnumber book {book_id} does not exist.")
        book.check_access("read")
        offset = _int_arg("offset", 0)
        limit = _int_arg("limit", 100, MAX_PAGE) or 100
        Item = request.env["vendor.partnumber.book.item"]
        domain = [("book_id", "=", book.id)]
        items = Item.search(domain, offset=offset, limit=limit, order="id")
        return {
            **_book(book),
            "offset": offset,
            "limit": limit,
            "total": Item.search_count(domain),
            "items": [
                {
                    "partnumber": item.partnumber,
                    "lot_name": item.product_id.default_code,
                    "product": _product(item.product_id),
                    "is_primary_pn": item.is_primary_pn,
                    "description": item.description or "",
                }
                for item in items
            ],
        }

    @api_route("/api/partnumber-books/pull", ["POST"])
    def books_pull(self):
        """Queue the pull (a slow book server must not hold an HTTP worker)."""
        job = request.env["vendor.partnumber.book"]._queue_pull(request.env.company)
        status_url = f"/api/partnumber-books/pull/{job.id}"
        return request.make_json_response(
            {**_pull_state(job), "status_url": status_url},
            headers={"Location": status_url},
            status=202,
        )

    @api_route("/api/partnumber-books/pull/<int:job_id>", ["GET"])
    def books_pull_state(self, job_id):
        Book = request.env["vendor.partnumber.book"]
        Book.check_access("create")
        job = Book._pull_job(job_id, request.env.user.company_ids)
        if not job:
            raise ApiError(404, f"Book pull {job_id} does not exist.")
        return _pull_state(job)
