"""A tiny HTTP server on 127.0.0.1 for testing the real API clients.

Tests register handlers per path; each handler gets a ``FixtureRequest``
and returns a body (HTTP 200), ``(status, body)`` or
``(status, body, headers)``. A ``dict``
or ``list`` body is sent as JSON, ``str``/``bytes`` as is, and a generator
of ``bytes`` is streamed chunk by chunk with no length (to play a server
that drips or never ends). Every request
is recorded so tests can assert what the client sent. No Odoo import: the
unit tier and the Odoo tier both use it.
"""

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class FixtureRequest:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes = b""
    received_at: float = field(default_factory=time.monotonic)

    def arg(self, name, default=None):
        """The first value of a query-string argument."""
        values = self.query.get(name)
        return values[0] if values else default

    def json(self):
        return json.loads(self.body or b"null")


class FixtureServer:
    """``with FixtureServer() as server: server.route("/x", handler)``."""

    def __init__(self, host="127.0.0.1"):
        self.routes = {}
        self.requests = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path, handler, method="GET"):
        """Answer ``method path`` with ``handler(request)``; a non-callable is a fixed answer."""
        if not callable(handler):
            answer = handler
            handler = lambda request: answer  # noqa: E731
        self.routes[(method, path)] = handler

    def requests_to(self, path):
        return [r for r in self.requests if r.path == path]

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _handle(self, request):
        with self._lock:
            self.requests.append(request)
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            return 404, {"Message": f"no fixture for {request.method} {request.path}"}, {}
        answer = handler(request)
        if not isinstance(answer, tuple):
            answer = (200, answer)
        status, body, headers = (answer + ({},))[:3]
        return status, body, headers

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = FixtureRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
                status, body, headers = server._handle(request)
                if hasattr(body, "__next__"):
                    self._stream(status, body, headers)
                    return
                if isinstance(body, (dict, list)):
                    payload = json.dumps(body).encode()
                    headers = {"Content-Type": "application/json", **headers}
                elif isinstance(body, str):
                    payload = body.encode()
                else:
                    payload = body or b""
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, status, chunks, headers):
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Connection", "close")
                self.end_headers()
                with contextlib.suppress(OSError):  # the client hung up, as it should
                    for chunk in chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, *args):
                pass

        return Handler
