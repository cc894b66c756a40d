"""Stage diagrams on paper: the app's own SVG drawings (``lessonkit.display.diagram_svg``) made ready for fpdf2.

`stage_images` is the handout's ``diagrams`` source: every diagram of a section, in file
order, drawn in the wide layout (the same drawing the app shows on a laptop) unless its
labels would print under 9 pt, then in a narrower layout (`readable`). `pdf_ready`
adapts any SVG to what fpdf2 draws correctly:

- text set in the bundled DejaVu Sans: fpdf2 maps generic families (sans-serif) to a core
  PDF font, which cannot print "—" or curly quotes;
- a ``<text>`` holding several positioned ``<tspan>`` lines (a wrapped label) becomes one
  ``<text>`` per line: fpdf2 ignores the parent's ``text-anchor`` for such lines, so
  centred and right-aligned labels would start at their anchor and run into the nodes;
- ``<title>`` dropped (fpdf2 does not draw it and warns for each one); the handout prints it
  above the drawing as its caption (`title_of`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence

from ..display.diagram_svg import draw
from ..lesson.stages import Diagrams
from .document import TEXT_WIDTH

SVG_NS = "http://www.w3.org/2000/svg"
MIN_PT = 9.0  # the smallest text a printed diagram may have
PX_MM = 25.4 / 96  # one CSS px in mm
LAYOUTS = ("wide", "medium", "tall")  # tried in this order for print
FONT = "DejaVu"
_STYLE_FAMILY = re.compile(r"font-family\s*:\s*[^;]+")
DiagramSource = Callable[[str], Sequence[bytes]]


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _split_lines(parent: ET.Element) -> None:
    for index, text in reversed(list(enumerate(parent))):
        lines = [t for t in text if _tag(t) == "tspan"] if _tag(text) == "text" else []
        if not lines or not all("x" in t.attrib and "y" in t.attrib for t in lines):
            _split_lines(text)
            continue
        parent.remove(text)
        for offset, line in enumerate(lines):
            single = ET.Element(text.tag, {**text.attrib, **line.attrib})
            single.text = line.text
            parent.insert(index + offset, single)


def _svg(image: bytes) -> ET.Element | None:
    if b"<svg" not in image[:300]:
        return None
    try:
        return ET.fromstring(image)
    except ET.ParseError:
        return None


def _number(value: str | None) -> float | None:
    try:
        return float(str(value).removesuffix("px"))
    except ValueError:
        return None


def _size(root: ET.Element | None) -> tuple[float, float] | None:
    """An SVG's width and height in px (from ``width``/``height``, else ``viewBox``); None when unknown."""
    if root is None:
        return None
    box = (root.get("viewBox") or "").replace(",", " ").split()
    sizes = [(root.get("width"), root.get("height"))] + ([(box[2], box[3])] if len(box) == 4 else [])
    for width, height in sizes:
        w, h = _number(width), _number(height)
        if w and h:
            return w, h
    return None


def aspect_of(image: bytes) -> float | None:
    """Height over width of an SVG; None when unknown."""
    size = _size(_svg(image))
    return size[1] / size[0] if size else None


def print_width(image: bytes, text_width: float) -> float:
    """The width in mm an image is printed at: an SVG at its own size (CSS px, 96 per inch), no wider
    than the text; anything else at the text width."""
    size = _size(_svg(image))
    return min(text_width, size[0] * PX_MM) if size else text_width


def smallest_print_pt(image: bytes, width_mm: float) -> float | None:
    """The smallest text of an SVG in points when it is printed ``width_mm`` wide; None without text."""
    root = _svg(image)
    size = _size(root)
    fonts = [_number(e.get("font-size")) for e in root.iter() if e.get("font-size")] if size else []
    fonts = [f for f in fonts if f]
    return min(fonts) * width_mm / size[0] * 72 / 25.4 if fonts else None


def title_of(image: bytes) -> str:
    """An SVG's ``<title>`` (printed as the diagram's caption), or "" when it has none or is no SVG."""
    root = _svg(image)
    if root is None:
        return ""
    return next(("".join(t.itertext()).strip() for t in root.iter() if _tag(t) == "title"), "")


def pdf_ready(image: bytes) -> bytes:
    """An SVG as fpdf2 draws it faithfully (see the module doc); other images (PNG, JPEG) unchanged."""
    if b"<svg" not in image[:300]:
        return image
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(image)
    for parent in list(root.iter()):
        for child in [c for c in parent if _tag(c) == "title"]:
            parent.remove(child)
    _split_lines(root)
    for element in root.iter():
        if "font-family" in element.attrib:
            element.set("font-family", FONT)
        if "font-family" in element.get("style", ""):
            element.set("style", _STYLE_FAMILY.sub(f"font-family:{FONT}", element.get("style")))
    return ET.tostring(root, encoding="utf-8")


def readable(drawings: Iterable[bytes], text_width: float = TEXT_WIDTH) -> bytes:
    """The first drawing whose smallest text prints at ``MIN_PT`` or more (see `print_width`), else the last."""
    drawings = list(drawings)
    for image in drawings:
        if (smallest_print_pt(image, print_width(image, text_width)) or MIN_PT) >= MIN_PT:
            return image
    return drawings[-1]


def stage_images(diagrams: Diagrams) -> DiagramSource:
    """Each section's stage diagrams as SVG bytes, for ``handout(..., diagrams=...)``: the wide layout
    the app shows on a laptop, or a narrower one where the wide one would print its labels too small
    (the IDI timeline: its stages stacked)."""
    def images(section_id: str) -> list[bytes]:
        return [readable(draw(item, diagrams.processes, layout=layout).svg.encode("utf-8") for layout in LAYOUTS)
                for item in diagrams.for_section(section_id)]
    return images
