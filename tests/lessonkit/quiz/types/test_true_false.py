"""Benar/Salah grids: statements shuffled per student and graded in file order; per-item column labels."""

from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from lessonkit.live import wire
from lessonkit.printing.answer_key import key_of
from lessonkit.printing.layout import layout
from lessonkit.quiz import exam, grade, practice, read_bank
from lessonkit.quiz.types import true_false
from tests.conftest import FIXTURES

from ..factories import make

SIX = [{"text": f"P{i}", "answer": i % 3 == 0} for i in range(6)]


def test_shuffle_gives_a_permutation_of_the_statements_that_differs_between_students():
    question = make("true_false", statements=SIX)
    orders = {tuple(true_false.shuffle(question, random.Random(seed))) for seed in range(20)}
    assert all(sorted(order) == list(range(6)) for order in orders)
    assert len(orders) > 1


def _answer_as_seen(question, order, wrong_positions=()):
    """Widget state after a student answers in display order, wrong on the given display positions."""
    state = {}
    for position, i in enumerate(true_false.displayed(question, order)):
        answer = question.statements[i].answer
        state[f"k-{i}"] = (not answer) if position in wrong_positions else answer
    return state


@pytest.mark.parametrize("seed", range(8))
def test_grading_does_not_depend_on_the_order_the_statements_were_shown_in(seed):
    question = make("true_false", statements=SIX)
    order = true_false.shuffle(question, random.Random(seed))
    response = true_false.read(question, "k", order, _answer_as_seen(question, order, wrong_positions={0}))
    assert grade(question, response).score == pytest.approx(5 / 6)
    first_shown = order[0]
    assert response[first_shown] is not question.statements[first_shown].answer
    perfect = true_false.read(question, "k", order, _answer_as_seen(question, order))
    assert perfect == true_false.perfect(question) and grade(question, perfect).score == 1.0
    assert true_false.state(question, "k", order, perfect) == _answer_as_seen(question, order)


def test_an_attempt_stored_without_an_order_still_shows_file_order():
    question = make("true_false")
    assert true_false.displayed(question, None) == [0, 1, 2, 3]


def test_practice_and_exams_store_a_statement_order_per_student():
    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])
    run = practice.start(bank, quiz_id="kuis-contoh", rng=random.Random(1))
    grid = next(q for q in (bank.question(i) for i in run.question_ids) if q.type == "true_false")
    assert sorted(run.orders[grid.id]) == list(range(len(grid.statements)))
    attempt = exam.start(bank, [grid.id], 10, now=0.0, rng=random.Random(2))
    assert sorted(attempt.orders[grid.id]) == list(range(len(grid.statements)))


def test_live_phone_answers_in_display_positions_are_graded_in_file_order():
    question = make("true_false")
    order = (2, 0, 3, 1)
    assert wire.adapter(question).fields(question, order)["statements"] == ("P3", "P1", "P4", "P2")
    response = wire.parse(question, order, [True, True, None, None])  # P3 right, P1 right
    assert response == [True, None, True, None]
    assert grade(question, response).score == 0.5
    assert wire.encode(question, order, response) == [True, True, None, None]
    bars = wire.adapter(question).tally(question, order, [response])[1]
    assert [b.label for b in bars] == ["1. P3 (Benar)", "2. P1 (Benar)", "3. P4 (Salah)", "4. P2 (Salah)"]


def test_labels_default_to_benar_salah_and_name_the_columns_everywhere():
    default = make("true_false")
    assert default.labels == ("Benar", "Salah")
    opinion = make("true_false", labels=["Fakta", "Opini"])
    assert true_false.choices(opinion) == {True: "Fakta", False: "Opini"}
    assert true_false.initials(opinion) == ("F", "O")
    assert true_false.key_text(opinion) == "P1 → Fakta; P2 → Opini; P3 → Fakta; P4 → Opini"
    assert true_false.answer_text(opinion, [False, None]) == "P1 → Opini; P2 → (kosong); P3 → (kosong); P4 → (kosong)"
    assert wire.adapter(opinion).fields(opinion, None)["labels"] == ("Fakta", "Opini")


def test_the_printed_key_uses_the_initials_of_the_items_labels():
    from tests.lessonkit.exchange.helpers import with_question

    raw = {"id": "tf-label", "type": "true_false", "level": "L2", "section": "satu", "prompt": "Soal?",
           "explanation": "Karena.", "labels": ["Sesuai", "Tidak sesuai"],
           "statements": [{"text": "A", "answer": False}, {"text": "B", "answer": True}]}
    [block] = layout(with_question(raw))
    assert key_of(block.questions[0]) == "1. T; 2. S"


@pytest.mark.parametrize(("labels", "kind"), [
    (["Sesuai", "Salah"], "berawal huruf yang sama"),
    (["Benar", "benar"], "ditulis dua kali"),
    (["Benar"], "too_short"),
    (["Benar", "Salah", "Ragu"], "too_long"),
    (["Benar", "T" * 21], "string_too_long"),
])
def test_labels_are_two_different_short_words_with_different_initials(labels, kind):
    with pytest.raises(ValidationError) as error:
        make("true_false", labels=labels)
    problem = error.value.errors()[0]
    assert kind == problem["type"] or kind in problem["msg"]


def test_an_item_with_its_own_columns_is_named_by_them_wherever_its_type_is_shown():
    from lessonkit.quiz.types import type_name

    assert type_name(make("true_false")) == "Benar/Salah"
    assert type_name(make("true_false", labels=["Fakta", "Opini"])) == "Fakta/Opini"
    assert type_name(make("single")) == "Pilihan ganda"
