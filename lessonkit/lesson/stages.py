"""Stage data of the two group-formation processes (``content/proses/*.yaml``).

Diagrams, the presentation and the lesson read the same files, so a stage's
wording changed in one place changes everywhere. Loading never raises; a
broken file is left out and described by `Problem` values, like sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StrictInt, StringConstraints, ValidationError, model_validator

from ..authoring.problems import Problem
from ..authoring.schema import Slug, Strict, Text
from ..authoring.validation import translate
from ..authoring.yamlsrc import parse_yaml

FOLDER = "proses"
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=24)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class Stage(Strict):
    id: Slug
    number: Annotated[StrictInt, Field(ge=1)]
    title: Text
    label: Label
    description: Text
    example: Text
    section: Slug
    year: StrictInt | None = None
    wilensky: Short | None = None


class Process(Strict):
    """A sequence of stages drawn as a pathway, a cycle or a timeline."""

    id: Slug
    title: Text
    kind: Literal["pathway", "cycle", "timeline"]
    section: Slug
    intro: Text
    stages: Annotated[list[Stage], Field(min_length=2)]

    @model_validator(mode="after")
    def _numbered_in_order(self) -> Process:
        numbers = [s.number for s in self.stages]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"nomor tahap harus berurutan 1 sampai {len(numbers)} (sekarang {numbers})")
        ids = [s.id for s in self.stages]
        if len(set(ids)) != len(ids):
            raise ValueError("id tahap harus berbeda satu sama lain")
        if self.kind == "timeline" and any(s.year is None for s in self.stages):
            raise ValueError("setiap tahap pada linimasa (timeline) wajib punya 'year'")
        return self


class Pair(Strict):
    """Two analogous stages on one row; a stage with no true counterpart has only ``left`` or only ``right``."""

    left: Slug | None = None
    right: Slug | None = None
    note: Short

    @model_validator(mode="after")
    def _one_side_at_least(self) -> Pair:
        if self.left is None and self.right is None:
            raise ValueError("isi 'left', 'right', atau keduanya (tahap tanpa padanan cukup diisi satu sisi)")
        return self

    def side(self, name: str) -> str | None:
        return self.left if name == "left" else self.right


class Difference(Strict):
    aspect: Text
    left: Short
    right: Short


class Comparison(Strict):
    """Two processes side by side: analogous stages aligned, differences labelled."""

    id: Slug
    title: Text
    kind: Literal["comparison"]
    section: Slug
    intro: Text
    left: Slug
    right: Slug
    pairs: Annotated[list[Pair], Field(min_length=1)]
    differences: Annotated[list[Difference], Field(min_length=1)]


@dataclass
class Diagrams:
    """Processes and comparisons by id, in file order, plus what could not be loaded."""

    items: dict[str, Process | Comparison] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def processes(self) -> dict[str, Process]:
        return {k: v for k, v in self.items.items() if isinstance(v, Process)}

    @property
    def comparisons(self) -> dict[str, Comparison]:
        return {k: v for k, v in self.items.items() if isinstance(v, Comparison)}

    def for_section(self, section_id: str) -> list[Process | Comparison]:
        return [d for d in self.items.values() if d.section == section_id]


def load_diagrams(content_dir: str | Path, section_ids: list[str] | None = None) -> Diagrams:
    """Load every ``content/proses/*.yaml`` and cross-check sections and compared stages."""
    result = Diagrams()
    folder = Path(content_dir) / FOLDER
    if not folder.is_dir():
        return result
    comparisons = []
    for path in sorted(folder.glob("*.yaml")):
        item, parsed, problems = _load_one(path, section_ids)
        result.problems.extend(problems)
        if item is None:
            continue
        if item.id in result.items:
            result.problems.append(Problem(str(path), parsed.line_of(("id",)), item.id, "id",
                                           "id diagram ini sudah dipakai di file lain"))
            continue
        result.items[item.id] = item
        if isinstance(item, Comparison):
            comparisons.append((item, str(path), parsed))
    for item, file, parsed in comparisons:
        problems = _check_comparison(item, file, parsed, result.processes)
        if problems:
            result.problems.extend(problems)
            del result.items[item.id]
    return result


def _load_one(path: Path, section_ids: list[str] | None):
    file = str(path)
    parsed = parse_yaml(path.read_text(encoding="utf-8"), file)
    if parsed.problems:
        return None, parsed, parsed.problems
    data = parsed.data
    if not isinstance(data, dict):
        return None, parsed, [Problem(file, 1, "", "file", "isi file harus berupa pemetaan 'kunci: nilai'")]
    model = Comparison if data.get("kind") == "comparison" else Process
    ident = data.get("id") if isinstance(data.get("id"), str) else ""
    try:
        item = model.model_validate(data)
    except ValidationError as exc:
        return None, parsed, translate(exc, parsed, file, model, item_id=ident)
    problems = []
    if section_ids is not None:
        wanted = [(("section",), item.section)]
        if isinstance(item, Process):
            wanted += [(("stages", i, "section"), s.section) for i, s in enumerate(item.stages)]
        for where, section in wanted:
            if section not in section_ids:
                problems.append(Problem(file, parsed.line_of(where), item.id, ".".join(map(str, where)),
                                        f"bagian '{section}' tidak ada di materi"))
    return (None if problems else item), parsed, problems


def _check_comparison(item: Comparison, file: str, parsed, processes: dict[str, Process]) -> list[Problem]:
    problems = []
    for side in ("left", "right"):
        process_id = getattr(item, side)
        process = processes.get(process_id)
        if process is None:
            problems.append(Problem(file, parsed.line_of((side,)), item.id, side,
                                    f"proses '{process_id}' tidak ditemukan di folder {FOLDER}/"))
            continue
        used: set[str] = set()
        for index, stage_id in enumerate(p.side(side) for p in item.pairs):
            where = parsed.line_of(("pairs", index, side))
            if stage_id is None:
                continue
            if stage_id not in {s.id for s in process.stages}:
                problems.append(Problem(file, where, item.id, f"pairs.{index}.{side}",
                                        f"tahap '{stage_id}' tidak ada di proses '{process_id}'"))
            elif stage_id in used:
                problems.append(Problem(file, where, item.id, f"pairs.{index}.{side}",
                                        f"tahap '{stage_id}' sudah ada di baris lain; setiap tahap muncul sekali"))
            used.add(stage_id)
        missing = [s.id for s in process.stages if s.id not in used]
        if missing:
            problems.append(Problem(file, parsed.line_of(("pairs",)), item.id, "pairs",
                                    f"tahap {', '.join(missing)} dari '{process_id}' belum dimasukkan ke 'pairs' "
                                    f"(tahap tanpa padanan ditulis dengan satu sisi saja)"))
    return problems
