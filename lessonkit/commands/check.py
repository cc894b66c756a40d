"""``python -m lessonkit check``: validate what teachers edit (content/ and quizzes/): every loader, every
cross-check, one report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..authoring.problems import Problem

USAGE_ERROR = 2


@dataclass
class Report:
    problems: list[Problem]
    summary: str


def check(content_dir: Path, quiz_paths: list[Path]) -> Report:
    """Every loader and every cross-check over ``content_dir`` and ``quiz_paths``, as one report."""
    from ..lesson.capaian import check_questions  # here, so other subcommands start fast
    from ..lesson.content import load_lesson
    from ..lesson.stages import load_diagrams
    from ..quiz import read_bank

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


def add(commands) -> None:
    run = commands.add_parser("check", help="periksa file materi (content/) dan kuis (quizzes/)",
                              description="Memeriksa materi dan kuis. Setiap masalah dicetak sebagai "
                                          "FILE:BARIS: id: kolom: pesan.")
    run.add_argument("--content", default="content", metavar="FOLDER",
                     help="folder materi (bawaan: content)")
    run.add_argument("paths", nargs="*", metavar="PATH",
                     help="file atau folder kuis yang diperiksa (bawaan: quizzes)")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    content = Path(args.content)
    if not content.is_dir():
        print(f"{prog}: folder materi '{content}' tidak ditemukan", file=sys.stderr)
        return USAGE_ERROR
    explicit = [Path(p) for p in args.paths]
    missing = [p for p in explicit if not p.exists()]
    if missing:
        for path in missing:
            print(f"{prog}: '{path}' tidak ditemukan", file=sys.stderr)
        return USAGE_ERROR
    quiz_paths = explicit or [Path("quizzes")]
    report = check(content, quiz_paths)
    for problem in report.problems:
        print(problem)
    if report.problems:
        count = len(report.problems)
        print(f"\n{count} masalah ditemukan. {report.summary}", file=sys.stderr)
        return 1
    print(f"Semua file valid. {report.summary}")
    return 0
