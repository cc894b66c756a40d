"""The leaderboard: totals, a deterministic order, ranks shared only on exact ties, removed players left out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lessonkit.live import leaderboard
from lessonkit.live.players import Player
from lessonkit.live.scoring import LiveAnswer


def seat(n: int, name: str | None = None, removed: bool = False) -> Player:
    return Player(n, f"token-{n}", name or f"P{n}", float(n), removed_at=9.0 if removed else None)


def got(n: int, question: str, points: int, elapsed: float, score: float = 1.0) -> LiveAnswer:
    return LiveAnswer(n, question, 0, score, points, elapsed, 100.0 + elapsed)


def test_more_points_first_then_less_time_on_scoring_answers_then_join_order():
    people = [seat(1), seat(2), seat(3), seat(4)]
    answers = [got(1, "a", 800, 8.0), got(2, "a", 900, 4.0), got(3, "a", 800, 6.0), got(3, "b", 0, 1.0, 0.0),
               got(4, "a", 800, 8.0)]
    board = leaderboard.standings(people, answers)
    assert [(s.seat, s.points, s.time_ms, s.rank) for s in board] == [
        (2, 900, 4000, 1), (3, 800, 6000, 2), (1, 800, 8000, 3), (4, 800, 8000, 3)]
    assert (board[1].answered, board[1].correct) == (2, 1)


def test_players_without_answers_share_the_last_rank():
    board = leaderboard.standings([seat(1), seat(2), seat(3)], [got(2, "a", 500, 3.0)])
    assert [(s.seat, s.rank) for s in board] == [(2, 1), (1, 2), (3, 2)]


def test_removed_players_and_their_answers_are_left_out():
    board = leaderboard.standings([seat(1), seat(2, removed=True)], [got(2, "a", 1000, 1.0), got(9, "a", 5, 1.0)])
    assert [s.seat for s in board] == [1]


def test_rank_text_top_five_and_podium():
    people = [seat(n) for n in range(1, 8)]
    board = leaderboard.standings(people, [got(n, "a", 100 * n, 1.0) for n in range(1, 8)])
    assert [s.seat for s in leaderboard.top(board)] == [7, 6, 5, 4, 3]
    assert [s.seat for s in leaderboard.podium(board)] == [7, 6, 5]
    assert leaderboard.rank_text(leaderboard.standing_of(board, 1), len(board)) == "Peringkat 7 dari 7"
    assert leaderboard.standing_of(board, 99) is None


def test_partial_credit_counts_its_time_but_not_as_correct():
    board = leaderboard.standings([seat(1)], [got(1, "a", 400, 2.5, score=0.5)])
    assert (board[0].time_ms, board[0].correct) == (2500, 0)


ANSWERS = st.lists(st.tuples(st.integers(1, 8), st.sampled_from("abc"), st.integers(0, 1000),
                             st.sampled_from([0.5, 1.0, 2.25, 7.0])), max_size=30)


@given(st.integers(1, 8), ANSWERS, st.sets(st.integers(1, 8)))
def test_ranks_agree_with_totals(count, rows, removed):
    people = [seat(n, removed=n in removed) for n in range(1, count + 1)]
    unique = {(n, q): (p, t) for n, q, p, t in rows}
    answers = [got(n, q, p, t, score=1.0 if p else 0.0) for (n, q), (p, t) in unique.items()]
    board = leaderboard.standings(people, answers)
    active = [p for p in people if p.active]
    assert sorted(s.seat for s in board) == [p.seat for p in active]
    for s in board:
        expected = sum(a.points for a in answers if a.seat == s.seat)
        assert s.points == expected
        ahead = [o for o in board if (o.points, -o.time_ms) > (s.points, -s.time_ms)]
        assert s.rank == len(ahead) + 1
    assert [s.rank for s in board] == sorted(s.rank for s in board)
    if board:
        assert board[0].rank == 1


def test_the_order_does_not_depend_on_the_order_answers_arrive_in():
    people = [seat(1), seat(2), seat(3)]
    answers = [got(1, "a", 500, 2.0), got(2, "a", 500, 2.0), got(3, "a", 700, 5.0)]
    board = leaderboard.standings(people, answers)
    assert leaderboard.standings(list(reversed(people)), list(reversed(answers))) == board
