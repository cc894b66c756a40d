"""Properties of the item analysis that hold for any class: ranges, invariances, KR-20 = alpha for 0/1 items."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.analytics import item_analysis, reliability
from lessonkit.analytics.reliability import clean
from tests.lessonkit.analytics.test_worked_example import moodle_statistics

SCORE = st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, math.nan])
BINARY = st.sampled_from([0.0, 1.0, math.nan])


@st.composite
def matrices(draw, cell=SCORE, min_students=2, max_students=45):
    students = draw(st.integers(min_students, max_students))
    items = draw(st.integers(1, 6))
    rows = draw(st.lists(st.lists(cell, min_size=items, max_size=items), min_size=students, max_size=students))
    return pd.DataFrame(rows, index=[f"s{i}" for i in range(students)], columns=[f"q{j}" for j in range(items)])


@settings(max_examples=80, deadline=None)
@given(matrices())
def test_figures_stay_in_their_ranges_and_every_item_gets_a_verdict(scores):
    table = item_analysis(scores)
    assert table["p"].between(0, 1).all()
    assert table["d"].between(-1, 1).all()
    assert table["rpbis"].dropna().between(-1 - 1e-9, 1 + 1e-9).all()
    assert set(table["rekomendasi"]) <= {"pakai", "revisi", "buang"}
    assert table["alasan"].str.len().gt(0).all()
    assert list(table.index) == list(scores.columns)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.randoms(use_true_random=False))
def test_order_of_questions_and_of_students_does_not_change_any_figure(scores, rng):
    columns = list(scores.columns)
    rows = list(scores.index)
    rng.shuffle(columns)
    rng.shuffle(rows)
    shuffled = item_analysis(scores.loc[rows, columns])
    pd.testing.assert_frame_equal(shuffled.loc[list(scores.columns)], item_analysis(scores), check_exact=False)
    assert _same(reliability(scores.loc[rows, columns]), reliability(scores))


@settings(max_examples=60, deadline=None)
@given(matrices())
def test_difficulty_is_the_mean_score_with_unanswered_as_zero(scores):
    assert np.allclose(item_analysis(scores)["p"], scores.fillna(0).mean())


@settings(max_examples=60, deadline=None)
@given(matrices(cell=BINARY))
def test_kr20_equals_cronbachs_alpha_on_right_or_wrong_items(scores):
    values = clean(scores).to_numpy()
    k = values.shape[1]
    total_variance = values.sum(axis=1).var(ddof=1)
    alpha = (k / (k - 1) * (1 - values.var(axis=0, ddof=1).sum() / total_variance)
             if k > 1 and total_variance > 0 else math.nan)
    assert _same(reliability(scores), alpha)


@settings(max_examples=60, deadline=None)
@given(matrices())
def test_reliability_never_exceeds_one(scores):
    value = reliability(scores)
    assert math.isnan(value) or value <= 1 + 1e-9


@settings(max_examples=60, deadline=None)
@given(matrices(min_students=3))
def test_point_biserial_is_moodles_discrimination_index_over_100(scores):
    _, discrimination, _ = moodle_statistics(scores.fillna(0).values.tolist())
    table = item_analysis(scores)
    for ours, moodle in zip(table["rpbis"], discrimination, strict=True):
        assert _same(ours * 100, moodle, tolerance=1e-6)


@settings(max_examples=40, deadline=None)
@given(matrices(min_students=4))
def test_an_item_everyone_gets_right_or_wrong_has_no_discrimination(scores):
    scores = scores.assign(all_right=1.0, all_wrong=0.0)
    table = item_analysis(scores)
    assert table.loc[["all_right", "all_wrong"], "d"].tolist() == [0, 0]
    assert table.loc[["all_right", "all_wrong"], "rekomendasi"].tolist() == ["buang", "buang"]


def _same(a: float, b: float, tolerance: float = 1e-9) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tolerance
