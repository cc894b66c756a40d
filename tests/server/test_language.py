"""The HTML page is served as Indonesian; nothing else is touched."""

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

from server.language import HtmlLanguage

PAGE = b'<!doctype html><html lang="en"><head></head><body>Materi</body></html>'


def _serve(content_type: str, body: bytes, method: str = "GET", encoding: str | None = None):
    async def app(scope, receive, send):
        headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
        if encoding:
            headers.append((b"content-encoding", encoding.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    # in a thread of its own: the browser tests' Playwright keeps an event loop running in this one
    with ThreadPoolExecutor(1) as worker:
        worker.submit(asyncio.run, HtmlLanguage(app, lang="id")({"type": "http", "method": method}, receive,
                                                                 send)).result()
    headers = dict(sent[0]["headers"])
    return headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_html_pages_are_served_with_lang_id_and_a_matching_length():
    headers, body = _serve("text/html; charset=utf-8", PAGE)
    assert b'<html lang="id">' in body and b'lang="en"' not in body
    assert int(headers[b"content-length"]) == len(body)


def test_other_responses_pass_through_unchanged():
    script = b'var s = "<html lang=\\"en\\">";'
    _, body = _serve("application/javascript", script)
    assert body == script


def test_a_gzipped_page_for_a_deep_link_is_rewritten_and_stays_gzipped():
    headers, body = _serve("text/html", gzip.compress(PAGE), encoding="gzip")
    assert headers[b"content-encoding"] == b"gzip" and int(headers[b"content-length"]) == len(body)
    assert b'<html lang="id">' in gzip.decompress(body)


def test_other_encodings_pass_through_unchanged():
    _, body = _serve("text/html", b"\x00brotli", encoding="br")
    assert body == b"\x00brotli"
