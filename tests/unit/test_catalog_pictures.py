"""Catalogue pictures: public addresses only, images only, within limits.

A catalogue's picture URLs come from another system, so they are probed
here as an attacker would write them: internal addresses in every
spelling, redirects to them, SVG, answers that never end.
"""

import socket
import time

import pytest

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_catalog.lib.pictures import (
    PictureError,
    absolute_url,
    check_public,
    fetch_picture,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100
OWN = ("127.0.0.1",)  # the fixture server plays the account's own host


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def test_picture_is_downloaded_and_hashed(server):
    server.route("/a.png", lambda r: (200, PNG, {"Content-Type": "image/png"}))
    content, checksum = fetch_picture(f"{server.url}/a.png", allowed_hosts=OWN)
    assert content == PNG
    assert len(checksum) == 40


@pytest.mark.parametrize(
    "answer, message",
    [
        ((404, b"", {}), "HTTP 404"),
        ((200, b"<html>", {"Content-Type": "text/html"}), "not an image"),
        ((200, PNG, {}), "no content type"),
        ((200, b"<svg onload='x()'/>", {"Content-Type": "image/svg+xml"}), "not an image"),
        ((200, b"x" * 3000, {"Content-Type": "image/png"}), "larger than 1 KB"),
        ((200, b"", {"Content-Type": "image/png"}), "empty"),
    ],
)
def test_picture_failures_say_why(server, answer, message):
    server.route("/p", lambda r: answer)
    with pytest.raises(PictureError, match=message):
        fetch_picture(f"{server.url}/p", max_bytes=1024, allowed_hosts=OWN)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a.png",
        "file:///etc/passwd",
        "gopher://127.0.0.1/",
        "http:///a.png",
    ],
)
def test_only_http_urls_with_a_host(url):
    with pytest.raises(PictureError, match="not an http"):
        fetch_picture(url)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",  # 127.0.0.1 as one number
        "0x7f000001",  # ... in hex
        "0177.0.0.1",  # ... in octal
        "127.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # the cloud metadata service
        "[fe80::1]",
        "0.0.0.0",
    ],
)
def test_internal_addresses_are_refused_in_every_spelling(host):
    with pytest.raises(PictureError, match="not a public one"):
        check_public(f"http://{host}/a.png")


def test_a_public_address_passes():
    check_public("http://93.184.216.34/a.png")  # a literal address: no DNS needed


def test_the_accounts_own_host_is_allowed(server):
    server.route("/a.png", lambda r: (200, PNG, {"Content-Type": "image/png"}))
    with pytest.raises(PictureError, match="not a public one"):
        fetch_picture(f"{server.url}/a.png")
    assert fetch_picture(f"{server.url}/a.png", allowed_hosts=["127.0.0.1"])[0] == PNG


def test_a_redirect_to_an_internal_address_is_refused(server):
    with FixtureServer(host="127.0.0.2") as internal:
        internal.route("/admin", lambda r: (200, PNG, {"Content-Type": "image/png"}))
        server.route("/a.png", (302, "", {"Location": f"{internal.url}/admin"}))
        with pytest.raises(PictureError, match="not a public one"):
            fetch_picture(f"{server.url}/a.png", allowed_hosts=OWN)
        assert internal.requests == []


def test_an_internal_page_and_a_closed_port_read_alike(server):
    """A user must not learn from the message which internal ports are open."""
    server.route("/p", lambda r: (200, PNG, {"Content-Type": "image/png"}))
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    messages = set()
    for url in (f"{server.url}/p", f"http://127.0.0.1:{port}/p"):
        with pytest.raises(PictureError) as err:
            fetch_picture(url)
        messages.add(str(err.value))
    assert len(messages) == 1


def test_a_dripping_picture_is_cut_at_the_deadline(server):
    def drip(request):
        def chunks():
            yield PNG[:10]
            for _ in range(100):
                time.sleep(0.1)
                yield b"0"

        return 200, chunks(), {"Content-Type": "image/png"}

    server.route("/slow.png", drip)
    started = time.monotonic()
    with pytest.raises(PictureError, match="took too long"):
        fetch_picture(f"{server.url}/slow.png", allowed_hosts=OWN, timeout=2, deadline=1)
    assert time.monotonic() - started < 3


def test_relative_picture_urls_are_joined():
    assert (
        absolute_url("/img/a.jpg", "https://erp.example/api") == "https://erp.example/api/img/a.jpg"
    )
    assert (
        absolute_url("https://cdn.example/a.jpg", "https://erp.example")
        == "https://cdn.example/a.jpg"
    )
