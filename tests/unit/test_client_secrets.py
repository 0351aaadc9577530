"""Every channel's client, against servers that misbehave: no secret leaks.

A server that redirects to another host must not receive the credentials;
an error answer that echoes the request (as some do) must not bring the
credentials into the message; nor may a refused connection, whose
transport error holds the full URL. Each client is driven through its own
``check_connection``, the call behind the account's Test connection button.
"""

import traceback
from urllib.parse import urlencode

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_dkhome.clients.dkhome import DkHomeClient
from odoo.addons.marketplace_spector.clients.spector import SpectorClient
from odoo.addons.marketplace_zortout.clients.zortout import ZortoutClient
from odoo.addons.supplier_mouser.clients.mouser import MouserClient
from odoo.addons.vendor_spec_bom.clients.book_server import BookServerClient

# secrets are built here, so a traceback's source lines never show them
KEY, SECRET, STORE = "k3y" + "-Z9", "s3cr3t" + "-Q7", "my" + "-store-41"

CLIENTS = {
    "zortout": (
        lambda url: ZortoutClient(STORE, KEY, SECRET, base_url=url, timeout=2),
        [KEY, SECRET, STORE],
    ),
    "dkhome": (lambda url: DkHomeClient(url, KEY, timeout=2), [KEY]),
    "spector": (lambda url: SpectorClient(url, KEY, timeout=2), [KEY]),
    "mouser": (lambda url: MouserClient(KEY, base_url=url, timeout=2), [KEY]),
    "book server": (lambda url: BookServerClient(url, KEY, timeout=2), [KEY]),
}


def shown(exc):
    return "".join(traceback.format_exception(exc))


def echo(request):
    """An error page that repeats everything the client sent."""
    text = f"bad request {request.path}?{urlencode(request.query, doseq=True)} {request.headers}"
    return 400, text, {"Content-Type": "text/plain"}


class CatchAll(FixtureServer):
    """Answers every path of every method with one handler."""

    def __init__(self, handler, host="127.0.0.1"):
        super().__init__(host=host)
        self.handler = handler

    def _handle(self, request):
        self.requests.append(request)
        answer = self.handler(request)
        return (answer + ({},))[:3]


@pytest.mark.parametrize("channel", sorted(CLIENTS))
def test_credentials_never_follow_a_redirect_to_another_host(channel):
    make, _secrets = CLIENTS[channel]
    with CatchAll(lambda r: (200, {"ok": True}), host="127.0.0.2") as elsewhere:
        redirect = (302, "", {"Location": f"{elsewhere.url}/steal"})
        with (
            CatchAll(lambda r: redirect) as server,
            pytest.raises(MarketplaceError, match="redirected .* to another host"),
        ):
            make(server.url).check_connection()
        assert elsewhere.requests == []


@pytest.mark.parametrize("channel", sorted(CLIENTS))
def test_an_answer_echoing_the_request_shows_no_secret(channel):
    make, secrets = CLIENTS[channel]
    with CatchAll(echo) as server, pytest.raises(MarketplaceError) as err:
        make(server.url).check_connection()
    text = shown(err.value)
    assert "HTTP 400" in text
    for secret in secrets:
        assert secret not in text


@pytest.mark.parametrize("channel", sorted(CLIENTS))
def test_a_refused_connection_shows_no_secret(channel):
    make, secrets = CLIENTS[channel]
    down = FixtureServer()
    url = down.url
    down.stop()
    with pytest.raises(MarketplaceError) as err:
        make(url).check_connection()
    for secret in secrets:
        assert secret not in shown(err.value)


@pytest.mark.parametrize("channel", sorted(CLIENTS))
def test_an_error_naming_the_bare_key_shows_no_secret(channel):
    """A server may repeat the token alone ("token X expired"), not the header."""
    make, secrets = CLIENTS[channel]
    answer = (422, f"credential {KEY} has expired", {"Content-Type": "text/plain"})
    with CatchAll(lambda r: answer) as server, pytest.raises(MarketplaceError) as err:
        make(server.url).check_connection()
    assert KEY not in shown(err.value)


WEBHOOK_TOKEN = "wh00k" + "-T0k3n-88"
BUSINESS_ERRORS = {
    # an answer of HTTP 200 whose error message repeats what was sent
    "zortout": (
        lambda url: ZortoutClient(
            STORE, KEY, SECRET, base_url=url, timeout=2, secrets=[WEBHOOK_TOKEN]
        ),
        {"res": {"resCode": "401", "resDesc": f"{STORE}/{KEY}/{SECRET}/{WEBHOOK_TOKEN} denied"}},
        [KEY, SECRET, STORE, WEBHOOK_TOKEN],
    ),
    "mouser": (
        lambda url: MouserClient(KEY, base_url=url, timeout=2),
        {"Errors": [{"Code": "Invalid", "Message": f"The key {KEY} is not valid"}]},
        [KEY],
    ),
}


@pytest.mark.parametrize("channel", sorted(BUSINESS_ERRORS))
def test_a_business_error_echoing_the_credentials_shows_none(channel):
    make, body, secrets = BUSINESS_ERRORS[channel]
    with CatchAll(lambda r: (200, body)) as server, pytest.raises(MarketplaceError) as err:
        make(server.url).check_connection()
    for secret in secrets:
        assert secret not in shown(err.value)
