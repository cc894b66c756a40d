"""``python -m lessonkit check``: validate what teachers edit (content/ and quizzes/)."""

from __future__ import annotations

import sys
from pathlib import Path

USAGE_ERROR = 2


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
    from ..check import check  # here, so other subcommands start fast

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
