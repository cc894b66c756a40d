"""What the projector, the phones and the class dashboard are given about the answers."""

from __future__ import annotations

import pytest

from lessonkit.live import leaderboard, players, scoring, state, summary

from .factories import every_type_bank, opened, seats

BANK = every_type_bank()
AT = 100.0


@pytest.fixture
def game():
    """Three players on a single-choice then a short-answer question; Cici is removed after answering."""
    session = opened(BANK, ["q-single", "q-short-answer"], at=AT)
    ani, budi, cici = seats(session, "Ani", "Budi", "Cici")
    key = session.current.order.index(1)
    wrong = (key + 1) % 5
    answers = [scoring.accept(BANK, session, p, "q-single", raw, AT + t, already_answered=False)
               for p, raw, t in ((ani, key, 2.0), (budi, wrong, 3.0), (cici, key, 1.0))]
    _, cici = players.remove(session, cici, AT + 5)
    return session, [ani, budi, cici], answers, key, wrong


def test_answered_count_covers_the_current_question_and_active_players(game):
    session, people, answers, *_ = game
    assert summary.answered_count(session, people, answers) == (2, 2)
    assert summary.answered_text(27, 34) == "27/34 sudah menjawab"
    lobby = state.create("123456", session.questions, AT)
    assert summary.answered_count(lobby, people, answers) == (0, 2)


def test_distribution_counts_each_choice_in_display_order_and_marks_the_key(game):
    session, people, answers, key, wrong = game
    shown = summary.distribution(BANK, session, 0, people, answers)
    assert (shown.answered, shown.players) == (2, 2)
    assert [b.count for b in shown.bars] == [1 if i in (key, wrong) else 0 for i in range(5)]
    assert [b.correct for b in shown.bars] == [i == key for i in range(5)]


def test_class_scores_list_the_asked_questions_hardest_first(game):
    session, people, answers, *_ = game
    session = state.advance(state.advance(state.close(session, AT + 6), AT + 7), AT + 8)
    budi = people[1]
    answers.append(scoring.accept(BANK, session, budi, "q-short-answer", "kode etik", AT + 10,
                                  already_answered=False))
    scores = summary.class_scores(session, people, answers)
    assert [(s.question_id, s.number, s.mean_score, s.answered, s.correct) for s in scores] == [
        ("q-single", 1, 0.5, 2, 1), ("q-short-answer", 2, 0.5, 1, 1)]


def test_student_results_have_a_row_per_active_player_and_asked_question(game):
    session, people, answers, key, wrong = game
    rows = summary.student_results(session, people, answers)
    assert [(r.nickname, r.question_id, r.response, r.score, r.points, r.elapsed) for r in rows] == [
        ("Ani", "q-single", 1, 1.0, 950, 2.0), ("Budi", "q-single", rows[1].response, 0.0, 0, 3.0)]
    assert rows[1].response != 1 and rows[0].student_id is None


def test_a_question_left_unanswered_is_a_zero_row_for_the_dashboard(game):
    session, people, answers, *_ = game
    rows = summary.student_results(session, people, answers[1:])
    assert (rows[0].nickname, rows[0].response, rows[0].score, rows[0].points, rows[0].elapsed) == (
        "Ani", None, 0.0, 0, None)


def test_seat_feedback_says_right_or_wrong_points_and_rank(game):
    session, people, answers, *_ = game
    board = leaderboard.standings(people, answers)
    ani, budi, cici = people
    assert summary.seat_feedback("q-single", ani.seat, answers, board) == summary.SeatFeedback(
        "benar", "Benar", 950, 950, "Peringkat 1 dari 2")
    assert summary.seat_feedback("q-single", budi.seat, answers, board).label == "Belum tepat"
    assert summary.seat_feedback("q-short-answer", ani.seat, answers, board).label == "Tidak menjawab"
    assert summary.seat_feedback("q-single", cici.seat, answers, board) is None
