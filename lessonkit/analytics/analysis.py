"""The whole item analysis of one class exam: items, distractors, groups, reliability and warnings.

`analyse` is the one place that puts the pieces together; `item_analysis`
returns just its item table (the entry point other code relies on).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from . import distractors as distractor_analysis
from .groups import LARGE_CLASS, Groups, split
from .items import figures
from .recommend import recommend
from .reliability import Reliability, clean, report

ITEM_COLUMNS = ["p", "kategori_p", "d", "kategori_d", "rpbis", "rekomendasi", "alasan", "pengecoh",
                "b", "js", "ba", "ja", "bb", "jb", "dijawab", "file", "baris"]


@dataclass(frozen=True)
class Analysis:
    scores: pd.DataFrame  # cleaned: floats in [0, 1], not answered = 0
    totals: pd.Series  # per student, sum of item scores
    items: pd.DataFrame  # indexed by question id, ITEM_COLUMNS
    distractors: pd.DataFrame  # one row per (item, option); see `distractors.COLUMNS`
    groups: Groups
    reliability: Reliability
    warning: str | None  # plain Indonesian warning when the class is too small
    labels: Mapping[Hashable, str] = field(default_factory=dict)  # student key (e.g. id) -> name shown

    @property
    def students(self) -> int:
        return len(self.scores)

    def label(self, student: Hashable) -> str:
        """The name shown for the row ``student`` (its key itself when no label was given)."""
        return self.labels.get(student, str(student))

    @property
    def too_few(self) -> str | None:
        """"perlu minimal N siswa" when KR-20/alpha, D and r pbis are too unstable to show, else None."""
        return too_few_students(self.students)


MIN_STUDENTS = 10  # below this, one student's answers swing KR-20/alpha, D and r: no figure is shown


def too_few_students(students: int) -> str | None:
    """What the screen shows instead of KR-20/alpha, D and r pbis for a class this small, or None."""
    return f"perlu minimal {MIN_STUDENTS} siswa" if students < MIN_STUDENTS else None


def small_class_warning(students: int) -> str | None:
    if students >= LARGE_CLASS:
        return None
    return (f"Hanya {students} siswa yang dianalisis. Dengan kurang dari {LARGE_CLASS} siswa, angka-angka ini "
            "belum stabil: jawaban satu atau dua siswa saja bisa mengubah kategorinya. Pakai sebagai petunjuk, "
            "bukan keputusan akhir.")


def _distractor_text(weak: list[str], suspect: list[str]) -> str:
    parts = []
    if suspect:
        parts.append(f"dicurigai: {', '.join(suspect)}")
    if weak:
        parts.append(f"tidak berfungsi: {', '.join(weak)}")
    return "; ".join(parts)


def analyse(scores: pd.DataFrame, choices: pd.DataFrame | None = None, *,
            keys: Mapping[str, Collection[str]] | None = None,
            options: Mapping[str, Mapping[str, str] | Collection[str]] | None = None,
            sources: Mapping[str, tuple[str, int]] | None = None,
            labels: Mapping[Hashable, str] | None = None) -> Analysis:
    """Analyse item scores (rows = students, columns = question ids, values in [0, 1], NaN = not answered).

    ``choices``: the chosen option label(s) per student and item (see `distractors`); ``keys``: the right
    option labels per item; ``options``: every option per item (label → text), so that options nobody
    chose are listed too; ``sources``: (file, line) per item, e.g. from `Bank.source`; ``labels``: the name
    shown per student row when rows are keyed by id (two students may share a name, never a row).
    """
    answered = scores.notna().sum()
    cleaned = clean(scores)
    cleaned.columns = [str(c) for c in cleaned.columns]
    answered.index = cleaned.columns
    totals = cleaned.sum(axis=1)
    groups = split(totals)
    items = figures(cleaned, groups)
    items["dijawab"] = answered
    if choices is not None:
        choices = choices.rename(columns=str)
    table = distractor_analysis.analyse(cleaned, choices, groups, keys, options)
    per_item = distractor_analysis.summary(table) if len(table) else {}
    advice = [recommend(row.p, row.d, row.kategori_p, row.kategori_d, *per_item.get(item, ([], [])))
              for item, row in items.iterrows()]
    items["rekomendasi"] = [verdict for verdict, _ in advice]
    items["alasan"] = [reason for _, reason in advice]
    items["pengecoh"] = [_distractor_text(*per_item.get(item, ([], []))) for item in items.index]
    where = sources or {}
    items["file"] = [where[item][0] if item in where else "" for item in items.index]
    items["baris"] = pd.array([where[item][1] if item in where else None for item in items.index], dtype="Int64")
    items = items[ITEM_COLUMNS].rename_axis("soal")
    items.attrs.update({"kelompok": groups.description, "seri": groups.ties,
                        "peringatan": small_class_warning(len(cleaned))})
    return Analysis(cleaned, totals, items, table, groups, report(cleaned), small_class_warning(len(cleaned)),
                    dict(labels or {}))


def item_analysis(scores: pd.DataFrame, choices: pd.DataFrame | None = None, **details) -> pd.DataFrame:
    """The item table of `analyse`: indexed by question id with p, d, rpbis, kategori_p, kategori_d,
    rekomendasi, alasan and more; ``attrs`` says which groups were used (``kelompok``), how boundary ties
    were shared (``seri``) and the small-class warning (``peringatan``)."""
    return analyse(scores, choices, **details).items
