"""``python -m lessonkit ekspor``: questions out for an LMS (Moodle XML, GIFT, QTI 3.0)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import selecting

FORMATS = {"moodle": "Moodle XML", "gift": "GIFT", "qti": "paket QTI 3.0", "xlsx": "Quizizz/Wayground (xlsx)"}


def add(commands) -> None:
    run = commands.add_parser("ekspor", help="ekspor soal ke Moodle XML, GIFT, atau paket QTI 3.0",
                              description="Mengekspor soal (dengan kunci jawaban) untuk LMS sekolah.")
    run.add_argument("--format", required=True, choices=list(FORMATS), help="format file hasil")
    selecting.add_arguments(run)
    run.add_argument("-o", "--output", required=True, metavar="FILE", help="file hasil")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    from ..exchange import gift, moodle_xml, qti  # here, so other subcommands start fast

    if args.format == "xlsx":
        print(f"{prog}: format xlsx (Quizizz/Wayground) belum tersedia: templat impor Quizizz/Wayground yang "
              "berlaku belum dapat dipastikan dari dokumentasi publik. Pakai --format moodle, gift, atau qti.",
              file=sys.stderr)
        return selecting.PROBLEMS
    selection = selecting.load(args, prog)
    if isinstance(selection, int):
        return selection
    skipped = []
    if args.format == "moodle":
        data = moodle_xml.export(selection)
    elif args.format == "gift":
        data, skipped = gift.export(selection)
    else:
        data = qti.export(selection)
    code = selecting.write(Path(args.output), data, prog)
    if code:
        return code
    for item in skipped:
        print(f"dilewati: {item}", file=sys.stderr)
    count = len(selection.items) - len(skipped)
    print(f"{count} soal diekspor ke {args.output} ({FORMATS[args.format]})."
          + (f" {len(skipped)} soal dilewati." if skipped else ""))
    return 0
