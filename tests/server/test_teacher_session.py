"""The session cookie routes: same-origin JSON only, a ticket works once, the cookie is HttpOnly and Strict."""

from __future__ import annotations

import json

import pytest
from starlette.applications import Starlette

from lessonkit.auth.passwords import hash_password
from lessonkit.storage import Store
from server import teacher_session
from server.teacher_session import same_origin
from tests.server.asgi import run

PASSWORD = "rahasia-guru-1"
HOST = "192.168.1.10:8501"


@pytest.fixture
def store(tmp_path, monkeypatch):
    opened = Store.open(f"sqlite:///{tmp_path / 'sesi.db'}")
    opened.add_teacher("Sari", username="sari", password_hash=hash_password(PASSWORD))
    monkeypatch.setattr(teacher_session, "_store", lambda: opened)
    yield opened
    opened.engine.dispose()


def post(path: str, body: object, headers: dict[str, str] | None = None, cookie: str | None = None,
         scheme: str = "http", routes=teacher_session.routes, cookie_name: str = "lessonkit_guru"
         ) -> tuple[int, dict[bytes, list[bytes]]]:
    raw = json.dumps(body).encode()
    sent = {"content-type": "application/json", "host": HOST, "origin": f"http://{HOST}", **(headers or {})}
    if cookie:
        sent["cookie"] = f"{cookie_name}={cookie}"
    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
             "scheme": scheme, "server": ("192.168.1.10", 8501), "client": ("192.168.1.20", 50000),
             "headers": [(k.encode(), v.encode()) for k, v in sent.items()], "http_version": "1.1",
             "root_path": ""}
    messages = []

    async def receive():
        return {"type": "http.request", "body": raw, "more_body": False}

    async def send(message):
        messages.append(message)

    run(Starlette(routes=routes())(scope, receive, send))
    start = messages[0]
    headers: dict[bytes, list[bytes]] = {}
    for key, value in start["headers"]:
        headers.setdefault(key, []).append(value)
    return start["status"], headers


def test_same_origin_is_decided_by_fetch_metadata_or_else_by_origin_and_host():
    assert same_origin({"sec-fetch-site": "same-origin"})
    assert not same_origin({"sec-fetch-site": "cross-site", "origin": f"http://{HOST}", "host": HOST})
    assert same_origin({"origin": f"http://{HOST}", "host": HOST})
    assert same_origin({"origin": f"https://{HOST}", "host": "app:8501", "x-forwarded-host": HOST})
    assert not same_origin({"origin": "http://evil.example", "host": HOST})
    assert not same_origin({"host": HOST}), "no Origin, no fetch metadata: refused"


def test_a_ticket_becomes_an_httponly_strict_cookie_once(store):
    ticket = store.sign_in("sari", PASSWORD).ticket
    status, headers = post("/api/guru/sesi", {"tiket": ticket})
    assert status == 204
    [cookie] = headers[b"set-cookie"]
    text = cookie.decode()
    assert text.startswith("lessonkit_guru=") and "HttpOnly" in text and "SameSite=strict" in text
    assert "Path=/" in text and "Max-Age=43200" in text and "Secure" not in text
    token = text.split(";")[0].split("=", 1)[1]
    assert store.teacher_for_token(token)[0].username == "sari"
    assert post("/api/guru/sesi", {"tiket": ticket})[0] == 401, "a ticket works once"


def test_the_cookie_is_secure_behind_https(store):
    ticket = store.sign_in("sari", PASSWORD).ticket
    _, headers = post("/api/guru/sesi", {"tiket": ticket}, {"x-forwarded-proto": "https",
                                                           "origin": f"https://{HOST}"})
    assert "Secure" in headers[b"set-cookie"][0].decode()


def test_cross_site_or_non_json_requests_are_refused(store):
    ticket = store.sign_in("sari", PASSWORD).ticket
    assert post("/api/guru/sesi", {"tiket": ticket}, {"origin": "http://evil.example"})[0] == 403
    assert post("/api/guru/sesi", {"tiket": ticket}, {"sec-fetch-site": "cross-site"})[0] == 403
    assert post("/api/guru/sesi", {"tiket": ticket}, {"content-type": "text/plain"})[0] == 400
    assert post("/api/guru/sesi", ["bukan objek"])[0] == 400
    assert post("/api/guru/sesi", {"tiket": ticket})[0] == 204, "the refused requests did not use it up"


def test_sign_out_revokes_the_session_and_expires_the_cookie(store):
    ticket = store.sign_in("sari", PASSWORD).ticket
    token = store.redeem_ticket(ticket)
    assert post("/api/guru/keluar", {}, {"origin": "http://evil.example"}, cookie=token)[0] == 403
    assert store.teacher_for_token(token) is not None
    status, headers = post("/api/guru/keluar", {}, cookie=token)
    assert status == 204 and store.teacher_for_token(token) is None
    cleared = headers[b"set-cookie"][0].decode()
    assert cleared.startswith("lessonkit_guru=") and "Max-Age=0" in cleared
