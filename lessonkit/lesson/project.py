"""The project and differentiated practice (``content/proyek.yaml``): three tiers, a choice of product,
interview ethics, an analytic rubric with labelled samples, and self and peer assessment.

Everything here is content a teacher edits; the schema checks it (file and
line), the Materi page shows it under the section it names, and `markdown_of`
gives the printable form the handout carries.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..authoring.schema import Slug, Strict, Text, located
from .rubric import Criterion, Sample, check_samples, level_labels, points_text, sample_text

PROJECT_FILE = "proyek.yaml"


class Activity(Strict):
    text: Text
    page: Slug | None = None  # an app page to open for it (kartu, diagram, latihan, ...)
    label: Text | None = None


class Tier(Strict):
    name: Text
    who: Text
    practice: Annotated[list[Activity], Field(min_length=1)]
    project: Text


class Product(Strict):
    name: Text
    description: Text
    requirements: list[Text] = []


class EthicsRule(Strict):
    topic: Text
    text: Text


class PeerAndSelf(Strict):
    scale: Annotated[list[Text], Field(min_length=3)]
    yourself: Annotated[list[Text], Field(min_length=1)]
    peers: Annotated[list[Text], Field(min_length=1)]


class Project(Strict):
    title: Text
    section: Slug
    summary: Text
    tiers: Annotated[list[Tier], Field(min_length=3)]
    products: Annotated[list[Product], Field(min_length=2)]
    ethics: Annotated[list[EthicsRule], Field(min_length=1)]
    rubric: Annotated[list[Criterion], Field(min_length=1)]
    samples: list[Sample] = []
    assessment: PeerAndSelf

    @model_validator(mode="after")
    def _rubric_is_markable(self) -> Project:
        for index, criterion in enumerate(self.rubric):
            if not criterion.levels:
                raise located("setiap kriteria rubrik proyek memerlukan tingkat (levels)", "rubric", index)
        check_samples(self.rubric, self.samples)
        return self


def rubric_rows(project: Project) -> list[dict[str, str]]:
    """One row per criterion: 'Kriteria', then each level label with 'descriptor (points)' ('–' if missing)."""
    labels = level_labels(project.rubric)
    rows = []
    for criterion in project.rubric:
        cells = {level.label: f"{level.descriptor} ({points_text(level.points)})" for level in criterion.levels}
        rows.append({"Kriteria": f"{criterion.criterion} ({points_text(criterion.points)} poin)",
                     **{label: cells.get(label, "–") for label in labels}})
    return rows


def _table(rows: list[dict[str, str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")
    head = list(rows[0])
    lines = ["| " + " | ".join(map(cell, head)) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(cell(row[key]) for key in head) + " |" for row in rows]
    return "\n".join(lines)


def _checklist(items: list[str], scale: list[str], title: str) -> str:
    return _table([{title: item, **{step: "" for step in scale}} for item in items])


def markdown_of(project: Project) -> str:
    """The whole project as Markdown, for print: tiers, products, ethics, rubric, samples, assessment forms."""
    parts = [project.summary]
    for tier in project.tiers:
        practice = "\n".join(f"- {activity.text}" for activity in tier.practice)
        parts.append(f"### Jenjang {tier.name}\n\n*{tier.who}*\n\n**Latihan**\n\n{practice}\n\n"
                     f"**Proyek.** {tier.project}")
    products = [f"- **{p.name}.** {p.description}"
                + (f" Syarat: {'; '.join(p.requirements)}." if p.requirements else "") for p in project.products]
    parts.append("### Pilihan produk\n\n" + "\n".join(products))
    parts.append("### Etika wawancara\n\n" + "\n".join(f"- **{r.topic}.** {r.text}" for r in project.ethics))
    parts.append(f"### Rubrik penilaian\n\n{_table(rubric_rows(project))}\n\n"
                 f"Skor maksimum {points_text(sum(c.points for c in project.rubric))}.")
    if project.samples:
        parts.append("### Contoh hasil per tingkat\n\n" + "\n\n".join(sample_text(s) for s in project.samples))
    scale = project.assessment.scale
    parts.append("### Penilaian diri dan penilaian antarteman\n\n"
                 + _checklist(project.assessment.yourself, scale, "Penilaian diri") + "\n\n"
                 + _checklist(project.assessment.peers, scale, "Penilaian antarteman"))
    return "\n\n".join(parts)
