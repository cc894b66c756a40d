"""An import in progress: questions as plain YAML data, written as one quiz file and checked.

Readers (``moodle_xml_read``, ``gift_read``) fill an `Imported`: what maps onto
this project's types becomes question data; what does not is a `Skipped` with
the reason; what was adapted on the way is a note. `write` saves the quiz file
and runs the same checker as ``python -m lessonkit check``, so the teacher sees
``FILE:LINE: id: field: message`` for anything left to fill in (a missing level,
section or explanation, a rubric the source did not have, ...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..authoring.problems import Problem
from ..quiz.bank import quiz_files, read_bank
from . import metadata
from .moodle_xml import ALLOWED_FRACTIONS as ALLOWED
from .selection import Skipped

MAX_QUESTIONS = 1000


def too_many(count: int) -> str:
    """The Indonesian reason a file with ``count`` questions is not read."""
    return (f"file ini berisi {count} soal, lebih dari batas {MAX_QUESTIONS} soal sekali impor; "
            "bagi soalnya ke beberapa file")


KEY_ORDER = ("id", "type", "level", "section", "stimulus", "prompt", "explanation", "points", "scoring",
             "options", "statements", "pairs", "distractors", "items", "accept", "model_answer", "rubric", "samples")


def slug(text: str, fallback: str = "soal") -> str:
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:40].strip("-") or fallback


@dataclass
class Imported:
    """What a reader found in one file."""

    title: str = ""
    stimuli: dict[str, str] = field(default_factory=dict)
    questions: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def unique_id(self, wanted: str) -> str:
        base = slug(wanted)
        candidate, n = base, 2
        while candidate in self._ids:
            candidate, n = f"{base}-{n}", n + 1
        self._ids.add(candidate)
        return candidate

    def add_stimulus(self, wanted: str, text: str) -> str:
        """The id of this stimulus text, adding it the first time it is seen."""
        for ident, existing in self.stimuli.items():
            if " ".join(existing.split()) == " ".join(text.split()):
                return ident
        ident, n = slug(wanted, "stimulus"), 2
        while ident in self.stimuli:
            ident, n = f"{slug(wanted, 'stimulus')}-{n}", n + 1
        self.stimuli[ident] = text
        return ident


@dataclass(frozen=True)
class Defaults:
    """What the teacher gives on the command line for what the source format lacks."""

    level: str | None = None
    section: str | None = None


def base(imported: Imported, *, kind: str, ident: str, text: str, explanation: str, points: float | None,
         tags: dict[str, str], defaults: Defaults, parts: int = 1) -> dict:
    """The keys every question has; a stimulus tagged by this app's export is split off again (``text`` after
    the stimulus is ``parts`` rule-separated parts, see `metadata.split_stimulus`)."""
    question: dict = {"id": imported.unique_id(ident), "type": kind}
    level = tags.get(metadata.LEVEL) or defaults.level
    section = tags.get(metadata.SECTION) or defaults.section
    if level:
        question["level"] = level
    if section:
        question["section"] = section
    if tags.get(metadata.STIMULUS):
        stimulus, text = metadata.split_stimulus(text, parts)
        if stimulus:
            question["stimulus"] = imported.add_stimulus(tags[metadata.STIMULUS], stimulus)
    question["prompt"] = text
    question["explanation"] = explanation
    if tags.get(metadata.POINTS):
        points = _number(tags[metadata.POINTS], points)
    if points is not None and points > 0:
        question["points"] = int(points) if float(points).is_integer() else points
    if tags.get(metadata.SCORING) == metadata.ALL_OR_NOTHING:
        question["scoring"] = "all_or_nothing"
    return question


def accepted_answer(imported: Imported, ident: str, text: str) -> str:
    """A Moodle short answer as this app's accepted answer: ``\\*`` is a literal ``*``; a bare ``*``
    (Moodle's wildcard) is kept but noted, since the app compares answers literally."""
    if re.search(r"(?<!\\)\*", text):
        imported.notes.append(f"{ident}: jawaban '{text}' memakai tanda * (wildcard Moodle); "
                              "tulis setiap varian jawabannya")
    return text.replace("\\*", "*")


ORDERING_KEPT = ("ALL_OR_NOTHING", "LONGEST_ORDERED_SUBSET")  # the app's two rules for ordering


def note_ordering(imported: Imported, ident: str, grading: str, shown: int, total: int) -> None:
    """Notes for what an ordering question loses: Moodle's other grading types, "show only N items"."""
    if grading and grading.upper() not in ORDERING_KEPT:
        imported.notes.append(f"{ident}: penilaian Moodle {grading.upper()} diganti penilaian sebagian aplikasi ini "
                              "(butir terpanjang yang urutannya benar)")
    if 0 < shown < total:
        imported.notes.append(f"{ident}: Moodle hanya menampilkan {shown} dari {total} butir; di aplikasi ini "
                              "semua butir ditampilkan")


def note_dropped_feedback(imported: Imported, ident: str, what: str) -> None:
    imported.notes.append(f"{ident}: umpan balik per jawaban {what} tidak dibawa (hanya pembahasan yang dibawa)")


def note_choice_grades(imported: Imported, ident: str, single: bool, percents: list[float]) -> None:
    """Notes where a choice question's Moodle grades differ from the app's rule (or are not valid in Moodle)."""
    invalid = sorted({p for p in percents if abs(p) not in ALLOWED and not any(abs(abs(p) - a) < 1e-4
                                                                              for a in ALLOWED)})
    if invalid:
        imported.notes.append(f"{ident}: nilai {', '.join(f'{p:g}%' for p in invalid)} tidak ada di daftar nilai "
                              "Moodle (Moodle sendiri menolak soal ini)")
    positive = [p for p in percents if p > 0]
    if not single and positive and abs(sum(positive) - 100) > 0.01:
        imported.notes.append(f"{ident}: nilai jawaban benar berjumlah {sum(positive):g}%, bukan 100%; di aplikasi "
                              "ini setiap jawaban benar bernilai sama")
    negative = {round(p, 2) for p in percents if p < 0}
    if single and negative:
        imported.notes.append(f"{ident}: nilai negatif untuk pilihan salah tidak dibawa (di sini pilihan salah "
                              "bernilai 0)")
    elif not single and len(positive) < len(percents) and negative != {round(-100 / len(positive), 2)}:
        imported.notes.append(f"{ident}: nilai pilihan salah diganti aturan aplikasi ini: setiap pilihan salah "
                              f"mengurangi 1/{len(positive)} dari nilai soal")


def _number(text: str, fallback: float | None) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return fallback


def ordered(question: dict) -> dict:
    return {key: question[key] for key in KEY_ORDER if key in question} | {
        key: value for key, value in question.items() if key not in KEY_ORDER}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(imported: Imported, quiz_id: str, source: str) -> str:
    data: dict = {"id": quiz_id, "title": imported.title or quiz_id,
                  "description": f"Diimpor dari {source}."}
    if imported.stimuli:
        data["stimuli"] = [{"id": ident, "text": text} for ident, text in imported.stimuli.items()]
    data["questions"] = [ordered(q) for q in imported.questions]
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def write(imported: Imported, target: Path, source: str, section_ids: list[str] | None) -> list[Problem]:
    """Save the quiz file and check it (together with its neighbours, so clashing ids show)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_yaml(imported, quiz_id_for(target), source), encoding="utf-8")
    neighbours = [p for p in quiz_files([target.parent]) if p.resolve() != target.resolve()]
    return check_file(target, neighbours, section_ids)


def quiz_id_for(target: Path) -> str:
    """The quiz id a file name gives: ``quizzes/06-kuis-baru.yaml`` is ``kuis-baru``."""
    return slug(re.sub(r"^\d+-", "", target.stem), "kuis-impor")


def check_file(target: Path, neighbours: list[Path], section_ids: list[str] | None) -> list[Problem]:
    """The checker's problems in ``target``, read together with ``neighbours`` so clashing ids show."""
    bank = read_bank(neighbours + [target], section_ids=section_ids)
    mine = next(f for f in bank.files if Path(f.file).resolve() == target.resolve())
    return sorted(mine.problems)
