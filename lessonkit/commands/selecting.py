"""Options shared by ``ekspor`` and ``cetak``: which questions (quizzes, sections, levels) from which folders.

Not a subcommand itself; `load` returns the selection or the exit code after printing why.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..exchange.selection import Selection

USAGE_ERROR, PROBLEMS = 2, 1


def add_arguments(parser) -> None:
    parser.add_argument("--kuis", nargs="+", default=[], metavar="ID", help="hanya kuis ini (id kuis)")
    parser.add_argument("--bagian", nargs="+", default=[], metavar="ID", help="hanya bagian materi ini")
    parser.add_argument("--level", nargs="+", default=[], choices=["L1", "L2", "L3"], help="hanya level ini")
    parser.add_argument("--content", default="content", metavar="FOLDER", help="folder materi (bawaan: content)")
    parser.add_argument("--soal", default="quizzes", metavar="FOLDER", help="folder kuis (bawaan: quizzes)")


def load(args, prog: str) -> Selection | int:
    # Imported here, so subcommands that do not select questions (e.g. ``guru``) start fast.
    from ..exchange.selection import SelectionError, select
    from ..lesson.content import load_lesson
    from ..quiz import read_bank

    content, quizzes = Path(args.content), Path(args.soal)
    for folder, what in ((content, "materi"), (quizzes, "kuis")):
        if not folder.is_dir():
            print(f"{prog}: folder {what} '{folder}' tidak ditemukan", file=sys.stderr)
            return USAGE_ERROR
    lesson = load_lesson(content)
    bank = read_bank([quizzes], section_ids=lesson.section_ids or None)
    if bank.problems:
        for problem in bank.problems:
            print(problem)
        print(f"\n{len(bank.problems)} masalah di file kuis; perbaiki dulu (lihat 'python -m lessonkit check').",
              file=sys.stderr)
        return PROBLEMS
    try:
        selection = select(bank, args.kuis, args.bagian, args.level, {s.id: s.title for s in lesson.sections})
    except SelectionError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return USAGE_ERROR
    if not selection.items:
        print(f"{prog}: tidak ada soal yang cocok dengan pilihan kuis/bagian/level ini", file=sys.stderr)
        return PROBLEMS
    return selection


def write(path: Path, data: bytes, prog: str) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        print(f"{prog}: tidak dapat menulis '{path}' ({exc.strerror})", file=sys.stderr)
        return PROBLEMS
    return 0
