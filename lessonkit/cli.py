"""The ``python -m lessonkit`` command line: ``check`` validates what teachers edit.

Exit codes: 0 valid, 1 problems found (every one printed), 2 bad usage.
Messages are in Indonesian because teachers read them; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: perintah tidak dikenali ({message})\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m lessonkit",
        description="Alat bantu modul pelajaran: memeriksa file materi dan kuis.",
        add_help=True,
    )
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    run = commands.add_parser("check", help="periksa file materi (content/) dan kuis (quizzes/)",
                              description="Memeriksa materi dan kuis. Setiap masalah dicetak sebagai "
                                          "FILE:BARIS: id: kolom: pesan.")
    run.add_argument("--content", default="content", metavar="FOLDER",
                     help="folder materi (bawaan: content)")
    run.add_argument("paths", nargs="*", metavar="PATH",
                     help="file atau folder kuis yang diperiksa (bawaan: quizzes)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "check":
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    content = Path(args.content)
    if not content.is_dir():
        print(f"{parser.prog}: folder materi '{content}' tidak ditemukan", file=sys.stderr)
        return USAGE_ERROR
    explicit = [Path(p) for p in args.paths]
    missing = [p for p in explicit if not p.exists()]
    if missing:
        for path in missing:
            print(f"{parser.prog}: '{path}' tidak ditemukan", file=sys.stderr)
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
