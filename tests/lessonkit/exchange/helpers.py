"""Shared by the exchange tests: the shipped bank as a selection, and 'same question' after a round trip."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lessonkit.exchange import markup, select
from lessonkit.exchange.imported import Imported, to_yaml
from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import Bank, load_bank
from lessonkit.quiz.bank import FileStatus, Quiz, read_quiz_file
from lessonkit.quiz.types import TYPES
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "exchange"


@lru_cache(maxsize=1)
def shipped() -> tuple[Bank, dict[str, str]]:
    lesson = load_lesson(ROOT / "content")
    return load_bank([ROOT / "quizzes"]), {s.id: s.title for s in lesson.sections}


def bank_selection(**filters):
    bank, titles = shipped()
    return select(bank, section_titles=titles, **filters)


def with_question(raw: dict, stimuli: dict[str, str] | None = None):
    """A one-question selection made from raw YAML data (for cases the shipped bank lacks)."""
    question = TYPES[raw["type"]].Question.model_validate(raw)
    quiz = Quiz("uji", "Kuis Uji", "uji.yaml", None, None, stimuli or {}, [question])
    bank = Bank([FileStatus(quiz.file, quiz, quiz.title, quiz_id=quiz.id, questions=quiz.questions)])
    return select(bank, section_titles={question.section: "Bagian Uji"})


def canonical(value):
    """Text compared by what its Markdown renders to; everything else as is."""
    if isinstance(value, str):
        return markup.canonical(value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    return value


def load_imported(imported: Imported, tmp_path: Path):
    """The imported questions as the app loads them (schema-validated), with the file status."""
    path = tmp_path / "impor.yaml"
    path.write_text(to_yaml(imported, "impor", "uji"), encoding="utf-8")
    return read_quiz_file(path, None)


def kept(question) -> dict:
    """What Moodle keeps of a question: everything, but matching answers as plain text (Moodle shows them so)."""
    data = question.model_dump(exclude={"stimulus"})
    for pair in data.get("pairs", []):
        pair["right"] = markup.plain_text(pair["right"])
    if "distractors" in data:
        data["distractors"] = [markup.plain_text(d) for d in data["distractors"]]
    return canonical(data)


def assert_same_questions(originals, status) -> None:
    assert status.problems == []
    by_id = {q.id: q for q in status.questions}
    assert set(by_id) == {q.id for q in originals}
    for original in originals:
        back = by_id[original.id]
        assert kept(back) == kept(original), original.id
        assert (back.stimulus is None) == (original.stimulus is None), original.id
