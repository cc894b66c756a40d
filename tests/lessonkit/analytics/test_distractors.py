"""Distractor analysis: multiple choice, a key inferred from full scores, options nobody chose, unknown keys."""

from __future__ import annotations

import pandas as pd

from lessonkit.analytics import analyse

SCORES = pd.DataFrame({"m": [1, 1, 0.5, 0, 0, 0], "s": [1, 1, 1, 0, 0, 1]}, index=list("abcdef"))


def test_multiple_choice_counts_each_option_in_each_set():
    choices = pd.DataFrame({"m": [{"A", "C"}, ["A", "C"], {"A"}, {"B"}, {"B", "C"}, None]}, index=SCORES.index)
    result = analyse(SCORES[["m"]], choices, keys={"m": {"A", "C"}}, options={"m": list("ABCD")})
    table = result.distractors.set_index("opsi")
    # halves of 3: upper a b c (totals 1 1 .5), lower d e f. A: upper 3/3, lower 0; B: lower 2/3; C: upper 2/3,
    # lower 1/3; D: nobody; not answered: f.
    assert table.loc["A", ["atas", "bawah"]].tolist() == [1, 0]
    assert table.loc["B", ["atas", "bawah"]].tolist() == [0, 2 / 3]
    assert table.loc["C", ["atas", "bawah"]].tolist() == [2 / 3, 1 / 3]
    assert table.loc[["A", "C"], "kunci"].all() and not table.loc[["B", "D"], "kunci"].any()
    assert table.loc["D", "berfungsi"] is False and table.loc["B", "berfungsi"] is True
    assert table.loc["", "semua"] == 1 / 6


def test_without_keys_the_key_is_what_full_scorers_chose():
    choices = pd.DataFrame({"s": ["B", "B", "B", "A", "C", "B"]}, index=SCORES.index)
    result = analyse(SCORES[["s"]], choices)
    table = result.distractors.set_index("opsi")
    assert table.loc["B", "kunci"] and list(table.index) == ["A", "B", "C", ""]


def test_without_a_full_score_the_key_is_unknown_and_nothing_is_judged():
    choices = pd.DataFrame({"s": ["A", "B", "C", "A", "C", "D"]}, index=SCORES.index)
    result = analyse(pd.DataFrame({"s": [0.0] * 6}, index=SCORES.index), choices)
    table = result.distractors
    assert not table["kunci"].any() and not table["dicurigai"].any()
    assert set(table.loc[table["opsi"] != "", "keterangan"]) == {"kunci tidak diketahui"}


def test_items_without_choices_have_no_distractor_rows():
    result = analyse(SCORES, pd.DataFrame({"s": ["B"] * 6}, index=SCORES.index))
    assert set(result.distractors["soal"]) == {"s"}
    assert result.items.loc["m", "pengecoh"] == ""
