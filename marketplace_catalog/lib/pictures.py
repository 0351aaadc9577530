"""Download catalogue pictures: size-limited, image-only, hashed.

Kept out of the models so the limits are tested against a real HTTP
server. Every failure is a ``PictureError`` whose message is shown on the
picture record and in the job result.
"""

import hashlib
from urllib.parse import urljoin

import requests

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
CHUNK = 64 * 1024


class PictureError(Exception):
    pass


def absolute_url(url, base_url=None):
    """``url`` joined to ``base_url`` when it is relative."""
    url = (url or "").strip()
    if base_url and not url.lower().startswith(("http://", "https://")):
        return urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))
    return url


def fetch_picture(url, session=None, max_bytes=DEFAULT_MAX_BYTES, timeout=20):
    """``(content, sha1 hex)`` of the image at ``url``."""
    if not url.lower().startswith(("http://", "https://")):
        raise PictureError(f"not an http(s) URL: {url!r}")
    session = session or requests
    try:
        with session.get(url, stream=True, timeout=timeout) as response:
            if response.status_code != 200:
                raise PictureError(f"HTTP {response.status_code}")
            kind = response.headers.get("Content-Type", "")
            if kind and not kind.lower().startswith("image/"):
                raise PictureError(f"not an image ({kind})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise PictureError(f"larger than {max_bytes // 1024} KB")
            content = bytearray()
            for chunk in response.iter_content(CHUNK):
                content += chunk
                if len(content) > max_bytes:
                    raise PictureError(f"larger than {max_bytes // 1024} KB")
    except requests.RequestException as exc:
        raise PictureError(f"download failed: {exc.__class__.__name__}") from exc
    if not content:
        raise PictureError("empty answer")
    content = bytes(content)
    return content, hashlib.sha1(content, usedforsecurity=False).hexdigest()
