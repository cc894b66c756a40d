"""``python -m lessonkit cetak``: printable PDFs (lembar kerja, kunci jawaban, bahan ajar)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import selecting

DOCUMENTS = {"lembar": "lembar kerja", "kunci": "kunci jawaban", "materi": "bahan ajar"}


def add(commands) -> None:
    run = commands.add_parser("cetak", help="buat PDF lembar kerja, kunci jawaban, atau bahan ajar",
                              description="Membuat PDF siap cetak (A4 atau F4).")
    run.add_argument("dokumen", choices=list(DOCUMENTS), help="lembar, kunci, atau materi")
    selecting.add_arguments(run)
    run.add_argument("--paket", action="store_true", help="dua versi dengan urutan acak (Paket A dan B)")
    run.add_argument("--kertas", default="A4", choices=["A4", "F4"], help="ukuran kertas (bawaan: A4)")
    run.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="file PDF hasil")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    # Imported here so that other subcommands (e.g. ``guru``) start without loading fpdf.
    from ..lesson.content import load_lesson
    from ..lesson.stages import load_diagrams
    from ..printing import answer_key, handout, worksheet
    from ..printing.figures import stage_images

    if args.dokumen == "materi":
        lesson = load_lesson(args.content)
        if lesson.problems or not lesson.sections:
            for problem in lesson.problems:
                print(problem)
            print(f"{prog}: materi bermasalah; perbaiki dulu (lihat 'python -m lessonkit check').", file=sys.stderr)
            return selecting.PROBLEMS
        data = handout(lesson, args.kertas, stage_images(load_diagrams(args.content, lesson.section_ids)))
        what = f"{len(lesson.sections)} bagian materi"
    else:
        selection = selecting.load(args, prog)
        if isinstance(selection, int):
            return selection
        build = worksheet if args.dokumen == "lembar" else answer_key
        data = build(selection, args.kertas, packets=args.paket)
        what = f"{len(selection.items)} soal" + (", Paket A dan B" if args.paket else "")
    code = selecting.write(Path(args.output), data, prog)
    if code:
        return code
    print(f"PDF {DOCUMENTS[args.dokumen]} ({what}, kertas {args.kertas}) ditulis ke {args.output}.")
    return 0
