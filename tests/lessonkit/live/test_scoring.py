"""Answers are graded on the server: each seat's time runs from when the server sent it the question (capped at the
open + 3 s, pauses left out) to when its answer arrived; late or second answers are refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.live import players, scoring, state
from lessonkit.live.clock import GRACE_SECONDS
from lessonkit.live.errors import AnswerRefused, TransitionRefused
from lessonkit.live.scoring import MAX_POINTS, points

from .factories import every_type_bank, new_session, opened, seats

BANK = every_type_bank()
AT = 100.0


def key_position(session: state.Session) -> int:
    """The display position of the single-choice question's right option (file index 1)."""
    return session.current.order.index(1)


def answer(session, player, raw, now, already=False, question_id=None, shown=None):
    return scoring.accept(BANK, session, player, question_id or session.current.question_id, raw, now,
                          already_answered=already, shown=shown)


def shown_at(session, at: float) -> float:
    """What the server keeps when it sends the open question to a seat at ``at``: the clock's reading then."""
    return session.clock.elapsed(at)


@pytest.mark.parametrize(("score", "elapsed", "limit", "expected"), [
    (1.0, 0.0, 20, 1000), (1.0, 10.0, 20, 750), (1.0, 20.0, 20, 500), (1.0, 35.0, 20, 500),
    (0.5, 0.0, 20, 500), (0.5, 10.0, 20, 375), (0.0, 0.0, 20, 0), (1.0, 1.234, 20, 969),
])
def test_speed_bonus_gives_1000_at_once_down_to_half_at_the_limit_times_the_score(score, elapsed, limit, expected):
    assert points(score, elapsed, limit, speed_bonus=True) == expected


@pytest.mark.parametrize(("score", "expected"), [(1.0, 1000), (2 / 3, 667), (0.25, 250), (0.0, 0)])
def test_without_speed_bonus_points_are_the_score_times_1000_whatever_the_time(score, expected):
    assert points(score, 19.9, 20, speed_bonus=False) == expected


@settings(max_examples=300)
@given(st.floats(-1, 2), st.floats(-100, 1000), st.integers(1, 300), st.booleans())
def test_points_are_never_negative_nor_above_the_maximum(score, elapsed, limit, speed):
    assert 0 <= points(score, elapsed, limit, speed) <= MAX_POINTS


@given(st.floats(0, 1), st.floats(0, 300), st.floats(0, 300), st.integers(1, 300))
def test_a_faster_answer_never_earns_fewer_points(score, a, b, limit):
    fast, slow = sorted((a, b))
    assert points(score, fast, limit, True) >= points(score, slow, limit, True)


def test_a_right_answer_scores_from_the_server_time_the_question_opened():
    session = opened(BANK, ["q-single"], at=AT)
    budi = seats(session, "Budi")[0]
    kept = answer(session, budi, key_position(session), AT + 5)
    assert (kept.seat, kept.question_id, kept.response, kept.score) == (1, "q-single", 1, 1.0)
    assert (kept.points, kept.elapsed, kept.answered_at) == (875, 5.0, AT + 5)


def test_two_seats_shown_the_question_1_5_s_apart_answering_3_s_after_their_showing_get_equal_points():
    session = opened(BANK, ["q-single"], at=AT)
    ana, budi = seats(session, "Ana", "Budi")
    early = answer(session, ana, key_position(session), AT + 3.2, shown=shown_at(session, AT + 0.2))
    late = answer(session, budi, key_position(session), AT + 4.7, shown=shown_at(session, AT + 1.7))
    assert early.elapsed == late.elapsed == 3.0
    assert early.points == late.points == 925


def test_a_seat_shown_the_question_late_counts_from_at_most_3_s_after_the_open():
    session = opened(BANK, ["q-single"], at=AT)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 13, shown=shown_at(session, AT + 10))
    assert kept.elapsed == 10.0 and kept.points == 750


def test_a_seat_with_no_showing_kept_counts_from_the_open():
    session = opened(BANK, ["q-single"], at=AT)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 4)
    assert kept.elapsed == 4.0


def test_a_pause_after_the_showing_is_left_out_of_the_seats_time():
    session = opened(BANK, ["q-single"], at=AT)
    shown = shown_at(session, AT + 2)
    session = state.resume(state.pause(session, AT + 5), AT + 65)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 68, shown=shown)
    assert kept.elapsed == 6.0


def test_a_question_shown_during_a_pause_counts_from_the_pause_not_from_the_showing():
    session = state.pause(opened(BANK, ["q-single"], at=AT), AT + 1)
    shown = shown_at(session, AT + 30)
    session = state.resume(session, AT + 40)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 43, shown=shown)
    assert shown == 1.0 and kept.elapsed == 3.0


def test_a_wrong_answer_is_kept_with_zero_points():
    session = opened(BANK, ["q-single"], at=AT)
    wrong = (key_position(session) + 1) % 5
    kept = answer(session, seats(session, "Budi")[0], wrong, AT + 1)
    assert (kept.score, kept.points) == (0.0, 0)


