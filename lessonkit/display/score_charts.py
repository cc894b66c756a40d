"""Plotly figures for results, built from plain data (no Streamlit), with colour-blind-safe colours."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import datetime, timedelta

import plotly.graph_objects as go

BLUE = "#0072B2"  # Okabe–Ito blue: readable for colour-blind students, in light and dark themes
ORANGE = "#E69F00"
GREEN = "#007A5A"  # the key on the projector (a dark bluish green: white text on it stays readable)
GREY = "#8A8F98"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MAX_DATE_TICKS = 6
PROJECTOR_FONT = 28  # px: the smallest text a projected chart uses


def short_date(moment: datetime) -> str:
    """"7 Des 2026": dates written on the server, so no chart shows the browser's English "Dec 7, 2026"."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def _date_axis(times: Sequence[datetime]) -> dict:
    """A plotly date axis over whole days: from the first day's start to the last day's end (so one result, or
    two within a minute, still span a day instead of milliseconds), with at most ``MAX_DATE_TICKS`` ticks at
    midday, labelled in Indonesian."""
    days = sorted({datetime(t.year, t.month, t.day) for t in times})
    picked = days[::max(1, math.ceil(len(days) / MAX_DATE_TICKS))]
    edge = timedelta(hours=2)  # a marker just after midnight stays whole
    return {"range": [days[0] - edge, days[-1] + timedelta(days=1) + edge], "tickmode": "array",
            "tickvals": [day + timedelta(hours=12) for day in picked], "ticktext": [short_date(day) for day in picked]}


def score_bars(labels: Sequence[str], scores: Sequence[float]) -> go.Figure:
    """Horizontal bars of scores in [0, 1], shown as 0–100 %, long labels wrapped for phones."""
    names = ["<br>".join(textwrap.wrap(label, 22)) or label for label in labels]
    values = [round(score * 100) for score in scores]
    figure = go.Figure(go.Bar(x=values, y=names, orientation="h", text=[f"{v}%" for v in values],
                              textposition="auto", marker_color=BLUE, hovertemplate="%{y}: %{x}%<extra></extra>"))
    figure.update_layout(xaxis={"range": [0, 100], "title": "Skor (%)", "fixedrange": True},
                         yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
                         height=90 + 56 * len(names), margin={"l": 10, "r": 10, "t": 10, "b": 40})
    return figure


def scores_over_time(times: Sequence, scores: Sequence[float], kinds: Sequence[str]) -> go.Figure:
    """Scores (0–100 %) over time, one coloured line of markers per kind (e.g. Ujian, Latihan)."""
    figure = go.Figure()
    colours = {"Ujian": BLUE, "Latihan": ORANGE}
    for kind in dict.fromkeys(kinds):
        picked = [(t, s) for t, s, k in zip(times, scores, kinds, strict=True) if k == kind]
        figure.add_trace(go.Scatter(x=[t for t, _ in picked], y=[round(s * 100) for _, s in picked],
                                    mode="lines+markers", name=kind, line={"color": colours.get(kind, BLUE)},
                                    customdata=[f"{short_date(t)} pukul {t:%H.%M}" for t, _ in picked],
                                    hovertemplate="%{customdata}: %{y}%<extra>" + kind + "</extra>"))
    figure.update_layout(yaxis={"range": [0, 105], "title": "Skor (%)", "fixedrange": True},
                         xaxis={"fixedrange": True, **_date_axis(times)}, height=320,
                         margin={"l": 10, "r": 10, "t": 10, "b": 30}, legend={"orientation": "h", "y": -0.2})
    return figure


def answer_bars(names: Sequence[str], counts: Sequence[int], correct: Sequence[bool], title: str,
                colours: Sequence[str] | None = None, height: int | None = None) -> go.Figure:
    """A live question's answer distribution for the projector: one bar per answer, named briefly
    (``lessonkit.live.look.chart``: names that fit beside the bars at any width). The key's bars carry "✓ " before
    their name, so the key does not rely on colour alone; they are green (or, given ``colours``, their answer
    tile's colour) and the others grey (or faded). Counts stand outside the bars, in the page's text colour."""
    shown = [("✓ " if key else "") + name for name, key in zip(names, correct, strict=True)]
    fills = list(colours) if colours is not None else [GREEN if key else GREY for key in correct]
    faded = [1.0 if key or colours is None else 0.35 for key in correct]
    top = max(counts, default=0)
    figure = go.Figure(go.Bar(x=list(counts), y=shown, orientation="h", text=list(counts), textposition="outside",
                              cliponaxis=False, marker={"color": fills, "opacity": faded},
                              hovertemplate="%{y}: %{x}<extra></extra>"))
    figure.update_layout(title={"text": title}, xaxis={"title": "Banyak siswa", "range": [0, max(1, top) * 1.15],
                                                        "dtick": max(1, math.ceil(top / 8))},
                         yaxis={"autorange": "reversed"}, height=height or 150 + 70 * len(shown),
                         margin={"l": 10, "r": 30, "t": 60, "b": 40}, bargap=0.25)
    return for_projector(figure)


def for_projector(figure: go.Figure, size: int = PROJECTOR_FONT) -> go.Figure:
    """A copy of ``figure`` with every text at ``size`` px (legible from the back of a classroom), counts beside
    the bars; the figure itself may be a cached one and stays as it is."""
    big = go.Figure(figure)
    big.update_layout(font={"size": size}, title={"font": {"size": size}},
                      xaxis={"tickfont": {"size": size}, "title": {"font": {"size": size}}, "fixedrange": True,
                             "automargin": True},
                      yaxis={"tickfont": {"size": size}, "automargin": True, "fixedrange": True},
                      margin={"r": 3 * size})  # room for "100%" beside the longest bar
    big.update_traces(textfont={"size": size}, textposition="outside", cliponaxis=False)
    return big
