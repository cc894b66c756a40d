"""Kuis Langsung on the server: the core's rules applied to the stored session, with the server's clock.

The one place that joins ``lessonkit.live`` to the `Store` (``lessonkit.storage.live``); pages call only this.
Every teacher command is compare-and-set with a few retries (``lessonkit.live.state``); a command refused
after someone else changed the session first (another tab, a poller closing the question) returns the
current session rather than an error. ``now`` is the server's ``time.time()`` unless a test passes one.
Every write that moves the version publishes it once committed (`lessonkit.live.notify`), so the phones and
the projector of this process learn it at once (other processes: ``lessonkit.storage.live_notify``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..live import leaderboard, notify, players, questions, scoring, state, summary
from ..live.errors import JoinRefused, LiveError, TransitionRefused
from ..live.players import Player
from ..live.scoring import LiveAnswer
from ..live.state import State
from ..quiz.bank import Bank

if TYPE_CHECKING:
    from ..storage import LiveRecord, Store

RETRIES = 5
BAD_CODE = "Kode kuis terdiri dari 6 angka. Periksa lagi angkanya."
UNKNOWN_CODE = "Kode kuis itu tidak ditemukan. Periksa lagi angkanya atau tanya gurumu."
NOT_FOUND = "Sesi kuis ini tidak ditemukan."
BUSY = "Kuis sedang sibuk. Coba sekali lagi."
SHOWN = frozenset({State.ANSWERS_SHOWN, State.LEADERBOARD, State.FINISHED})


def _now(now: float | None) -> float:
    return time.time() if now is None else now


def _moved(record: LiveRecord) -> LiveRecord:
    """Tell this process's waiting pages that ``record``'s version (just committed) is the newest."""
    notify.publish(record.id, record.version)
    return record


# -- the teacher ---------------------------------------------------------------------------------------------------

def create(store: Store, bank: Bank, teacher_id: int, question_ids: Sequence[str], *, base_seconds: float,
           speed_bonus: bool, class_id: int | None = None, anonymous: bool = True,
           now: float | None = None) -> LiveRecord:
    """A new session in the lobby with a fresh join code (questions shuffled once); ``anonymous=False`` seats
    only saved students."""
    built = questions.build(bank, question_ids, base_seconds=base_seconds)
    opened = _now(now)
    return store.live_create(teacher_id, lambda code: state.create(code, built, opened, speed_bonus=speed_bonus,
                                                                   anonymous=anonymous), class_id)


def _apply(store: Store, record: LiveRecord, name: str, now: float, seconds: float) -> state.Session:
    session = record.session
    if name == "start":
        return state.start(session, now, players=len(players.active(store.live_players(record.id))))
    if name == "extend":
        return state.extend(session, now, seconds)
    if name in ("lock", "unlock"):
        return state.lock(session, now, name == "lock")
    return {"close": state.close, "pause": state.pause, "resume": state.resume, "next": state.advance,
            "end": state.end}[name](session, now)


def command(store: Store, teacher_id: int, session_id: int, name: str, *, seconds: float = 10,
            now: float | None = None, pressed_in: State | None = None) -> LiveRecord:
    """Apply the teacher's command (start, close, pause, resume, extend, next, end, lock, unlock); `LiveError` if
    refused. ``pressed_in``: the state the teacher's page showed when the button was pressed; once the session
    has left it (the same press delivered twice, a double tap on a clicker), the press does nothing, so "Lanjut"
    pressed twice on the answers cannot skip the leaderboard and open the next question."""
    conflicted = False
    for _ in range(RETRIES):
        record = store.live_owned(teacher_id, session_id)
        if record is None:
            raise LiveError(NOT_FOUND)
        if pressed_in is not None and record.session.state is not pressed_in:
            return record
        try:
            new = _apply(store, record, name, _now(now), seconds)
        except TransitionRefused:
            if conflicted:
                return record
            raise
        if store.live_transition(record.id, record.version, new):
            return _moved(replace(record, session=new))
        conflicted = True
    raise LiveError(BUSY)


def remove(store: Store, teacher_id: int, session_id: int, *seats: int, now: float | None = None) -> LiveRecord:
    """Take players out of the session (their answers stop counting) in one step; the version moves so their
    phones notice."""
    done = store.live_remove_seats(teacher_id, session_id, seats,
                                   lambda s, chosen: players.remove_all(s, chosen, _now(now)))
    if done is None:
        raise LiveError(NOT_FOUND)
    return _moved(done)


def tick(store: Store, record: LiveRecord, *, counts: tuple[int, int] | None = None,
         now: float | None = None) -> LiveRecord:
    """Close the open question when its time is up or (with ``counts``) when every player answered.

    Anyone polling may call it; the compare-and-set makes only one writer win. Returns the newest record.
    """
    answered, seated = counts or (0, 0)
    new = state.tick(record.session, _now(now), answered, seated)
    if new is record.session:
        return record
    if store.live_transition(record.id, record.version, new):
        return _moved(replace(record, session=new))
    return store.live_get(record.id) or record


@dataclass(frozen=True)
class HostView:
    """What the projector shows for one version of the session."""

    record: LiveRecord
    seats: list[Player]
    answered: int
    total: int
    public: questions.PublicQuestion | None
    reveal: questions.Reveal | None
    distribution: summary.Distribution | None
    board: list[leaderboard.Standing]
    class_scores: list[summary.QuestionScore]


def host_view(store: Store, bank: Bank, teacher_id: int, session_id: int) -> HostView | None:
    """The teacher's session as the projector shows it; None if it is not this teacher's."""
    found = store.live_results(teacher_id, session_id)
    if found is None:
        return None
    record, seats, answers = found
    session = record.session
    answered, total = summary.answered_count(session, seats, answers)
    public = reveal = distribution = None
    if session.current is not None:
        public = questions.public_view(bank, session.questions, session.index)
        if session.state in SHOWN:
            reveal = questions.reveal(bank, session.current)
            distribution = summary.distribution(bank, session, session.index, seats, answers)
    return HostView(record, seats, answered, total, public, reveal, distribution,
                    leaderboard.standings(seats, answers), summary.class_scores(session, seats, answers))


# -- the phones ----------------------------------------------------------------------------------------------------

def find(store: Store, code_text: str | None) -> LiveRecord:
    """The running session of a typed code; `JoinRefused` with the reason (malformed, unknown, finished)."""
    code = players.read_join_code(code_text)
    if code is None:
        raise JoinRefused(BAD_CODE)
    record = store.live_find(code)
    if record is None:
        raise JoinRefused(UNKNOWN_CODE)
    if record.session.state is State.FINISHED:
        raise JoinRefused(players.FINISHED)
    return record


def join(store: Store, code_text: str | None, nickname: str | None, *, student_id: int | None = None,
         browser: str | None = None, client: str | None = None, now: float | None = None) -> tuple[LiveRecord, Player]:
    """Take a seat (a saved student or browser session already seated gets theirs back); the player carries the
    seat token. ``browser`` and ``client``: see `players.join`."""
    record = find(store, code_text)
    player = store.live_join(record.id, lambda session, seats: players.join(session, seats, nickname, _now(now),
                                                                          student_id=student_id, browser=browser,
                                                                          client=client))
    return record, player


def answer(store: Store, bank: Bank, session_id: int, token: str, question_id: str, raw: Any, *,
           now: float | None = None) -> LiveAnswer:
    """Grade and keep a phone's answer (`AnswerRefused` says why not); closes the question once all answered.

    ``now`` is when the answer arrived (the click reached the script run), taken before it waits for storage.
    """
    arrived = _now(now)
    kept = store.live_record_answer(session_id, token, lambda session, player, already, shown: scoring.accept(
        bank, session, player, question_id, raw, arrived, already_answered=already, shown=shown))
    record = store.live_get(session_id)
    if record is not None and record.session.state is State.QUESTION_OPEN:
        tick(store, record, counts=store.live_answered(session_id, question_id), now=arrived)
    return kept


def shown(store: Store, record: LiveRecord, seat: int, *, now: float | None = None) -> None:
    """The server sends ``record``'s open question to ``seat`` now: keep the time (the first showing counts)."""
    session = record.session
    if session.current is not None and session.answerable:
        at = _now(now)
        store.live_mark_shown(record.id, seat, session.current.question_id, at, session.clock.elapsed(at))


