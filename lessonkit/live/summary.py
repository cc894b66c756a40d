"""What the projector, the phones and the class dashboard show about answers: counts, bars, results.

Every function takes the session, its players and the answers kept so far (as storage returns
them) and leaves removed players and their answers out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..quiz.bank import Bank
from ..quiz.grading import STATUS_NAMES, Grade
from . import wire
from .leaderboard import Standing, rank_text, standing_of
from .players import Player
from .scoring import LiveAnswer
from .state import Session
from .wire import Bar


def _active_answers(players: Iterable[Player], answers: Iterable[LiveAnswer], question_id: str | None = None):
    seats = {p.seat for p in players if p.active}
    return [a for a in answers if a.seat in seats and (question_id is None or a.question_id == question_id)]


def answered_count(session: Session, players: Sequence[Player], answers: Iterable[LiveAnswer]) -> tuple[int, int]:
    """(active players who answered the current question, active players)."""
    total = sum(p.active for p in players)
    if session.current is None:
        return 0, total
    return len(_active_answers(players, answers, session.current.question_id)), total


def answered_text(answered: int, total: int) -> str:
    return f"{answered}/{total} sudah menjawab"


@dataclass(frozen=True)
class Distribution:
    """The bars of one question's answers (for a plotly bar chart; ``correct`` bars are the key)."""

    question_id: str
    caption: str
    bars: tuple[Bar, ...]
    answered: int
    players: int


def distribution(bank: Bank, session: Session, index: int, players: Sequence[Player],
                 answers: Iterable[LiveAnswer]) -> Distribution:
    """How the active players answered question ``index`` (show it only after the question closed)."""
    live = session.questions[index]
    question = bank.question(live.question_id)
    kept = _active_answers(players, answers, live.question_id)
    caption, bars = wire.adapter(question).tally(question, live.order, [a.response for a in kept])
    return Distribution(live.question_id, caption, tuple(bars), len(kept), sum(p.active for p in players))


@dataclass(frozen=True)
class QuestionScore:
    """The class's result on one question: mean score 0..1 over the active players (no answer counts 0)."""

    question_id: str
    number: int
    mean_score: float
    answered: int
    correct: int


def class_scores(session: Session, players: Sequence[Player], answers: Iterable[LiveAnswer]) -> list[QuestionScore]:
    """Every question asked so far, hardest first (lowest mean score; then session order)."""
    total = sum(p.active for p in players)
    kept = _active_answers(players, answers)
    out = []
    for number, live in enumerate(session.asked, start=1):
        mine = [a for a in kept if a.question_id == live.question_id]
        mean = sum(a.score for a in mine) / total if total else 0.0
        out.append(QuestionScore(live.question_id, number, mean, len(mine), sum(a.score >= 1 for a in mine)))
    return sorted(out, key=lambda q: (q.mean_score, q.number))


@dataclass(frozen=True)
class StudentResult:
    """One student's result on one question, as the class dashboard keeps it (no answer: score 0, response None)."""

    seat: int
    nickname: str
    student_id: int | None
    question_id: str
    response: Any
    score: float
    points: int
    elapsed: float | None


def student_results(session: Session, players: Sequence[Player], answers: Iterable[LiveAnswer]) -> list[StudentResult]:
    """A row per active player and question asked, in join order then session order."""
    by_key = {(a.seat, a.question_id): a for a in _active_answers(players, answers)}
    out = []
    for player in players:
        if not player.active:
            continue
        for live in session.asked:
            answer = by_key.get((player.seat, live.question_id))
            out.append(StudentResult(player.seat, player.nickname, player.student_id, live.question_id,
                                     answer.response if answer else None, answer.score if answer else 0.0,
                                     answer.points if answer else 0, answer.elapsed if answer else None))
    return out


@dataclass(frozen=True)
class SeatFeedback:
    """What a phone shows after a question: right or wrong, the points it earned, the total and the rank."""

    status: str
    label: str
    points: int
    total: int
    rank: str


def seat_feedback(question_id: str, seat: int, answers: Iterable[LiveAnswer],
                  board: Sequence[Standing]) -> SeatFeedback | None:
    """Feedback for ``seat`` on ``question_id``; None if the seat is not on the leaderboard (removed)."""
    standing = standing_of(board, seat)
    if standing is None:
        return None
    answer = next((a for a in answers if a.seat == seat and a.question_id == question_id), None)
    if answer is None:
        status, label, earned = "kosong", "Tidak menjawab", 0
    else:
        status = Grade(answer.score).status
        label, earned = STATUS_NAMES[status], answer.points
    return SeatFeedback(status, label, earned, standing.points, rank_text(standing, len(board)))
