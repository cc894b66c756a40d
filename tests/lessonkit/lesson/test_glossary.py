"""Glossary search: as typed first, then small misspellings; case and accents ignored."""

from __future__ import annotations

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.glossary import search
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def glossary():
    return load_lesson(ROOT / "content").glossary


def _names(found) -> list[str]:
    return [t.term for t in found]


@pytest.mark.parametrize("query", ["voluntir", "volunter", "VOLUNTEER", "kelompok voluntir", "volunteeer"])
def test_small_misspellings_of_volunteer_find_the_volunteer_group(glossary, query):
    assert "Kelompok volunteer" in _names(search(glossary, query))


def test_exact_matches_come_before_misspelled_ones(glossary):
    found = _names(search(glossary, "volunter"))
    assert found[0] == "Kelompok volunter"  # typed exactly as this term's name
    assert found.index("Kelompok volunter") < found.index("Kelompok volunteer")


def test_a_word_still_being_typed_finds_its_term(glossary):
    assert _names(search(glossary, "sertif"))[0] == "Sertifikasi"
    assert "Sertifikasi" in _names(search(glossary, "sertiv"))  # a slip in a word not finished yet


def test_short_words_must_be_typed_right_and_nonsense_finds_nothing(glossary):
    assert search(glossary, "zzz") == [] and search(glossary, "qwertyuiop") == []
    assert "Kode etik" in _names(search(glossary, "kode etik"))
    assert search(glossary, "") == list(glossary)
