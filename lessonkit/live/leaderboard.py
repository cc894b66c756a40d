"""The leaderboard: totals per active player, a deterministic order, and ranks that are shared on exact ties.

Order: more points first; on equal points, less time on the answers that earned points (the sum of
their ``elapsed``, in whole milliseconds); then the earlier join (``seat``). Rank ("Peringkat 7 dari 34")
is 1 + the number of players strictly ahead on (points, time), so players equal on both share a rank
(1, 2, 2, 4): the join order only fixes who is listed first, it is not a merit.
Removed players are left out, and so are their answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .players import Player
from .scoring import LiveAnswer

TOP = 5
PODIUM = 3


@dataclass(frozen=True)
class Standing:
    seat: int
    nickname: str
    points: int
    time_ms: int
    answered: int
    correct: int
    rank: int


def standings(players: Iterable[Player], answers: Iterable[LiveAnswer]) -> list[Standing]:
    """Every active player, best first, with ranks (see the module docstring)."""
    seated = {p.seat: p for p in players if p.active}
    totals = {seat: [0, 0, 0, 0] for seat in seated}  # points, time_ms, answered, correct
    for answer in answers:
        total = totals.get(answer.seat)
        if total is None:
            continue
        total[0] += answer.points
        total[2] += 1
        if answer.points > 0:
            total[1] += round(answer.elapsed * 1000)
        if answer.score >= 1:
            total[3] += 1
    order = sorted(seated, key=lambda seat: (-totals[seat][0], totals[seat][1], seat))
    out: list[Standing] = []
    for position, seat in enumerate(order):
        points, time_ms, answered, correct = totals[seat]
        tied = out and (out[-1].points, out[-1].time_ms) == (points, time_ms)
        rank = out[-1].rank if tied else position + 1
        out.append(Standing(seat, seated[seat].nickname, points, time_ms, answered, correct, rank))
    return out


def rank_text(standing: Standing, players: int) -> str:
    return f"Peringkat {standing.rank} dari {players}"


def standing_of(board: Sequence[Standing], seat: int) -> Standing | None:
    return next((s for s in board if s.seat == seat), None)


def top(board: Sequence[Standing], count: int = TOP) -> list[Standing]:
    """The first ``count`` rows of the leaderboard (shown after each question)."""
    return list(board[:count])


def podium(board: Sequence[Standing]) -> list[Standing]:
    """The first three rows, for the podium at the end (ranks may repeat on exact ties)."""
    return top(board, PODIUM)
