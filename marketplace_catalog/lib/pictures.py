"""Download catalogue pictures: public addresses only, size-limited, image-only.

Kept out of the models so the limits are tested against a real HTTP
server. Every failure is a ``PictureError`` whose message is shown on the
picture record and in the job result.

A catalogue comes from another system, so its picture URLs are not
trusted: a URL may point at this server's own network (an internal page,
the cloud metadata service) or redirect there. Only http(s) URLs whose
host resolves to public addresses are fetched, at every redirect hop; the
account's own host (the ERP serving relative picture URLs) is the one
exception. Messages never tell an internal page from a closed port. The
check resolves the name before connecting, so a name that resolves
differently a moment later (DNS rebinding) is not covered.
"""

import hashlib
import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import requests

from odoo.addons.marketplace_base.lib.http import AnswerTooLarge, AnswerTooSlow, read_bounded

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
#: Raster types Odoo turns into product images; SVG is refused (it carries script).
IMAGE_TYPES = {"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp"}


class PictureError(Exception):
    pass


def absolute_url(url, base_url=None):
    """``url`` joined to ``base_url`` when it is relative."""
    url = (url or "").strip()
    if base_url and not url.lower().startswith(("http://", "https://")):
        return urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))
    return url


def host_of(url):
    return (urlsplit(url or "").hostname or "").lower()


def check_public(url, allowed_hosts=()):
    """Refuse a URL that is not http(s) or whose host is not a public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PictureError(f"not an http(s) URL: {url[:200]!r}")
    host = parts.hostname.lower()
    if host in allowed_hosts:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        raise PictureError("could not be downloaded") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise PictureError("refused: the address is not a public one")


def fetch_picture(
    url, session=None, max_bytes=DEFAULT_MAX_BYTES, timeout=20, allowed_hosts=(), deadline=60
):
    """``(content, sha1 hex)`` of the image at ``url``.

    :param allowed_hosts: host names fetched even when not public (the
        account's own server)
    :param deadline: seconds for the whole download, redirects included
    """
    session = session or requests.Session()
    allowed = {h.lower() for h in allowed_hosts if h}
    ends_at = time.monotonic() + deadline
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            check_public(url, allowed)
            response = session.get(url, stream=True, timeout=timeout, allow_redirects=False)
            if not response.is_redirect:
                break
            response.close()
            url = urljoin(url, response.headers.get("Location", ""))
        else:
            raise PictureError("too many redirects")
        with response:
            return _read_image(response, max_bytes, ends_at)
    except requests.RequestException:
        raise PictureError("could not be downloaded") from None


def _read_image(response, max_bytes, ends_at):
    if response.status_code != 200:
        raise PictureError(f"HTTP {response.status_code}")
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind not in IMAGE_TYPES:
        raise PictureError(f"not an image Odoo accepts ({kind or 'no content type'})")
    try:
        content = read_bounded(response, max_bytes, ends_at - time.monotonic())
    except AnswerTooLarge:
        raise PictureError(f"larger than {max_bytes // 1024} KB") from None
    except AnswerTooSlow:
        raise PictureError("took too long to download") from None
    except (requests.RequestException, OSError):
        raise PictureError("could not be downloaded") from None
    if not content:
        raise PictureError("empty answer")
    return content, hashlib.sha1(content, usedforsecurity=False).hexdigest()
