"""Every file the "Unduh & Cetak" page offers, built only when asked: bytes, file name and MIME type.

A teacher chooses questions (`lessonkit.exchange.select`, the same filters as the CLI's
``--kuis/--bagian/--level``) and one of `FORMATS`; `build` makes the file. The lesson
handout needs no selection (`handout_pdf`, with the stage diagrams). `type_counts`
and `gift_skipped` say what a selection holds and what GIFT leaves out, before anything
is downloaded, and `lms_notes` what the teacher should know about each LMS file (points GIFT
drops, Cloze marks, ordering rewritten for a Moodle older than 4.4). Plain Python: the page
only lays out buttons around these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..exchange import moodle_versions
from ..exchange.exporters import EXPORTERS
from ..exchange.selection import Selection, Skipped
from ..lesson.content import Lesson
from ..lesson.stages import Diagrams
from ..printing import answer_key, handout, worksheet
from ..printing.figures import stage_images
from ..quiz.types import TYPE_NAMES

PAPERS = ("A4", "F4")


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    stem: str
    suffix: str
    mime: str
    printed: bool = False


FORMATS = {f.key: f for f in (
    *(Format(e.key, f"Unduh {e.name}", e.stem, e.suffix, e.mime) for e in EXPORTERS.values()),
    Format("lembar", "Unduh lembar kerja (PDF)", "lembar-kerja", "pdf", "application/pdf", printed=True),
    Format("kunci", "Unduh kunci jawaban (PDF)", "kunci-jawaban", "pdf", "application/pdf", printed=True),
)}
HANDOUT = Format("materi", "Unduh bahan ajar (PDF)", "bahan-ajar", "pdf", "application/pdf", printed=True)


def file_name(fmt: Format, paper: str = "A4", packets: bool = False) -> str:
    """``soal-moodle.xml``, ``lembar-kerja-A4-paket-AB.pdf``, ...: the paper and packets are in a PDF's name."""
    parts = [fmt.stem] + ([paper] if fmt.printed else []) + (["paket-AB"] if packets and fmt.printed else [])
    return f"{'-'.join(parts)}.{fmt.suffix}"


def build(key: str, selection: Selection, paper: str = "A4", packets: bool = False,
          moodle: str = moodle_versions.LATEST) -> bytes:
    """The file of format ``key`` for ``selection``; ``paper`` and ``packets`` apply to the PDFs, ``moodle``
    (the Moodle version) to Moodle XML and GIFT."""
    if key in EXPORTERS:
        return EXPORTERS[key].export(selection, moodle)[0]
    if key in ("lembar", "kunci"):
        return (worksheet if key == "lembar" else answer_key)(selection, paper, packets=packets)
    raise ValueError(f"format tidak dikenal: {key}")


def handout_pdf(lesson: Lesson, diagrams: Diagrams, paper: str = "A4") -> bytes:
    """The whole lesson as a printable handout, with its stage diagrams."""
    return handout(lesson, paper, stage_images(diagrams))


def type_counts(selection: Selection) -> list[tuple[str, int]]:
    """How many questions of each type, in the app's order of types, with their Indonesian names."""
    found = [q.type for q in selection.questions]
    return [(name, found.count(kind)) for kind, name in TYPE_NAMES.items() if kind in found]


def gift_skipped(selection: Selection, moodle: str = moodle_versions.LATEST) -> list[Skipped]:
    """The questions a GIFT file of this selection leaves out, each with the reason."""
    return EXPORTERS["gift"].export(selection, moodle)[1]


def lms_notes(selection: Selection, moodle: str = moodle_versions.LATEST) -> dict[str, list[str]]:
    """Format key -> what the teacher should know about that file of this selection (Indonesian lines)."""
    return {key: e.notes(selection, moodle) for key, e in EXPORTERS.items() if e.notes}
