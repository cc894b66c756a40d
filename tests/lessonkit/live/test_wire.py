"""Phones answer in display positions; the server reads them into the bank's responses, and back again."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.live import questions, wire
from lessonkit.live.errors import AnswerRefused
from lessonkit.quiz import grade
from lessonkit.quiz.types import TYPES, UnknownQuestionType, module_of

from ..quiz.factories import make
from .factories import LIVE_KINDS


def live_of(question, seed=3):
    order = module_of(question).shuffle(question, random.Random(seed))
    return None if order is None else tuple(order)


@pytest.mark.parametrize("kind", LIVE_KINDS)
def test_the_key_in_display_positions_reads_back_as_a_perfect_answer(kind):
    question = make(kind, distractors=["X1", "X2"]) if kind == "matching" else make(kind)
    order = live_of(question)
    key = wire.encode(question, order, module_of(question).perfect(question))
    response = wire.parse(question, order, key)
    assert grade(question, response).score == 1.0
    assert wire.encode(question, order, response) == key


def test_single_maps_a_display_position_to_the_option_in_the_file():
    question = make("single")
    order = (4, 2, 0, 1, 3)
    assert wire.parse(question, order, 3) == 1
    assert wire.encode(question, order, 1) == 3


def test_multiple_maps_positions_to_sorted_file_indices():
    assert wire.parse(make("multiple"), (4, 2, 0, 1, 3), [0, 2]) == [0, 4]


def test_true_false_keeps_blanks_for_partial_credit():
    question = make("true_false")
    response = wire.parse(question, None, [True, None, None, False])
    assert grade(question, response).score == 0.5


def test_matching_reads_rights_by_display_position_and_may_leave_lefts_blank():
    question = make("matching", distractors=["X1"])
    order = (4, 0, 3, 1, 2)  # shown: X1, R0, R3, R1, R2
    response = wire.parse(question, order, [1, 3, None, 0])
    assert response == {"L0": "R0", "L1": "R1", "L3": "X1"}
    assert grade(question, response).score == 0.5
    assert wire.encode(question, order, response) == [1, 3, None, 0]


def test_ordering_needs_every_item_once():
    question = make("ordering")
    order = (2, 0, 1, 4, 3)  # shown: tiga, satu, dua, lima, empat
    assert wire.parse(question, order, [1, 2, 0, 4, 3]) == ["satu", "dua", "tiga", "empat", "lima"]
    for incomplete in ([1, 2, 0, 4], [1, 1, 0, 4, 3]):
        with pytest.raises(AnswerRefused, match="Urutkan semua"):
            wire.parse(question, order, incomplete)


def test_short_answer_collapses_spaces_and_is_cut_to_its_limit():
    question = make("short_answer")
    assert wire.parse(question, None, "  kode \n etik ") == "kode etik"
    assert len(wire.parse(question, None, "a" * 500)) == wire.SHORT_ANSWER_MAX


@pytest.mark.parametrize(("kind", "raw", "message"), [
    ("single", None, "Pilih satu"),
    ("single", 5, "tidak dapat dibaca"),
    ("single", True, "tidak dapat dibaca"),
    ("single", "1", "tidak dapat dibaca"),
    ("multiple", [], "minimal satu"),
    ("multiple", [1, 1], "tidak dapat dibaca"),
    ("multiple", 2, "tidak dapat dibaca"),
    ("true_false", [None, None, None, None], "minimal satu"),
    ("true_false", [True, False], "tidak dapat dibaca"),
    ("true_false", [1, 0, 1, 0], "tidak dapat dibaca"),
    ("matching", [None, None, None, None], "minimal satu"),
    ("matching", {"L0": 1}, "tidak dapat dibaca"),
    ("ordering", "satu dua", "tidak dapat dibaca"),
    ("short_answer", "   ", "Ketik"),
    ("short_answer", ["kode etik"], "tidak dapat dibaca"),
])
def test_an_empty_or_malformed_answer_is_refused_with_a_sentence(kind, raw, message):
    question = make(kind)
    with pytest.raises(AnswerRefused, match=message):
        wire.parse(question, live_of(question), raw)


JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 12) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
                    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LIVE_KINDS), JSON)
def test_any_json_from_a_phone_is_either_refused_or_graded_between_zero_and_one(kind, raw):
    question = make(kind)
    try:
        response = wire.parse(question, live_of(question), raw)
    except AnswerRefused:
        return
    assert 0.0 <= grade(question, response).score <= 1.0


def test_the_tally_of_single_counts_choices_in_display_order_and_marks_the_key():
    question = make("single")
    caption, bars = wire.adapter(question).tally(question, (1, 0, 2, 3, 4), [1, 1, 0])
    assert [(b.label, b.count, b.correct) for b in bars[:3]] == [("A. B", 2, True), ("B. A", 1, False),
                                                                 ("C. C", 0, False)]
    assert caption == "Banyak siswa yang memilih"


def test_the_live_quiz_uses_the_types_the_wire_knows_leaves_essays_out_and_refuses_an_unknown_type():
    assert [kind for kind in TYPES if questions.usable(make(kind))] == LIVE_KINDS
    with pytest.raises(UnknownQuestionType):
        questions.usable(make("single").model_copy(update={"type": "poll"}))


def bars_of(question, order, responses):
    return [(b.label, b.count, b.correct) for b in wire.adapter(question).tally(question, order, responses)[1]]


def test_the_tally_of_multiple_counts_every_tick():
    question = make("multiple")
    bars = bars_of(question, (0, 1, 2, 3, 4), [[0, 2], [0, 1]])
    assert [(count, correct) for _, count, correct in bars] == [(2, True), (1, False), (1, True), (0, False),
                                                                 (0, True)]


def test_the_tally_of_true_false_counts_right_answers_per_statement_with_its_key():
    bars = bars_of(make("true_false"), None, [[True, True, None, False], [False, False, True, False]])
    assert bars == [("1. P1 (Benar)", 1, True), ("2. P2 (Salah)", 1, True), ("3. P3 (Benar)", 1, True),
                    ("4. P4 (Salah)", 2, True)]


def test_the_tally_of_matching_counts_right_pairs_per_left():
    bars = bars_of(make("matching"), (0, 1, 2, 3), [{"L0": "R0", "L1": "R2"}, {"L0": "R0"}])
    assert [(label, count) for label, count, _ in bars] == [("L0 → R0", 2), ("L1 → R1", 0), ("L2 → R2", 0),
                                                            ("L3 → R3", 0)]


def test_the_tally_of_ordering_sorts_answers_into_right_partly_right_and_wrong():
    items = ["satu", "dua", "tiga", "empat", "lima"]
    bars = bars_of(make("ordering"), (4, 3, 2, 1, 0), [items, items[::-1], ["dua", "satu", "tiga", "empat", "lima"]])
    assert bars == [("Urutan tepat", 1, True), ("Sebagian tepat", 1, False), ("Belum tepat", 1, False)]


def test_the_tally_of_short_answers_groups_spellings_and_folds_the_rest():
    answers = ["Kode etik", "kode etik!", "KODE ETIK", "sertifikat", "a", "b", "c", "d", "e"]
    bars = bars_of(make("short_answer"), None, answers)
    assert bars[0] == ("Kode etik", 3, True)
    assert bars[1] == ("sertifikat", 1, False)
    assert len(bars) == wire.SHORT_ANSWER_BARS + 1 and bars[-1] == ("Jawaban lainnya", 2, False)
