"""The shipped question bank meets the curriculum's shape: size, types, levels, sections, exam-style items."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import load_bank
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bank():
    return load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")


def test_bank_has_at_least_100_questions_each_with_an_explanation(bank):
    assert len(bank.questions) >= 100
    assert all(q.explanation.strip() for q in bank.questions)


def test_every_question_belongs_to_a_section_of_the_lesson(bank):
    sections = set(load_lesson(ROOT / "content").section_ids)
    assert {q.id: q.section for q in bank.questions if q.section not in sections} == {}


def test_every_section_has_at_least_five_questions(bank):
    per_section = Counter(q.section for q in bank.questions)
    for section in load_lesson(ROOT / "content").section_ids:
        assert per_section[section] >= 5, section


def test_every_type_is_well_represented(bank):
    per_type = Counter(q.type for q in bank.questions)
    for kind in ("single", "multiple", "true_false", "matching", "ordering", "short_answer"):
        assert per_type[kind] >= 6, kind
    assert per_type["essay"] >= 3


def test_levels_follow_the_target_mix_with_l3_between_a_quarter_and_35_percent(bank):
    """The assessment bank's mix; a diagnostic pre-test (quiz id ``diagnostik…``) checks prerequisites, not L3."""
    assessed = [q for q in bank.questions if not bank.quiz_of(q.id).id.startswith("diagnostik")]
    share = {level: n / len(assessed) for level, n in Counter(q.level for q in assessed).items()}
    assert share["L1"] >= 0.20 and share["L2"] >= 0.30 and 0.25 <= share["L3"] <= 0.35, share


def test_items_relabelled_in_review_round_3_keep_their_honest_level(bank):
    """Stories that only ask to recognise one stage are L2; recall of a written fact is L1 (issue 20)."""
    to_l2 = "kd-10 kp-27 kv-22 pd-08 pd-29 pd-30 pd-31 pd-32 sk-01 sk-02 sk-03 sk-08 sk-10 sk-12 sk-14 sk-17 sk-18"
    to_l1 = "kd-05 kd-08 kp-17 kp-22 kp-25 kv-07 kv-08 pd-13 pd-21 pd-27"
    assert {i: bank.question(i).level for i in to_l2.split() if bank.question(i).level != "L2"} == {}
    assert {i: bank.question(i).level for i in to_l1.split() if bank.question(i).level != "L1"} == {}


def test_the_last_pair_of_a_matching_item_never_comes_for_free(bank):
    """Four or more pairs, or at least one extra right-hand option that matches nothing."""
    weak = [q.id for q in bank.questions if q.type == "matching" and len(q.pairs) < 4 and not q.distractors]
    assert weak == []


def test_printed_true_false_grids_do_not_favour_one_opening_closing_or_pattern(bank):
    """Print keeps the file order, so the file order must not teach "starts with Benar, ends with Salah"."""
    grids = [[s.answer for s in q.statements] for q in bank.questions if q.type == "true_false"]
    assert sum(answers[0] for answers in grids) <= 2 / 3 * len(grids)
    assert sum(not answers[0] for answers in grids) <= 2 / 3 * len(grids)
    assert sum(not answers[-1] for answers in grids) <= 2 / 3 * len(grids)
    patterns = Counter("".join("B" if a else "S" for a in answers) for answers in grids)
    assert [p for p, n in patterns.items() if n > 2] == []


FOREIGN = re.compile(r"(?<![*\w-])(forming|storming|norming|performing|adjourning|volunteer|Vereniging van Indische "
                     r"Artsen|Vereniging van Indonesische Geneeskundigen|Geneeskundige Hoogeschool)(?![*\w-])",
                     re.IGNORECASE)
NOT_READ = {"id", "section", "stimulus", "type", "level", "scoring", "title"}


def _read_texts(value, key=None):
    if isinstance(value, str):
        if key not in NOT_READ:
            yield value
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _read_texts(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _read_texts(item, key)


def test_foreign_terms_are_italic_wherever_a_student_reads_them_in_the_bank():
    plain = [(path.name, text[:80]) for path in sorted((ROOT / "quizzes").glob("*.yaml"))
             for text in _read_texts(yaml.safe_load(path.read_text(encoding="utf-8"))) if FOREIGN.search(text)]
    assert plain == []


def test_no_true_false_grid_alternates_strictly(bank):
    def alternates(answers: list[bool]) -> bool:
        return len(answers) >= 3 and all(a != b for a, b in zip(answers, answers[1:], strict=False))

    grids = {q.id: [s.answer for s in q.statements] for q in bank.questions if q.type == "true_false"}
    assert [qid for qid, answers in grids.items() if alternates(answers)] == []


def test_the_key_is_the_longest_option_in_at_most_a_fifth_of_single_answer_items(bank):
    singles = [q for q in bank.questions if q.type == "single"]
    giveaways = [q.id for q in singles
                 if len(q.options[q.answer].text) >= max(len(o.text) for o in q.options if not o.correct)]
    assert len(giveaways) <= 0.20 * len(singles), giveaways


def test_single_answer_items_have_five_options_and_no_catch_all_option(bank):
    for q in (q for q in bank.questions if q.type == "single"):
        assert len(q.options) == 5, q.id
        for option in q.options:
            text = option.text.casefold()
            assert "semua benar" not in text and "semua jawaban" not in text and "tidak ada yang benar" not in text


def test_at_least_two_stimulus_groups_with_several_questions(bank):
    groups = Counter((bank.quiz_of(q.id).id, q.stimulus) for q in bank.questions if q.stimulus)
    assert sum(1 for n in groups.values() if n >= 2) >= 2


def test_every_essay_has_level_descriptors_for_each_criterion_and_labelled_samples(bank):
    from lessonkit.lesson.rubric import MIN_LEVELS, MIN_SAMPLES
    essays = [q for q in bank.questions if not q.auto_graded]
    assert essays
    for q in essays:
        assert all(len(c.levels) >= MIN_LEVELS for c in q.rubric), q.id
        assert len(q.samples) >= MIN_SAMPLES and len({s.level for s in q.samples}) >= MIN_SAMPLES, q.id
