"""A fake Zortout API on a FixtureServer, answering in Zortout's v4 format.

``ZortoutFake(server, stock={"W1": {"SKU": 5}}, products={...})`` serves
GetProducts (page/limit/warehousecode/skulist/activestatus) and
GetWarehouses. Without ``warehousecode`` the stock is the sum over all
warehouses, as Zortout reports it. ``fail_page`` makes one page answer an
HTTP status; ``res_code`` makes every answer a business error;
``repeat_page = (3, 2)`` answers page 3 with page 2's items and
``ignore_paging`` answers page 1, with no count, whatever is asked (two
faults seen in the wild that must never inflate stock). ``orders`` (built
with ``make_order``) are served by GetOrders, filtered by update time
and the ``orderidlist`` header; ``fail_page``/``repeat_page`` apply there
too. No Odoo import: the Odoo tier, the unit tier and the benchmark share it.

Reads answer in ``read_form``: "wrapped", ``{"res": {resCode, resDesc},
"list", "count"}`` (Zortout's v4 reference, developers.zortout.com, Product
and Order pages), or "flat", ``{resCode, resDesc, list, count}`` (the form a
public Odoo integration reads: GitHub dionasaday/odoo,
otd_marketplace_stock/models/zortout_adapter.py).

Writes: UpdateProductStockList / UpdateProductAvailableStockList (body
``{"stocks": [{"sku", "stock"}]}``, ``warehousecode`` in the query) set the
quantities and record every batch in ``pushes``. The answer is the one a
public C# client declares (GitHub tealerr/CRUD-Ecommerce,
ecommerce/Common/Helper/ZortHelper.cs): ``write_form`` "flat" is its
``UpdateProductStockListResponse`` ``{resCode, resDesc, resDesc2, resDesc3,
detail: {stockupdate: {success, fail, notupdate, successlist, faillist,
notupdatelist}}}``, "wrapped" its ``ZortResponseFull`` ``{"res": {...}}``;
list items are ``{productid, sku, stock, skutype, cost}``. ``reject = {sku:
"faillist" or "notupdatelist"}`` leaves SKUs unwritten and names them there;
``push_res_code`` refuses whole writes (HTTP 200, another resCode),
``push_fail = (nth write, HTTP status)`` fails one, ``write_answer`` replaces
the answer with any JSON. UpdateWebhook / GetWebhook keep the settings in
``webhook`` and answer in ``write_form`` and ``read_form``.
"""

from collections import defaultdict
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal


