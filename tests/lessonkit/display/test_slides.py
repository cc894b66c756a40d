"""The presentation deck: teaching order, every stage revealed one at a time, a question per section."""

from __future__ import annotations

from lessonkit.display.slides import build_deck
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.quiz import read_bank
from tests.conftest import ROOT


def _deck():
    lesson = load_lesson(ROOT / "content")
    diagrams = load_diagrams(ROOT / "content", lesson.section_ids)
    bank = read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)
    return lesson, diagrams, bank, build_deck(lesson, diagrams, bank)


def test_deck_follows_the_lesson_order_and_opens_with_the_module():
    lesson, _, _, deck = _deck()
    assert deck[0].kind == "title"
    seen = []
    for slide in deck[1:]:
        if slide.section_id not in seen:
            seen.append(slide.section_id)
    assert seen == lesson.section_ids


def test_every_stage_is_a_slide_revealed_one_more_each_time():
    _, diagrams, _, deck = _deck()
    for process in diagrams.processes.values():
        slides = [s for s in deck if s.diagram_id == process.id]
        assert [s.revealed for s in slides] == list(range(1, len(process.stages) + 1))
        assert [s.stage_key for s in slides] == [s.id for s in process.stages]


def test_each_section_has_objectives_summary_and_a_discussion_question():
    lesson, _, bank, deck = _deck()
    for section in lesson.sections:
        kinds = [s.kind for s in deck if s.section_id == section.id]
        assert kinds[0] == "objectives" and "summary" in kinds and kinds[-1] == "question"
    for slide in (s for s in deck if s.kind == "question"):
        assert bank.question(slide.question_id).type in ("single", "multiple", "true_false", "matching")


def test_comparison_slides_reveal_one_row_each_including_stages_without_a_counterpart():
    _, diagrams, _, deck = _deck()
    comparison = diagrams.comparisons["perbandingan-proses"]
    slides = [s for s in deck if s.diagram_id == comparison.id]
    expected = [f"left:{p.left}" if p.left else f"right:{p.right}" for p in comparison.pairs]
    assert [s.stage_key for s in slides] == [*expected, None]
    assert [s.revealed for s in slides] == [*range(1, len(comparison.pairs) + 1), None]


def test_a_matching_question_on_a_slide_letters_every_option_and_keeps_the_same_order():
    from lessonkit.display.slides import matching_sheet

    _, _, bank, _ = _deck()
    q = next(q for q in bank.questions if q.type == "matching" and q.distractors)
    sheet = matching_sheet(q)
    assert sheet == matching_sheet(q), "the class sees the same letters every time"
    assert sorted(text for _, text in sheet.rights) == sorted(q.rights)
    by_letter = dict(sheet.rights)
    assert [by_letter[letter] for letter in sheet.key] == [p.right for p in q.pairs]
    assert sorted(by_letter[letter] for letter in sheet.spare) == sorted(q.distractors)
