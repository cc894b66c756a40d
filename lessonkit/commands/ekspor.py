"""``python -m lessonkit ekspor``: questions out for an LMS (Moodle XML, GIFT, QTI 3.0)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..exchange import moodle_versions
from ..exchange.exporters import EXPORTERS
from . import selecting

FORMATS = {**{key: e.name for key, e in EXPORTERS.items()}, "xlsx": "Quizizz/Wayground (xlsx)"}


def add(commands) -> None:
    run = commands.add_parser("ekspor", help="ekspor soal ke Moodle XML, GIFT, atau paket QTI 3.0",
                              description="Mengekspor soal (dengan kunci jawaban) untuk LMS sekolah.")
    run.add_argument("--format", required=True, choices=list(FORMATS), help="format file hasil")
    run.add_argument("--moodle", default=moodle_versions.LATEST, choices=list(moodle_versions.VERSIONS),
                     metavar="VERSI", help="versi Moodle tujuan (moodle, gift): 4.4 (bawaan) untuk Moodle 4.4 atau "
                                           "lebih baru; 4.3 untuk Moodle 4.3 atau lebih lama, yang belum punya soal "
                                           "Mengurutkan (ditulis sebagai soal Menjodohkan)")
    selecting.add_arguments(run)
    run.add_argument("-o", "--output", required=True, metavar="FILE", help="file hasil")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    if args.format == "xlsx":
        print(f"{prog}: format xlsx (Quizizz/Wayground) belum tersedia: templat impor Quizizz/Wayground yang "
              "berlaku belum dapat dipastikan dari dokumentasi publik. Pakai --format moodle, gift, atau qti.",
              file=sys.stderr)
        return selecting.PROBLEMS
    selection = selecting.load(args, prog)
    if isinstance(selection, int):
        return selection
    exporter = EXPORTERS[args.format]
    data, skipped = exporter.export(selection, args.moodle)
    notes = exporter.notes(selection, args.moodle) if exporter.notes else []
    code = selecting.write(Path(args.output), data, prog)
    if code:
        return code
    for item in skipped:
        print(f"dilewati: {item}", file=sys.stderr)
    for note in notes:
        print(f"catatan: {note}", file=sys.stderr)
    count = len(selection.items) - len(skipped)
    print(f"{count} soal diekspor ke {args.output} ({FORMATS[args.format]})."
          + (f" {len(skipped)} soal dilewati." if skipped else ""))
    return 0
