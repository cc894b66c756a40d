"""How Kuis Langsung marks answers, the same on the projector and on every phone: answer tiles and bar names.

A tile is a colour **and** a shape **and** a letter (▲ A red, ◆ B blue, ● C yellow, ■ D green, ★ E purple,
▼ F slate), so no student depends on telling colours apart; its text colour keeps WCAG AA contrast (4.5:1)
on its background. Tile ``position`` is the display position the phone answers with (``lessonkit.live.wire``).

The reveal chart names its bars briefly ("▲ A", "1", "Urutan tepat") so a name never runs into the bars at
any screen width; the long texts go beside the chart (``legend``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..quiz.types.single import LETTERS
from .wire import Bar

CHOICE_TYPES = ("single", "multiple")
KEYED_BARS = ("true_false", "matching")  # their bars name the key: "statement (Benar)", "left → right"
SHORT_NAME = 24  # bar names up to this long are drawn as they are; longer ones are numbered


@dataclass(frozen=True)
class Tile:
    letter: str
    shape: str
    background: str
    text: str  # the text colour on ``background``

    def label(self, text: str = "") -> str:
        """"▲ A. text" (or "▲ A" without a text)."""
        return f"{self.shape} {self.letter}. {text}" if text else f"{self.shape} {self.letter}"


WHITE, INK = "#FFFFFF", "#1B1B1B"
TILES = (
    Tile("A", "▲", "#C62828", WHITE),
    Tile("B", "◆", "#1565C0", WHITE),
    Tile("C", "●", "#F9C80E", INK),
    Tile("D", "■", "#2E7D32", WHITE),
    Tile("E", "★", "#6A1B9A", WHITE),
    Tile("F", "▼", "#455A64", WHITE),
)

def tile(position: int) -> Tile:
    """The tile of display position ``position`` (0-based); past the sixth, the colours repeat, letters go on."""
    base = TILES[position % len(TILES)]
    return base if position < len(TILES) else Tile(LETTERS[position], base.shape, base.background, base.text)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Chart:
    """The reveal chart's bar names and colours (None: key/other colours), and the legend beside it
    (``legend_is_key``: its lines carry the key, as a true/false or matching question's do)."""

    names: tuple[str, ...]
    colours: tuple[str, ...] | None
    legend: tuple[str, ...]
    legend_is_key: bool = False


def chart(question_type: str, bars: Sequence[Bar]) -> Chart:
    """Short bar names for a question's answer bars: tiles for choices, numbers for long texts, else the texts.

    A choice's legend is empty (its tiles show the texts); numbered bars get "1. text" lines.
    """
    if question_type in CHOICE_TYPES:
        tiles = [tile(i) for i in range(len(bars))]
        return Chart(tuple(t.label() for t in tiles), tuple(t.background for t in tiles), ())
    labels = [_unnumbered(bar.label, i) for i, bar in enumerate(bars, start=1)]
    if all(len(label) <= SHORT_NAME for label in labels):
        return Chart(tuple(labels), None, ())
    return Chart(tuple(str(i) for i in range(1, len(bars) + 1)), None,
                 tuple(f"{i}. {label}" for i, label in enumerate(labels, start=1)), question_type in KEYED_BARS)


def _unnumbered(label: str, number: int) -> str:
    """A true/false bar's label without the "1. " the tally puts before it (the legend numbers every line)."""
    prefix = f"{number}. "
    return label[len(prefix):] if label.startswith(prefix) else label
