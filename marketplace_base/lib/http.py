"""Base class for the suite's JSON-over-HTTP API clients.

It turns the transport's failures into the suite's errors so that every
channel reports them alike: timeouts, connection errors, HTTP 429 and 5xx
become ``RetryableJobError`` (keeping Retry-After); other 4xx, non-JSON
answers and missing keys become ``MarketplaceError`` naming the endpoint.
Text the database cannot store (a NUL) is repaired in the decoded answer
(U+FFFD) and the places are kept in ``client.text_repairs`` for the job to
report.

It is also the one place where requests are made, so the limits live here:
- no secret (a header value, a credential query parameter) ever reaches an
  error message, and the transport's own exception is not chained (its text
  holds the full URL);
- redirects are followed only on the same host: credentials are never sent
  to another one;
- an answer is read within a total deadline (not only a per-read timeout)
  and up to a size cap.
"""

import contextlib
import email.utils
import logging
import re
import threading
import time
from urllib.parse import urljoin, urlsplit

import requests

from .errors import MarketplaceError, RetryableJobError
from .text import without_nul

_logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30
#: An answer larger than this (decoded) is refused.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
_MISSING = object()
_CREDENTIAL_PARAM = re.compile(
    r"((?:api[_-]?key|apisecret|secret|token|access_token|password|passwd|key)=)[^&\s'\"]+",
    re.IGNORECASE,
)


def redact(text, secrets=()):
    """``text`` with every secret value and credential query value as ``***``."""
    text = str(text or "")
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = text.replace(secret, "***")
    return _CREDENTIAL_PARAM.sub(r"\1***", text)


class _RedactUrlFilter(logging.Filter):
    """urllib3 logs request lines with their query string at DEBUG level."""

    def filter(self, record):
        if record.args:
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_RedactUrlFilter())


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


def same_origin(url, other):
    """Whether two URLs share scheme, host and port."""
    a, b = urlsplit(url), urlsplit(other)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


class ResponseWatchdog:
    """Shuts a response's socket down when the deadline passes.

    A server that sends one byte every few seconds never trips a per-read
    timeout; shutting the socket down ends the blocked read at once.
    """

    def __init__(self, response, seconds):
        self.fired = False
        self._response = response
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()

    def _fire(self):
        self.fired = True
        raw = getattr(self._response, "raw", None)
        sock = getattr(getattr(raw, "_connection", None), "sock", None)
        if sock is None:
            fp = getattr(getattr(raw, "_fp", None), "fp", None)
            sock = getattr(getattr(fp, "raw", None), "_sock", None)
        with contextlib.suppress(OSError):
            if sock is not None:
                sock.shutdown(2)  # socket.SHUT_RDWR
        with contextlib.suppress(Exception):  # best effort, from another thread
            self._response.close()


class AnswerTooLarge(Exception):
    """The answer is larger than allowed (declared or read)."""


class AnswerTooSlow(Exception):
    """The answer did not arrive whole before the deadline."""


