"""The ``python -m lessonkit`` command line; each subcommand lives in ``lessonkit/commands/``.

Exit codes: 0 success, 1 problems found (every one printed), 2 bad usage.
Messages are in Indonesian because teachers read them; never a traceback.
"""

from __future__ import annotations

import sys

from .commands import alamat, cetak, check, ekspor, guru, impor
from .commands.parser import USAGE_ERROR, Parser

SUBCOMMANDS = [check, ekspor, impor, cetak, guru, alamat]


def _parser() -> Parser:
    parser = Parser(
        prog="python -m lessonkit",
        description="Alat bantu modul pelajaran: memeriksa, mengekspor, mengimpor, dan mencetak materi dan kuis, "
                    "mengelola akun guru, serta menampilkan alamat aplikasi untuk siswa.",
    )
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)
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
