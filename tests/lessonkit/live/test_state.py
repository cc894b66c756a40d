"""The session's states: which command is allowed where, the version on every transition, ticks and pauses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.live import players, state
from lessonkit.live.clock import GRACE_SECONDS, MAX_EXTRA_SECONDS
from lessonkit.live.errors import TransitionRefused
from lessonkit.live.state import ALLOWED, PRIMARY, State

from .factories import every_type_bank, new_session

BANK = every_type_bank()
IDS = ["q-single", "q-multiple"]
T0 = 100.0


def apply(session: state.Session, command: str, now: float) -> state.Session:
    if command == "remove":
        return players.remove(session, players.Player(1, players.new_seat_token(), "Ani", T0), now)[0]
    if command == "start":
        return state.start(session, now, players=1)
    transition = {"close": state.close, "pause": state.pause, "resume": state.resume, "extend": state.extend,
                  "next": state.advance, "end": state.end}[command]
    return transition(session, now)


PATH = {State.LOBBY: [], State.QUESTION_OPEN: ["start"], State.PAUSED: ["start", "pause"],
        State.ANSWERS_SHOWN: ["start", "close"], State.LEADERBOARD: ["start", "close", "next"],
        State.FINISHED: ["end"]}


def reach(target: State) -> state.Session:
    session = new_session(BANK, IDS, now=T0)
    for command in PATH[target]:
        session = apply(session, command, T0 + 1)
    assert session.state is target
    return session


COMMANDS = ["start", "close", "pause", "resume", "extend", "next", "end", "remove"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("current", list(State))
def test_a_command_works_exactly_in_the_states_that_allow_it(current, command):
    session = reach(current)
    if command in ALLOWED[current]:
        after = apply(session, command, T0 + 2)
        assert after.version == session.version + 1
    else:
        with pytest.raises(TransitionRefused) as refused:
            apply(session, command, T0 + 2)
        assert refused.value.message.endswith(".")


def test_a_new_session_waits_in_the_lobby_at_version_one():
    session = new_session(BANK, IDS, now=T0)
    assert (session.state, session.version, session.index, session.current) == (State.LOBBY, 1, -1, None)


def test_a_session_needs_questions():
    with pytest.raises(TransitionRefused, match="minimal satu soal"):
        state.create("123456", [], T0)


def test_start_needs_a_player_and_opens_the_first_question_with_its_limit():
    session = new_session(BANK, IDS, now=T0, limits={"q-single": 15})
    with pytest.raises(TransitionRefused, match="Belum ada siswa"):
        state.start(session, T0, players=0)
    started = state.start(session, T0 + 5, players=3)
    assert started.state is State.QUESTION_OPEN and started.index == 0
    assert (started.clock.opened_at, started.clock.limit) == (T0 + 5, 15)


def test_next_walks_answers_leaderboard_next_question_and_finishes_after_the_last():
    session = state.start(new_session(BANK, IDS, now=T0), T0, players=1)
    seen = []
    while session.state is not State.FINISHED:
        session = state.close(session, T0 + 10) if session.answerable else state.advance(session, T0 + 20)
        seen.append((session.state.value, session.index))
    assert seen == [("answers_shown", 0), ("leaderboard", 0), ("question_open", 1), ("answers_shown", 1),
                    ("leaderboard", 1), ("finished", 1)]
    assert session.finished_at == T0 + 20
    assert session.asked == session.questions


def test_next_in_the_lobby_asks_to_start_and_while_open_asks_to_close_first():
    with pytest.raises(TransitionRefused, match="Mulai kuis"):
        state.advance(reach(State.LOBBY), T0)
    with pytest.raises(TransitionRefused, match="Tutup soal"):
        state.advance(reach(State.QUESTION_OPEN), T0)


def test_pause_is_refused_twice_and_once_the_countdown_is_over():
    with pytest.raises(TransitionRefused, match="sudah dijeda"):
        state.pause(reach(State.PAUSED), T0 + 2)
    session = reach(State.QUESTION_OPEN)
    with pytest.raises(TransitionRefused, match="sudah habis"):
        state.pause(session, T0 + 1 + session.clock.limit)


def test_pause_and_resume_move_the_deadline_by_the_paused_time():
    session = state.pause(reach(State.QUESTION_OPEN), T0 + 6)
    resumed = state.resume(session, T0 + 36)
    assert resumed.state is State.QUESTION_OPEN
    assert resumed.clock.deadline() == T0 + 1 + 30 + resumed.clock.limit


def test_extend_adds_seconds_within_bounds_even_while_paused():
    session = state.extend(reach(State.PAUSED), T0 + 3, 15)
    assert session.clock.extra == 15 and session.state is State.PAUSED
    for seconds in (0, 61):
        with pytest.raises(TransitionRefused, match="Tambahan waktu"):
            state.extend(session, T0 + 3, seconds)
    for _ in range(MAX_EXTRA_SECONDS // 60):
        session = state.extend(session, T0 + 3, 60)
    with pytest.raises(TransitionRefused, match="batas tambahan"):
        state.extend(session, T0 + 3, 10)


def test_extend_is_refused_once_the_grace_is_over():
    session = reach(State.QUESTION_OPEN)
    late = T0 + 1 + session.clock.limit + GRACE_SECONDS + 0.5
    with pytest.raises(TransitionRefused, match="sudah habis"):
        state.extend(session, late)


def test_end_closes_an_open_question_and_keeps_its_clock_after_the_leaderboard():
    ended = state.end(reach(State.QUESTION_OPEN), T0 + 4)
    assert ended.state is State.FINISHED and ended.clock.closed_at == T0 + 4
    assert state.end(reach(State.LEADERBOARD), T0 + 9).clock.closed_at == T0 + 1


def test_tick_changes_nothing_before_the_deadline_and_grace():
    session = reach(State.QUESTION_OPEN)
    deadline = session.clock.deadline()
    assert state.tick(session, deadline + GRACE_SECONDS) is session
    closed = state.tick(session, deadline + GRACE_SECONDS + 1)
    assert closed.state is State.ANSWERS_SHOWN and closed.version == session.version + 1
    assert closed.clock.closed_at == deadline + GRACE_SECONDS


def test_tick_closes_as_soon_as_every_active_player_has_answered():
    session = reach(State.QUESTION_OPEN)
    assert state.tick(session, T0 + 3, answered=2, players=3) is session
    assert state.tick(session, T0 + 3, answered=0, players=0) is session
    closed = state.tick(session, T0 + 3, answered=3, players=3)
    assert closed.state is State.ANSWERS_SHOWN and closed.clock.closed_at == T0 + 3


def test_tick_never_closes_a_paused_question_nor_touches_other_states():
    paused = reach(State.PAUSED)
    assert state.tick(paused, T0 + 10_000, answered=5, players=5) is paused
    for other in (State.LOBBY, State.ANSWERS_SHOWN, State.LEADERBOARD, State.FINISHED):
        session = reach(other)
        assert state.tick(session, T0 + 10_000) is session


def test_the_clicker_key_does_an_allowed_command_in_every_state_but_finished():
    assert set(PRIMARY) == set(State) - {State.FINISHED}
    assert all(command in ALLOWED[s] for s, command in PRIMARY.items())
    assert reach(State.FINISHED).allowed() == frozenset()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(COMMANDS + ["tick"]), st.floats(0, 40)), max_size=40))
def test_version_strictly_increases_by_one_per_transition_and_finished_is_final(steps):
    session = new_session(BANK, IDS, now=T0)
    now = T0
    for command, wait in steps:
        now += wait
        before = session
        if command == "tick":
            session = state.tick(session, now)
            assert session is before or session.version == before.version + 1
            continue
        try:
            session = apply(session, command, now)
        except TransitionRefused:
            assert command not in ALLOWED[before.state] or command in {"pause", "extend"}
            continue
        assert before.state is not State.FINISHED
        assert session.version == before.version + 1
        assert -1 <= session.index < len(session.questions)
        assert session.index == -1 or session.clock is not None