def format_number(value):
    """Zortout sends numbers as strings."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


#: GetProducts fields beyond those the suite reads, as the product class of a
#: public C# client declares them (GitHub tealerr/CRUD-Ecommerce,
#: ZortHelper.cs, PRODUCTDETAILBYMARKETPLACE) and the v4 reference lists.
PRODUCT_EXTRAS = {
    "producttype": 0,
    "description": "",
    "imagepath": "",
    "weight": "0",
    "height": "0",
    "length": "0",
    "width": "0",
    "categoryid": None,
    "category": "",
    "variationid": None,
    "variant": "",
    "tag": [],
}


class ZortoutFake:
    def __init__(self, server, stock, products=None, warehouses=None, credentials=None):
        self.server = server
        self.stock = stock  # {warehouse code: {sku: quantity}}
        self.products = products or {}  # {sku: {name, barcode, sellprice, ...}}
        self.warehouses = warehouses or list(stock)
        self.credentials = credentials or {
            "storename": "shop",
            "apikey": "key",
            "apisecret": "secret",
        }
        self.fail_page = None  # (page number, HTTP status)
        self.res_code = None  # (code, description) answered with HTTP 200
        self.notice = None  # resDesc of a code-100 quota notice
        self.repeat_page = None  # (page asked, page answered)
        self.ignore_paging = False
        self.available = {}  # {warehouse code: {sku: available quantity}} written
        self.pushes = []  # [{"endpoint", "warehousecode", "stocks": {sku: qty}}]
        self.reject = {}  # {sku: "faillist" or "notupdatelist"}
        self.read_form = "wrapped"  # or "flat"
        self.write_form = "flat"  # or "wrapped"
        self.write_answer = None  # a callable(rows) -> JSON answer, replacing the usual one
        self.push_res_code = None  # (code, description) for writes only
        self.push_fail = None  # (nth write from 1, HTTP status)
        self.webhook = {}
        server.route("/v4/Product/GetProducts", self.get_products)
        server.route("/v4/Warehouse/GetWarehouses", self.get_warehouses)
        for endpoint in ("UpdateProductStockList", "UpdateProductAvailableStockList"):
            server.route(f"/v4/Product/{endpoint}", self.update_stock_list, method="POST")
        server.route("/v4/Webhook/UpdateWebhook", self.update_webhook, method="POST")
        server.route("/v4/Webhook/GetWebhook", self.get_webhook)
        server.route("/v4/Order/GetOrders", self.get_orders)
        self.orders = []  # GetOrders items, see make_order
        self.after_order_page = None  # called with the page number once it is answered

    @property
    def url(self):
        return f"{self.server.url}/v4"

    def _status(self, request):
        for key, value in self.credentials.items():
            if request.headers.get(key) != value:
                return 401, {"res": {"resCode": "401", "resDesc": "Unauthorized"}}
        if self.res_code:
            code, description = self.res_code
            return 200, self._read({"resCode": code, "resDesc": description})
        return None

    def _res(self):
        if self.notice:
            return {"resCode": "100", "resDesc": self.notice}
        return {"resCode": "200", "resDesc": ""}

    def _read(self, res, **data):
        """A read answer in ``read_form``."""
        if self.read_form == "flat":
            return {**res, **data}
        return {"res": res, **data}

    def _written(self, res, detail=None):
        """A write answer in ``write_form``: the C# client's two declared forms."""
        status = {**res, "resDesc2": "", "resDesc3": ""}
        if detail is not None:
            status["detail"] = detail
        return {"res": status} if self.write_form == "wrapped" else status

    def quantities(self, warehouse_code=None):
        if warehouse_code:
            return dict(self.stock.get(warehouse_code, {}))
        total = defaultdict(float)
        for per_sku in self.stock.values():
            for sku, quantity in per_sku.items():
                total[sku] += quantity
        return dict(total)

    def get_products(self, request):
        error = self._status(request)
        if error:
            return error
        page = int(request.arg("page", 1))
        limit = int(request.arg("limit", 20))
        failure, page = self._fault(page)
        if failure:
            return failure
        if self.ignore_paging:
            page = 1
        quantities = self.quantities(request.arg("warehousecode"))
        # Zortout lists every product whatever the warehouse, with 0 where it has none.
        skus = sorted(set(self.quantities()) | set(self.products))
        wanted = request.headers.get("skulist")
        if wanted:
            wanted = {s.strip() for s in wanted.split(",")}
            skus = [s for s in skus if s in wanted]
        if request.arg("activestatus") == "1":
            skus = [s for s in skus if self.products.get(s, {}).get("active", True)]
        chunk = skus[(page - 1) * limit : page * limit]
        items = []
        for index, sku in enumerate(chunk):
            meta = self.products.get(sku, {})
            quantity = quantities.get(sku, 0)
            items.append(
                {
                    "id": meta.get("id", (page - 1) * limit + index + 1),
                    "name": meta.get("name", f"Product {sku}"),
                    "sku": meta.get("sku", sku),
                    "barcode": meta.get("barcode", ""),
                    "sellprice": format_number(meta.get("sellprice", 100)),
                    "purchaseprice": format_number(meta.get("purchaseprice", 60)),
                    "stock": meta.get("stock", format_number(quantity)),
                    "availablestock": format_number(quantity),
                    "unittext": meta.get("unittext", "Units"),
                    "active": meta.get("active", True),
                    **{key: meta.get(key, value) for key, value in PRODUCT_EXTRAS.items()},
                }
            )
        if self.ignore_paging:
            return self._read(self._res(), list=items)
        return self._read(self._res(), list=items, count=len(skus))

    def get_warehouses(self, request):
        error = self._status(request)
        if error:
            return error
        items = [
            {"id": i + 1, "code": code, "name": f"Warehouse {code}"}
            for i, code in enumerate(self.warehouses)
        ]
        return self._read(self._res(), list=items, count=len(items))

    def pushed_skus(self):
        """Every SKU written so far, with its last quantity."""
        return {sku: qty for push in self.pushes for sku, qty in push["stocks"].items()}

    def update_stock_list(self, request):
        error = self._status(request)
        if error:
            return error
        if self.push_fail and self.push_fail[0] == len(self.pushes) + 1:
            self.pushes.append({"failed": True, "stocks": {}})
            return self.push_fail[1], "<html><body>Service Unavailable</body></html>"
        rows = request.json()["stocks"]
        if self.write_answer:
            return self.write_answer(rows)
        if self.push_res_code:
            code, description = self.push_res_code
            return self._written({"resCode": code, "resDesc": description})
        available = "Available" in request.path
        code = request.arg("warehousecode") or (self.warehouses[0] if self.warehouses else "")
        lists = {"successlist": [], "faillist": [], "notupdatelist": []}
        written = {}
        for index, row in enumerate(rows, 1):
            sku = row["sku"]
            item = {"productid": index, "sku": sku, "stock": row["stock"], "skutype": 0, "cost": 0}
            lists[self.reject.get(sku, "successlist")].append(item)
            if sku not in self.reject:
                written[sku] = row["stock"]
        target = self.available if available else self.stock
        target.setdefault(code, {}).update(written)
        self.pushes.append(
            {
                "endpoint": request.path.rsplit("/", 1)[-1],
                "warehousecode": request.arg("warehousecode"),
                "stocks": written,
                "sent": {row["sku"]: row["stock"] for row in rows},
            }
        )
        counts = {
            "success": len(lists["successlist"]),
            "fail": len(lists["faillist"]),
            "notupdate": len(lists["notupdatelist"]),
        }
        return self._written(self._push_res(), {"stockupdate": {**counts, **lists}})

    def _push_res(self):
        """A write's status: 200 (the quota notice is a read's)."""
        return {"resCode": "200", "resDesc": ""}

    def update_webhook(self, request):
        error = self._status(request)
        if error:
            return error
        self.webhook = request.json()
        return self._written(self._push_res())

    def get_webhook(self, request):
        error = self._status(request)
        if error:
            return error
        return self._read(self._res(), **self.webhook)

    def _fault(self, page):
        """``(answer, page)``: the configured failure of a page, or the page to serve."""
        if self.fail_page and self.fail_page[0] == page:
            return (self.fail_page[1], "<html><body>Internal Server Error</body></html>"), page
        if self.repeat_page and page == self.repeat_page[0]:
            page = self.repeat_page[1]
        return None, page

    def get_orders(self, request):
        error = self._status(request)
        if error:
            return error
        page = int(request.arg("page", 1))
        limit = min(int(request.arg("limit", 20)), 500)
        failure, page = self._fault(page)
        if failure:
            return failure
        orders = self.orders
        wanted = request.headers.get("orderidlist")
        if wanted:
            ids = {int(i) for i in wanted.split(",") if i.strip()}
            orders = [o for o in orders if o["id"] in ids]
        numbers = request.headers.get("numberlist")
        if numbers:
            wanted_numbers = {n.strip() for n in numbers.split(",") if n.strip()}
            orders = [o for o in orders if o["number"] in wanted_numbers]
        after = request.arg("updatedatetimeafter")
        before = request.arg("updatedatetimebefore")
        if after:
            orders = [o for o in orders if o["updatedatetimeString"] >= after]
        if before:
            orders = [o for o in orders if o["updatedatetimeString"] <= before]
        chunk = orders[(page - 1) * limit : page * limit]
        answer = self._read(self._res(), list=chunk, count=len(orders))
        if self.after_order_page:
            self.after_order_page(page)
        return answer


