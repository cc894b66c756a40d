"""A class at a glance (no Streamlit): distinct student labels, mastery per student and section, its heatmap,
a class exam's first attempts turned into what the item analysis takes, and item labels a teacher recognises.

Rows are keyed by student id; labels are the students' names made distinct
("Ana", "Ana (2)", even beside a student really called "Ana (2)"), so two
students with one name never merge into one row or one chart category. The
caller makes them safe for their destination (``ui.text.chart_label`` for
Plotly) before they reach a figure.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..lesson.progress import LEVELS, mastery
from ..quiz import Bank
from ..quiz.base import unmarked
from .responses import ClassMatrix, class_matrix

NO_ANSWERS = "#E4E4E4"  # cells without answers: grey, apart from the cream of 0%
MASTERY_COLOURS = [[0.0, "#F4F1EA"], [0.5, "#9ECAE1"], [1.0, "#08519C"]]  # light to dark blue (colour-blind safe)


def distinct_labels(names: Sequence[str]) -> list[str]:
    """The names in order, all different: a repeated name gets the smallest number " (n)" no one has."""
    taken = set(names)
    out, seen = [], set()
    for name in names:
        label, n = name, 1
        while label in seen or (n > 1 and label in taken):
            n += 1
            label = f"{name} ({n})"
        seen.add(label)
        out.append(label)
    return out


def mastery_frames(answers_by_student: Mapping[Hashable, Iterable], section_ids: Sequence[str]
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(averages in [0, 1] or NaN, level names): rows = students (their keys, e.g. ids), columns = section ids."""
    averages, levels = {}, {}
    for student, answers in answers_by_student.items():
        found = mastery(list(answers), section_ids)
        averages[student] = [np.nan if m.average is None else m.average for m in found]
        levels[student] = [m.level for m in found]
    columns = list(section_ids)
    return (pd.DataFrame.from_dict(averages, orient="index", columns=columns, dtype=float),
            pd.DataFrame.from_dict(levels, orient="index", columns=columns, dtype=object))


def mastery_heatmap(averages: pd.DataFrame, levels: pd.DataFrame, section_titles: Sequence[str],
                    student_labels: Sequence[str]) -> go.Figure:
    """Students (rows) × sections (columns), coloured by the average of the recent answers, the level written
    in each cell; ``section_titles`` and ``student_labels`` are the (already safe) axis labels."""
    values = averages.to_numpy(dtype=float) * 100
    text = [[level if level != LEVELS[0] else "–" for level in row] for row in levels.to_numpy()]
    figure = go.Figure(go.Heatmap(
        z=values, x=list(section_titles), y=list(student_labels), text=text, texttemplate="%{text}",
        zmin=0, zmax=100, colorscale=MASTERY_COLOURS, xgap=2, ygap=2, hoverongaps=False,
        colorbar={"title": {"text": "Rata-rata (%)"}, "thickness": 12},
        hovertemplate="%{y}<br>%{x}<br>Rata-rata %{z:.0f}% (%{text})<extra></extra>"))
    figure.update_layout(height=200 + 40 * len(student_labels), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         plot_bgcolor=NO_ANSWERS,
                         xaxis={"side": "top", "fixedrange": True, "automargin": True, "tickangle": -35,
                                "showgrid": False},
                         yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True,
                                "type": "category", "showgrid": False})
    return figure


def item_labels(bank: Bank, question_ids: Sequence[str], limit: int = 48) -> dict[str, str]:
    """Question id → the start of its question text and its id ("Kelompok profesi adalah … (pp-01)")."""
    known, labels = {q.id for q in bank.questions}, {}
    for qid in question_ids:
        text = " ".join(unmarked(bank.question(qid).prompt).split()) if qid in known else ""
        short = text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
        labels[qid] = f"{short} ({qid})" if short else qid
    return labels


def exam_matrix(bank: Bank, question_ids: Sequence[str], responses: Mapping[Hashable, Mapping[str, object]],
                labels: Mapping[Hashable, str] | None = None) -> ClassMatrix:
    """The item-analysis tables of a class exam whose students all had ``question_ids`` (gone ones dropped);
    ``responses`` keyed by student id, ``labels`` the name shown per id."""
    known = {q.id for q in bank.questions}
    return class_matrix(bank, [qid for qid in question_ids if qid in known], responses, labels)
