"""Reliability of a whole exam: KR-20 when every item is scored 0 or 1, Cronbach's alpha otherwise.

Both are k/(k−1) · (1 − Σ item variances / variance of the totals). For 0/1
items an item's variance is p·q, which makes it KR-20. Variances are taken
over all students (divided by N) on both sides; dividing by N − 1 on both sides
gives the same value, which is Moodle's "coefficient of internal consistency"
divided by 100. Not answered (NaN) counts as 0.

Interpretation: 0.70 or more is reliable (the usual threshold in Indonesian
practice); the level follows Guilford's bands (sangat rendah < 0.20 ≤ rendah
< 0.40 ≤ sedang < 0.60 ≤ tinggi < 0.80 ≤ sangat tinggi).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

RELIABLE = 0.70
LEVELS = ((0.80, "sangat tinggi"), (0.60, "tinggi"), (0.40, "sedang"), (0.20, "rendah"))


@dataclass(frozen=True)
class Reliability:
    value: float  # NaN when it cannot be computed
    method: str  # "KR-20" or "Alfa Cronbach"
    level: str  # "sangat tinggi" … "sangat rendah", or "tidak dapat dihitung"
    reliable: bool
    text: str  # one plain Indonesian sentence for the teacher


def clean(scores: pd.DataFrame) -> pd.DataFrame:
    """Item scores as floats in [0, 1], not answered (NaN) as 0; raises ValueError on anything else."""
    try:
        numbers = scores.apply(pd.to_numeric).astype(float)
    except (TypeError, ValueError) as exc:
        raise ValueError("item scores must be numbers in [0, 1] (NaN = not answered)") from exc
    numbers = numbers.fillna(0.0)
    values = numbers.to_numpy()
    if values.size and (values.min() < 0 or values.max() > 1):
        raise ValueError("item scores must be in [0, 1]")
    return numbers


def is_dichotomous(scores: pd.DataFrame) -> bool:
    values = clean(scores).to_numpy()
    return bool(np.isin(values, (0.0, 1.0)).all())


def method_of(scores: pd.DataFrame) -> str:
    return "KR-20" if is_dichotomous(scores) else "Alfa Cronbach"


def reliability(scores: pd.DataFrame) -> float:
    """KR-20 (all items 0/1) or Cronbach's alpha; NaN with fewer than 2 items, 2 students or equal totals."""
    values = clean(scores).to_numpy()
    students, items = values.shape
    if items < 2 or students < 2:
        return math.nan
    total_variance = values.sum(axis=1).var()
    if total_variance == 0:
        return math.nan
    return float(items / (items - 1) * (1 - values.var(axis=0).sum() / total_variance))


def level_of(value: float) -> str:
    if math.isnan(value):
        return "tidak dapat dihitung"
    return next((name for bound, name in LEVELS if value >= bound), "sangat rendah")


def interpret(value: float, method: str = "KR-20") -> str:
    """One sentence a teacher understands, e.g. for the dashboard and the workbook."""
    if math.isnan(value):
        return (f"Reliabilitas ({method}) tidak dapat dihitung: perlu minimal 2 soal dan 2 siswa dengan skor total "
                "yang tidak semuanya sama.")
    figure = f"{value:.2f}".replace(".", ",")
    if value >= RELIABLE:
        verdict = "ujian ini reliabel: skornya cukup konsisten untuk dipakai menilai siswa"
    else:
        verdict = (f"ujian ini belum reliabel (di bawah {RELIABLE:.2f})".replace(".", ",")
                   + ": skornya belum konsisten; perbaiki atau tambah soal yang daya pembedanya baik")
    return f"Reliabilitas {method} = {figure} ({level_of(value)}), {verdict}."


def report(scores: pd.DataFrame) -> Reliability:
    value = reliability(scores)
    method = method_of(scores)
    return Reliability(value, method, level_of(value), not math.isnan(value) and value >= RELIABLE,
                       interpret(value, method))
