"""Law is stated as it stands: the lesson and the bank never tell students that doctors may form several
professional organisations without the Constitutional Court's ruling (or its date, 30 January 2026) beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml

from tests.conftest import ROOT

SEVERAL_BODIES = re.compile(r"(lebih dari satu|beberapa|banyak) organisasi( profesi)?\b(?! advokat)"
                            r"|organisasi profesi (lain|baru)|membolehkan lebih dari satu", re.IGNORECASE)
HEALTH = re.compile(r"dokter|tenaga medis|17/2023|17 Tahun 2023", re.IGNORECASE)
RULING = re.compile(r"182/PUU-XXII/2024")
AS_OF = re.compile(r"per 30 Januari 2026|30 Januari 2026")


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def passages() -> Iterator[tuple[str, str]]:
    """Every paragraph of the Markdown sections and every text of the YAML files a student can read."""
    for path in sorted((ROOT / "content").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield path.relative_to(ROOT).as_posix(), line
    for path in sorted([*(ROOT / "content").rglob("*.yaml"), *(ROOT / "quizzes").glob("*.yaml")]):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.relative_to(ROOT).as_posix(), text


def test_no_passage_says_doctors_may_form_several_organisations_without_the_mk_ruling():
    unqualified = [(where, text[:120]) for where, text in passages()
                   if SEVERAL_BODIES.search(text) and HEALTH.search(text)
                   and not (RULING.search(text) or AS_OF.search(text))]
    assert unqualified == []


def test_the_guard_catches_the_sentence_the_lesson_used_to_have():
    old = ("Sejak UU Nomor 17 Tahun 2023 tentang Kesehatan berlaku, undang-undang tidak lagi menunjuk satu "
           "organisasi tertentu sebagai wadah profesi dokter, sehingga dokter boleh membentuk lebih dari satu "
           "organisasi profesi.")
    assert SEVERAL_BODIES.search(old) and HEALTH.search(old) and not (RULING.search(old) or AS_OF.search(old))


@pytest.mark.parametrize("where", ["content/03-pembentukan-profesi.md", "content/04-wawasan-profesionalisasi.md",
                                   "content/08-keberlanjutan-tantangan.md", "content/proses/04-idi-timeline.yaml",
                                   "quizzes/05-studi-kasus.yaml"])
def test_every_place_that_states_the_health_law_names_the_ruling_and_its_date(where):
    text = (ROOT / where).read_text(encoding="utf-8")
    assert RULING.search(text) and AS_OF.search(text), where
