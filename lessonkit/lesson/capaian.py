"""Curriculum codes: the Capaian Pembelajaran elements, the learning objectives (TP) and who maps to them.

``content/capaian.yaml`` states the CP elements of Sosiologi Fase F, the
dimensions of the Profil Lulusan the module builds, and each TP with its
element and the questions that assess it. Each section's front matter lists
its TP codes (``tp: [TP-1]``). This module loads that file, cross-checks it
with the sections and the bank (problems with file and line), and computes a
class's mastery per TP from stored answers (no Streamlit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from ..authoring.problems import Problem
from ..authoring.schema import Slug, Strict, Text, located

CAPAIAN_FILE = "capaian.yaml"
TP_CODE = re.compile(r"TP-[0-9]+")


def _tp_code(value: str) -> str:
    if not TP_CODE.fullmatch(value):
        raise ValueError(f"kode TP '{value}' harus berbentuk TP-nomor, misalnya TP-3")
    return value


TpCode = Annotated[str, AfterValidator(_tp_code)]


class Element(Strict):
    id: Slug
    name: Text
    cp: Text


class Objective(Strict):
    code: TpCode
    element: Slug
    text: Text
    profile: list[Text] = []
    questions: list[Slug] = []


class Capaian(Strict):
    phase: Text
    subject: Text
    source: Text
    profile: Annotated[list[Text], Field(min_length=1)]
    elements: Annotated[list[Element], Field(min_length=1)]
    objectives: Annotated[list[Objective], Field(min_length=1)]

    @model_validator(mode="after")
    def _codes_and_elements_are_known(self) -> Capaian:
        elements = [e.id for e in self.elements]
        dimensions = {p.casefold() for p in self.profile}
        seen: set[str] = set()
        for index, objective in enumerate(self.objectives):
            if objective.code in seen:
                raise located(f"kode '{objective.code}' ditulis dua kali", "objectives", index, "code")
            seen.add(objective.code)
            if objective.element not in elements:
                raise located(f"elemen '{objective.element}' tidak ada; gunakan salah satu: {', '.join(elements)}",
                              "objectives", index, "element")
            for number, name in enumerate(objective.profile):
                if name.casefold() not in dimensions:
                    raise located(f"dimensi '{name}' tidak ada di daftar profile", "objectives", index, "profile",
                                  number)
        return self

    def element(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.id == element_id)


def check_sections(capaian: Capaian, sections: Sequence, line_of: callable) -> list[Problem]:
    """Every section lists at least one TP, and only TPs that exist (``line_of(section, key)`` finds the line)."""
    problems = []
    known = {o.code for o in capaian.objectives}
    used: set[str] = set()
    for section in sections:
        if not section.meta.tp:
            problems.append(Problem(section.file, 2, section.id, "tp",
                                    f"bagian ini belum memetakan tujuan pembelajaran; tambahkan misalnya "
                                    f"'tp: [{capaian.objectives[0].code}]' (lihat {CAPAIAN_FILE})"))
        for code in section.meta.tp:
            used.add(code)
            if code not in known:
                problems.append(Problem(section.file, line_of(section, "tp"), section.id, "tp",
                                        f"TP '{code}' tidak ada di {CAPAIAN_FILE}"))
    return problems


def check_questions(capaian: Capaian, parsed, file: str, question_ids: Iterable[str]) -> list[Problem]:
    """Every question a TP names exists in the bank; one problem on the line of each unknown id."""
    known = set(question_ids)
    problems = []
    for index, objective in enumerate(capaian.objectives):
        for number, question_id in enumerate(objective.questions):
            if question_id not in known:
                problems.append(Problem(file, parsed.line_of(("objectives", index, "questions", number)),
                                        objective.code, "questions",
                                        f"soal '{question_id}' tidak ada di bank soal (quizzes/)"))
    return problems


@dataclass(frozen=True)
class Loaded:
    """The loaded file with where it came from (for cross-checks that need lines)."""

    capaian: Capaian
    parsed: object
    file: str
