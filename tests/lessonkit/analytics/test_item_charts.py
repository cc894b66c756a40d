"""Item-analysis charts are built from the analysis tables: histogram bins, P–D bands, distractor bars."""

from __future__ import annotations

import pandas as pd

from lessonkit.analytics import analyse
from lessonkit.analytics.item_charts import distractor_bars, pd_scatter, score_histogram
from tests.lessonkit.analytics.test_worked_example import CHOICES, scores


def test_histogram_counts_marks_in_bins_of_ten_with_100_in_the_last():
    figure = score_histogram([0, 9.9, 10, 55, 100, 100])
    bar = figure.data[0]
    assert list(bar.x)[0] == "0–9" and list(bar.x)[-1] == "90–100"
    assert list(bar.y) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert figure.layout.separators == ",."


def test_scatter_puts_each_item_at_p_d_grouped_by_recommendation_on_category_bands():
    figure = pd_scatter(analyse(scores()).items)
    points = {name: (x, y) for trace in figure.data for name, x, y in zip(trace.text, trace.x, trace.y, strict=True)}
    assert points["I3"] == (0.3, -0.2)
    assert {trace.name for trace in figure.data} == {"Pakai", "Revisi", "Buang"}
    assert len(figure.layout.shapes) == 5 + 2  # five D bands, two P boundaries
    assert {a.text for a in figure.layout.annotations} >= {"negatif", "jelek", "cukup", "baik", "baik sekali",
                                                           "sukar", "sedang", "mudah"}


def test_distractor_bars_show_upper_and_lower_shares_with_the_key_and_flags_marked():
    result = analyse(scores(), pd.DataFrame(CHOICES), keys={"I3": ["A"]}, options={"I3": list("ABCD")})
    figure = distractor_bars(result.distractors, "I3")
    upper, lower = figure.data
    assert list(upper.x) == ["A (kunci)", "B · dicurigai", "C", "D"]
    assert list(upper.y) == [20, 60, 20, 0] and list(lower.y) == [40, 0, 40, 20]


def test_scatter_names_items_on_hover_only_so_close_items_never_overlap():
    figure = pd_scatter(analyse(scores()).items, {"I3": "Kelompok profesi adalah … (I3)"})
    assert all(trace.mode == "markers" for trace in figure.data)
    assert "Kelompok profesi adalah … (I3)" in [t for trace in figure.data for t in trace.text]
