"""The LMS export formats, listed once: the "Unduh & Cetak" page (`lessonkit.services.downloads`,
``ui.teacher.exchange_view``) and the command line (``python -m lessonkit ekspor``) both offer exactly these,
so a new format reaches both.

Each format's module is imported when a file is made, so the command line starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .selection import Selection, Skipped


def _moodle(selection: Selection, moodle: str) -> tuple[bytes, list[Skipped]]:
    from . import moodle_xml

    return moodle_xml.export(selection, moodle), []


def _moodle_notes(selection: Selection, moodle: str) -> list[str]:
    from . import moodle_xml

    return moodle_xml.notes(selection, moodle)


def _gift(selection: Selection, moodle: str) -> tuple[bytes, list[Skipped]]:
    from . import gift

    return gift.export(selection, moodle)


def _gift_notes(selection: Selection, moodle: str) -> list[str]:
    from . import gift

    return gift.notes(selection, moodle)


def _qti(selection: Selection, moodle: str) -> tuple[bytes, list[Skipped]]:
    from . import qti

    return qti.export(selection), []


@dataclass(frozen=True)
class Exporter:
    key: str
    name: str  # Indonesian, as the page and the command line name the file
    stem: str
    suffix: str
    mime: str
    export: Callable[[Selection, str], tuple[bytes, list[Skipped]]]  # (selection, Moodle version) -> file, left out
    notes: Callable[[Selection, str], list[str]] | None = None  # what the teacher should know about the file


EXPORTERS = {e.key: e for e in (
    Exporter("moodle", "Moodle XML", "soal-moodle", "xml", "application/xml", _moodle, _moodle_notes),
    Exporter("gift", "GIFT", "soal-gift", "txt", "text/plain", _gift, _gift_notes),
    Exporter("qti", "paket QTI 3.0", "soal-qti3", "zip", "application/zip", _qti),
)}
