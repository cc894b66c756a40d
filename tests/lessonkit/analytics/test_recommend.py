"""The recommendation rule (pakai / revisi / buang) for every pair of categories, and distractor effects."""

from __future__ import annotations

import math

import pytest

from lessonkit.analytics.recommend import recommend


@pytest.mark.parametrize(("p", "d", "kategori_p", "kategori_d", "expected"), [
    (0.5, -0.1, "sedang", "negatif", "buang"),
    (0.9, -0.1, "mudah", "negatif", "buang"),
    (0.5, 0.1, "sedang", "jelek", "revisi"),
    (0.2, 0.1, "sukar", "jelek", "buang"),
    (0.9, 0.1, "mudah", "jelek", "buang"),
    (0.5, 0.3, "sedang", "cukup", "pakai"),
    (0.8, 0.3, "mudah", "cukup", "revisi"),
    (0.2, 0.3, "sukar", "cukup", "revisi"),
    (0.5, 0.5, "sedang", "baik", "pakai"),
    (0.25, 0.5, "sukar", "baik", "pakai"),
    (0.6, 0.8, "sedang", "baik sekali", "pakai"),
])
def test_rule_table(p, d, kategori_p, kategori_d, expected):
    verdict, reason = recommend(p, d, kategori_p, kategori_d)
    assert verdict == expected
    assert reason.endswith(".") and "D = " in reason


def test_a_flagged_distractor_turns_pakai_into_revisi_and_is_named():
    verdict, reason = recommend(0.5, 0.5, "sedang", "baik", suspect=["B", "C"])
    assert verdict == "revisi"
    assert "Pengecoh B dan C lebih banyak dipilih kelompok atas" in reason


def test_distractors_nobody_chooses_are_named_without_changing_the_verdict():
    verdict, reason = recommend(0.5, 0.5, "sedang", "baik", weak=["D"])
    assert verdict == "pakai" and "Ganti pengecoh D" in reason


def test_an_item_everyone_answered_right_says_so():
    verdict, reason = recommend(1.0, 0.0, "mudah", "jelek")
    assert verdict == "buang" and "semua siswa menjawab benar" in reason


def test_nothing_is_judged_without_enough_students():
    assert recommend(1.0, math.nan, "mudah", "tidak dapat dihitung")[0] == "-"
