"""Lesson content: sections (Markdown with front matter), the glossary and the module card.

Everything a student reads lives in ``content/`` and is loaded here into plain
objects. Loading never raises: a broken file is left out and described by
`Problem` values, so the pages can show the rest of the lesson.

Section files look like::

    ---
    id: proses-profesi
    title: Sepuluh Tahap Terjadinya Kelompok Profesi
    order: 2
    minutes: 10
    objectives: [...]
    key_terms: [...]
    summary: [...]
    tp: [TP-2]          # learning objectives of content/capaian.yaml
    ---
    Markdown body, with callout boxes:

    ::: contoh Judul kotak
    Markdown...
    :::
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt, ValidationError

from ..authoring.problems import Problem
from ..authoring.schema import Slug, Strict, Text
from ..authoring.validation import translate
from ..authoring.yamlsrc import parse_yaml
from .capaian import CAPAIAN_FILE, Capaian, Loaded, TpCode, check_sections
from .project import PROJECT_FILE, Project

CALLOUT_KINDS = {
    "contoh": "Contoh",
    "wawasan": "Wawasan",
    "ingat": "Ingat",
}
GLOSSARY_FILE = "glosarium.yaml"
MODULE_FILE = "modul.yaml"
_FENCE = re.compile(r"^:::\s*(.*)$")


class SectionMeta(Strict):
    """Front matter of one lesson section."""

    id: Slug
    title: Text
    order: Annotated[StrictInt, Field(ge=1)]
    minutes: Annotated[StrictInt, Field(gt=0)]
    objectives: Annotated[list[Text], Field(min_length=1)]
    key_terms: list[Text] = []
    summary: Annotated[list[Text], Field(min_length=1)]
    tp: list[TpCode] = []


class GlossaryTerm(Strict):
    term: Text
    definition: Text
    section: Slug


class Glossary(Strict):
    terms: Annotated[list[GlossaryTerm], Field(min_length=1)]


class LearningPath(Strict):
    """A way into the module for one kind of user (shown on the home page)."""

    audience: Text
    text: Text
    page: Slug
    label: Text


class ModuleMeta(Strict):
    title: Text
    subject: Text
    description: Text
    objectives: Annotated[list[Text], Field(min_length=1)]
    paths: list[LearningPath] = []


@dataclass(frozen=True)
class Block:
    """A piece of a section body: plain Markdown or a titled callout box."""

    kind: Literal["markdown", "contoh", "wawasan", "ingat"]
    text: str
    title: str = ""


@dataclass(frozen=True)
class Section:
    meta: SectionMeta
    blocks: tuple[Block, ...]
    file: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class Lesson:
    """Everything loaded from a content folder, plus what could not be loaded."""

    sections: list[Section] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    module: ModuleMeta | None = None
    capaian: Loaded | None = None
    project: Project | None = None
    problems: list[Problem] = field(default_factory=list)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]

    @property
    def total_minutes(self) -> int:
        return sum(s.meta.minutes for s in self.sections)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, line where the body starts) or None when there is none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None


def parse_blocks(body: str, file: str, first_line: int, item_id: str) -> tuple[list[Block], list[Problem]]:
    """Split a section body into Markdown and callout blocks, reporting bad fences."""
    blocks: list[Block] = []
    problems: list[Problem] = []
    buffer: list[str] = []
    open_kind, open_title, open_line = None, "", 0

    def flush(kind: str, title: str = "") -> None:
        text = "".join(buffer).strip("\n")
        buffer.clear()
        if text.strip() or kind != "markdown":
            blocks.append(Block(kind, text, title))

    for number, line in enumerate(body.splitlines(keepends=True), start=first_line):
        match = _FENCE.match(line.strip())
        if not match:
            buffer.append(line)
            continue
        rest = match.group(1).strip()
        if open_kind is None:
            kind, _, title = rest.partition(" ")
            if kind not in CALLOUT_KINDS:
                names = ", ".join(CALLOUT_KINDS)
                message = f"jenis kotak '{kind or '(kosong)'}' tidak dikenal; gunakan salah satu: {names}"
                problems.append(Problem(file, number, item_id, "kotak", message))
                kind = "markdown"  # keep pairing fences so its closing ':::' is not reported too
            flush("markdown")
            open_kind, open_title, open_line = kind, title.strip(), number
        elif rest:
            problems.append(Problem(file, number, item_id, "kotak",
                                    f"kotak '{open_kind}' dari baris {open_line} belum ditutup dengan ':::'"))
            buffer.append(line)
        else:
            flush(open_kind, open_title or CALLOUT_KINDS.get(open_kind, ""))
            open_kind = None
    if open_kind is not None:
        problems.append(Problem(file, open_line, item_id, "kotak",
                                f"kotak '{open_kind}' tidak pernah ditutup; tambahkan baris ':::' di akhir kotak"))
        flush(open_kind, open_title or CALLOUT_KINDS.get(open_kind, ""))
    else:
        flush("markdown")
    return blocks, problems


def _read(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(display, 1, "", "file", "file harus disimpan dengan encoding UTF-8")]
    except OSError as exc:
        return None, [Problem(display, 1, "", "file", f"file tidak dapat dibaca ({exc.strerror})")]


def load_section(path: Path, display: str | None = None) -> tuple[Section | None, list[Problem]]:
    """Load one section file; on any problem the section is None (it breaks only itself)."""
    display = display or str(path)
    text, problems = _read(path, display)
    if text is None:
        return None, problems
    split = split_front_matter(text)
    if split is None:
        return None, [Problem(display, 1, "", "front matter",
                              "file harus diawali front matter: baris '---', data YAML, lalu '---' lagi")]
    front, body, body_line = split
    parsed = parse_yaml(front, display, line_offset=1)
    problems = list(parsed.problems)
    if parsed.data is None and not problems:
        problems.append(Problem(display, 2, "", "front matter", "front matter kosong; isi minimal id, title, order"))
    if problems:
        return None, problems
    raw_id = parsed.data.get("id", "") if isinstance(parsed.data, dict) else ""
    item_id = raw_id if isinstance(raw_id, str) else ""
    if not isinstance(parsed.data, dict):
        return None, [Problem(display, 2, "", "front matter", "front matter harus berupa pemetaan 'kunci: nilai'")]
    try:
        meta = SectionMeta.model_validate(parsed.data)
    except ValidationError as exc:
        return None, translate(exc, parsed, display, SectionMeta, item_id=item_id)
    blocks, block_problems = parse_blocks(body, display, body_line, meta.id)
    if not any(b.text.strip() for b in blocks):
        block_problems.append(Problem(display, body_line, meta.id, "isi", "isi bagian ini masih kosong"))
    if block_problems:
        return None, block_problems
    return Section(meta, tuple(blocks), display), []


def _load_yaml_model(path: Path, display: str, model: type[BaseModel]):
    """Load a YAML file into ``model``; returns (object or None, parsed document, problems)."""
    text, problems = _read(path, display)
    if text is None:
        return None, None, problems
    parsed = parse_yaml(text, display)
    if parsed.problems:
        return None, parsed, parsed.problems
    if parsed.data is None:
        return None, parsed, [Problem(display, 1, "", "file", "file kosong")]
    if not isinstance(parsed.data, dict):
        return None, parsed, [Problem(display, 1, "", "file", "isi file harus berupa pemetaan 'kunci: nilai'")]
    try:
        return model.model_validate(parsed.data), parsed, []
    except ValidationError as exc:
        def term_of(path: tuple) -> str:
            if len(path) >= 2 and path[0] == "terms" and isinstance(path[1], int):
                items = parsed.data.get("terms") or []
                item = items[path[1]] if path[1] < len(items) else None
                return str(item.get("term", "")) if isinstance(item, dict) else ""
            return ""
        return None, parsed, translate(exc, parsed, display, model, item_id=term_of)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_lesson(content_dir: str | Path) -> Lesson:
    """Load every section, the glossary and the module card; cross-check them."""
    root = Path(content_dir)
    lesson = Lesson()
    if not root.is_dir():
        lesson.problems.append(Problem(str(root), 1, "", "folder", "folder materi tidak ditemukan"))
        return lesson
    first_seen: dict[str, Section] = {}
    orders: dict[int, Section] = {}
    for path in sorted(root.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        section, problems = load_section(path, _display(path))
        lesson.problems.extend(problems)
        if section is None:
            continue
        if section.id in first_seen:
            other = first_seen[section.id]
            lesson.problems.append(Problem(section.file, 2, section.id, "id",
                                           f"id '{section.id}' sudah dipakai di {other.file}"))
            continue
        if section.meta.order in orders:
            other = orders[section.meta.order]
            lesson.problems.append(Problem(section.file, parse_line(section, "order"), section.id, "order",
                                           f"urutan {section.meta.order} sudah dipakai oleh {other.file}"))
        first_seen[section.id] = section
        orders.setdefault(section.meta.order, section)
        lesson.sections.append(section)
    lesson.sections.sort(key=lambda s: (s.meta.order, s.id))
    if not lesson.sections and not lesson.problems:
        lesson.problems.append(Problem(str(root), 1, "", "folder", "belum ada file bagian materi (*.md)"))

    lesson.module, _, _ = _load_optional(root / MODULE_FILE, ModuleMeta, lesson)

    glossary, parsed, display = _load_optional(root / GLOSSARY_FILE, Glossary, lesson)
    if glossary is not None:
        lesson.glossary = sorted(glossary.terms, key=lambda t: t.term.casefold())
        lesson.problems.extend(_check_glossary(lesson, glossary.terms, parsed, display))

    capaian, parsed, display = _load_optional(root / CAPAIAN_FILE, Capaian, lesson)
    if capaian is not None:
        lesson.capaian = Loaded(capaian, parsed, display)
        lesson.problems.extend(check_sections(capaian, lesson.sections, parse_line))

    project, parsed, display = _load_optional(root / PROJECT_FILE, Project, lesson)
    if project is not None and lesson.sections and project.section not in lesson.section_ids:
        lesson.problems.append(Problem(display, parsed.line_of(("section",)), "", "section",
                                       f"bagian '{project.section}' tidak ada di materi"))
    lesson.project = project
    return lesson


def _load_optional(path: Path, model: type[BaseModel], lesson: Lesson):
    """An optional YAML file of the content folder: (object or None, parsed document, display name); its
    problems go to the lesson."""
    if not path.exists():
        return None, None, ""
    display = _display(path)
    loaded, parsed, problems = _load_yaml_model(path, display, model)
    lesson.problems.extend(problems)
    return loaded, parsed, display


def parse_line(section: Section, key: str) -> int:
    """Line of a front-matter key in a loaded section file (for cross-file problems)."""
    try:
        for number, line in enumerate(Path(section.file).read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith(f"{key}:"):
                return number
    except OSError:
        pass
    return 1


def _check_glossary(lesson: Lesson, terms: list[GlossaryTerm], parsed, display: str) -> list[Problem]:
    """Cross-check the glossary (in file order) against the loaded sections."""
    problems = []
    known = set(lesson.section_ids)
    seen: set[str] = set()
    for index, term in enumerate(terms):
        line = parsed.line_of(("terms", index, "section"))
        if known and term.section not in known:
            problems.append(Problem(display, line, term.term, "section",
                                    f"bagian '{term.section}' tidak ada di materi"))
        key = term.term.casefold()
        if key in seen:
            problems.append(Problem(display, parsed.line_of(("terms", index, "term")), term.term, "term",
                                    "istilah ini ditulis dua kali"))
        seen.add(key)
    for section in lesson.sections:
        for term in section.meta.key_terms:
            if term.casefold() not in seen:
                problems.append(Problem(section.file, parse_line(section, "key_terms"), section.id, "key_terms",
                                        f"istilah '{term}' belum ada di {display}"))
    return problems


def folder_signature(*folders: str | Path) -> tuple:
    """A cheap fingerprint of folders' files, so caches notice a teacher's edit."""
    entries = []
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            entries.append((str(root), None))
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file():
                stat = path.stat()
                entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)
