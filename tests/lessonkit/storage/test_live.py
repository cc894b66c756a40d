"""Kuis Langsung in the database (SQLite and PostgreSQL): states, compare-and-set, seats, answers, class results.

Driven through ``lessonkit.services.live_session`` (the only caller of these `Store` methods) with server times
passed in.
"""

from __future__ import annotations

import pytest

from lessonkit.live import players, state, wire
from lessonkit.live.errors import AnswerRefused, JoinRefused, LiveError, TransitionRefused
from lessonkit.live.state import State
from lessonkit.services import live_session as service
from lessonkit.storage import ClassNotFound
from lessonkit.storage.models import LiveSeat
from tests.lessonkit.live.factories import every_type_bank

IDS = ["q-single", "q-true-false", "q-ordering"]
T0 = 1_000.0


@pytest.fixture
def live(store):
    """A store with two teachers, Sari's class, and a session of Sari's in the lobby."""
    bank = every_type_bank()
    sari = store.add_teacher("Sari", username="sari").id
    budi = store.add_teacher("Budi", username="budi").id
    klass = store.create_class(sari, "XI IPS 2")
    record = service.create(store, bank, sari, IDS, base_seconds=20, speed_bonus=True, class_id=klass.id, now=T0)
    return store, bank, sari, budi, klass, record


def right_answer(bank, record, index: int):
    """The phone's form of the key of question ``index`` (what a student who knows it sends)."""
    live = record.session.questions[index]
    question = bank.question(live.question_id)
    from lessonkit.quiz.types import module_of

    return wire.encode(question, live.order, module_of(question).perfect(question))


def test_a_session_starts_in_the_lobby_with_a_six_digit_code_found_by_phones(live):
    store, _, sari, _, klass, record = live
    assert record.session.state is State.LOBBY and record.version == 1 and len(record.code) == 6
    assert store.live_find(record.code).id == record.id and store.live_code_taken(record.code)
    assert service.find(store, f"{record.code[:3]} {record.code[3:]}").id == record.id
    assert [r.id for r in store.live_unfinished(sari)] == [record.id]
    for typed, message in (("12", service.BAD_CODE), ("999999" if record.code != "999999" else "999998",
                                                       service.UNKNOWN_CODE)):
        with pytest.raises(JoinRefused, match=message[:20]):
            service.find(store, typed)


def test_the_class_must_be_the_teachers_own(live):
    store, bank, _, budi, klass, _ = live
    with pytest.raises(ClassNotFound):
        service.create(store, bank, budi, IDS, base_seconds=20, speed_bonus=True, class_id=klass.id)


def test_compare_and_set_refuses_a_stale_version_and_the_command_retries_on_the_fresh_one(live):
    store, _, sari, _, _, record = live
    service.join(store, record.code, "Ana", now=T0)
    started = state.start(record.session, T0 + 1, players=1)
    assert store.live_transition(record.id, record.version, started)
    assert not store.live_transition(record.id, record.version, started)  # someone else moved it first
    assert store.live_get(record.id).version == 2
    paused = service.command(store, sari, record.id, "pause", now=T0 + 2)
    assert paused.session.state is State.PAUSED and store.live_get(record.id).version == 3


def test_a_refused_command_after_a_conflict_shows_the_current_state(live, monkeypatch):
    store, _, sari, _, _, record = live
    service.join(store, record.code, "Ana", now=T0)
    before = service.command(store, sari, record.id, "start", now=T0 + 1)
    real = store.live_owned
    reads = [before]  # the first read is from before another tab closed the question

    def stale_first(teacher_id, session_id):
        return reads.pop() if reads else real(teacher_id, session_id)

    service.command(store, sari, record.id, "close", now=T0 + 2)
    monkeypatch.setattr(store, "live_owned", stale_first)
    assert service.command(store, sari, record.id, "close", now=T0 + 3).session.state is State.ANSWERS_SHOWN
    with pytest.raises(TransitionRefused):
        service.command(store, sari, record.id, "close", now=T0 + 4)  # no conflict: a plain refusal


