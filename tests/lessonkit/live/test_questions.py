"""Choosing a session's questions, their time, one shuffled order per session, the public view and the reveal."""

from __future__ import annotations

import json
import random

import pytest

from lessonkit.live import codec, questions
from lessonkit.live.errors import SelectionError
from lessonkit.quiz import load_bank
from lessonkit.quiz.types import module_of
from tests.conftest import ROOT

from ..quiz.factories import make
from .factories import LIVE_KINDS, bank_of, every_type_bank

BANK = every_type_bank()


def test_default_time_is_twenty_seconds_and_more_for_the_types_that_take_longer():
    limits = {kind: questions.time_limit(make(kind)) for kind in LIVE_KINDS}
    assert limits == {"single": 20, "multiple": 30, "true_false": 30, "matching": 50, "ordering": 40,
                      "short_answer": 30}


def test_time_follows_the_teachers_base_adds_reading_time_for_a_stimulus_and_stays_in_bounds():
    assert questions.time_limit(make("single"), base=30) == 30
    assert questions.time_limit(make("single", stimulus="bacaan")) == 40
    assert questions.time_limit(make("single"), base=1) == questions.MIN_SECONDS
    assert questions.time_limit(make("matching"), base=200) == questions.MAX_SECONDS


def test_a_quiz_gives_its_auto_graded_questions_in_file_order_without_essays():
    assert questions.select(BANK, quiz_id="kuis-uji") == [f"q-{k.replace('_', '-')}" for k in LIVE_KINDS]


def test_a_section_gives_its_questions_easier_first():
    bank = bank_of(make("single", id="b", level="L3"), make("single", id="a", level="L1"),
                   make("single", id="c", level="L2", section="dua"), make("essay", id="e"))
    assert questions.select(bank, section="satu") == ["a", "b"]


def test_a_hand_picked_list_keeps_its_order_once_each_and_names_unknown_ids_and_essays():
    assert questions.select(BANK, question_ids=["q-ordering", "q-single", "q-ordering"]) == ["q-ordering", "q-single"]
    with pytest.raises(SelectionError, match="tidak ditemukan.*q-tidak-ada"):
        questions.select(BANK, question_ids=["q-single", "q-tidak-ada"])
    with pytest.raises(SelectionError, match="uraian.*q-essay"):
        questions.select(BANK, question_ids=["q-essay"])


def test_nothing_usable_or_nothing_chosen_is_a_clear_error():
    with pytest.raises(SelectionError, match="Tidak ada soal"):
        questions.select(bank_of(make("essay")), quiz_id="kuis-uji")
    with pytest.raises(SelectionError, match="tidak ditemukan"):
        questions.select(BANK, quiz_id="tidak-ada")
    with pytest.raises(SelectionError, match="Pilih kuis"):
        questions.select(BANK)


def test_build_stores_one_order_per_question_from_the_type_modules_shuffle_and_the_teachers_limits():
    ids = questions.select(BANK, quiz_id="kuis-uji")
    built = questions.build(BANK, ids, limits={"q-single": 45}, rng=random.Random(7))
    again = questions.build(BANK, ids, limits={"q-single": 45}, rng=random.Random(7))
    assert built == again
    by_id = {q.question_id: q for q in built}
    assert by_id["q-single"].limit == 45 and by_id["q-ordering"].limit == 40
    assert sorted(by_id["q-true-false"].order) == [0, 1, 2, 3] and by_id["q-short-answer"].order is None
    rng = random.Random(7)
    expected = [module_of(BANK.question(i)).shuffle(BANK.question(i), rng) for i in ids]
    assert [None if q.order is None else list(q.order) for q in built] == expected


@pytest.mark.parametrize("kind", LIVE_KINDS)
def test_the_public_view_never_carries_the_key_or_the_explanation(kind):
    question_id = f"q-{kind.replace('_', '-')}"
    built = questions.build(BANK, [question_id], rng=random.Random(1))
    view = questions.public_view(BANK, built, 0)
    text = json.dumps(codec.dump(view))
    assert "Karena." not in text and "correct" not in text and '"answer"' not in text
    assert view.number == 1 and view.count == 1 and view.type == kind
    if kind == "short_answer":
        assert "kode etik" not in text and view.max_chars == 120


def test_the_public_view_lists_choices_in_the_sessions_order():
    question = BANK.question("q-single")
    live = questions.LiveQuestion("q-single", 20, (4, 2, 0, 1, 3))
    view = questions.public_view(BANK, [live], 0)
    assert view.choices == tuple(question.options[i].text for i in live.order)
    assert view.type_name == "Pilihan ganda" and view.instruction and view.stimulus is None


def test_matching_shows_lefts_in_file_order_and_rights_with_distractors_shuffled():
    bank = bank_of(make("matching", distractors=["X1"]))
    live = questions.LiveQuestion("q-matching", 50, (4, 0, 3, 1, 2))
    view = questions.public_view(bank, [live], 0)
    assert view.lefts == ("L0", "L1", "L2", "L3")
    assert view.rights == ("X1", "R0", "R3", "R1", "R2")


def test_a_question_with_a_stimulus_carries_its_reading_text():
    bank = bank_of(make("single", stimulus="bacaan"), stimuli={"bacaan": "Teks bacaan."})
    view = questions.public_view(bank, questions.build(bank, ["q-single"]), 0)
    assert view.stimulus == "Teks bacaan."


def test_the_reveal_gives_the_key_in_display_positions_its_text_and_the_explanation():
    live = questions.LiveQuestion("q-single", 20, (4, 2, 0, 1, 3))
    shown = questions.reveal(BANK, live)
    assert shown.key == 3  # option B (file index 1) is shown fourth
    assert shown.key_text == "B" and shown.explanation == "Karena."


def test_every_question_in_the_real_bank_can_be_built_viewed_and_revealed():
    bank = load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")
    for quiz in bank.quizzes:
        built = questions.build(bank, questions.select(bank, quiz_id=quiz.id), rng=random.Random(0))
        for index, live in enumerate(built):
            assert questions.public_view(bank, built, index).prompt
            assert questions.reveal(bank, live).key is not None


def test_the_picker_label_shows_the_id_the_type_and_the_start_of_the_question_cut_at_a_word():
    long = make("single", prompt="Profesi adalah **pekerjaan** yang menuntut keahlian khusus, pendidikan panjang, "
                                 "dan kode etik yang dijaga organisasinya.")
    label = questions.picker_label(long)
    assert label.startswith("q-single · Pilihan ganda · Profesi adalah pekerjaan yang menuntut keahlian")
    assert label.endswith(" …") and "*" not in label
    assert len(label.split(" · ", 2)[2]) <= questions.PICKER_PROMPT + 2
    assert questions.picker_label(make("single", prompt="Apa itu relawan?")) == \
        "q-single · Pilihan ganda · Apa itu relawan?"
