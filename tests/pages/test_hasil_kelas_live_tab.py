"""Hasil Kelas, tab Kuis Langsung: a class's finished live quiz shows each player's result and the class's score
per question; the podium's link opens the dashboard on that class; another teacher sees none of it."""

from __future__ import annotations

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from lessonkit.services import live_session as service
from tests.conftest import ROOT
from tests.lessonkit.storage.test_live import right_answer
from tests.pages.test_teacher_pages import HASH, fresh, page, sign_in, texts

T0 = 1_000.0


def finished_live_quiz(store):
    """Sari's two classes; the second one played a two-question live quiz: Ana right twice, Budi wrong once."""
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    store.create_class(sari.id, "XI IPS 1")
    klass = store.create_class(sari.id, "XI IPS 2")
    bank = read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)
    ids = [q.id for q in bank.questions if q.type == "single"][:2]
    record = service.create(store, bank, sari.id, ids, base_seconds=20, speed_bonus=False, class_id=klass.id, now=T0)
    _, ana = service.join(store, record.code, "Ana **tebal**", now=T0)
    _, budi = service.join(store, record.code, "Budi", now=T0)
    record = service.command(store, sari.id, record.id, "start", now=T0 + 1)
    first = right_answer(bank, record, 0)
    service.answer(store, bank, record.id, ana.token, ids[0], first, now=T0 + 2)
    service.answer(store, bank, record.id, budi.token, ids[0], (first + 1) % 2, now=T0 + 3)  # all in: it closes
    for name in ("next", "next"):  # leaderboard, then the second question
        record = service.command(store, sari.id, record.id, name, now=T0 + 4)
    service.answer(store, bank, record.id, ana.token, ids[1], right_answer(bank, record, 1), now=T0 + 5)
    for name in ("close", "next", "end"):
        record = service.command(store, sari.id, record.id, name, now=T0 + 6)
    return klass


def test_the_live_tab_shows_each_players_result_and_the_class_score_per_question(store):
    klass = finished_live_quiz(store)
    at = fresh()
    at.query_params["kelas"] = str(klass.id)  # the podium's "Lihat hasil kelas" link
    at = sign_in(page("app_pages/hasil_kelas.py", at))
    assert not at.exception
    assert at.selectbox(key="class_admin_selected").value == klass.id
    assert [t.label for t in at.tabs][-1] == "Kuis Langsung"
    table = next(d.value for d in at.dataframe if "Poin" in d.value.columns)
    assert list(table["Nama"]) == ["Ana **tebal**", "Budi"]  # plain text, best first
    assert list(table["Benar"]) == [2, 0] and list(table["Skor (%)"]) == [100, 0]
    assert {m.label: m.value for m in at.metric}["Pemain"] == "2"
    assert "Skor kelas per soal" in texts(at)


def test_another_teacher_sees_no_live_result_of_the_class(store):
    klass = finished_live_quiz(store)
    store.add_teacher("Budi", username="budi", password_hash=HASH)
    at = fresh()
    at.query_params["kelas"] = str(klass.id)
    at.session_state["class_admin_selected"] = klass.id
    at = sign_in(page("app_pages/hasil_kelas.py", at), "budi")
    assert not at.exception
    shown = texts(at)
    assert "Ana" not in shown and "Belum ada kelas" in shown
