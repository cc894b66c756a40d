"""Analytic rubrics a teacher can mark with, shared by essay questions and the project.

A rubric is a list of criteria; each criterion has its maximum points and may
describe its levels (``levels:``, at least three, best first, each with a label,
points and a descriptor). Sample answers (``samples:``, at least three) are
labelled with one of those level labels. Validation errors name the entry they
are about, so ``python -m lessonkit check`` reports its line.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..authoring.schema import Strict, Text, located

MIN_LEVELS = 3
MIN_SAMPLES = 3


class RubricLevel(Strict):
    label: Text
    points: Annotated[float, Field(ge=0)]
    descriptor: Text


class Criterion(Strict):
    criterion: Text
    points: Annotated[float, Field(gt=0)] = 1
    levels: list[RubricLevel] = []

    @model_validator(mode="after")
    def _levels_are_a_scale(self) -> Criterion:
        if not self.levels:
            return self
        if len(self.levels) < MIN_LEVELS:
            raise located(f"tulis minimal {MIN_LEVELS} tingkat (levels) untuk setiap kriteria", "levels")
        labels: set[str] = set()
        for index, level in enumerate(self.levels):
            if level.label.casefold() in labels:
                raise located(f"label tingkat '{level.label}' ditulis dua kali", "levels", index, "label")
            labels.add(level.label.casefold())
            if level.points > self.points:
                raise located(f"poin tingkat ({level.points:g}) melebihi poin kriteria ({self.points:g})",
                              "levels", index, "points")
            if index and level.points >= self.levels[index - 1].points:
                raise located("urutkan tingkat dari yang terbaik: poinnya harus makin kecil", "levels", index, "points")
        if self.levels[0].points != self.points:
            raise located(f"tingkat teratas harus bernilai sama dengan poin kriteria ({self.points:g})",
                          "levels", 0, "points")
        return self


class Sample(Strict):
    level: Text
    answer: Text
    note: str | None = None


def level_labels(rubric: list[Criterion]) -> list[str]:
    """Every level label the rubric uses, in order of first appearance."""
    return list(dict.fromkeys(level.label for criterion in rubric for level in criterion.levels))


def check_samples(rubric: list[Criterion], samples: list[Sample]) -> None:
    """Raise a located error when samples are too few or name a level the rubric does not have."""
    if not samples:
        return
    labels = level_labels(rubric)
    if not labels:
        raise located("contoh jawaban (samples) memerlukan tingkat (levels) pada kriteria rubrik", "samples")
    if len(samples) < MIN_SAMPLES:
        raise located(f"tulis minimal {MIN_SAMPLES} contoh jawaban", "samples")
    for index, sample in enumerate(samples):
        if sample.level not in labels:
            raise located(f"tingkat '{sample.level}' tidak ada di rubrik; gunakan salah satu: {', '.join(labels)}",
                          "samples", index, "level")


def sample_text(sample: Sample) -> str:
    """A labelled sample as Markdown: the level in bold, the answer, the note in italics."""
    note = f" *{sample.note}*" if sample.note else ""
    return f"**{sample.level}.** {sample.answer}{note}"


def points_text(value: float) -> str:
    """Points as Indonesian readers write them: 0,5 not 0.5."""
    return f"{value:g}".replace(".", ",")