@dataclass(frozen=True)
class PhoneView:
    """What a phone shows for one version: the open question (no key), or after the close its own result."""

    record: LiveRecord
    player: Player
    public: questions.PublicQuestion | None
    mine: LiveAnswer | None
    reveal: questions.Reveal | None
    feedback: summary.SeatFeedback | None
    standing: leaderboard.Standing | None
    players: int


def phone_view(store: Store, bank: Bank, record: LiveRecord, player: Player) -> PhoneView:
    """The seat's view of ``record``: the key and the others' answers are read only once the question closed."""
    session = record.session
    mine = public = reveal = feedback = standing = None
    count = 0
    current = session.current
    if current is not None:
        own = {a.question_id: a for a in store.live_seat_answers(record.id, player.seat)}
        mine = own.get(current.question_id)
        public = questions.public_view(bank, session.questions, session.index)
        if session.state in SHOWN:
            seats, answers = store.live_players(record.id), store.live_answers(record.id)
            board = leaderboard.standings(seats, answers)
            reveal = questions.reveal(bank, current)
            feedback = summary.seat_feedback(current.question_id, player.seat, answers, board)
            standing, count = leaderboard.standing_of(board, player.seat), len(board)
    return PhoneView(record, player, public, mine, reveal, feedback, standing, count)