def test_a_whole_session_runs_from_lobby_to_finished_with_scores_and_ranks(live):
    store, bank, sari, _, klass, record = live
    with pytest.raises(TransitionRefused, match="Belum ada siswa"):
        service.command(store, sari, record.id, "start", now=T0)
    _, ana = service.join(store, record.code, "Ana", now=T0)
    _, budi = service.join(store, record.code, "ana", now=T0)
    assert budi.nickname == "ana 2" and (ana.seat, budi.seat) == (1, 2)
    record = service.command(store, sari, record.id, "start", now=T0 + 10)
    kept = service.answer(store, bank, record.id, ana.token, IDS[0], right_answer(bank, record, 0), now=T0 + 10)
    assert kept.points == 1000 and kept.score == 1
    assert store.live_answered(record.id, IDS[0]) == (1, 2)
    assert store.live_get(record.id).session.state is State.QUESTION_OPEN
    wrong = (right_answer(bank, record, 0) + 1) % 5
    service.answer(store, bank, record.id, budi.token, IDS[0], wrong, now=T0 + 15)
    assert store.live_get(record.id).session.state is State.ANSWERS_SHOWN  # everyone answered: closed
    view = service.host_view(store, bank, sari, record.id)
    assert (view.answered, view.total) == (2, 2) and view.reveal is not None
    assert [s.nickname for s in view.board] == ["Ana", "ana 2"]
    phone = service.phone_view(store, bank, store.live_get(record.id), budi)
    assert phone.feedback.label == "Belum tepat" and phone.feedback.rank == "Peringkat 2 dari 2"
    for name in ("next", "next", "close", "next", "next", "end"):
        record = service.command(store, sari, record.id, name, now=T0 + 20)
    assert record.session.state is State.FINISHED and not store.live_code_taken(record.code)
    assert store.live_unfinished(sari) == []
    with pytest.raises(JoinRefused, match="sudah selesai"):
        service.join(store, record.code, "Cici")
    (result,) = store.live_results_for_class(sari, klass.id)
    assert result.session_id == record.id and result.questions == 3
    assert [(s.nickname, s.points, s.rank, s.correct) for s in result.students] == [("Ana", 1000, 1, 1),
                                                                                  ("ana 2", 0, 2, 0)]
    assert result.students[0].score == pytest.approx(1 / 3)
    assert [q.question_id for q in result.question_scores][-1] == IDS[0]  # the easiest last
    assert result.question_scores[-1].mean_score == 0.5


def test_lanjut_pressed_twice_on_the_answers_shows_the_leaderboard_once_and_opens_no_question(live):
    store, _, sari, _, _, record = live
    service.join(store, record.code, "Ana", now=T0)
    service.command(store, sari, record.id, "start", now=T0 + 1)
    service.command(store, sari, record.id, "close", now=T0 + 2)
    for _ in range(2):  # the same press delivered twice: both were pressed on the answers
        record = service.command(store, sari, record.id, "next", now=T0 + 3, pressed_in=State.ANSWERS_SHOWN)
    assert record.session.state is State.LEADERBOARD
    record = service.command(store, sari, record.id, "next", now=T0 + 4, pressed_in=State.LEADERBOARD)
    assert record.session.state is State.QUESTION_OPEN and record.session.index == 1


def test_late_and_duplicate_answers_are_refused_and_change_nothing(live):
    store, bank, sari, _, _, record = live
    _, ana = service.join(store, record.code, "Ana", now=T0)
    service.join(store, record.code, "Budi", now=T0)
    record = service.command(store, sari, record.id, "start", now=T0)
    service.answer(store, bank, record.id, ana.token, IDS[0], 1, now=T0 + 1)
    with pytest.raises(AnswerRefused, match="sudah terkirim"):
        service.answer(store, bank, record.id, ana.token, IDS[0], 2, now=T0 + 2)
    assert [a.response for a in store.live_answers(record.id)] == [record.session.questions[0].order[1]]
    _, cici = service.join(store, record.code, "Cici", now=T0)
    with pytest.raises(AnswerRefused, match="sudah habis"):
        service.answer(store, bank, record.id, cici.token, IDS[0], 1, now=T0 + 60)
    with pytest.raises(AnswerRefused, match="sudah berganti"):
        service.answer(store, bank, record.id, cici.token, IDS[1], [True], now=T0 + 3)
    with pytest.raises(AnswerRefused, match="tidak ditemukan"):
        service.answer(store, bank, record.id, "x" * 32, IDS[0], 1, now=T0 + 3)
    assert len(store.live_answers(record.id)) == 1