def read_bounded(response, max_bytes, seconds):
    """The body of a streamed ``response``: at most ``max_bytes``, within ``seconds``.

    Raises ``AnswerTooLarge`` or ``AnswerTooSlow``; transport errors pass.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.close()
        raise AnswerTooLarge()
    body = bytearray()
    with ResponseWatchdog(response, seconds) as watchdog:
        try:
            for chunk in response.iter_content(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    response.close()
                    raise AnswerTooLarge()
                if watchdog.fired:
                    break
        except (requests.RequestException, OSError, AttributeError, ValueError):
            if not watchdog.fired:
                raise
    if watchdog.fired:
        raise AnswerTooSlow()
    return bytes(body)


class JsonHttpClient:
    """A requests-based client answering decoded JSON or raising suite errors."""

    #: Name of the remote service, used in every error message.
    service = "API"

    def __init__(
        self,
        base_url,
        session=None,
        timeout=DEFAULT_TIMEOUT,
        deadline=None,
        max_bytes=DEFAULT_MAX_BYTES,
    ):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        #: Seconds one request may take in all, answer included.
        self.deadline = deadline or 2 * timeout
        self.max_bytes = max_bytes
        #: Where answers held text the database cannot store, repaired (see ``without_nul``).
        self.text_repairs = []

    def _headers(self):
        """Headers sent with every request (authentication, mostly)."""
        return {}

    def _secrets(self):
        """Values never to be shown: every header value sent, by default, and the
        credential of a "<scheme> <credential>" value (``Bearer <token>``) alone."""
        secrets = []
        for value in self._headers().values():
            if value:
                secrets.append(str(value))
                secrets.extend(str(value).split(" ", 1)[1:])
        return secrets

    def redact(self, text):
        return redact(text, self._secrets())

    def _auth_error(self, response, endpoint):
        """The error raised for HTTP 401/403; channels name their credentials."""
        return MarketplaceError(
            f"{self.service} refused the credentials (HTTP {response.status_code}) "
            f"on {endpoint}: check the account's API key."
        )

    def _request(self, method, endpoint, *, params=None, json=None, headers=None):
        url = f"{self.base_url}/{endpoint.lstrip('/')}"
        all_headers = {"Accept": "application/json", **self._headers(), **(headers or {})}
        deadline = time.monotonic() + self.deadline
        try:
            response = self._send(method, url, endpoint, params, json, all_headers, deadline)
            self._read_body(response, endpoint, deadline)
        except requests.Timeout:
            raise RetryableJobError(
                f"{self.service} did not answer {endpoint} within {self.timeout} s."
            ) from None
        except requests.ConnectionError:
            raise RetryableJobError(
                f"Could not connect to {self.service} ({self._host()})."
            ) from None
        except requests.RequestException as exc:
            raise MarketplaceError(
                f"{self.service} request to {endpoint} failed ({exc.__class__.__name__})."
            ) from None
        return self._decode(response, endpoint)

    def _host(self):
        return urlsplit(self.base_url).netloc

    def _send(self, method, url, endpoint, params, json, headers, deadline):
        """The response, following same-host redirects only."""
        for _hop in range(MAX_REDIRECTS + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RetryableJobError(
                    f"{self.service} did not answer {endpoint} within {self.deadline:.0f} s."
                )
            response = self.session.request(
                method,
                url,
                params=params,
                json=json,
                headers=headers,
                timeout=(min(self.timeout, remaining), min(self.timeout, remaining)),
                allow_redirects=False,
                stream=True,
            )
            if not response.is_redirect:
                return response
            target = urljoin(url, response.headers.get("Location", ""))
            response.close()
            if not same_origin(url, target):
                raise MarketplaceError(
                    f"{self.service} redirected {endpoint} to another host "
                    f"({urlsplit(target).hostname}); credentials are never sent to another "
                    "host: check the account's URL."
                )
            if response.status_code == 303 or (
                response.status_code in (301, 302) and method == "POST"
            ):
                method, json = "GET", None
            url, params = target, None
        raise MarketplaceError(
            f"{self.service} redirected {endpoint} more than {MAX_REDIRECTS} times."
        )

    def _read_body(self, response, endpoint, deadline):
        """Read the whole answer within the deadline and the size cap."""
        try:
            body = read_bounded(response, self.max_bytes, deadline - time.monotonic())
        except AnswerTooLarge:
            raise MarketplaceError(
                f"{self.service} sent more than {self.max_bytes // (1024 * 1024)} MB on "
                f"{endpoint}; the answer was not read."
            ) from None
        except AnswerTooSlow:
            raise RetryableJobError(
                f"{self.service} did not finish its answer on {endpoint} within "
                f"{self.deadline:.0f} s."
            ) from None
        response._content = body  # pylint: disable=protected-access
        response._content_consumed = True  # pylint: disable=protected-access

    def _decode(self, response, endpoint):
        status = response.status_code
        if status in (401, 403):
            raise self._auth_error(response, endpoint)
        if status == 429 or status >= 500:
            raise RetryableJobError(
                f"{self.service} answered HTTP {status} on {endpoint}.",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        if status >= 400:
            raise MarketplaceError(
                f"{self.service} answered HTTP {status} on {endpoint}: "
                f"{self.redact(excerpt(response.text))}"
            )
        try:
            payload = response.json()
        except ValueError:
            kind = response.headers.get("Content-Type", "unknown content type")
            raise MarketplaceError(
                f"{self.service} sent an answer that is not JSON on {endpoint} "
                f"({kind}): {self.redact(excerpt(response.text))}"
            ) from None
        if b"\\u0000" in response.content:
            payload, paths = without_nul(payload)
            if paths:
                note = (
                    f"{self.service} sent text holding a NUL on {endpoint} at "
                    f"{', '.join(paths[:5])}{' ...' if len(paths) > 5 else ''}: "
                    "stored as \ufffd (the database cannot store a NUL)"
                )
                self.text_repairs.append(self.redact(note))
                _logger.warning("%s", self.text_repairs[-1])
        return payload

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
