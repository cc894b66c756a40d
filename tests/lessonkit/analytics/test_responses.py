"""From stored exam answers to the analysis tables, with each question's file and line from the bank."""

from __future__ import annotations

import math
import textwrap

import pytest

from lessonkit.quiz import read_bank
from tests.conftest import FIXTURES

QUIZ = """\
id: kuis-analisis
title: Kuis Analisis
questions:
  - id: a-single
    type: single
    level: L1
    section: satu
    prompt: Pilih satu.
    explanation: B.
    options:
      - {text: Pilihan A}
      - {text: Pilihan B, correct: true}
      - {text: Pilihan C}
  - id: a-multiple
    type: multiple
    level: L2
    section: satu
    prompt: Pilih semua.
    explanation: A dan C.
    options:
      - {text: Satu, correct: true}
      - {text: Dua}
      - {text: Tiga, correct: true}
  - id: a-short
    type: short_answer
    level: L1
    section: satu
    prompt: Isi.
    explanation: Kode etik.
    accept: [kode etik]
  - id: a-matching
    type: matching
    level: L2
    section: satu
    prompt: Jodohkan.
    explanation: Pasangannya.
    pairs:
      - {left: Dokter, right: Kesehatan}
      - {left: Guru, right: Pendidikan}
      - {left: Hakim, right: Hukum}
      - {left: Relawan, right: Sosial}
"""


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "kuis.yaml").write_text(textwrap.dedent(QUIZ), encoding="utf-8")
    return read_bank([tmp_path])


def test_bank_tells_where_each_question_is_written():
    bank = read_bank([FIXTURES / "quizzes_ok"])
    file, line = bank.source("c-03")
    assert file.endswith("kuis-contoh.yaml") and line == 28
    assert (FIXTURES / "quizzes_ok" / "kuis-contoh.yaml").read_text().splitlines()[line - 1].strip() == "- id: c-03"


def test_stored_answers_become_scores_choices_keys_options_and_sources(bank):
    from lessonkit.analytics.responses import class_matrix

    answers = {
        "Ana": {"a-single": 1, "a-multiple": [0, 2], "a-short": "Kode etik"},
        "Budi": {"a-single": 0, "a-multiple": [0, 1]},
        "=HYPERLINK(1)": {"a-single": None},
    }
    matrix = class_matrix(bank, ["a-single", "a-multiple", "a-short"], answers)
    assert matrix.scores.loc["Ana"].tolist() == [1, 1, 1]
    assert matrix.scores.loc["Budi", "a-single"] == 0 and math.isnan(matrix.scores.loc["Budi", "a-short"])
    assert list(matrix.choices.columns) == ["a-single", "a-multiple"]
    assert matrix.choices.loc["Ana", "a-single"] == "B"
    assert matrix.choices.loc["Budi", "a-multiple"] == frozenset({"A", "B"})
    assert matrix.choices.loc["=HYPERLINK(1)", "a-single"] is None
    assert matrix.keys == {"a-single": frozenset({"B"}), "a-multiple": frozenset({"A", "C"})}
    assert matrix.options["a-single"] == {"A": "Pilihan A", "B": "Pilihan B", "C": "Pilihan C"}
    assert matrix.sources["a-multiple"][1] == 14  # the line of "- id: a-multiple"

    result = matrix.analyse()
    assert result.items.loc["a-single", ["file", "baris"]].tolist() == [matrix.sources["a-single"][0], 4]
    table = result.distractors
    assert set(table.loc[table["soal"] == "a-single", "opsi"]) == {"A", "B", "C", ""}
    assert table.loc[(table["soal"] == "a-single") & (table["opsi"] == "B"), "teks"].item() == "Pilihan B"


def test_matching_answers_are_scored_whether_stored_as_json_or_as_the_text_older_versions_kept(bank):
    from lessonkit.analytics.responses import class_matrix

    answer = {"Dokter": "Kesehatan", "Guru": "Pendidikan", "Hakim": "Sosial"}
    answers = {"Ana": {"a-matching": answer}, "Budi": {"a-matching": str(answer)},
               "Cici": {"a-matching": "{'Dokter': 'Kesehatan'"}}
    matrix = class_matrix(bank, ["a-single", "a-matching"], answers)
    assert matrix.scores["a-matching"].tolist() == [0.5, 0.5, 0.0]
    assert list(matrix.analyse().items.index) == ["a-single", "a-matching"]
