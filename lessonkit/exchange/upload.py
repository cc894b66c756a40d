"""A question file a teacher brings in: format recognised from its content, read, and checked as quiz YAML.

Shared by ``python -m lessonkit impor`` (which then writes the file into quizzes/) and
the "Unduh & Cetak" page (which never writes there: `preview` checks the YAML in a
temporary folder beside copies of nothing, reading the real quiz files only as
neighbours, so an id that clashes with the bank is reported too). Every failure is an
`UploadError` whose ``str()`` is the Indonesian message for the teacher. The page says the
checker's problems in a teacher's words (`import_words`); the CLI keeps ``FILE:LINE: id: field: message``.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..authoring.problems import Problem
from ..quiz.bank import quiz_files
from . import gift_read, markup, moodle_xml_read
from .imported import Defaults, Imported, check_file, quiz_id_for, slug, to_yaml
from .selection import Skipped

MAX_BYTES = 2 * 1024 * 1024
FORMATS = {moodle_xml_read: "Moodle XML", gift_read: "GIFT"}


class UploadError(ValueError):
    """The file cannot be imported at all; ``str()`` says why, in Indonesian."""


@dataclass
class Preview:
    """An imported file as the teacher sees it before saving: the YAML and what to fix or know."""

    format: str
    file_name: str
    yaml_text: str
    questions: int
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_any(data: bytes, defaults: Defaults | None = None) -> tuple[str, Imported]:
    """The format's name ("Moodle XML" or "GIFT", recognised from the content) and what was read."""
    if len(data) > MAX_BYTES:
        raise UploadError(f"File terlalu besar ({len(data) / 1024 / 1024:.1f} MB). "
                          f"Batasnya {MAX_BYTES // 1024 // 1024} MB; bagi soalnya ke beberapa file.")
    if not data.strip():
        raise UploadError("File ini kosong.")
    reader = moodle_xml_read if moodle_xml_read.looks_like(data) else gift_read
    try:
        return FORMATS[reader], reader.read(data, defaults or Defaults())
    except (moodle_xml_read.MoodleXmlError, gift_read.GiftError, markup.MarkupError) as exc:
        raise UploadError(f"File tidak bisa dibaca sebagai {FORMATS[reader]}: {exc}.") from exc


def preview(data: bytes, source: str, defaults: Defaults, quiz_dir: Path | None,
            section_ids: list[str] | None) -> Preview:
    """Read ``data`` (the file named ``source``) and check the quiz YAML it gives, without touching ``quiz_dir``."""
    kind, imported = read_any(data, defaults)
    if not imported.questions:
        reasons = "; ".join(str(s) for s in imported.skipped[:3])
        raise UploadError(f"Tidak ada soal yang bisa diimpor dari file {kind} ini"
                          + (f" ({reasons})." if reasons else "."))
    file_name = f"{slug(Path(source).stem, 'kuis-impor')}.yaml"
    yaml_text = to_yaml(imported, quiz_id_for(Path(file_name)), source)
    neighbours = quiz_files([quiz_dir]) if quiz_dir and quiz_dir.is_dir() else []
    with tempfile.TemporaryDirectory(prefix="lessonkit-impor-") as folder:
        target = Path(folder) / file_name
        target.write_text(yaml_text, encoding="utf-8")
        problems = [Problem(file_name, p.line, p.item_id, p.field, p.message)
                    for p in check_file(target, neighbours, section_ids)]
    return Preview(kind, file_name, yaml_text, len(imported.questions), problems, imported.skipped, imported.notes)
