"""The item analysis of a 10-student × 5-item exam, checked against figures computed by hand.

Scores (1 = right), students already ranked by total:

    student  I1 I2 I3 I4 I5  total
    S01       1  1  1  1  1   5     ┐
    S02       1  1  0  1  0   3     │ upper half (N = 10 < 30: halves,
    S03       1  1  0  1  0   3     │ 5 students each; the 5th has 3,
    S04       1  1  0  0  1   3     │ the 6th has 2: no tie at the boundary)
    S05       1  1  0  0  1   3     ┘
    S06       1  0  1  0  0   2     ┐
    S07       1  0  0  0  1   2     │ lower half
    S08       1  1  0  0  0   2     │
    S09       0  0  1  0  1   2     │
    S10       0  0  0  0  0   0     ┘
    B         8  6  3  3  5   25 (mean total 2.5)

P = B/JS: .8 .6 .3 .3 .5 → mudah, sedang, sukar (0.30 is still sukar), sukar, sedang.
BA (upper right answers): 5 5 1 3 3; BB (lower): 3 1 2 0 2; JA = JB = 5.
D = BA/5 − BB/5: .4 .8 −.2 .6 .2 → cukup, baik sekali, negatif, baik, jelek (0.20 is still jelek).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lessonkit.analytics import analyse, item_analysis, reliability

ROWS = {
    "S01": [1, 1, 1, 1, 1], "S02": [1, 1, 0, 1, 0], "S03": [1, 1, 0, 1, 0], "S04": [1, 1, 0, 0, 1],
    "S05": [1, 1, 0, 0, 1], "S06": [1, 0, 1, 0, 0], "S07": [1, 0, 0, 0, 1], "S08": [1, 1, 0, 0, 0],
    "S09": [0, 0, 1, 0, 1], "S10": [0, 0, 0, 0, 0],
}
ITEMS = ["I1", "I2", "I3", "I4", "I5"]


def scores() -> pd.DataFrame:
    # Rows deliberately not in rank order: the analysis must rank them itself.
    order = ["S07", "S01", "S10", "S04", "S09", "S02", "S06", "S03", "S08", "S05"]
    return pd.DataFrame([ROWS[s] for s in order], index=order, columns=ITEMS)


def test_difficulty_and_its_categories_match_the_hand_computation():
    table = item_analysis(scores())
    assert table.loc[ITEMS, "p"].tolist() == pytest.approx([0.8, 0.6, 0.3, 0.3, 0.5])
    assert table.loc[ITEMS, "kategori_p"].tolist() == ["mudah", "sedang", "sukar", "sukar", "sedang"]


def test_discrimination_and_its_categories_match_the_hand_computation():
    table = item_analysis(scores())
    assert table.loc[ITEMS, "ba"].tolist() == [5, 5, 1, 3, 3]
    assert table.loc[ITEMS, "bb"].tolist() == [3, 1, 2, 0, 2]
    assert set(table["ja"]) == {5} and set(table["jb"]) == {5}
    assert table.loc[ITEMS, "d"].tolist() == pytest.approx([0.4, 0.8, -0.2, 0.6, 0.2])
    assert table.loc[ITEMS, "kategori_d"].tolist() == ["cukup", "baik sekali", "negatif", "baik", "jelek"]


def test_point_biserial_item_rest_matches_the_hand_computation():
    # r = Sxy / √(Sxx·Syy), x = item, y = rest (total − item); Sxy = Σxy − n·x̄·ȳ.
    # I1: rests 4 2 2 2 2 1 1 1 | 2 0 (x = 1 | x = 0); ȳ = 1.7; Sxy = 15 − 10·.8·1.7 = 1.4;
    #     Sxx = n·p·q = 1.6; Syy = Σy² − n·ȳ² = 39 − 28.9 = 10.1; r = 1.4/√16.16 = 0.34826
    #     (the textbook form agrees: (Mp − Mt)/St·√(p/q) = (1.875 − 1.7)/√1.01 · 2 = 0.34826).
    # I2: ȳ = 1.9; Sxy = 13 − 11.4 = 1.6; Sxx = 2.4; Syy = 45 − 36.1 = 8.9; r = 1.6/√21.36 = 0.34619
    # I3: ȳ = 2.2; Sxy = 6 − 6.6 = −0.6; Sxx = 2.1; Syy = 62 − 48.4 = 13.6; r = −0.6/√28.56 = −0.11227
    # I4: ȳ = 2.2; Sxy = 8 − 6.6 = 1.4; Sxx = 2.1; Syy = 58 − 48.4 = 9.6; r = 1.4/√20.16 = 0.31180
    # I5: ȳ = 2.0; Sxy = 10 − 10 = 0; r = 0
    table = item_analysis(scores())
    assert table.loc[ITEMS, "rpbis"].tolist() == pytest.approx([0.34826, 0.34619, -0.11227, 0.31180, 0.0],
                                                               abs=5e-6)


def test_kr20_matches_the_hand_computation():
    # Σpq = .16 + .24 + .21 + .21 + .25 = 1.07; totals 5 3 3 3 3 2 2 2 2 0 around 2.5:
    # σ² = (6.25 + 4·.25 + 4·.25 + 6.25)/10 = 1.45; KR-20 = 5/4 · (1 − 1.07/1.45) = 19/58 = 0.32759
    assert reliability(scores()) == pytest.approx(19 / 58)
    result = analyse(scores()).reliability
    assert result.method == "KR-20" and result.level == "rendah" and not result.reliable
    assert "0,33" in result.text and "belum reliabel" in result.text


def test_recommendations_and_their_reasons_follow_the_rule():
    table = item_analysis(scores())
    assert table.loc[ITEMS, "rekomendasi"].tolist() == ["revisi", "pakai", "buang", "pakai", "revisi"]
    assert table.loc["I1", "alasan"].startswith("Daya pembeda cukup (D = 0,40), tetapi soalnya mudah (P = 0,80)")
    assert table.loc["I3", "alasan"].startswith("Daya pembeda negatif (D = −0,20)")
    assert "kunci" in table.loc["I3", "alasan"]
    assert table.loc["I4", "alasan"] == "Daya pembeda baik (D = 0,60) walaupun soalnya sukar (P = 0,30)."


def test_groups_are_the_halves_and_the_output_says_so_with_a_small_class_warning():
    result = analyse(scores())
    assert result.groups.method == "separuh" and result.groups.size == 5
    assert result.groups.ties is None
    assert "separuh" in result.items.attrs["kelompok"]
    assert result.warning is not None and "10 siswa" in result.warning
    assert result.items.attrs["peringatan"] == result.warning


# Choices for two items: I2 key B, I3 key A; None = not answered.
CHOICES = {"I2": {"S01": "B", "S02": "B", "S03": "B", "S04": "B", "S05": "B",
                  "S06": "A", "S07": "C", "S08": "B", "S09": "C", "S10": None},
           "I3": {"S01": "A", "S02": "B", "S03": "B", "S04": "C", "S05": "B",
                  "S06": "A", "S07": "D", "S08": "C", "S09": "A", "S10": "C"}}


def test_distractor_shares_match_the_hand_computation():
    # I2, upper S01–S05: B 5/5. Lower S06–S10: A 1/5, B 1/5, C 2/5, not answered 1/5. All: A .1, C .2, D 0.
    # → D is chosen by nobody (< 5%): "tidak berfungsi".
    # I3, upper: A 1/5, B 3/5, C 1/5. Lower: A 2/5, C 2/5, D 1/5. All: B .3, C .3, D .1.
    # → B is chosen by more of the upper group (.6) than the lower (0): flagged.
    result = analyse(scores(), pd.DataFrame(CHOICES), keys={"I2": ["B"], "I3": ["A"]},
                     options={"I2": list("ABCD"), "I3": list("ABCD")})
    table = result.distractors.set_index(["soal", "opsi"])
    shares = {opt: (table.loc[("I2", opt), "atas"], table.loc[("I2", opt), "bawah"], table.loc[("I2", opt), "semua"])
              for opt in ["A", "B", "C", "D", ""]}
    assert shares == {"A": (0, .2, .1), "B": (1, .2, .6), "C": (0, .4, .2), "D": (0, 0, 0), "": (0, .2, .1)}
    assert table.loc[("I2", "D"), "berfungsi"] is False
    assert table.loc[("I3", "B"), ["atas", "bawah", "semua"]].tolist() == pytest.approx([.6, 0, .3])
    assert bool(table.loc[("I3", "B"), "dicurigai"])
    assert not table.loc[[("I3", "C"), ("I3", "D")], "dicurigai"].any()
    assert result.items.loc["I2", "pengecoh"] == "tidak berfungsi: D"
    assert result.items.loc["I3", "pengecoh"] == "dicurigai: B"
    assert "Pengecoh B lebih banyak dipilih kelompok atas" in result.items.loc["I3", "alasan"]


# -- a second, independent computation of the Moodle figures -------------------------------------------------------

def moodle_statistics(rows: list[list[float]], maxmark: float = 1.0) -> tuple[list[float], list[float], float]:
    """Facility %, discrimination index and CIC %, as Moodle's quiz statistics computes them.

    Written after question/classes/statistics/questions/calculator.php (initial_steps_walker,
    initial_question_walker, secondary_steps_walker, secondary_question_walker) and the quiz-level
    coefficient of internal consistency: plain loops, sample (n − 1) variances, no numpy.
    """
    n, k = len(rows), len(rows[0])
    summarks = [sum(r) for r in rows]
    facility, discrimination, markvariances = [], [], []
    for slot in range(k):
        marks = [r[slot] for r in rows]
        others = [summarks[i] - marks[i] for i in range(n)]
        markaverage, otheraverage = sum(marks) / n, sum(others) / n
        facility.append(100 * markaverage / maxmark)
        markvariancesum = sum((m - markaverage) ** 2 for m in marks)
        othervariancesum = sum((o - otheraverage) ** 2 for o in others)
        covariancesum = sum((m - markaverage) * (o - otheraverage) for m, o in zip(marks, others, strict=True))
        markvariance, othervariance = markvariancesum / (n - 1), othervariancesum / (n - 1)
        covariance = covariancesum / (n - 1)
        product = markvariance * othervariance
        discrimination.append(100 * covariance / math.sqrt(product) if product else math.nan)
        markvariances.append(markvariance)
    average = sum(summarks) / n
    power2 = sum((s - average) ** 2 for s in summarks) / (n - 1)
    cic = 100 * k / (k - 1) * (1 - sum(markvariances) / power2) if k > 1 and power2 else math.nan
    return facility, discrimination, cic


def test_facility_discrimination_index_and_cic_agree_with_moodles_definitions():
    frame = scores()
    facility, discrimination, cic = moodle_statistics(frame.values.tolist())
    table = item_analysis(frame)
    assert (table["p"] * 100).tolist() == pytest.approx(facility)
    assert (table["rpbis"] * 100).tolist() == pytest.approx(discrimination, abs=1e-9)
    assert reliability(frame) * 100 == pytest.approx(cic)


def test_partial_credit_items_agree_with_moodle_too():
    rows = [[1, .5, 1, .25], [.5, .5, 1, 0], [.5, 0, 0, 1], [0, 0, .5, .75], [1, 1, .5, .5], [0, .5, 0, 0]]
    frame = pd.DataFrame(rows, columns=["a", "b", "c", "d"])
    facility, discrimination, cic = moodle_statistics(rows)
    table = item_analysis(frame)
    assert (table["p"] * 100).tolist() == pytest.approx(facility)
    assert (table["rpbis"] * 100).tolist() == pytest.approx(discrimination)
    assert reliability(frame) * 100 == pytest.approx(cic)
