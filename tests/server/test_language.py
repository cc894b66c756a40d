"""The HTML page is served as Indonesian; nothing else is touched."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from server.language import HtmlLanguage

PAGE = b'<!doctype html><html lang="en"><head></head><body>Materi</body></html>'


def _serve(content_type: str, body: bytes, method: str = "GET"):
    async def app(scope, receive, send):
        headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    with ThreadPoolExecutor(1) as worker:  # the browser tests' Playwright loop may be running in this thread
        worker.submit(asyncio.run, HtmlLanguage(app, lang="id")({"type": "http", "method": method}, receive, send)
                      ).result()
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
