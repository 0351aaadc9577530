"""A fake Zortout API on a FixtureServer, answering in Zortout's v4 format.

``ZortoutFake(server, stock={"W1": {"SKU": 5}}, products={...})`` serves
GetProducts (page/limit/warehousecode/skulist/activestatus) and
GetWarehouses. Without ``warehousecode`` the stock is the sum over all
warehouses, as Zortout reports it. ``fail_page`` makes one page answer an
HTTP status; ``res_code`` makes every answer a business error;
``repeat_page = (3, 2)`` answers page 3 with page 2's items and
``ignore_paging`` answers page 1, with no count, whatever is asked (two
faults seen in the wild that must never inflate stock). No Odoo
import: the Odoo tier, the unit tier and the benchmark share it.

Writes: UpdateProductStockList / UpdateProductAvailableStockList (body
``{"stocks": [{"sku", "stock"}]}``, ``warehousecode`` in the query) set the
quantities and record every batch in ``pushes``; ``reject = {sku: ("faillist"
or "notupdatelist", reason)}`` leaves SKUs unwritten and names them in the
answer, as strings or as objects (``rejection_shape``); ``push_res_code``
refuses whole writes, ``push_fail = (nth write, HTTP status)`` fails one.
UpdateWebhook / GetWebhook keep the settings in ``webhook``. Formats:
https://developers.zortout.com (Product, Webhook); no sample write answer was
found, so its item shape follows the reference's field names.
"""

from collections import defaultdict


def format_number(value):
    """Zortout sends numbers as strings."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


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
        self.reject = {}  # {sku: (list name, reason)}
        self.rejection_shape = "object"  # or "string"
        self.push_res_code = None  # (code, description) for writes only
        self.push_fail = None  # (nth write from 1, HTTP status)
        self.webhook = {}
        server.route("/v4/Product/GetProducts", self.get_products)
        server.route("/v4/Warehouse/GetWarehouses", self.get_warehouses)
        for endpoint in ("UpdateProductStockList", "UpdateProductAvailableStockList"):
            server.route(f"/v4/Product/{endpoint}", self.update_stock_list, method="POST")
        server.route("/v4/Webhook/UpdateWebhook", self.update_webhook, method="POST")
        server.route("/v4/Webhook/GetWebhook", self.get_webhook)

    @property
    def url(self):
        return f"{self.server.url}/v4"

    def _status(self, request):
        for key, value in self.credentials.items():
            if request.headers.get(key) != value:
                return 401, {"res": {"resCode": "401", "resDesc": "Unauthorized"}}
        if self.res_code:
            code, description = self.res_code
            return 200, {"res": {"resCode": code, "resDesc": description}}
        return None

    def _res(self):
        if self.notice:
            return {"resCode": "100", "resDesc": self.notice}
        return {"resCode": "200", "resDesc": ""}

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
        if self.fail_page and self.fail_page[0] == page:
            return self.fail_page[1], "<html><body>Internal Server Error</body></html>"
        if self.repeat_page and page == self.repeat_page[0]:
            page = self.repeat_page[1]
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
                }
            )
        if self.ignore_paging:
            return {"res": self._res(), "list": items}
        return {"res": self._res(), "list": items, "count": len(skus)}

    def get_warehouses(self, request):
        error = self._status(request)
        if error:
            return error
        items = [
            {"id": i + 1, "code": code, "name": f"Warehouse {code}"}
            for i, code in enumerate(self.warehouses)
        ]
        return {"res": self._res(), "list": items, "count": len(items)}

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
        if self.push_res_code:
            code, description = self.push_res_code
            return {"res": {"resCode": code, "resDesc": description}}
        available = "Available" in request.path
        code = request.arg("warehousecode") or (self.warehouses[0] if self.warehouses else "")
        rows = request.json()["stocks"]
        lists = {"faillist": [], "notupdatelist": []}
        written = {}
        for row in rows:
            sku = row["sku"]
            if sku in self.reject:
                name, reason = self.reject[sku]
                item = {"sku": sku, "reason": reason} if self.rejection_shape == "object" else sku
                lists[name].append(item)
                continue
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
        return {"res": self._res(), **lists}

    def update_webhook(self, request):
        error = self._status(request)
        if error:
            return error
        self.webhook = request.json()
        return {"res": self._res()}

    def get_webhook(self, request):
        error = self._status(request)
        if error:
            return error
        return {"res": self._res(), **self.webhook}
