"""Base class for the suite's JSON-over-HTTP API clients.

It turns the transport's failures into the suite's errors so that every
channel reports them alike: timeouts, connection errors, HTTP 429 and 5xx
become ``RetryableJobError`` (keeping Retry-After); other 4xx, non-JSON
answers and missing keys become ``MarketplaceError`` naming the endpoint.
"""

import email.utils
import time

import requests

from .errors import MarketplaceError, RetryableJobError

DEFAULT_TIMEOUT = 30
_MISSING = object()


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now is None else now
    return max(0.0, moment.timestamp() - now)


def excerpt(text, size=200):
    """The start of a response body, on one line, for an error message."""
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[:size] + "…"


class JsonHttpClient:
    """A requests-based client answering decoded JSON or raising suite errors."""

    #: Name of the remote service, used in every error message.
    service = "API"

    def __init__(self, base_url, session=None, timeout=DEFAULT_TIMEOUT):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout

    def _headers(self):
        """Headers sent with every request (authentication, mostly)."""
        return {}

    def _auth_error(self, response, endpoint):
        """The error raised for HTTP 401/403; channels name their credentials."""
        return MarketplaceError(
            f"{self.service} refused the credentials (HTTP {response.status_code}) "
            f"on {endpoint}: check the account's API key."
        )

    def _request(self, method, endpoint, *, params=None, json=None, headers=None):
        url = f"{self.base_url}/{endpoint.lstrip('/')}"
        all_headers = {"Accept": "application/json", **self._headers(), **(headers or {})}
        try:
            response = self.session.request(
                method, url, params=params, json=json, headers=all_headers, timeout=self.timeout
            )
        except requests.Timeout as exc:
            raise RetryableJobError(
                f"{self.service} did not answer {endpoint} within {self.timeout} s."
            ) from exc
        except requests.ConnectionError as exc:
            raise RetryableJobError(
                f"Could not connect to {self.service} ({self.base_url})."
            ) from exc
        except requests.RequestException as exc:
            raise MarketplaceError(f"{self.service} request to {endpoint} failed: {exc}") from exc
        return self._decode(response, endpoint)

    def _decode(self, response, endpoint):
        status = response.status_code
        if status in (401, 403):
            raise self._auth_error(response, endpoint)
        if status == 429 or status >= 500:
            raise RetryableJobError(
                f"{self.service} answered HTTP {status} on {endpoint}; will retry.",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        if status >= 400:
            raise MarketplaceError(
                f"{self.service} answered HTTP {status} on {endpoint}: {excerpt(response.text)}"
            )
        try:
            return response.json()
        except ValueError as exc:
            kind = response.headers.get("Content-Type", "unknown content type")
            raise MarketplaceError(
                f"{self.service} sent an answer that is not JSON on {endpoint} "
                f"({kind}): {excerpt(response.text)}"
            ) from exc

    def field(self, payload, key, endpoint, types=None, default=_MISSING):
        """``payload[key]``, or an error naming the endpoint and the key.

        ``types`` (a type or tuple) checks the value's type; ``default`` is
        returned instead of failing when the key is absent or null.
        """
        if not isinstance(payload, dict):
            raise MarketplaceError(
                f"{self.service} {endpoint}: expected an object holding '{key}', "
                f"got {type(payload).__name__}."
            )
        value = payload.get(key)
        if value is None:
            if default is not _MISSING:
                return default
            raise MarketplaceError(f"{self.service} {endpoint}: the answer has no '{key}'.")
        if types is not None and not isinstance(value, types):
            raise MarketplaceError(
                f"{self.service} {endpoint}: '{key}' should be "
                f"{_type_names(types)}, got {type(value).__name__}."
            )
        return value


def _type_names(types):
    if isinstance(types, tuple):
        return " or ".join(t.__name__ for t in types)
    return types.__name__