CENT = Decimal("0.01")


def _money(value):
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def make_order(
    order_id,
    lines,
    status="Pending",
    vattype=3,
    vatpercent=7,
    discount="",
    shipping=0,
    updated="2024-03-01 10:15",
    **extra,
):
    """A GetOrders item as Zortout sends it, its totals computed Zortout's way.

    Shape: Zortout Open API v4 reference, "Get Orders",
    https://developers.zortout.com/api-reference/order, cross-checked with
    the order classes of a public C# client (GitHub tealerr/CRUD-Ecommerce,
    ecommerce/Common/Helper/ZortOrders.cs: ZortOrder, ZortOrderList,
    ZortPayment) and a public Sequelize model of ZORT orders (the lower-case
    spellings ``isCOD``, ``trackingList``, ``createdatetimeString``,
    ``shippingdiscount``, ``vattype``, ``totalproductamount``). ``updated``
    is Zortout's text time (minutes); ``updatedatetime`` carries seconds.
    ``lines`` are ``(sku, quantity, unit price[, discount text])``; the
    rules for the totals are the ones documented in ``lib/orders.py``.
    """
    items, subtotal = [], Decimal(0)
    for index, (sku, quantity, price, *rest) in enumerate(lines, 1):
        gross = _money(Decimal(str(quantity)) * Decimal(str(price)))
        line_discount = rest[0] if rest else ""
        if str(line_discount).endswith("%"):
            cut = _money(gross * Decimal(line_discount[:-1]) / 100)
        else:
            cut = _money(line_discount or 0)
        subtotal += gross - cut
        items.append(
            {
                "id": order_id * 10 + index,
                "productid": index,
                "sku": sku,
                "name": f"Product {sku}",
                "number": format_number(quantity),
                "unittext": "Units",
                "pricepernumber": format_number(price),
                "discount": str(line_discount),
                "discountamount": format_number(cut),
                "totalprice": format_number(gross - cut),
                "producttype": 0,
                "serialnolist": [],
                "expirylotlist": [],
                "skutype": 0,
            }
        )
    if str(discount).endswith("%"):
        order_cut = _money(subtotal * Decimal(discount[:-1]) / 100)
    else:
        order_cut = _money(discount or 0)
    base = subtotal - order_cut + _money(shipping)
    vat = Decimal(0)
    if vattype == 2:
        vat = _money(base * Decimal(str(vatpercent)) / 100)
    elif vattype == 3:
        vat = _money(base * Decimal(str(vatpercent)) / (100 + Decimal(str(vatpercent))))
    amount = base + vat if vattype == 2 else base
    order = {
        "id": order_id,
        "ordertype": 0,
        "number": f"SO-{order_id:06d}",
        "customerid": order_id,
        "customercode": f"C{order_id:05d}",
        "customername": f"Customer {order_id}",
        "customeremail": "",
        "customerphone": "",
        "customeraddress": "1 Sukhumvit Road, Bangkok",
        "customeridnumber": "",
        "reference": "",
        "vattype": vattype,
        "vatpercent": format_number(vatpercent),
        "vatamount": format_number(vat),
        "saleschannel": "Shopee",
        "status": status,
        "paymentstatus": "Paid",
        "amount": format_number(amount),
        "discount": str(discount),
        "discountamount": format_number(order_cut),
        "shippingchannel": "Kerry",
        "shippingamount": format_number(_money(shipping)),
        "orderdate": updated[:10],
        "orderdateString": updated[:10],
        "createdatetime": f"{updated[:10]}T00:00:00",
        "createdatetimeString": f"{updated[:10]} 00:00",
        "updatedatetime": updated.replace(" ", "T") + (":00" if len(updated) == 16 else ""),
        "updatedatetimeString": updated[:16],
        "warehousecode": "W1",
        "trackingno": "",
        "trackingList": [],
        "isCOD": False,
        "paymentamount": format_number(amount),
        "payments": [
            {
                "id": order_id,
                "name": "Bank transfer",
                "amount": format_number(amount),
                "paymentdatetimeString": updated[:16],
            }
        ],
        "totalproductamount": format_number(subtotal),
        "voucheramount": "0",
        "platformdiscount": "0",
        "sellerdiscount": "0",
        "shippingdiscount": "0",
        "shippingvat": "0",
        "tag": [],
        "list": items,
    }
    order.update(extra)
    return order


def webhook_order_body(order):
    """An ADDORDER / UPDATEORDER webhook body: the order object itself.

    Shape: Zortout's webhook reference, ADDORDER "Ex. Payload JSON"
    (developers-v3.zortout.com/overview/webhook; the v4 page lists the same
    triggers): ``{"id": 1234, "number": "SO-0001", "orderdate":
    "/Date(1644944400000)/", "orderdateString": "2022-02-16", "customerid":
    ..., ...}`` with its ``list`` of order *lines*; the order fields as
    GetOrders sends them.
    """
    moment = datetime.strptime(order["orderdateString"], "%Y-%m-%d").replace(tzinfo=UTC)
    return {**order, "orderdate": f"/Date({int(moment.timestamp() * 1000)})/"}


def quantity_body(sku, stock, product_id=1):
    """An UPDATEPRODUCTQUANTITY body, as the webhook reference's example:
    ``{"id": 1234, "sku": "P0001", "name": "Product1", "stock": "20.00",
    "availablestock": "10.00"}``."""
    return {
        "id": product_id,
        "sku": sku,
        "name": f"Product {sku}",
        "stock": f"{stock:.2f}",
        "availablestock": f"{stock:.2f}",
    }
