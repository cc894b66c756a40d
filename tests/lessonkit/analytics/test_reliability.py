"""Reliability: Cronbach's alpha for partial credit (checked by hand), interpretation, and what cannot be computed."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lessonkit.analytics import interpret, reliability, reliability_report

# Four students, three items with partial credit:
#   S1 1   .5  1   → 2.5
#   S2 .5  .5  1   → 2
#   S3 .5  0   0   → .5
#   S4 0   0   .5  → .5
# Item variances (÷N): .125, .0625, .171875 → Σ = .359375 = 23/64
# Totals 2.5 2 .5 .5 around 1.375: σ² = (1.265625 + .390625 + 2·.765625)/4 = .796875 = 51/64
# α = 3/2 · (1 − 23/51) = 14/17 = 0.82353
PARTIAL = pd.DataFrame([[1, .5, 1], [.5, .5, 1], [.5, 0, 0], [0, 0, .5]], columns=["a", "b", "c"])


def test_cronbachs_alpha_matches_the_hand_computation_for_partial_credit():
    assert reliability(PARTIAL) == pytest.approx(14 / 17)
    result = reliability_report(PARTIAL)
    assert result.method == "Alfa Cronbach" and result.level == "sangat tinggi" and result.reliable
    assert result.text == ("Reliabilitas Alfa Cronbach = 0,82 (sangat tinggi), ujian ini reliabel: skornya cukup "
                           "konsisten untuk dipakai menilai siswa.")


def test_unanswered_counts_as_zero():
    with_gaps = PARTIAL.astype(float).copy()
    with_gaps.loc[2, "b"] = math.nan
    assert reliability(with_gaps) == pytest.approx(14 / 17)


@pytest.mark.parametrize(("value", "level"), [(0.95, "sangat tinggi"), (0.8, "sangat tinggi"), (0.7, "tinggi"),
                                              (0.5, "sedang"), (0.3, "rendah"), (0.1, "sangat rendah"),
                                              (-0.2, "sangat rendah")])
def test_interpretation_uses_guilfords_levels_and_the_070_threshold(value, level):
    text = interpret(value)
    assert f"({level})" in text
    assert ("belum reliabel" in text) == (value < 0.7)


@pytest.mark.parametrize("scores", [
    pd.DataFrame({"a": [1, 0, 1]}),  # one item
    pd.DataFrame({"a": [1], "b": [0]}),  # one student
    pd.DataFrame({"a": [1, 0], "b": [0, 1]}),  # equal totals
])
def test_reliability_is_nan_when_it_cannot_be_computed_and_says_so(scores):
    assert math.isnan(reliability(scores))
    assert "tidak dapat dihitung" in reliability_report(scores).text


@pytest.mark.parametrize("bad", [pd.DataFrame({"a": [1.5, 0]}), pd.DataFrame({"a": [-1, 0]}),
                                 pd.DataFrame({"a": ["benar", 0]})])
def test_scores_outside_zero_to_one_are_refused(bad):
    with pytest.raises(ValueError):
        reliability(bad)
