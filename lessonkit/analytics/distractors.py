"""Distractor analysis (analisis pengecoh) for single- and multiple-choice items.

``choices`` has one row per student and one column per item, like the scores;
a cell holds the chosen option label (single choice), a collection of labels
(multiple choice), or NaN/None when the item was not answered. For each option
the share of students choosing it is given for the upper group, the lower group
(weighted as in `groups`) and the whole class.

A wrong option (pengecoh) chosen by fewer than 5% of all students is "tidak
berfungsi"; one chosen by a larger share of the upper group than of the lower
group is flagged ("dicurigai"): able students are drawn to it, so it may be
right too, or the key may be wrong. The key comes from ``keys``; without it,
it is the choice most often made by students with a full score on the item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from .groups import Groups

WORKING = 0.05
EPSILON = 1e-12
NOT_ANSWERED = "(tidak dijawab)"
COLUMNS = ["soal", "opsi", "teks", "kunci", "atas", "bawah", "semua", "berfungsi", "dicurigai", "keterangan"]


def picked(cell) -> frozenset[str]:
    """The option labels in one cell of ``choices``."""
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return frozenset()
    if isinstance(cell, str | int | np.integer):
        return frozenset({str(cell)})
    return frozenset(str(label) for label in cell)


def _inferred_key(chosen: pd.Series, scores: pd.Series) -> frozenset[str]:
    full = [sets for sets, score in zip(chosen, scores, strict=True) if score >= 1 - EPSILON and sets]
    return Counter(full).most_common(1)[0][0] if full else frozenset()


def _note(is_key: bool, key_known: bool, working: bool, suspect: bool) -> str:
    if is_key:
        return "kunci jawaban"
    if not key_known:
        return "kunci tidak diketahui"
    if suspect:
        return "dicurigai: lebih banyak dipilih kelompok atas daripada kelompok bawah"
    if not working:
        return "tidak berfungsi: dipilih kurang dari 5% siswa"
    return "berfungsi"


def _item_rows(item: str, chosen: pd.Series, scores: pd.Series, groups: Groups, key: Collection[str] | None,
               options: Mapping[str, str] | Collection[str] | None) -> list[dict]:
    key = frozenset(map(str, key)) if key is not None else _inferred_key(chosen, scores)
    texts = dict(options) if isinstance(options, Mapping) else dict.fromkeys(options or (), "")
    texts = {str(label): text for label, text in texts.items()}
    seen = sorted(({label for sets in chosen for label in sets} | set(key)) - set(texts))
    texts.update(dict.fromkeys(seen, ""))
    rows = []
    for label, text in [*texts.items(), ("", NOT_ANSWERED)]:
        mask = chosen.map(lambda sets, label=label: label in sets if label else not sets).astype(float)
        upper = float(mask @ groups.upper) / groups.size if groups.size else np.nan
        lower = float(mask @ groups.lower) / groups.size if groups.size else np.nan
        everyone = float(mask.mean()) if len(mask) else np.nan
        is_key = label in key
        judged = bool(label) and not is_key and bool(key)
        working = everyone >= WORKING - EPSILON if judged else None
        suspect = bool(judged and upper > lower + EPSILON)
        rows.append({"soal": item, "opsi": label, "teks": text, "kunci": is_key, "atas": upper, "bawah": lower,
                     "semua": everyone, "berfungsi": working, "dicurigai": suspect,
                     "keterangan": _note(is_key, bool(key), bool(working), suspect) if label else ""})
    return rows


def analyse(scores: pd.DataFrame, choices: pd.DataFrame | None, groups: Groups,
            keys: Mapping[str, Collection[str]] | None = None,
            options: Mapping[str, Mapping[str, str] | Collection[str]] | None = None) -> pd.DataFrame:
    """One row per (item, option) and a row for "not answered"; empty when there are no choices."""
    if choices is None:
        return pd.DataFrame(columns=COLUMNS)
    aligned = choices.reindex(index=scores.index)
    rows = []
    for item in scores.columns:
        if item not in aligned.columns:
            continue
        chosen = aligned[item].map(picked)
        rows.extend(_item_rows(item, chosen, scores[item], groups, (keys or {}).get(item),
                               (options or {}).get(item)))
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(table: pd.DataFrame) -> dict[str, tuple[list[str], list[str]]]:
    """Per item: (options that do not work, options flagged), from the table `analyse` returns."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for item, rows in table.groupby("soal", sort=False):
        weak = rows.loc[rows["berfungsi"].eq(False) & ~rows["dicurigai"].astype(bool), "opsi"].tolist()
        suspect = rows.loc[rows["dicurigai"].astype(bool), "opsi"].tolist()
        out[str(item)] = (weak, suspect)
    return out
