"""Kuis Langsung's push in Chromium: a phone shows the question the teacher opens within a moment, by a rerun of its
screen's fragment only (the event stream, not the poll), and a phone whose stream is blocked still gets there by the
slow poll; the last answer closes the question on both. The server keeps when each phone was first shown the
question."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from lessonkit.services import live_session as service
from lessonkit.storage import Store
from lessonkit.storage.models import LiveShownRow
from tests.browser.flows import db_url, make_teacher, shoot, sign_in
from tests.browser.test_live_quiz_in_browser import WAIT, join

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

PUSH_BOUND_S = 5.0  # a loaded 2-core machine; that it came by the push, not the poll, says the absent full run


def count_full_runs(page) -> list[int]:
    """A counter of the whole-page runs the server sends this page from now on (fragment runs not counted)."""
    runs = [0]

    def received(payload) -> None:
        if not isinstance(payload, bytes):
            return
        try:
            message = ForwardMsg.FromString(payload)
        except Exception:  # noqa: BLE001 - not a ForwardMsg
            return
        if message.WhichOneof("type") == "new_session" and not message.metadata.run.fragment_ids:
            runs[0] += 1

    page.on("websocket", lambda socket: socket.on("framereceived", received))
    return runs


def test_a_phone_shows_an_opened_question_at_once_and_a_blocked_stream_falls_back_to_the_poll(
        server, visit, monkeypatch, screenshot_dir):
    from ui import data

    make_teacher(server.data_dir, monkeypatch, "guru_push", "Sari Dewi")
    store = Store.open(db_url(server.data_dir))
    record = service.create(store, data.bank(), store.teacher("guru_push").id, ["kd-01", "kd-03"],
                            base_seconds=60, speed_bonus=True)
    teacher = visit("projector")
    host = sign_in(teacher, f"{server.url}/kuis-langsung-guru", "guru_push")
    expect(host.get_by_role("button", name="Mulai kuis")).to_be_visible(**WAIT)

    link = f"{server.url}/kuis-langsung?kuis={record.code}"
    ana_visit, budi_visit = visit("phone"), visit("phone")
    full_runs = count_full_runs(ana_visit.page)
    blocked = []
    budi_visit.page.route("**/_live/events**", lambda route: (blocked.append(route.request.url), route.abort()))
    ana, budi = join(ana_visit, link, "Ana"), join(budi_visit, link, "Budi")
    expect(host.get_by_text("2 siswa sudah bergabung")).to_be_visible(**WAIT)
    ana.wait_for_timeout(500)  # Ana's stream is open and has told her page the lobby's version
    runs_before = full_runs[0]

    host.get_by_role("button", name="Mulai kuis").click()
    clicked = time.monotonic()
    expect(ana.get_by_text("Soal 1 dari 2")).to_be_visible(**WAIT)
    seen = time.monotonic() - clicked
    assert seen < PUSH_BOUND_S, f"the phone waited {seen:.1f} s: the push did not bring the question"
    assert full_runs[0] == runs_before, "the push reran the phone's whole page, not its screen's fragment"
    shoot(ana, screenshot_dir, "live-push-siswa-soal.png")

    expect(budi.get_by_text("Soal 1 dari 2")).to_be_visible(**WAIT)  # no stream: the slow poll
    assert blocked, "Budi's stream was not even tried"
    budi.get_by_role("button", name="A.").first.click()
    budi_visit.settle()
    ana.get_by_role("button", name="A.").first.click()  # the last answer closes the question: both see the result
    expect(ana.get_by_text("Total poinmu")).to_be_visible(**WAIT)
    expect(budi.get_by_text("Total poinmu")).to_be_visible(**WAIT)
    with store._session() as db:
        shown = set(db.scalars(select(LiveShownRow.seat).where(LiveShownRow.session_id == record.id)))
    assert shown == {1, 2}
    store.engine.dispose()
