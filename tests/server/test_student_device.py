"""The student's device cookie routes: a ticket becomes an HttpOnly Strict cookie once, Keluar forgets the device,
cross-site requests are refused, and the teacher's cookie is another cookie."""

from __future__ import annotations

import functools

import pytest

from lessonkit.storage import Store
from server import student_device, teacher_session
from tests.server.test_teacher_session import post as post_to

post = functools.partial(post_to, routes=student_device.routes, cookie_name="lessonkit_siswa")


@pytest.fixture
def store(tmp_path, monkeypatch):
    opened = Store.open(f"sqlite:///{tmp_path / 'perangkat.db'}")
    monkeypatch.setattr(teacher_session, "_store", lambda: opened)
    yield opened
    opened.engine.dispose()


def test_a_ticket_becomes_an_httponly_strict_cookie_holding_a_token_not_the_resume_code(store):
    siti = store.create_student("Siti")
    ticket = store.device_ticket(siti.id)
    status, headers = post("/api/siswa/perangkat", {"tiket": ticket})
    assert status == 204
    [cookie] = headers[b"set-cookie"]
    text = cookie.decode()
    assert text.startswith("lessonkit_siswa=") and "HttpOnly" in text and "SameSite=strict" in text
    token = text.split(";")[0].split("=", 1)[1]
    assert token != siti.code and siti.code not in text
    assert store.student_for_device(token) == siti
    assert post("/api/siswa/perangkat", {"tiket": ticket})[0] == 401, "a ticket works once"


def test_cross_site_requests_are_refused_and_keluar_forgets_only_this_device(store):
    siti = store.create_student("Siti")
    ticket = store.device_ticket(siti.id)
    assert post("/api/siswa/perangkat", {"tiket": ticket}, {"origin": "http://evil.example"})[0] == 403
    token = store.redeem_device_ticket(ticket)
    other = store.redeem_device_ticket(store.device_ticket(siti.id))
    assert post("/api/siswa/keluar", {}, {"sec-fetch-site": "cross-site"}, cookie=token)[0] == 403
    status, headers = post("/api/siswa/keluar", {}, cookie=token)
    assert status == 204 and store.student_for_device(token) is None and store.student_for_device(other) == siti
    cleared = headers[b"set-cookie"][0].decode()
    assert cleared.startswith("lessonkit_siswa=") and "Max-Age=0" in cleared
