"""Plotly figures for the item analysis: score histogram, P–D scatter with category bands, distractor bars.

Built from plain tables (no Streamlit); Okabe–Ito colours plus marker shapes,
so nothing depends on telling colours apart; decimal commas (Indonesian).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..display.score_charts import BLUE, ORANGE
from .items import D_BANDS, P_BANDS

SEPARATORS = ",."  # decimal comma, thousands dot
VERDICT_STYLE = {  # recommendation: (colour, marker symbol, legend name)
    "pakai": ("#009E73", "circle", "Pakai"),
    "revisi": ("#E69F00", "diamond", "Revisi"),
    "buang": ("#D55E00", "x", "Buang"),
    "-": ("#888888", "circle-open", "Belum dapat dinilai"),
}
D_BAND_COLOURS = ("rgba(213,94,0,0.14)", "rgba(136,136,136,0.12)", "rgba(0,158,115,0.07)",
                  "rgba(0,158,115,0.13)", "rgba(0,158,115,0.20)")
FIXED = {"fixedrange": True}


def _layout(figure: go.Figure, height: int, **extra) -> go.Figure:
    figure.update_layout(height=height, margin={"l": 10, "r": 10, "t": 30, "b": 40}, separators=SEPARATORS,
                         legend={"orientation": "h", "y": -0.18}, **extra)
    return figure


def score_histogram(values: Sequence[float]) -> go.Figure:
    """How many students scored 0–9, 10–19, … 90–100 (values are marks out of 100)."""
    marks = np.clip(np.asarray(values, dtype=float), 0, 100)
    bins = np.minimum(marks // 10, 9).astype(int)
    counts = np.bincount(bins, minlength=10)
    labels = [f"{10 * i}–{10 * i + 9}" for i in range(9)] + ["90–100"]
    figure = go.Figure(go.Bar(x=labels, y=counts, marker_color=BLUE, text=[str(c) if c else "" for c in counts],
                              textposition="outside", hovertemplate="Nilai %{x}: %{y} siswa<extra></extra>"))
    top = max(int(counts.max()) if len(marks) else 0, 1)
    return _layout(figure, 320, xaxis={"title": "Nilai", "type": "category", **FIXED},
                   yaxis={"title": "Jumlah siswa", "range": [0, top * 1.25], "dtick": max(1, top // 5), **FIXED})


def pd_scatter(items: pd.DataFrame, labels: dict[str, str] | None = None) -> go.Figure:
    """Each item at (P, D), on bands of the D categories with the P boundaries, coloured by recommendation.

    Item names show on hover only (``labels``: id → name, default the id): written beside the markers they
    overlap as soon as two items sit close, so the table next to the chart names them.
    """
    labels = labels or {}
    figure = go.Figure()
    low = min(-0.25, float(items["d"].min()) - 0.05) if items["d"].notna().any() else -0.25
    edges = [low, 0.0, *(bound for bound, _ in D_BANDS), 1.05]
    names = ["negatif", *(name for _, name in D_BANDS), "baik sekali"]
    for (bottom, top), name, colour in zip(zip(edges, edges[1:], strict=False), names, D_BAND_COLOURS, strict=True):
        figure.add_hrect(y0=bottom, y1=top, fillcolor=colour, line_width=0, layer="below")
        figure.add_annotation(x=1.0, y=(bottom + top) / 2, xref="x", text=name, showarrow=False, xanchor="right",
                              font={"size": 11, "color": "#555"})
    for bound, _ in P_BANDS:
        figure.add_vline(x=bound, line_dash="dot", line_color="#777", line_width=1)
    for x, name in ((0.15, "sukar"), (0.5, "sedang"), (0.85, "mudah")):
        figure.add_annotation(x=x, y=1.05, text=name, showarrow=False, yanchor="bottom", font={"color": "#555"})
    for verdict, (colour, symbol, label) in VERDICT_STYLE.items():
        rows = items[items["rekomendasi"] == verdict]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows["p"], y=rows["d"], mode="markers", name=label, text=[labels.get(i, str(i)) for i in rows.index],
            marker={"color": colour, "symbol": symbol, "size": 12, "line": {"width": 1, "color": "#333"}},
            customdata=np.column_stack([rows["kategori_p"], rows["kategori_d"]]),
            hovertemplate="%{text}<br>P = %{x:.2f} (%{customdata[0]})<br>D = %{y:.2f} (%{customdata[1]})"
                          f"<extra>{label}</extra>"))
    return _layout(figure, 440, xaxis={"title": "Tingkat kesukaran P", "range": [-0.07, 1.07], **FIXED},
                   yaxis={"title": "Daya pembeda D", "range": [low, 1.12], **FIXED})


def distractor_bars(table: pd.DataFrame, question_id: str) -> go.Figure:
    """Share of the upper and lower groups choosing each option of one item (the key marked)."""
    rows = table[(table["soal"] == question_id) & (table["opsi"] != "")]
    labels = []
    for row in rows.itertuples():
        note = " (kunci)" if row.kunci else " · dicurigai" if row.dicurigai else (
            " · tidak berfungsi" if row.berfungsi is False else "")
        labels.append(f"{row.opsi}{note}")
    figure = go.Figure()
    for column, name, colour in (("atas", "Kelompok atas", BLUE), ("bawah", "Kelompok bawah", ORANGE)):
        values = (rows[column].astype(float) * 100).round().tolist()
        figure.add_trace(go.Bar(x=labels, y=values, name=name, marker_color=colour,
                                customdata=rows["teks"].tolist(),
                                hovertemplate="%{x}: %{y}%<br>%{customdata}<extra>" + name + "</extra>"))
    return _layout(figure, 320, barmode="group", xaxis={"title": "Pilihan", **FIXED},
                   yaxis={"title": "Siswa yang memilih (%)", "range": [0, 105], **FIXED})
