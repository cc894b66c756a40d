"""What ``python -m lessonkit check`` runs: every loader, every cross-check, one report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .capaian import check_questions
from .content import load_lesson
from .problems import Problem
from .quiz import read_bank
from .stages import load_diagrams


@dataclass
class Report:
    problems: list[Problem]
    summary: str


def check(content_dir: Path, quiz_paths: list[Path]) -> Report:
    lesson = load_lesson(content_dir)
    bank = read_bank([p for p in quiz_paths if p.exists()], section_ids=lesson.section_ids)
    diagrams = load_diagrams(content_dir, lesson.section_ids)
    problems = lesson.problems + bank.problems + diagrams.problems
    if lesson.capaian is not None:
        loaded = lesson.capaian
        written = [q.id for status in bank.files for q in status.questions]
        problems += check_questions(loaded.capaian, loaded.parsed, loaded.file, written)
    problems = sorted(problems)
    summary = (f"{len(lesson.sections)} bagian materi, {len(lesson.glossary)} istilah, "
               f"{len(diagrams.items)} diagram, {len(bank.quizzes)} kuis dengan {len(bank.questions)} soal.")
    return Report(problems, summary)
