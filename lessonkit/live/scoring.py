"""Scoring a live answer on the server: whether it is accepted, its grade, its points and its time.

Points (Kahoot-like, every question worth the same; the bank's ``points`` weights are left to the
class dashboard, which receives the 0..1 score)::

    with speed bonus:    points = round(1000 × score × (1 − min(elapsed, limit) / limit / 2))
    without:             points = round(1000 × score)

``score`` is the bank's grade in [0, 1] (partial credit included, ``lessonkit.quiz.grade``), ``limit`` the
question's time before any extension, and ``elapsed`` the seat's own time on the question, so that two
students who react equally fast earn equal points wherever their phone sits in the polling or queueing order:

- it starts when the server first sent the question to this seat (recorded on the server when the question's
  fragment ran for the seat, never taken from the phone), but no later than 3 s after the open
  (``clock.SHOWN_CAP_SECONDS``; a seat with no record starts at the open);
- it ends when the answer arrived at the server (the time the click reached the script run, taken before
  the answer waits for storage), not when it was processed;
- pauses are left out (``Clock.taken``). An instant right answer earns 1000, a right answer at the last second 500 (also
after an extension or in the grace: the floor is half), a wrong one 0; points are never negative.

An answer is accepted only from an active seat, for the session's current question, while that
question is open or paused and the clock still accepts it (deadline + grace), and only once per
(seat, question): a second answer is refused and changes nothing. Storage enforces the last rule with
a unique key on (session, seat, question); ``already_answered`` lets the pure rule say it first.
Storage also keeps a close from slipping between this check and the insert: it inserts the answer in
a transaction that still sees the session row at the version ``accept`` was given (PostgreSQL: read
the row ``FOR SHARE``, which makes a transition's UPDATE wait; SQLite: one writer at a time anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..quiz.bank import Bank
from ..quiz.grading import grade
from . import wire
from .errors import AnswerRefused
from .players import REMOVED, Player
from .state import Session, State

MAX_POINTS = 1000

TOO_LATE = "Waktu menjawab sudah habis."
OTHER_QUESTION = "Soal ini sudah berganti. Jawab soal yang sekarang tampil."
DUPLICATE = "Jawabanmu untuk soal ini sudah terkirim."


@dataclass(frozen=True)
class LiveAnswer:
    """One accepted answer: the bank's response (JSON), its score 0..1, points, seconds taken, server time."""

    seat: int
    question_id: str
    response: Any
    score: float
    points: int
    elapsed: float
    answered_at: float


def points(score: float, elapsed: float, limit: float, speed_bonus: bool) -> int:
    """Points for one answer (see the module docstring)."""
    score = min(1.0, max(0.0, score))
    if not speed_bonus:
        return round(MAX_POINTS * score)
    share = min(max(elapsed, 0.0), limit) / limit
    return round(MAX_POINTS * score * (1 - share / 2))


def accept(bank: Bank, session: Session, player: Player, question_id: str, raw: Any, now: float, *,
           already_answered: bool, shown: float | None = None) -> LiveAnswer:
    """Grade a phone's answer (``raw`` in display positions, see `lessonkit.live.wire`) arriving at ``now``;
    ``shown`` is the question clock's reading when the server first sent the question to this seat.

    Raises `AnswerRefused` (with the sentence to show) when it is not kept.
    """
    if not player.active:
        raise AnswerRefused(REMOVED)
    live = session.current
    if live is None or live.question_id != question_id:
        raise AnswerRefused(TOO_LATE if session.state is State.FINISHED else OTHER_QUESTION)
    if not session.answerable or not session.clock.accepts(now):
        raise AnswerRefused(TOO_LATE)
    if already_answered:
        raise AnswerRefused(DUPLICATE)
    question = bank.question(question_id)
    response = wire.parse(question, live.order, raw)
    score = grade(question, response).score
    elapsed = round(session.clock.taken(shown, now), 3)
    return LiveAnswer(player.seat, question_id, response, score,
                      points(score, elapsed, live.limit, session.speed_bonus), elapsed, now)
