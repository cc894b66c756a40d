"""What ``python -m lessonkit check`` runs: every loader, every cross-check, one report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import load_lesson
from .problems import Problem


@dataclass
class Report:
    problems: list[Problem]
    summary: str


def check(content_dir: Path, quiz_paths: list[Path]) -> Report:
    lesson = load_lesson(content_dir)
    problems = sorted(lesson.problems)
    summary = f"{len(lesson.sections)} bagian materi, {len(lesson.glossary)} istilah."
    return Report(problems, summary)
