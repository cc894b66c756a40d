"""The upper and lower groups (kelompok atas / bawah) used for the discrimination index D.

Students are ranked by total score. Below 30 students the groups are the upper
and lower halves (with an odd number of students the middle one is in
neither); from 30 students on they are the upper and lower 27%, rounded to the
nearest whole student (half rounds up), as Arikunto describes.

Ties at a boundary: when several students share the total score where a group
ends, they share the seats left in that group equally (each counts with weight
seats / tied students). So the result never depends on the order of the rows,
and each group always weighs exactly its size (JA = JB = n).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

LARGE_CLASS = 30
SHARE = 0.27


@dataclass(frozen=True)
class Groups:
    """Weights in [0, 1] per student (same index as the totals) for the upper and lower groups."""

    method: str  # "separuh" or "27%"
    size: int  # students per group: JA = JB
    upper: pd.Series
    lower: pd.Series
    description: str
    ties: str | None  # how a tie at a boundary was shared, in Indonesian; None when there was none


def group_size(students: int) -> tuple[str, int]:
    """The method and the number of students in each group for a class of ``students``."""
    if students < LARGE_CLASS:
        return "separuh", students // 2
    return "27%", math.floor(SHARE * students + 0.5)


def _weights(totals: pd.Series, size: int, descending: bool) -> tuple[pd.Series, str | None]:
    weights = pd.Series(0.0, index=totals.index)
    if size == 0:
        return weights, None
    ranked = totals.sort_values(ascending=not descending, kind="stable")
    boundary = ranked.iloc[size - 1]
    inside = totals > boundary if descending else totals < boundary
    tied = totals == boundary
    seats = size - int(inside.sum())
    weights[inside] = 1.0
    if seats == int(tied.sum()):
        weights[tied] = 1.0
        return weights, None
    weights[tied] = seats / int(tied.sum())
    share = Fraction(seats, int(tied.sum()))
    return weights, (f"{int(tied.sum())} siswa dengan skor total {_number(boundary)} berbagi {seats} tempat "
                     f"terakhir; masing-masing dihitung {share.numerator}/{share.denominator} siswa")


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def split(totals: pd.Series) -> Groups:
    """The upper and lower groups for these total scores (one per student)."""
    method, size = group_size(len(totals))
    upper, upper_ties = _weights(totals, size, descending=True)
    lower, lower_ties = _weights(totals, size, descending=False)
    if method == "separuh":
        description = (f"Kelompok atas dan bawah: masing-masing separuh kelas ({size} siswa), karena kelas kurang "
                       f"dari {LARGE_CLASS} siswa")
        if len(totals) % 2:
            description += "; siswa yang tepat di tengah tidak masuk kelompok mana pun"
    else:
        description = f"Kelompok atas dan bawah: masing-masing 27% siswa ({size} dari {len(totals)} siswa)"
    notes = [f"batas kelompok {name}: {note}" for name, note in (("atas", upper_ties), ("bawah", lower_ties))
             if note]
    ties = "; ".join(notes) + " (agar hasil tidak bergantung pada urutan nama)" if notes else None
    return Groups(method, size, upper, lower, description + ".", ties)
