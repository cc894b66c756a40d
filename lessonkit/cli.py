"""The ``python -m lessonkit`` command line; each subcommand lives in ``lessonkit/commands/``.

Exit codes: 0 success, 1 problems found (every one printed), 2 bad usage.
Messages are in Indonesian because teachers read them; never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from .commands import cetak, check, ekspor, guru, impor

USAGE_ERROR = 2
SUBCOMMANDS = [check, ekspor, impor, cetak, guru]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: perintah tidak dikenali ({message})\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m lessonkit",
        description="Alat bantu modul pelajaran: memeriksa, mengekspor, mengimpor, dan mencetak materi dan kuis, "
                    "serta mengelola akun guru.",
        add_help=True,
    )
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    for module in SUBCOMMANDS:
        module.add(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    return args.run(args, parser.prog)
