"""The live session's state machine: states, the teacher's commands in each state, and pure transitions.

States and transitions (``version`` goes up by one on each arrow)::

    lobby ─start─> question_open ─close, time up, all answered─> answers_shown ─next─> leaderboard
                    │         ▲                                   ▲                     │
               pause│         │resume                             │close                │next
                    ▼         │                                   │                     ▼
                    paused ───┴───────────────────────────────────┘        the next question_open,
                    (extend: +10 s, in question_open or paused)            or finished after the last

    every state but finished ─end─> finished;   remove (a player): same state, version + 1
    every state but finished ─lock/unlock─> same state, ``locked`` set or cleared (no new seats while set)

Every transition is a pure function ``f(session, now, ...) -> Session`` returning a new session with
``version + 1``; a command that does not apply raises `TransitionRefused` (Indonesian message) and
changes nothing. ``tick`` is not a command: it closes a question whose time is up (or that every
player has answered) and returns the same object when nothing changes.

Storage contract (compare-and-set on ``version``): read the row (session JSON + version), compute
``new = transition(old, now)``, then ``UPDATE ... SET data=:new, state=:new.state, version=:new.version
WHERE id=:id AND version=:old.version``. One row updated: done. None: someone else changed the session
first (another tab, a poller's ``tick``): read again and re-apply; if the command is now refused, it
was usually already done by the other writer, so show the current state rather than an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .clock import EXTEND_SECONDS, MAX_EXTEND_SECONDS, MAX_EXTRA_SECONDS, Clock
from .errors import TransitionRefused
from .questions import LiveQuestion


class State(StrEnum):
    LOBBY = "lobby"
    QUESTION_OPEN = "question_open"
    PAUSED = "paused"
    ANSWERS_SHOWN = "answers_shown"
    LEADERBOARD = "leaderboard"
    FINISHED = "finished"


ANSWERABLE = frozenset({State.QUESTION_OPEN, State.PAUSED})

ALLOWED: dict[State, frozenset[str]] = {
    State.LOBBY: frozenset({"start", "end", "remove"}),
    State.QUESTION_OPEN: frozenset({"close", "pause", "extend", "end", "remove"}),
    State.PAUSED: frozenset({"resume", "extend", "close", "end", "remove"}),
    State.ANSWERS_SHOWN: frozenset({"next", "end", "remove"}),
    State.LEADERBOARD: frozenset({"next", "end", "remove"}),
    State.FINISHED: frozenset(),
}
"""What the teacher can do in each state (the page shows exactly these buttons)."""

PRIMARY: dict[State, str] = {
    State.LOBBY: "start",
    State.QUESTION_OPEN: "close",
    State.PAUSED: "resume",
    State.ANSWERS_SHOWN: "next",
    State.LEADERBOARD: "next",
}
"""The one command a clicker's "next" key (arrow right, space) does in each state."""

REFUSED = {
    "start": "Kuis sudah dimulai.",
    "close": "Tidak ada soal yang sedang berjalan.",
    "pause": "Tidak ada soal yang sedang berjalan.",
    "resume": "Waktu tidak sedang dijeda.",
    "extend": "Tidak ada soal yang sedang berjalan.",
    "next": "Tutup soal ini dulu sebelum lanjut.",
}
"""Why a command is refused in a state that does not allow it (``end`` and ``remove`` only fail once finished)."""
FINISHED_MESSAGE = "Sesi ini sudah selesai."
NO_PLAYERS = "Belum ada siswa yang bergabung."
TIME_UP = "Waktu soal ini sudah habis."
ALREADY_PAUSED = "Waktu sudah dijeda."
ALREADY_LOCKED = "Kuis sudah dikunci."
NOT_LOCKED = "Kuis tidak sedang dikunci."
BAD_EXTENSION = f"Tambahan waktu harus antara 1 dan {MAX_EXTEND_SECONDS} detik."


@dataclass(frozen=True)
class Session:
    """One live session. ``index`` is the current question (-1 in the lobby); ``clock`` times it."""

    code: str
    questions: tuple[LiveQuestion, ...]
    speed_bonus: bool = True
    state: State = State.LOBBY
    version: int = 1
    index: int = -1
    clock: Clock | None = None
    created_at: float = 0.0
    finished_at: float | None = None
    locked: bool = False
    anonymous: bool = True  # players who are not saved students may join (the teacher's choice)

    @property
    def current(self) -> LiveQuestion | None:
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def answerable(self) -> bool:
        """A question is open for answers (running or paused); the clock decides whether an answer is in time."""
        return self.state in ANSWERABLE

    @property
    def is_last(self) -> bool:
        return self.index == len(self.questions) - 1

    @property
    def asked(self) -> tuple[LiveQuestion, ...]:
        """The questions opened so far, in order (the current one included)."""
        return self.questions[:self.index + 1]

    def allowed(self) -> frozenset[str]:
        return ALLOWED[self.state]


