"""``python -m lessonkit impor``: a Moodle XML or GIFT file into one checked quiz file."""

from __future__ import annotations

import sys
from pathlib import Path

USAGE_ERROR, PROBLEMS = 2, 1


def add(commands) -> None:
    run = commands.add_parser("impor", help="impor soal dari Moodle XML atau GIFT ke file kuis YAML",
                              description="Mengimpor soal dari file Moodle XML atau GIFT (dikenali dari isinya) "
                                          "menjadi satu file kuis, lalu memeriksanya.")
    run.add_argument("file", metavar="FILE", help="file Moodle XML atau GIFT")
    run.add_argument("-o", "--output", required=True, metavar="quizzes/NAMA.yaml", help="file kuis hasil")
    run.add_argument("--bagian", metavar="ID", help="bagian materi untuk soal yang belum punya bagian")
    run.add_argument("--level", choices=["L1", "L2", "L3"], help="level untuk soal yang belum punya level")
    run.add_argument("--content", default="content", metavar="FOLDER", help="folder materi (bawaan: content)")
    run.add_argument("--timpa", action="store_true", help="boleh menimpa file hasil yang sudah ada")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    # Imported here, so other subcommands start fast.
    from ..exchange.imported import Defaults, write
    from ..exchange.upload import UploadError, read_any
    from ..lesson.content import load_lesson

    source, target = Path(args.file), Path(args.output)
    if not source.is_file():
        print(f"{prog}: '{source}' tidak ditemukan", file=sys.stderr)
        return USAGE_ERROR
    if target.suffix not in (".yaml", ".yml"):
        print(f"{prog}: file hasil harus berakhiran .yaml", file=sys.stderr)
        return USAGE_ERROR
    if target.exists() and not args.timpa:
        print(f"{prog}: '{target}' sudah ada; pilih nama lain atau tambahkan --timpa", file=sys.stderr)
        return USAGE_ERROR
    sections = load_lesson(args.content).section_ids if Path(args.content).is_dir() else []
    if args.bagian and sections and args.bagian not in sections:
        print(f"{prog}: bagian '{args.bagian}' tidak ada di materi (yang ada: {', '.join(sections)})",
              file=sys.stderr)
        return USAGE_ERROR
    try:
        kind, imported = read_any(source.read_bytes(), Defaults(args.level, args.bagian))
    except OSError as exc:
        print(f"{prog}: '{source}' tidak dapat dibaca ({exc.strerror})", file=sys.stderr)
        return PROBLEMS
    except UploadError as exc:
        print(f"{prog}: {source}: {exc}", file=sys.stderr)
        return PROBLEMS
    for item in imported.skipped:
        print(f"dilewati: {item}", file=sys.stderr)
    for note in imported.notes:
        print(f"catatan: {note}", file=sys.stderr)
    if not imported.questions:
        print(f"{prog}: tidak ada soal yang bisa diimpor dari '{source}'", file=sys.stderr)
        return PROBLEMS
    try:
        problems = write(imported, target, source.name, sections or None)
    except OSError as exc:
        print(f"{prog}: tidak dapat menulis '{target}' ({exc.strerror})", file=sys.stderr)
        return PROBLEMS
    for problem in problems:
        print(problem)
    summary = f"{len(imported.questions)} soal dari {source.name} ({kind}) ditulis ke {target}."
    if problems:
        print(f"\n{summary} Ada {len(problems)} hal yang perlu dilengkapi di file itu.", file=sys.stderr)
        return PROBLEMS
    print(f"{summary} Semua soal valid.")
    return 0
