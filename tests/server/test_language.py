"""The HTML page is served as Indonesian, with the app's script first in its head; nothing else is touched."""

from server.language import HtmlLanguage
from tests.conftest import run_async

PAGE = b'<!doctype html><html lang="en"><head></head><body>Materi</body></html>'


def _serve(content_type: str, body: bytes, method: str = "GET", head: str = ""):
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

    run_async(HtmlLanguage(app, lang="id", head=head)({"type": "http", "method": method}, receive, send))
    headers = dict(sent[0]["headers"])
    return headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_html_pages_are_served_with_lang_id_and_a_matching_length():
    headers, body = _serve("text/html; charset=utf-8", PAGE)
    assert b'<html lang="id">' in body and b'lang="en"' not in body
    assert int(headers[b"content-length"]) == len(body)


def test_the_head_markup_comes_first_in_the_head():
    headers, body = _serve("text/html; charset=utf-8", PAGE, head="<script>x()</script>")
    assert body.startswith(b'<!doctype html><html lang="id"><head><script>x()</script></head>')
    assert int(headers[b"content-length"]) == len(body)


def test_other_responses_pass_through_unchanged():
    script = b'var s = "<html lang=\\"en\\"><head>";'
    _, body = _serve("application/javascript", script, head="<script>x()</script>")
    assert body == script
