"""The project and differentiated practice (``content/proyek.yaml``): three tiers, a choice of product,
interview ethics, an analytic rubric with labelled samples, and self and peer assessment.

Everything here is content a teacher edits; the schema checks it (file and
line) and the Materi page shows it under the section it names.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .rubric import Criterion, Sample, check_samples
from .schema import Slug, Strict, Text, located

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
