"""Stage diagrams as self-contained SVG: pathway, cycle, timeline and a side-by-side comparison.

Pure functions of the stage data (``content/proses/*.yaml``): no Streamlit, no
JavaScript library. The app shows the SVG with a real button over every stage
(``ui/learn/diagram_view.py``), the presentation reveals it stage by stage, and a
printed handout can embed the very same string. Self-contained on purpose:
explicit sizes (``viewBox`` plus ``width``/``height`` in px), colours as plain
attributes, no stylesheet, no external font (a generic sans-serif family),
arrowheads drawn as polygons, and every text colour at least 4.5:1 against
the white paper it is drawn on. A page may restyle paper, ink and lines for a
dark theme through the class names ``lk-paper``, ``lk-ink`` and ``lk-line``.

``layout="wide"`` suits a laptop or projector, ``layout="medium"`` (pathways:
three stages a row) a column beside a detail panel, and ``layout="tall"``
stacks the stages for a 390 px phone. ``big=True`` enlarges type for the projector;
``revealed=N`` draws only the first N stages (or comparison rows), the rest as
empty outlines, so slides can uncover a process one stage at a time.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Literal
from xml.sax.saxutils import escape

from ..lesson.stages import Comparison, Process, Stage

Layout = Literal["wide", "medium", "tall"]
PAPER = "#FFFFFF"
INK = "#1A1D23"
MUTED = "#4A5462"  # secondary text: 7.6:1 on paper
LINE = "#5F6B7A"  # arrows and connectors
LEFT = "#0072B2"  # Okabe-Ito blue: a process, and the left side of a comparison (white text 5.1:1)
RIGHT = "#00785A"  # darker Okabe-Ito bluish green: the right side of a comparison (white text 5.4:1)
HIGHLIGHT = "#E69F00"  # Okabe-Ito orange: the chosen stage, with ink text (7.6:1)
HIDDEN = "#C5CCD6"  # outline of a stage not revealed yet (decoration, carries no text)
ON_NODE = {LEFT: "#FFFFFF", RIGHT: "#FFFFFF", HIGHLIGHT: INK}
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
CHAR = 0.6  # average glyph width of that family, in em: enough to keep wrapped lines inside their box


@dataclass(frozen=True)
class Hotspot:
    """Where one stage sits (node and label), in SVG units, with the name a button over it should carry."""

    key: str
    name: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Drawing:
    svg: str
    width: int
    height: int
    hotspots: tuple[Hotspot, ...]
    font: int = 0  # the smallest type in the drawing, in SVG units: a page scales it to a readable size

    def as_dict(self) -> dict:
        """Plain data for a page: the SVG, its size, its smallest type, and each hotspot as percentages of that
        size."""
        def pct(value: float, total: int) -> float:
            return round(100 * value / total, 3)

        return {"svg": self.svg, "width": self.width, "height": self.height, "font": self.font,
                "spots": [{"key": h.key, "name": h.name, "left": pct(h.x, self.width), "top": pct(h.y, self.height),
                           "width": pct(h.width, self.width), "height": pct(h.height, self.height)}
                          for h in self.hotspots]}


@dataclass(frozen=True)
class Step:
    """One selectable stage in stepping order: its key, the stage, and (in a comparison) its side's title."""

    key: str
    stage: Stage
    side: str = ""


def steps(item: Process | Comparison, processes: dict[str, Process]) -> list[Step]:
    """Every selectable stage of a diagram, in the order the stepper walks them.

    A comparison walks its rows, left stage before right; a row may have only
    one side (a stage without a true counterpart).
    """
    if isinstance(item, Process):
        return [Step(s.id, s) for s in item.stages]
    left, right = processes[item.left], processes[item.right]
    by_side = {"left": {s.id: s for s in left.stages}, "right": {s.id: s for s in right.stages}}
    titles = {"left": left.title, "right": right.title}
    out = []
    for pair in item.pairs:
        for side in ("left", "right"):
            stage_id = getattr(pair, side)
            if stage_id:
                out.append(Step(f"{side}:{stage_id}", by_side[side][stage_id], titles[side]))
    return out


def layouts(item: Process | Comparison) -> tuple[Layout, ...]:
    """The drawings worth offering for a diagram, widest first: a pathway also has a three-a-row ``medium``."""
    if isinstance(item, Process) and item.kind == "pathway" and len(item.stages) > 3:
        return ("wide", "medium", "tall")
    return ("wide", "tall")


