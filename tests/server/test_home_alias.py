"""``/beranda`` leads to the home page (``/``), keeping a proxy's path prefix and the query string."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from server import home_alias
from tests.server.asgi import run
from ui import nav


def _get(path: str, query: str = "") -> tuple[int, dict[bytes, bytes]]:
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
             "scheme": "http", "server": ("127.0.0.1", 8501), "client": ("127.0.0.1", 50000), "headers": [],
             "http_version": "1.1", "root_path": ""}
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    run(Starlette(routes=home_alias.routes())(scope, receive, send))
    return messages[0]["status"], dict(messages[0]["headers"])


@pytest.mark.parametrize(("path", "query", "location"), [("/beranda", "", b"./"), ("/beranda/", "", b"../"),
                                                         ("/beranda", "kode=ABC", b"./?kode=ABC")])
def test_the_home_pages_own_path_redirects_to_the_home_page(path, query, location):
    status, headers = _get(path, query)
    assert status == 307 and headers[b"location"] == location


def test_the_alias_is_the_default_pages_key():
    assert home_alias.HOME_KEY == nav.HOME
