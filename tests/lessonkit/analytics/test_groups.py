"""Upper and lower groups: halves below 30 students, 27% (rounded) from 30 on, ties at a boundary shared."""

from __future__ import annotations

import pandas as pd
import pytest

from lessonkit.analytics import analyse
from lessonkit.analytics.groups import group_size, split


@pytest.mark.parametrize(("students", "expected"), [
    (2, ("separuh", 1)), (10, ("separuh", 5)), (11, ("separuh", 5)), (29, ("separuh", 14)),
    (30, ("27%", 8)),  # 8.1
    (37, ("27%", 10)),  # 9.99
    (50, ("27%", 14)),  # 13.5 rounds half up
    (100, ("27%", 27)),
])
def test_group_size_is_halves_below_thirty_and_rounded_27_percent_from_thirty(students, expected):
    assert group_size(students) == expected


def test_odd_class_leaves_the_middle_student_out_and_says_so():
    groups = split(pd.Series([5, 4, 3, 2, 1], index=list("abcde"), dtype=float))
    assert groups.upper.tolist() == [1, 1, 0, 0, 0] and groups.lower.tolist() == [0, 0, 0, 1, 1]
    assert "tengah" in groups.description


def test_large_class_uses_27_percent_and_says_so():
    groups = split(pd.Series(range(40), dtype=float))
    assert groups.method == "27%" and groups.size == 11
    assert groups.upper.sum() == 11 and groups.upper[list(range(29, 40))].eq(1).all()
    assert "27%" in groups.description and "11 dari 40" in groups.description


# Six students (halves of 3), totals 3 2 2 2 1 0:
#   upper: S1 (3) in; three students with 2 share the 2 seats left → 2/3 each.
#   lower: S6 (0), S5 (1) in; the three with 2 share the 1 seat left → 1/3 each.
# Item I1 = 1 1 0 0 1 0: BA = 1·1 + 2/3·(1 + 0 + 0) = 5/3; BB = 0 (S6) + 1 (S5) + 1/3·(1 + 0 + 0) = 4/3.
# D = (5/3 − 4/3)/3 = 1/9.
TIED = pd.DataFrame({"I1": [1, 1, 0, 0, 1, 0], "I2": [1, 1, 1, 1, 0, 0], "I3": [1, 0, 1, 1, 0, 0]},
                    index=["S1", "S2", "S3", "S4", "S5", "S6"])


def test_students_tied_at_a_boundary_share_the_seats_left():
    result = analyse(TIED)
    groups = result.groups
    assert groups.upper.tolist() == pytest.approx([1, 2 / 3, 2 / 3, 2 / 3, 0, 0])
    assert groups.lower.tolist() == pytest.approx([0, 1 / 3, 1 / 3, 1 / 3, 1, 1])
    assert result.items.loc["I1", "ba"] == pytest.approx(5 / 3)
    assert result.items.loc["I1", "bb"] == pytest.approx(4 / 3)
    assert result.items.loc["I1", "d"] == pytest.approx(1 / 9)
    assert "3 siswa dengan skor total 2 berbagi 2 tempat terakhir" in groups.ties
    assert "2/3" in groups.ties and "1/3" in groups.ties
    assert result.items.attrs["seri"] == groups.ties


def test_tie_sharing_makes_the_result_independent_of_row_order():
    shuffled = TIED.loc[["S4", "S6", "S2", "S1", "S5", "S3"]]
    pd.testing.assert_frame_equal(analyse(shuffled).items, analyse(TIED).items)


def test_everyone_with_the_same_total_gives_zero_discrimination():
    same = pd.DataFrame({"a": [1, 0, 1, 0], "b": [0, 1, 0, 1]})
    result = analyse(same)
    assert result.items["d"].tolist() == [0, 0]
    assert result.items["kategori_d"].tolist() == ["jelek", "jelek"]


@pytest.mark.parametrize("students", [0, 1])
def test_with_fewer_than_two_students_nothing_is_judged_and_nothing_breaks(students):
    result = analyse(pd.DataFrame([[1.0, 0.0]] * students, columns=["a", "b"]))
    assert result.items["rekomendasi"].tolist() == ["-", "-"]
    assert result.items["d"].isna().all() and result.items["rpbis"].isna().all()
    assert "minimal 2 siswa" in result.items.loc["a", "alasan"]