def test_partial_credit_earns_partial_points():
    session = opened(BANK, ["q-true-false"], at=AT, speed_bonus=False)
    kept = answer(session, seats(session, "Budi")[0], [True, False, False, True], AT + 3)
    assert (kept.score, kept.points) == (0.5, 500)


def test_an_answer_after_the_deadline_and_grace_is_refused_even_before_any_tick():
    session = opened(BANK, ["q-single"], at=AT)
    budi = seats(session, "Budi")[0]
    in_grace = answer(session, budi, key_position(session), AT + 20 + GRACE_SECONDS)
    assert in_grace.points == 500
    with pytest.raises(AnswerRefused, match="sudah habis"):
        answer(session, budi, key_position(session), AT + 20 + GRACE_SECONDS + 0.01)


def test_an_answer_after_the_teacher_closes_early_is_refused_at_once():
    session = opened(BANK, ["q-single"], at=AT)
    closed = state.close(session, AT + 4)
    with pytest.raises(AnswerRefused, match="sudah habis"):
        answer(closed, seats(session, "Budi")[0], 0, AT + 4.001)


def test_a_second_answer_to_the_same_question_is_refused():
    session = opened(BANK, ["q-single"], at=AT)
    with pytest.raises(AnswerRefused, match="sudah terkirim"):
        answer(session, seats(session, "Budi")[0], key_position(session), AT + 2, already=True)


def test_an_answer_for_another_question_or_after_the_end_is_refused():
    session = opened(BANK, ["q-single", "q-multiple"], at=AT)
    budi = seats(session, "Budi")[0]
    with pytest.raises(AnswerRefused, match="sudah berganti"):
        answer(session, budi, [0], AT + 1, question_id="q-multiple")
    with pytest.raises(AnswerRefused, match="sudah habis"):
        answer(state.end(session, AT + 2), budi, 0, AT + 3)


def test_a_removed_player_cannot_answer():
    session = opened(BANK, ["q-single"], at=AT)
    _, removed = players.remove(session, seats(session, "Budi")[0], AT + 1)
    with pytest.raises(AnswerRefused, match="dikeluarkan"):
        answer(session, removed, 0, AT + 2)


def test_answers_are_taken_during_a_pause_with_their_time_stopped_at_the_pause():
    session = state.pause(opened(BANK, ["q-single"], at=AT), AT + 6)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 300)
    assert kept.elapsed == 6.0 and kept.points == 850


def test_paused_time_is_not_counted_after_resuming():
    session = state.resume(state.pause(opened(BANK, ["q-single"], at=AT), AT + 6), AT + 66)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 70)
    assert kept.elapsed == 10.0


def test_an_extension_keeps_answers_coming_and_their_points_floor_at_half():
    session = state.extend(opened(BANK, ["q-single"], at=AT), AT + 15, 30)
    kept = answer(session, seats(session, "Budi")[0], key_position(session), AT + 45)
    assert kept.elapsed == 45.0 and kept.points == 500


def test_a_malformed_answer_is_refused_before_anything_is_kept():
    session = opened(BANK, ["q-single"], at=AT)
    with pytest.raises(AnswerRefused, match="tidak dapat dibaca"):
        answer(session, seats(session, "Budi")[0], "<script>", AT + 1)


EVENTS = st.lists(st.tuples(st.sampled_from(["answer", "close", "pause", "resume", "extend", "next", "tick"]),
                            st.floats(0, 15)), max_size=50)


@settings(max_examples=300, deadline=None)
@given(EVENTS)
def test_no_answer_is_ever_accepted_for_a_question_after_it_closed(events):
    session = state.start(new_session(BANK, ["q-single", "q-multiple", "q-short-answer"]), AT, players=1)
    budi = seats(session, "Budi")[0]
    raws = {"q-single": 0, "q-multiple": [0], "q-short-answer": "kode etik"}
    closed: set[str] = set()
    answered: set[str] = set()
    now = AT
    for kind, wait in events:
        now += wait
        before = session
        if kind == "answer":
            if session.current is None:
                continue
            question_id = session.current.question_id
            try:
                kept = scoring.accept(BANK, session, budi, question_id, raws[question_id], now,
                                      already_answered=question_id in answered)
            except AnswerRefused:
                continue
            assert question_id not in closed and question_id not in answered
            assert session.answerable and session.clock.elapsed(now) <= session.clock.allowed + GRACE_SECONDS
            assert kept.points >= 0
            answered.add(question_id)
            continue
        transition = {"close": state.close, "pause": state.pause, "resume": state.resume, "extend": state.extend,
                      "next": state.advance, "tick": state.tick}[kind]
        try:
            session = transition(session, now)
        except TransitionRefused:
            continue
        if before.answerable and not session.answerable:
            closed.add(before.current.question_id)