def create(code: str, questions: Sequence[LiveQuestion], now: float, *, speed_bonus: bool = True,
           anonymous: bool = True) -> Session:
    """A new session in the lobby, version 1."""
    if not questions:
        raise TransitionRefused("Pilih minimal satu soal.")
    return Session(code, tuple(questions), speed_bonus, created_at=now, anonymous=anonymous)


def _check(session: Session, command: str) -> None:
    if command not in ALLOWED[session.state]:
        raise TransitionRefused(FINISHED_MESSAGE if session.state is State.FINISHED else REFUSED[command])


def _bump(session: Session, **changes) -> Session:
    return replace(session, version=session.version + 1, **changes)


def _open(session: Session, index: int, now: float) -> Session:
    return _bump(session, state=State.QUESTION_OPEN, index=index, clock=Clock(now, session.questions[index].limit))


def start(session: Session, now: float, players: int) -> Session:
    """Open the first question; refused without a player (``players``: how many active players)."""
    _check(session, "start")
    if players < 1:
        raise TransitionRefused(NO_PLAYERS)
    return _open(session, 0, now)


def close(session: Session, now: float) -> Session:
    """End the question early (or now that time is up): answers stop, the key may be shown."""
    _check(session, "close")
    return _bump(session, state=State.ANSWERS_SHOWN, clock=session.clock.close(now))


def pause(session: Session, now: float) -> Session:
    """Stop the countdown; answers are still taken (their time counts up to the pause)."""
    if session.state is State.PAUSED:
        raise TransitionRefused(ALREADY_PAUSED)
    _check(session, "pause")
    if session.clock.time_up(now):
        raise TransitionRefused(TIME_UP)
    return _bump(session, state=State.PAUSED, clock=session.clock.pause(now))


def resume(session: Session, now: float) -> Session:
    _check(session, "resume")
    return _bump(session, state=State.QUESTION_OPEN, clock=session.clock.resume(now))


def extend(session: Session, now: float, seconds: float = EXTEND_SECONDS) -> Session:
    """Give ``seconds`` more (1..MAX_EXTEND_SECONDS a press, at most MAX_EXTRA_SECONDS a question)."""
    _check(session, "extend")
    if not 1 <= seconds <= MAX_EXTEND_SECONDS:
        raise TransitionRefused(BAD_EXTENSION)
    if not session.clock.accepts(now):
        raise TransitionRefused(TIME_UP)
    if session.clock.extra >= MAX_EXTRA_SECONDS:
        raise TransitionRefused(f"Waktu soal ini sudah ditambah {MAX_EXTRA_SECONDS} detik, batas tambahan waktu.")
    return _bump(session, clock=session.clock.extend(seconds))


def advance(session: Session, now: float) -> Session:
    """After the answers: the leaderboard; after the leaderboard: the next question, or the end."""
    if session.state is State.LOBBY:
        raise TransitionRefused("Mulai kuis dulu.")
    _check(session, "next")
    if session.state is State.ANSWERS_SHOWN:
        return _bump(session, state=State.LEADERBOARD)
    if session.is_last:
        return _bump(session, state=State.FINISHED, finished_at=now)
    return _open(session, session.index + 1, now)


def end(session: Session, now: float) -> Session:
    """Finish the session now, from any state; an open question is closed first."""
    _check(session, "end")
    clock = session.clock.close(now) if session.answerable else session.clock
    return _bump(session, state=State.FINISHED, clock=clock, finished_at=now)


def roster_changed(session: Session, now: float) -> Session:
    """A player was removed: the state stays, the version moves so every view notices (see `players.remove`)."""
    _check(session, "remove")
    return _bump(session)


def lock(session: Session, now: float, locked: bool = True) -> Session:
    """The teacher's lobby lock: while ``locked``, nobody takes a new seat (seated players stay and may rejoin)."""
    _check(session, "remove")
    if session.locked == locked:
        raise TransitionRefused(ALREADY_LOCKED if locked else NOT_LOCKED)
    return _bump(session, locked=locked)


def tick(session: Session, now: float, answered: int = 0, players: int = 0) -> Session:
    """Close the open question when time is up (deadline + grace) or when all ``players`` have answered.

    Called by whoever polls (projector or phones); returns ``session`` itself when nothing changes,
    so the caller writes only when ``result is not session`` (with the compare-and-set above).
    """
    if session.state is not State.QUESTION_OPEN:
        return session
    if session.clock.expired(now) or 0 < players <= answered:
        return _bump(session, state=State.ANSWERS_SHOWN, clock=session.clock.close(now))
    return session

