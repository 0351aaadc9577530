"""The vendor spec API answers a missing or wrong API key in JSON too.

Odoo's bearer authentication refuses such a call before the route runs, with
a plain-text 401; an API client reads JSON, so for the API's own paths the
refusal is rewritten as a JSON 401 (the status and the refusal unchanged).
"""

import json

import werkzeug.exceptions
import werkzeug.wrappers

from odoo import http, models
from odoo.exceptions import AccessDenied
from odoo.http import request

API_PATHS = ("/api/vendor-spec/", "/api/partnumber-books")


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _auth_method_bearer(cls):
        try:
            return super()._auth_method_bearer()
        except (werkzeug.exceptions.Unauthorized, AccessDenied, http.SessionExpiredException):
            if not request.httprequest.path.startswith(API_PATHS):
                raise
            body = json.dumps(
                {
                    "error": "A valid API key is required: send "
                    "'Authorization: Bearer <key>' (in Odoo: Preferences > Account Security > "
                    "New API Key)."
                }
            )
            response = werkzeug.wrappers.Response(body, status=401, content_type="application/json")
            raise werkzeug.exceptions.Unauthorized(response=response) from None
