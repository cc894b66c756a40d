"""Mastery levels follow the stated rule; the Leitner schedule moves cards as promised."""

from __future__ import annotations

from datetime import datetime, timedelta

from lessonkit.lesson.flashcards import box_counts, due_count, queue, review
from lessonkit.lesson.progress import mastery, weakest
from lessonkit.storage import Answer

T0 = datetime(2026, 1, 1)


def _answers(section, scores):
    return [Answer("latihan", f"q{n}", section, s, T0 + timedelta(minutes=n)) for n, s in enumerate(scores)]


def test_mastery_levels_use_the_last_five_answers():
    answers = (_answers("a", [0, 0, 0, 1, 1, 1, 1, 1]) + _answers("b", [1, 1]) + _answers("c", [0.2, 0.4])
               + _answers("d", [1, 0.5, 0.6]))
    levels = {m.section: m.level for m in mastery(answers, ["a", "b", "c", "d", "e"])}
    assert levels == {"a": "Mahir", "b": "Cukup", "c": "Mulai", "d": "Cukup", "e": "Belum"}


def test_essays_do_not_count_towards_mastery():
    answers = _answers("a", [None, None])
    assert mastery(answers, ["a"])[0].level == "Belum"


def test_weakest_sections_come_lowest_first_and_skip_mastered():
    levels = mastery(_answers("a", [1, 1, 1]) + _answers("b", [0.6]) + _answers("c", [0.1]), ["a", "b", "c", "d"])
    assert [m.section for m in weakest(levels)] == ["d", "c", "b"]


def test_leitner_moves_up_when_known_and_back_to_box_one_when_not():
    assert review(1, True, T0) == (2, T0 + timedelta(days=1))
    assert review(5, True, T0) == (5, T0 + timedelta(days=14))
    assert review(4, False, T0) == (1, T0)


def test_due_cards_come_first_lowest_box_first():
    cards = {"b": (3, T0 - timedelta(hours=1)), "c": (2, T0 + timedelta(days=1)), "d": (1, T0 - timedelta(days=2))}
    assert queue(["a", "b", "c", "d"], cards, T0) == ["a", "d", "b", "c"]  # never seen before seen long ago
    assert due_count(["a", "b", "c", "d"], cards, T0) == 3


def test_belum_tahu_moves_the_queue_on_to_the_next_card_and_round_every_card():
    terms, cards, now, shown = ["a", "b", "c"], {}, T0, []
    for _ in range(6):  # "Belum tahu" on every card, a few seconds apart
        head = queue(terms, cards, now)[0]
        shown.append(head)
        cards[head] = review(cards.get(head, (1, now))[0], False, now)
        now += timedelta(seconds=5)
    assert shown == ["a", "b", "c", "a", "b", "c"]


def test_box_counts_put_a_card_never_seen_in_box_one():
    assert box_counts(["a", "b", "c"], {"b": (2, T0), "c": (5, T0)}) == {1: 1, 2: 1, 3: 0, 4: 0, 5: 1}
