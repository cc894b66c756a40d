"""Plotly stage diagrams built from stage data: pathway, cycle, timeline and a side-by-side comparison.

Pure functions of the data (no Streamlit), so they are unit-tested and cached
by the pages. Each stage is one marker whose ``customdata`` is its id, so a
click (plotly selection) tells the page which stage to explain. Colours are
Okabe–Ito (colour-blind safe); text colours are left to the Streamlit theme so
they work in light and dark mode. ``layout="tall"`` stacks stages vertically
for phones; ``big=True`` enlarges everything for a projector.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from .stages import Comparison, Process, Stage

BLUE, ORANGE, SKY, GREEN, GREY = "#0072B2", "#E69F00", "#56B4E9", "#009E73", "#8A94A6"


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def positions(kind: str, count: int, layout: str = "wide") -> list[tuple[float, float]]:
    """Where each stage sits. Pathways snake in rows (wide) or stack (tall); cycles sit on a circle."""
    if kind == "cycle":
        return [(math.sin(2 * math.pi * i / count), math.cos(2 * math.pi * i / count)) for i in range(count)]
    if layout == "tall":
        return [(0.0, -float(i)) for i in range(count)]
    per_row = count if count <= 5 else math.ceil(count / 2)
    spots = []
    for i in range(count):
        row, col = divmod(i, per_row)
        x = col if row % 2 == 0 else per_row - 1 - col
        spots.append((float(x), -1.6 * row))
    return spots


def _node_colours(ids: Sequence[str], highlight: str | None, revealed: int) -> list[str]:
    return [ORANGE if i == highlight else (BLUE if n < revealed else "rgba(138,148,166,0.25)")
            for n, i in enumerate(ids)]


def _arrow(figure: go.Figure, start, end, shrink: float, colour: str, width: float) -> None:
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0) or 1
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    figure.add_annotation(x=x1 - dx * shrink, y=y1 - dy * shrink, ax=x0 + dx * shrink, ay=y0 + dy * shrink,
                          xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=3,
                          arrowsize=1.2, arrowwidth=width, arrowcolor=colour, text="")


def process_figure(process: Process, *, highlight: str | None = None, revealed: int | None = None,
                   layout: str = "wide", big: bool = False) -> go.Figure:
    """One process as numbered nodes joined by arrows; ``revealed`` shows only the first N stages."""
    stages = process.stages
    count = len(stages)
    revealed = count if revealed is None else max(0, min(revealed, count))
    if process.kind == "timeline":
        return _timeline(process, highlight=highlight, revealed=revealed, layout=layout, big=big)
    spots = positions(process.kind, count, layout)
    font = 22 if big else 14
    width = 18 if layout == "tall" else (12 if count > 5 else 14)
    figure = go.Figure()
    for i in range(count - 1 + (process.kind == "cycle")):
        j = (i + 1) % count
        start, end, shrink = spots[i], spots[j], 0.16 if process.kind == "cycle" else 0.22
        if layout != "tall" and process.kind != "cycle" and start[1] != end[1]:
            start, end, shrink = (start[0] + 0.42, start[1]), (end[0] + 0.42, end[1]), 0.05
        colour = GREY if j < revealed else "rgba(138,148,166,0.15)"
        _arrow(figure, start, end, shrink, colour, 2.5 if big else 1.8)
    labels = [_wrap(f"{s.label}", width) if n < revealed else "" for n, s in enumerate(stages)]
    if process.kind == "cycle":
        text_positions = [_cycle_text_position(x, y) for x, y in spots]
    elif layout == "tall":
        text_positions = ["middle right"] * count
    else:
        text_positions = ["bottom center"] * count
    figure.add_trace(go.Scatter(
        x=[p[0] for p in spots], y=[p[1] for p in spots], mode="markers+text",
        marker={"size": 46 if big else 34, "color": _node_colours([s.id for s in stages], highlight, revealed),
                "line": {"width": 3, "color": [ORANGE if s.id == highlight else "rgba(0,0,0,0)" for s in stages]}},
        text=labels, textposition=text_positions, textfont={"size": font},
        customdata=[s.id for s in stages],
        hovertemplate=[f"<b>{s.number}. {s.title}</b><extra></extra>" if n < revealed else "<extra></extra>"
                       for n, s in enumerate(stages)],
        name="tahap", showlegend=False,
    ))
    figure.add_trace(go.Scatter(
        x=[p[0] for p in spots], y=[p[1] for p in spots], mode="text",
        text=[str(s.number) if n < revealed else "" for n, s in enumerate(stages)],
        textfont={"size": font + 2, "color": "#FFFFFF"}, hoverinfo="skip", showlegend=False,
    ))
    _frame(figure, spots, process.kind, layout, big, count)
    return figure


def _cycle_text_position(x: float, y: float) -> str:
    vertical = "top" if y > 0.5 else ("bottom" if y < -0.5 else "middle")
    horizontal = "right" if x > 0.3 else ("left" if x < -0.3 else "center")
    if vertical == "middle" and horizontal == "center":
        horizontal = "right"
    return f"{vertical} {horizontal}"


def _frame(figure: go.Figure, spots, kind: str, layout: str, big: bool, count: int) -> None:
    xs, ys = [p[0] for p in spots], [p[1] for p in spots]
    if kind == "cycle":
        x_range = [-2.3, 2.3] if layout != "tall" else [-3.2, 3.2]
        y_range, height = [-1.75, 1.75], 560 if big else 440
    elif layout == "tall":
        x_range, y_range, height = [-0.4, 3.2], [min(ys) - 0.7, 0.7], 110 + (95 if big else 78) * count
    else:
        x_range, y_range = [min(xs) - 0.6, max(xs) + 0.6], [min(ys) - 1.0, max(ys) + 0.5]
        height = (300 if big else 230) * (1 + (min(ys) < 0))
    figure.update_layout(
        xaxis={"visible": False, "range": x_range, "fixedrange": True},
        yaxis={"visible": False, "range": y_range, "fixedrange": True},
        height=height, margin={"l": 10, "r": 10, "t": 10, "b": 10}, clickmode="event+select",
        dragmode=False, hoverlabel={"font_size": 18 if big else 14},
    )


def _timeline(process: Process, *, highlight, revealed: int, layout: str, big: bool) -> go.Figure:
    stages = process.stages
    places = list(range(len(stages)))  # evenly spaced: readable even when dates crowd together
    font = 20 if big else 13
    figure = go.Figure()
    tall = layout == "tall"
    axis_points = ([0] * len(places), [-p for p in places]) if tall else (places, [0] * len(places))
    figure.add_trace(go.Scatter(x=axis_points[0], y=axis_points[1], mode="lines", hoverinfo="skip",
                                line={"color": GREY, "width": 3}, showlegend=False))
    labels = []
    for n, s in enumerate(stages):
        if n >= revealed:
            labels.append("")
            continue
        step = f"<br><i>{_wrap(s.wilensky, 20)}</i>" if s.wilensky else ""
        labels.append(f"<b>{s.year}</b><br>{_wrap(s.label, 16)}{step}")
    if tall:
        positions_ = ["middle right"] * len(stages)
    else:
        positions_ = ["top center" if n % 2 == 0 else "bottom center" for n in range(len(stages))]
    figure.add_trace(go.Scatter(
        x=axis_points[0], y=axis_points[1], mode="markers+text", text=labels, textposition=positions_,
        textfont={"size": font}, customdata=[s.id for s in stages], name="tahap", showlegend=False,
        marker={"size": 30 if big else 22, "color": _node_colours([s.id for s in stages], highlight, revealed),
                "line": {"width": 3, "color": [ORANGE if s.id == highlight else "rgba(0,0,0,0)" for s in stages]}},
        hovertemplate=[f"<b>{s.year}: {s.title}</b><extra></extra>" for s in stages],
    ))
    if tall:
        figure.update_layout(xaxis={"visible": False, "range": [-0.3, 2.5], "fixedrange": True},
                             yaxis={"visible": False, "range": [-len(places) + 0.4, 0.6], "fixedrange": True},
                             height=120 + (120 if big else 100) * len(stages))
    else:
        figure.update_layout(xaxis={"visible": False, "range": [-0.7, len(places) - 0.3], "fixedrange": True},
                             yaxis={"visible": False, "range": [-1.5, 1.5], "fixedrange": True},
                             height=460 if big else 360)
    figure.update_layout(margin={"l": 10, "r": 10, "t": 10, "b": 30}, clickmode="event+select", dragmode=False)
    return figure


def comparison_figure(comparison: Comparison, left: Process, right: Process, *, highlight: str | None = None,
                      revealed: int | None = None, big: bool = False) -> go.Figure:
    """Analogous stages of two processes on aligned rows, then the four labelled differences."""
    left_stages = {s.id: s for s in left.stages}
    right_stages = {s.id: s for s in right.stages}
    rows = len(comparison.pairs)
    revealed = rows if revealed is None else max(0, min(revealed, rows))
    font = 20 if big else 13
    figure = go.Figure()
    xs, ys, texts, ids, colours, positions_ = [], [], [], [], [], []
    gap = 1.8
    for row, pair in enumerate(comparison.pairs):
        y = -gap * row
        shown = row < revealed
        for side, x, stages, position in (("left", 0.0, left_stages, "middle left"),
                                          ("right", 1.0, right_stages, "middle right")):
            if pair.side(side) is None:  # no true counterpart: say so where the stage would be
                if shown:
                    figure.add_annotation(x=x, y=y, text="<i>tidak ada padanan</i>", showarrow=False,
                                          xanchor="right" if side == "left" else "left",
                                          font={"size": font - 1, "color": GREY})
                continue
            stage = stages[pair.side(side)]
            key = f"{side}:{stage.id}"
            xs.append(x)
            ys.append(y)
            texts.append(_wrap(stage.label, 20) if shown else "")
            ids.append(key)
            colours.append(ORANGE if key == highlight else ((BLUE if side == "left" else GREEN) if shown
                                                            else "rgba(138,148,166,0.25)"))
            positions_.append(position)
        if shown and pair.left and pair.right:
            figure.add_shape(type="line", x0=0.06, x1=0.94, y0=y, y1=y, line={"color": GREY, "dash": "dot"})
        if shown:
            figure.add_annotation(x=0.5, y=y - 0.75, text=_wrap(pair.note, 60), showarrow=False,
                                  font={"size": font - 2})
    figure.add_trace(go.Scatter(x=xs, y=ys, mode="markers+text", text=texts, textposition=positions_,
                                textfont={"size": font}, customdata=ids, name="tahap", showlegend=False,
                                marker={"size": 28 if big else 22, "color": colours},
                                hovertemplate="%{text}<extra></extra>"))
    top = 0.9
    figure.add_annotation(x=0.0, y=top, text=f"<b>{_wrap(left.title, 24)}</b>",
                          showarrow=False, font={"size": font + 1, "color": BLUE}, xanchor="right")
    figure.add_annotation(x=1.0, y=top, text=f"<b>{_wrap(right.title, 24)}</b>", showarrow=False,
                          font={"size": font + 1, "color": GREEN}, xanchor="left")
    if revealed >= rows:
        base = -gap * rows - 0.1
        figure.add_annotation(x=0.5, y=base, text="<b>Perbedaan utama</b>", showarrow=False,
                              font={"size": font + 1})
        for n, diff in enumerate(comparison.differences):
            y = base - 1.0 * (n + 1)
            figure.add_annotation(x=0.5, y=y, text=f"<b>{_wrap(diff.aspect, 18)}</b>", showarrow=False,
                                  font={"size": font})
            figure.add_annotation(x=0.15, y=y, text=_wrap(diff.left, 30), showarrow=False, xanchor="right",
                                  font={"size": font - 1, "color": BLUE})
            figure.add_annotation(x=0.85, y=y, text=_wrap(diff.right, 30), showarrow=False, xanchor="left",
                                  font={"size": font - 1, "color": GREEN})
        bottom = base - 1.0 * len(comparison.differences) - 0.6
    else:
        bottom = -gap * rows + 0.5
    figure.update_layout(xaxis={"visible": False, "range": [-1.3, 2.3], "fixedrange": True},
                         yaxis={"visible": False, "range": [bottom, top + 0.5], "fixedrange": True},
                         height=int((80 if big else 62) * (top + 0.5 - bottom)),
                         margin={"l": 5, "r": 5, "t": 5, "b": 5},
                         clickmode="event+select", dragmode=False)
    return figure


def stage_of(process: Process, stage_id: str | None) -> Stage | None:
    return next((s for s in process.stages if s.id == stage_id), None)