def test_the_unique_key_refuses_a_second_answer_that_slipped_past_the_check(live):
    store, bank, sari, _, _, record = live
    _, ana = service.join(store, record.code, "Ana", now=T0)
    service.join(store, record.code, "Budi", now=T0)
    service.command(store, sari, record.id, "start", now=T0)
    service.answer(store, bank, record.id, ana.token, IDS[0], 1, now=T0 + 1)
    from lessonkit.live import scoring

    with pytest.raises(AnswerRefused, match="sudah terkirim"):  # as if two requests were checked at once
        store.live_record_answer(record.id, ana.token, lambda s, p, already, shown: scoring.accept(
            bank, s, p, IDS[0], 1, T0 + 2, already_answered=False))
    assert len(store.live_answers(record.id)) == 1


def test_a_phone_rejoins_its_seat_by_token_and_a_saved_student_by_account(live):
    store, bank, sari, _, _, record = live
    _, ana = service.join(store, record.code, "Ana", now=T0)
    assert store.live_rejoin(record.id, ana.token).seat == ana.seat
    assert all(row.token == "" for row in store.live_players(record.id))  # tokens are not read back
    with store._session() as db:
        assert db.query(LiveSeat).one().token_hash != ana.token
    for bad in (None, "", "pendek", "y" * 32):
        with pytest.raises(JoinRefused, match="tidak ditemukan"):
            store.live_rejoin(record.id, bad)
    learner = store.create_student("Dewi")
    _, first = service.join(store, record.code, "Dewi", student_id=learner.id, now=T0)
    _, again = service.join(store, record.code, "Nama lain", student_id=learner.id, now=T0)
    assert again.seat == first.seat and again.nickname == "Dewi" and again.token != first.token
    assert store.live_rejoin(record.id, again.token).seat == first.seat


def test_a_removed_player_cannot_come_back_or_answer_and_the_version_moves(live):
    store, bank, sari, budi, _, record = live
    _, ana = service.join(store, record.code, "Ana", now=T0)
    service.join(store, record.code, "Budi", now=T0)
    with pytest.raises(LiveError):
        service.remove(store, budi, record.id, ana.seat)  # another teacher's session
    removed = service.remove(store, sari, record.id, ana.seat, now=T0 + 1)
    assert removed.version == 2 and store.live_get(record.id).version == 2
    with pytest.raises(JoinRefused, match="dikeluarkan"):
        store.live_rejoin(record.id, ana.token)
    service.command(store, sari, record.id, "start", now=T0 + 2)
    with pytest.raises(AnswerRefused, match="dikeluarkan"):
        service.answer(store, bank, record.id, ana.token, IDS[0], 1, now=T0 + 3)
    assert store.live_answered(record.id, IDS[0]) == (0, 1)


def test_another_teacher_reads_nothing_of_a_session_or_a_class(live):
    store, bank, sari, budi, klass, record = live
    assert store.live_owned(budi, record.id) is None and store.live_results(budi, record.id) is None
    assert service.host_view(store, bank, budi, record.id) is None and store.live_unfinished(budi) == []
    with pytest.raises(LiveError):
        service.command(store, budi, record.id, "end")
    with pytest.raises(ClassNotFound):
        store.live_results_for_class(budi, klass.id)
    assert store.live_results_for_class(sari, klass.id) == []  # not finished yet


