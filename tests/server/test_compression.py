"""Static files go out gzip-compressed, compressed once; everything else is left as the inner layers made it."""

from __future__ import annotations

import asyncio
import gzip
import urllib.request

from server.compression import Compression
from tests.browser.conftest import server  # noqa: F401 - the running app, shared with the browser tests
from tests.conftest import run_async

SCRIPT = b"export function lesson() { return 'tahap demi tahap'; }\n" * 200


class Inner:
    """A stand-in for Streamlit: serves one body and remembers every request it saw."""

    def __init__(self, body: bytes = SCRIPT, content_type: str = "application/javascript", status: int = 200):
        self.body, self.content_type, self.status = body, content_type, status
        self.seen: list[dict] = []

    async def __call__(self, scope, receive, send):
        self.seen.append(scope)
        headers = [(b"content-type", self.content_type.encode()), (b"content-length", str(len(self.body)).encode()),
                   (b"etag", b'"abc"'), (b"cache-control", b"public, immutable, max-age=31536000")]
        await asyncio.sleep(0.01)
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body[:100], "more_body": True})
        await send({"type": "http.response.body", "body": self.body[100:]})


def _request(path: str, *headers: tuple[bytes, bytes]) -> dict:
    return {"type": "http", "method": "GET", "path": path, "headers": list(headers)}


async def _call(middleware: Compression, scope: dict) -> tuple[dict, bytes]:
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    await middleware(scope, receive, send)
    return dict(sent[0]["headers"]) | {b":status": str(sent[0]["status"]).encode()}, b"".join(
        m.get("body", b"") for m in sent[1:])


def _get(middleware: Compression, scope: dict) -> tuple[dict, bytes]:
    return run_async(_call(middleware, scope))


GZIP = (b"accept-encoding", b"gzip, deflate, br")


def test_a_static_script_is_sent_gzipped_with_matching_headers():
    headers, body = _get(Compression(Inner()), _request("/static/js/index.js", GZIP))
    assert headers[b"content-encoding"] == b"gzip"
    assert gzip.decompress(body) == SCRIPT
    assert int(headers[b"content-length"]) == len(body) < len(SCRIPT) / 4
    assert headers[b"vary"] == b"Accept-Encoding"
    assert headers[b"etag"] == b'W/"abc"', "the same resource, not the same bytes"


def test_each_static_file_is_compressed_once_even_when_a_class_asks_at_the_same_moment():
    inner = Inner()
    middleware = Compression(inner)

    async def class_arrives():
        return await asyncio.gather(*(_call(middleware, _request("/static/js/index.js", GZIP)) for _ in range(40)))

    answers = run_async(class_arrives())
    assert len(inner.seen) == 1
    assert all(gzip.decompress(body) == SCRIPT for _, body in answers)
    _get(middleware, _request("/static/js/index.js", GZIP))
    assert len(inner.seen) == 1, "later browsers get the kept copy"


def test_inner_layers_never_see_accept_encoding_so_they_always_send_plain_bodies():
    inner = Inner(b"<html lang=\"id\">" + b"x" * 2000, "text/html; charset=utf-8")
    headers, body = _get(Compression(inner), _request("/materi", GZIP, (b"host", b"kelas")))
    assert [k for k, _ in inner.seen[0]["headers"]] == [b"host"]
    assert gzip.decompress(body).startswith(b'<html lang="id">')


def test_browsers_without_gzip_and_other_responses_pass_through_unchanged():
    assert _get(Compression(Inner()), _request("/static/js/index.js"))[1] == SCRIPT
    assert _get(Compression(Inner()), _request("/static/js/index.js", (b"accept-encoding", b"gzip;q=0")))[1] == SCRIPT
    for inner in (Inner(b"\x89PNG" + b"0" * 4000, "image/png"), Inner(b"x" * 100), Inner(SCRIPT, status=404)):
        headers, body = _get(Compression(inner), _request("/static/x", GZIP))
        assert body == inner.body and b"content-encoding" not in headers
    headers, body = _get(Compression(Inner()), _request("/static/js/index.js", GZIP, (b"range", b"bytes=0-99")))
    assert body == SCRIPT and b"content-encoding" not in headers


def test_the_running_app_sends_its_scripts_gzipped_and_every_page_address_in_indonesian(server):  # noqa: F811
    def fetch(path: str) -> tuple[dict, bytes]:
        request = urllib.request.Request(f"{server.url}{path}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return {k.lower(): v for k, v in response.headers.items()}, response.read()

    for path in ("/", "/materi?bagian=pengantar"):
        headers, body = fetch(path)
        assert headers["content-encoding"] == "gzip"
        assert b'<html lang="id"' in gzip.decompress(body)
    page = gzip.decompress(fetch("/")[1]).decode()
    script = page.split('src="./static/js/', 1)[1].split('"', 1)[0]
    headers, body = fetch(f"/static/js/{script}")
    assert headers["content-encoding"] == "gzip" and len(gzip.decompress(body)) > 3 * len(body)