def draw(item: Process | Comparison, processes: dict[str, Process], *, highlight: str | None = None,
         revealed: int | None = None, layout: Layout = "wide", big: bool = False) -> Drawing:
    """The drawing of any diagram; ``highlight`` is a key from `steps`."""
    if isinstance(item, Comparison):
        return comparison_drawing(item, processes[item.left], processes[item.right], highlight=highlight,
                                  revealed=revealed, layout=layout, big=big)
    return process_drawing(item, highlight=highlight, revealed=revealed, layout=layout, big=big)


# -- drawing primitives ------------------------------------------------------------------------------------------

def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines that fit ``width`` px at font ``size``."""
    chars = max(6, int(width / (size * CHAR)))
    return textwrap.wrap(text, chars, break_long_words=False) or [text]


def text_width(lines: list[str], size: float) -> float:
    return max((len(line) for line in lines), default=0) * size * CHAR


@dataclass
class Canvas:
    title: str
    big: bool
    parts: list[str] = field(default_factory=list)
    hotspots: list[Hotspot] = field(default_factory=list)
    sizes: set[int] = field(default_factory=set)  # every font size written

    @property
    def font(self) -> float:
        return 24.0 if self.big else 15.0

    @property
    def small(self) -> float:
        """Secondary text (notes, the Wilensky step): a size smaller on a screen, the same size on a projector."""
        return self.font if self.big else self.font - 1

    @property
    def radius(self) -> float:
        return 31.0 if self.big else 21.0

    def text(self, x: float, y: float, lines: list[str], *, size: float | None = None, anchor: str = "start",
             weight: str = "normal", fill: str = INK, italic: bool = False) -> float:
        """Lines of text whose first baseline is ``y``; returns the y just below the last line."""
        size = size or self.font
        css = "lk-muted" if fill == MUTED else "lk-ink"
        self.sizes.add(round(size))
        step = size * 1.25
        style = ' font-style="italic"' if italic else ""
        spans = "".join(f'<tspan x="{x:.1f}" y="{y + n * step:.1f}">{escape(line)}</tspan>'
                        for n, line in enumerate(lines))
        self.parts.append(f'<text class="{css}" font-family="{FONT}" font-size="{size:.0f}" font-weight="{weight}"'
                          f'{style} fill="{fill}" text-anchor="{anchor}">{spans}</text>')
        return y + (len(lines) - 1) * step + size * 0.35

    def node(self, x: float, y: float, label: str, colour: str, shown: bool, radius: float | None = None,
             key: str = "") -> None:
        """A stage's circle with its number; a shown one is a group ``data-stage=key`` a page can highlight."""
        r = radius or self.radius
        if not shown:
            self.parts.append(f'<circle class="lk-hidden" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="none" '
                              f'stroke="{HIDDEN}" stroke-width="2" stroke-dasharray="5 4"/>')
            return
        ring = f' stroke="{INK}" stroke-width="3"' if colour == HIGHLIGHT else ""
        number = ""
        if label:
            size = r * 0.8
            self.sizes.add(round(size))
            number = (f'<text font-family="{FONT}" font-size="{size:.0f}" font-weight="bold" '
                      f'fill="{ON_NODE[colour]}" text-anchor="middle" x="{x:.1f}" '
                      f'y="{y + size * 0.36:.1f}">{escape(label)}</text>')
        circle = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"{ring}/>{number}'
        self.parts.append(f'<g class="lk-node" data-stage="{escape(key, {chr(34): "&quot;"})}">{circle}</g>'
                          if key else circle)

    def arrow(self, points: list[tuple[float, float]], shown: bool = True) -> None:
        """A polyline ending in a filled arrowhead at its last point."""
        colour, css = (LINE, "lk-line") if shown else (HIDDEN, "lk-hidden")
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polyline class="{css}" points="{path}" fill="none" stroke="{colour}" '
                          'stroke-width="2.5"/>')
        self.head(points[-2], points[-1], colour, css)

    def arc(self, cx: float, cy: float, r: float, start: float, end: float, shown: bool = True) -> None:
        """A clockwise arc (angles in radians, 0 = up) ending in an arrowhead."""
        colour, css = (LINE, "lk-line") if shown else (HIDDEN, "lk-hidden")
        x0, y0 = cx + r * math.sin(start), cy - r * math.cos(start)
        x1, y1 = cx + r * math.sin(end), cy - r * math.cos(end)
        self.parts.append(f'<path class="{css}" d="M{x0:.1f},{y0:.1f} A{r:.1f},{r:.1f} 0 0 1 {x1:.1f},{y1:.1f}" '
                          f'fill="none" stroke="{colour}" stroke-width="2.5"/>')
        before = end - 0.05
        self.head((cx + r * math.sin(before), cy - r * math.cos(before)), (x1, y1), colour, css)

    def head(self, start: tuple[float, float], end: tuple[float, float], colour: str, css: str) -> None:
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        size = 11.0 if self.big else 9.0
        bx, by = x1 - dx * size, y1 - dy * size
        half = size * 0.55
        points = [(x1, y1), (bx - dy * half, by + dx * half), (bx + dy * half, by - dx * half)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polygon class="{css}" points="{path}" fill="{colour}" stroke="none"/>')

    def dotted(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.parts.append(f'<line class="lk-line" x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" '
                          f'stroke="{LINE}" stroke-width="2" stroke-dasharray="3 5"/>')

    def spot(self, key: str, name: str, x0: float, y0: float, x1: float, y1: float) -> None:
        pad = 4.0
        self.hotspots.append(Hotspot(key, name, round(x0 - pad, 1), round(y0 - pad, 1),
                                     round(x1 - x0 + 2 * pad, 1), round(y1 - y0 + 2 * pad, 1)))

    def finish(self, width: float, height: float) -> Drawing:
        w, h = math.ceil(width), math.ceil(height)
        label = escape(self.title, {'"': "&quot;"})
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
               f'role="img" aria-label="Diagram: {label}"><title>Diagram: {escape(self.title)}</title>'
               f'<rect class="lk-paper" x="0" y="0" width="{w}" height="{h}" rx="8" fill="{PAPER}"/>'
               + "".join(self.parts) + "</svg>")
        return Drawing(svg, w, h, tuple(self.hotspots), min(self.sizes, default=0))


def _colour(key: str, highlight: str | None, base: str = LEFT) -> str:
    return HIGHLIGHT if key == highlight else base


def _count(revealed: int | None, total: int) -> int:
    return total if revealed is None else max(0, min(revealed, total))


# -- processes ---------------------------------------------------------------------------------------------------

def process_drawing(process: Process, *, highlight: str | None = None, revealed: int | None = None,
                    layout: Layout = "wide", big: bool = False) -> Drawing:
    """One process as numbered stages joined by arrows: a pathway, a cycle or a timeline."""
    canvas = Canvas(process.title, big)
    shown = _count(revealed, len(process.stages))
    if process.kind == "timeline":
        return _timeline(canvas, process, highlight, shown, layout)
    if layout == "tall":
        return _column(canvas, process, highlight, shown, closed=process.kind == "cycle")
    if process.kind == "cycle":
        return _cycle(canvas, process, highlight, shown)
    return _rows(canvas, process, highlight, shown, layout)


def _name(stage: Stage) -> str:
    return f"Tahap {stage.number}: {stage.title}"


def _rows(canvas: Canvas, process: Process, highlight: str | None, shown: int, layout: Layout) -> Drawing:
    """A pathway in rows that snake (left to right, then right to left, ...): two rows when wide, three stages
    a row for a column beside a detail panel."""
    stages, r, font = process.stages, canvas.radius, canvas.font
    count = len(stages)
    rows = (1 if count <= 5 else 2) if layout == "wide" else math.ceil(count / 3)
    per_row = math.ceil(count / rows)
    rows = math.ceil(count / per_row)
    column = 185.0 if canvas.big else 150.0
    turn = 24.0  # room beside the labels for the arrow down to the next row
    left = 14 + (turn if rows > 2 else 0)
    label_lines = max(len(wrap(s.label, font, column - 14)) for s in stages)
    row_height = 2 * r + 22 + label_lines * font * 1.25 + 34
    spots = []
    for i in range(count):
        row, col = divmod(i, per_row)
        col = col if row % 2 == 0 else per_row - 1 - col
        spots.append((left + column / 2 + col * column, 18 + r + row * row_height))
    for i in range(count - 1):
        (x0, y0), (x1, y1) = spots[i], spots[i + 1]
        if y0 == y1:
            step = 1 if x1 > x0 else -1
            canvas.arrow([(x0 + step * (r + 5), y0), (x1 - step * (r + 5), y1)], i + 1 < shown)
        else:  # down the outer edge, past the labels, into the next row's first stage
            side = 1 if (i // per_row) % 2 == 0 else -1
            edge = x0 + side * (column / 2 + turn / 2)
            canvas.arrow([(x0 + side * (r + 5), y0), (edge, y0), (edge, y1), (x1 + side * (r + 5), y1)], i + 1 < shown)
    for i, (stage, (x, y)) in enumerate(zip(stages, spots, strict=True)):
        visible = i < shown
        canvas.node(x, y, str(stage.number), _colour(stage.id, highlight), visible, key=stage.id)
        lines = wrap(stage.label, font, column - 14)
        if visible:
            bottom = canvas.text(x, y + r + 22, lines, anchor="middle")
            half = max(r, text_width(lines, font) / 2)
            canvas.spot(stage.id, _name(stage), x - half, y - r, x + half, bottom)
    lowest = max(y for _, y in spots)
    return canvas.finish(left + per_row * column + (turn if rows > 1 else 0) + 14,
                         lowest + r + 22 + (label_lines - 1) * font * 1.25 + font * 0.35 + 12)


def _column(canvas: Canvas, process: Process, highlight: str | None, shown: int, closed: bool) -> Drawing:
    """Stages stacked for a phone, labels to the right; a cycle's last stage returns to the first."""
    stages, r, font = process.stages, canvas.radius, canvas.font + 1
    width = 360.0
    x = (30.0 if closed else 12.0) + r
    text_x = x + r + 12
    lines_of = [wrap(s.label, font, width - text_x - 10) for s in stages]
    ys, y = [], 14 + r
    for lines in lines_of:
        ys.append(y)
        y += max(2 * r, len(lines) * font * 1.25) + 30
    for i in range(len(stages) - 1):
        canvas.arrow([(x, ys[i] + r + 4), (x, ys[i + 1] - r - 4)], i + 1 < shown)
    if closed:
        canvas.arrow([(x - r - 2, ys[-1]), (12, ys[-1]), (12, ys[0]), (x - r - 4, ys[0])], shown >= len(stages))
    for i, (stage, lines, cy) in enumerate(zip(stages, lines_of, ys, strict=True)):
        visible = i < shown
        canvas.node(x, cy, str(stage.number), _colour(stage.id, highlight), visible, key=stage.id)
        if visible:
            first = cy - (len(lines) - 1) * font * 0.625 + font * 0.35
            bottom = canvas.text(text_x, first, lines, size=font)
            canvas.spot(stage.id, _name(stage), x - r, min(cy - r, first - font),
                        text_x + text_width(lines, font), max(cy + r, bottom))
    return canvas.finish(width, ys[-1] + r + 16)


def _cycle(canvas: Canvas, process: Process, highlight: str | None, shown: int) -> Drawing:
    """Stages around a circle, clockwise from the top, joined by arcs; labels outside the circle."""
    stages, r, font = process.stages, canvas.radius, canvas.font
    count = len(stages)
    ring = 125.0 if canvas.big else 110.0
    side = 190.0 if canvas.big else 165.0  # room for a label left or right of the circle
    label_lines = max(len(wrap(s.label, font, side)) for s in stages)
    above = label_lines * font * 1.25 + 14
    cx, cy = 16 + side + r + ring, 12 + above + r + ring
    angles = [2 * math.pi * i / count for i in range(count)]
    gap = (r + 8) / ring
    for i in range(count):  # arc i leads to stage i + 1; the last one back to stage 1, once the cycle is complete
        leads_to_shown = i + 1 < shown if i + 1 < count else shown >= count
        canvas.arc(cx, cy, ring, angles[i] + gap, angles[i] + 2 * math.pi / count - gap, leads_to_shown)
    for i, (stage, angle) in enumerate(zip(stages, angles, strict=True)):
        x, y = cx + ring * math.sin(angle), cy - ring * math.cos(angle)
        visible = i < shown
        canvas.node(x, y, str(stage.number), _colour(stage.id, highlight), visible, key=stage.id)
        if not visible:
            continue
        lines = wrap(stage.label, font, side)
        block = len(lines) * font * 1.25
        dx, dy = math.sin(angle), -math.cos(angle)
        if abs(dy) >= abs(dx):  # above or below the node, centred
            first = y - r - 10 - block + font if dy < 0 else y + r + 8 + font
            bottom = canvas.text(x, first, lines, anchor="middle")
            half = max(r, text_width(lines, font) / 2)
            canvas.spot(stage.id, _name(stage), x - half, min(y - r, first - font), x + half, max(y + r, bottom))
        else:  # beside the node, on the outer side
            first = y - block / 2 + font * 0.9
            anchor, tx = ("start", x + r + 10) if dx > 0 else ("end", x - r - 10)
            bottom = canvas.text(tx, first, lines, anchor=anchor)
            far = tx + text_width(lines, font) if dx > 0 else tx - text_width(lines, font)
            canvas.spot(stage.id, _name(stage), min(x - r, far), min(y - r, first - font),
                        max(x + r, far), max(y + r, bottom))
    return canvas.finish(2 * cx, cy + ring + r + 8 + above)


def _timeline(canvas: Canvas, process: Process, highlight: str | None, shown: int, layout: Layout) -> Drawing:
    """Dated stages on an axis, evenly spaced so close dates stay readable; each with its step in italics."""
    stages, font = process.stages, canvas.font
    r = canvas.radius * 0.7
    small = canvas.small

    def block(stage: Stage, width: float) -> tuple[list[str], list[str]]:
        return wrap(stage.label, font, width), wrap(stage.wilensky, small, width) if stage.wilensky else []

    def write(stage: Stage, x: float, first: float, width: float, anchor: str) -> float:
        label, step = block(stage, width)
        bottom = canvas.text(x, first, [str(stage.year)], weight="bold", anchor=anchor)
        bottom = canvas.text(x, bottom + font * 0.95, label, anchor=anchor)
        if step:
            bottom = canvas.text(x, bottom + small * 0.95, step, size=small, fill=MUTED, italic=True, anchor=anchor)
        return bottom

    def height_of(stage: Stage, width: float) -> float:
        label, step = block(stage, width)
        return (1 + len(label)) * font * 1.25 + len(step) * small * 1.25

    def name(stage: Stage) -> str:
        return f"{stage.year}: {stage.title}"

    if layout == "tall":
        width = 360.0
        x, text_x = 14 + r, 14 + 2 * r + 12
        ys, y = [], 14 + font
        for stage in stages:
            ys.append(y)
            y += height_of(stage, width - text_x - 10) + 22
        canvas.parts.append(f'<line class="lk-line" x1="{x:.1f}" y1="{ys[0]:.1f}" x2="{x:.1f}" y2="{ys[-1]:.1f}" '
                            f'stroke="{LINE}" stroke-width="3"/>')
        for i, (stage, y) in enumerate(zip(stages, ys, strict=True)):
            visible = i < shown
            canvas.node(x, y, "", _colour(stage.id, highlight), visible, radius=r, key=stage.id)
            if visible:
                bottom = write(stage, text_x, y + font * 0.35, width - text_x - 10, "start")
                canvas.spot(stage.id, name(stage), x - r, y - font, width - 10, bottom)
        return canvas.finish(width, ys[-1] + height_of(stages[-1], width - text_x - 10) + 10)

    column = 175.0 if canvas.big else 150.0
    reach = column - r - 8  # a label may reach this far either side of its date, short of the next date
    label_width = 2 * reach - 8  # labels alternate above and below the axis, so each may use two columns
    margin = max(16.0, reach - column / 2 + 12)
    tallest = max(height_of(s, label_width) for s in stages)
    axis = 14 + tallest + 14 + r
    xs = [margin + column * (i + 0.5) for i in range(len(stages))]
    canvas.parts.append(f'<line class="lk-line" x1="{xs[0] - column / 3:.1f}" y1="{axis:.1f}" '
                        f'x2="{xs[-1] + column / 3:.1f}" y2="{axis:.1f}" stroke="{LINE}" stroke-width="3"/>')
    for i, (stage, x) in enumerate(zip(stages, xs, strict=True)):
        visible = i < shown
        canvas.node(x, axis, "", _colour(stage.id, highlight), visible, radius=r, key=stage.id)
        if not visible:
            continue
        if i % 2 == 0:
            first = axis - r - 10 - height_of(stage, label_width)
            bottom = write(stage, x, first + font, label_width, "middle")
        else:
            first = axis + r + 10
            bottom = write(stage, x, first + font, label_width, "middle")
        label, step = block(stage, label_width)
        half = min(reach, max(r, text_width(label, font), text_width(step, small)) / 2 + 4)
        canvas.spot(stage.id, name(stage), x - half, min(first, axis - r), x + half, max(bottom, axis + r))
    return canvas.finish(2 * margin + column * len(stages), 2 * axis)


# -- comparison --------------------------------------------------------------------------------------------------

def comparison_drawing(comparison: Comparison, left: Process, right: Process, *, highlight: str | None = None,
                       revealed: int | None = None, layout: Layout = "wide", big: bool = False) -> Drawing:
    """Analogous stages of two processes on aligned rows with the note on each pair.

    A row with only one side (no true counterpart) shows its lone stage on its
    own side and no connector. The differences are text and belong beside the
    drawing, not in it.
    """
    canvas = Canvas(comparison.title, big)
    stages = {"left": {s.id: s for s in left.stages}, "right": {s.id: s for s in right.stages}}
    titles = {"left": left.title, "right": right.title}
    colours = {"left": LEFT, "right": RIGHT}
    shown = _count(revealed, len(comparison.pairs))
    font, r = canvas.font, canvas.radius
    small = canvas.small

    def name(side: str, stage: Stage) -> str:
        return f"{titles[side]}, tahap {stage.number}: {stage.title}"

    if layout == "tall":
        width = 360.0
        x = 14 + r
        text_x = x + r + 12
        y = 10 + font
        for side in ("left", "right"):
            canvas.node(20, y - font * 0.35, "", colours[side], True, radius=7)
            y = canvas.text(34, y, wrap(titles[side], font, width - 44), weight="bold") + font * 1.1
        y += 6
        for row, pair in enumerate(comparison.pairs):
            visible = row < shown
            sides = [side for side in ("left", "right") if getattr(pair, side)]
            centres = []
            for side in sides:
                stage = stages[side][getattr(pair, side)]
                lines = wrap(stage.label, font, width - text_x - 10)
                cy = y + r
                key = f"{side}:{stage.id}"
                canvas.node(x, cy, str(stage.number), _colour(key, highlight, colours[side]), visible, key=key)
                if visible:
                    first = cy - (len(lines) - 1) * font * 0.625 + font * 0.35
                    bottom = canvas.text(text_x, first, lines)
                    canvas.spot(key, name(side, stage), x - r, y, text_x + text_width(lines, font), max(cy + r, bottom))
                centres.append(cy)
                y = max(cy + r, cy + len(lines) * font * 0.625) + 12
            if visible and len(centres) == 2:
                canvas.dotted(x, centres[0] + r, x, centres[1] - r)
            note = wrap(pair.note, small, width - 24)
            if visible:
                y = canvas.text(14, y + small, note, size=small, fill=MUTED, italic=True) + 22
            else:
                y += len(note) * small * 1.25 + 22
        return canvas.finish(width, y - 6)

    width = 820.0 if big else 760.0
    node_left, node_right = width * 0.38, width * 0.62
    label_width = node_left - r - 22
    y = 12 + font
    header = max(len(wrap(titles[s], font, label_width + r)) for s in ("left", "right"))
    canvas.text(node_left + r, y, wrap(titles["left"], font, label_width + r), weight="bold", anchor="end")
    canvas.text(node_right - r, y, wrap(titles["right"], font, label_width + r), weight="bold")
    y += header * font * 1.25 + 8
    for row, pair in enumerate(comparison.pairs):
        visible = row < shown
        lines = {side: wrap(stages[side][getattr(pair, side)].label, font, label_width) if getattr(pair, side) else []
                 for side in ("left", "right")}
        block = max(2 * r, max(len(v) for v in lines.values()) * font * 1.25)
        cy = y + block / 2
        for side, nx in (("left", node_left), ("right", node_right)):
            stage_id = getattr(pair, side)
            if not stage_id:
                continue
            stage = stages[side][stage_id]
            key = f"{side}:{stage.id}"
            canvas.node(nx, cy, str(stage.number), _colour(key, highlight, colours[side]), visible, key=key)
            if not visible:
                continue
            first = cy - (len(lines[side]) - 1) * font * 0.625 + font * 0.35
            if side == "left":
                tx = nx - r - 12
                bottom = canvas.text(tx, first, lines[side], anchor="end")
                canvas.spot(key, name(side, stage), tx - text_width(lines[side], font), y, nx + r, max(bottom, cy + r))
            else:
                tx = nx + r + 12
                bottom = canvas.text(tx, first, lines[side])
                canvas.spot(key, name(side, stage), nx - r, y, tx + text_width(lines[side], font), max(bottom, cy + r))
        if visible and pair.left and pair.right:
            canvas.dotted(node_left + r + 6, cy, node_right - r - 6, cy)
        note = wrap(pair.note, small, width - 120)
        y += block + 8
        if visible:
            y = canvas.text(width / 2, y + small, note, size=small, fill=MUTED, italic=True, anchor="middle") + 26
        else:
            y += len(note) * small * 1.25 + 26
    return canvas.finish(width, y - 8)