def test_a_poller_closes_a_question_whose_time_is_up(live):
    store, _, sari, _, _, record = live
    service.join(store, record.code, "Ana", now=T0)
    record = service.command(store, sari, record.id, "start", now=T0)
    assert service.tick(store, record, now=T0 + 5) is record
    closed = service.tick(store, record, now=T0 + 60)
    assert closed.session.state is State.ANSWERS_SHOWN
    assert service.tick(store, record, now=T0 + 61).session.state is State.ANSWERS_SHOWN  # the loser reads anew


def test_a_saved_students_live_answers_are_in_their_export_and_go_with_them(live):
    store, bank, sari, _, _, record = live
    learner = store.create_student("Dewi")
    _, dewi = service.join(store, record.code, "Dewi", student_id=learner.id, now=T0)
    service.join(store, record.code, "Eko", now=T0)
    service.command(store, sari, record.id, "start", now=T0)
    service.answer(store, bank, record.id, dewi.token, IDS[0], 1, now=T0 + 1)
    kinds = [row["jenis"] for row in store.export(learner.id)]
    assert kinds.count("kuis langsung") == 1 and kinds.count("jawaban kuis langsung") == 1
    store.delete_student(learner.id)
    assert [p.nickname for p in store.live_players(record.id)] == ["Eko"] and store.live_answers(record.id) == []


def test_seats_keep_their_browser_and_client_so_the_limits_hold_across_requests(live):
    store, _, sari, _, _, record = live
    _, bot = service.join(store, record.code, "Bot 1", browser="tab", client="c1", now=T0)
    _, same = service.join(store, record.code, "Bot 2", browser="tab", client="c1", now=T0)
    assert same.seat == bot.seat and len(store.live_players(record.id)) == 1
    for n in range(2, 1 + players.MAX_PER_CLIENT):
        service.join(store, record.code, f"Bot {n}", browser=f"tab{n}", client="c1", now=T0)
    with pytest.raises(JoinRefused, match="perangkat atau jaringan ini"):
        service.join(store, record.code, "Bot 9", browser="tab9", client="c1", now=T0)
    seated = store.live_players(record.id)
    removed = service.remove(store, sari, record.id, *(p.seat for p in seated), now=T0 + 1)
    assert removed.version == 2 and not players.active(store.live_players(record.id))
    with pytest.raises(JoinRefused, match="baru saja dikeluarkan"):
        service.join(store, record.code, "Bot 10", browser="tab10", client="c1", now=T0 + 2)


def test_the_teachers_lobby_lock_keeps_new_players_out_until_it_is_opened(live):
    store, _, sari, budi, _, record = live
    _, ani = service.join(store, record.code, "Ani", browser="ani", now=T0)
    with pytest.raises(LiveError):
        service.command(store, budi, record.id, "lock", now=T0 + 1)
    assert service.command(store, sari, record.id, "lock", now=T0 + 1).session.locked
    with pytest.raises(JoinRefused, match="mengunci"):
        service.join(store, record.code, "Budi", browser="budi", now=T0 + 2)
    assert service.join(store, record.code, "Ani", browser="ani", now=T0 + 2)[1].seat == ani.seat
    service.command(store, sari, record.id, "unlock", now=T0 + 3)
    assert service.join(store, record.code, "Budi", browser="budi", now=T0 + 4)[1].nickname == "Budi"


def test_the_first_showing_of_a_question_to_a_seat_is_kept_and_its_answer_counts_from_there(live):
    store, bank, sari, _, _, record = live
    _, ana = service.join(store, record.code, "Ana", now=T0)
    _, budi = service.join(store, record.code, "Budi", now=T0)
    opened = service.command(store, sari, record.id, "start", now=T0)
    service.shown(store, opened, ana.seat, now=T0 + 0.5)
    service.shown(store, opened, budi.seat, now=T0 + 2.0)
    service.shown(store, opened, budi.seat, now=T0 + 2.9)  # a reload shows it again: the first showing counts
    key = right_answer(bank, opened, 0)
    early = service.answer(store, bank, record.id, ana.token, IDS[0], key, now=T0 + 3.5)
    late = service.answer(store, bank, record.id, budi.token, IDS[0], key, now=T0 + 5.0)
    assert early.elapsed == late.elapsed == 3.0 and early.points == late.points
