"""The shipped question bank meets the curriculum's shape: size, types, levels, sections, exam-style items."""

from __future__ import annotations

from collections import Counter

import pytest

from lessonkit.content import load_lesson
from lessonkit.quiz import load_bank
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bank():
    return load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")


def test_bank_has_at_least_80_questions_each_with_an_explanation(bank):
    assert len(bank.questions) >= 80
    assert all(q.explanation.strip() for q in bank.questions)


def test_every_section_has_at_least_five_questions(bank):
    per_section = Counter(q.section for q in bank.questions)
    for section in load_lesson(ROOT / "content").section_ids:
        assert per_section[section] >= 5, section


def test_every_type_is_well_represented(bank):
    per_type = Counter(q.type for q in bank.questions)
    for kind in ("single", "multiple", "true_false", "matching", "ordering", "short_answer"):
        assert per_type[kind] >= 6, kind
    assert per_type["essay"] >= 3


def test_levels_follow_the_target_mix(bank):
    share = {level: n / len(bank.questions) for level, n in Counter(q.level for q in bank.questions).items()}
    assert share["L1"] >= 0.20 and share["L2"] >= 0.30 and share["L3"] >= 0.25


def test_single_answer_items_have_five_options_and_no_catch_all_option(bank):
    for q in (q for q in bank.questions if q.type == "single"):
        assert len(q.options) == 5, q.id
        for option in q.options:
            text = option.text.casefold()
            assert "semua benar" not in text and "semua jawaban" not in text and "tidak ada yang benar" not in text


def test_at_least_two_stimulus_groups_with_several_questions(bank):
    groups = Counter((bank.quiz_of(q.id).id, q.stimulus) for q in bank.questions if q.stimulus)
    assert sum(1 for n in groups.values() if n >= 2) >= 2
