"""Fields every question shares, whatever its type, and helpers the type modules reuse."""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Annotated, Literal

from pydantic import Field

from ..authoring.schema import Slug, Strict, Text, located

__all__ = ["LEVEL_NAMES", "Level", "QuestionBase", "Slug", "Strict", "Text", "all_or_partial", "distinct",
           "folded", "located", "marked", "normalise_answer", "unmarked"]
Level = Literal["L1", "L2", "L3"]
LEVEL_NAMES = {"L1": "Pemahaman", "L2": "Penerapan", "L3": "Penalaran"}


class QuestionBase(Strict):
    """The keys of every question; each type adds its own (and only its own) keys."""

    id: Slug
    type: str
    level: Level
    section: Slug
    stimulus: Slug | None = None
    prompt: Text
    explanation: Text
    points: Annotated[float, Field(gt=0)] = 1
    scoring: Literal["partial", "all_or_nothing"] = "partial"

    @property
    def auto_graded(self) -> bool:
        return True


def folded(value: str) -> str:
    """The form two texts are compared in: case and runs of spaces ignored."""
    return " ".join(value.casefold().split())


def distinct(values: list[str], what: str, field: str | None = None) -> None:
    """Raise a teacher-readable error at the repeated entry (its ``field`` if given) when two are the same."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if folded(value) in seen:
            at = (index, field) if field else (index,)
            raise located(f"{what} '{value}' ditulis dua kali; setiap {what} harus berbeda", *at)
        seen.add(folded(value))


_PUNCTUATION = set(string.punctuation)


def normalise_answer(text: str) -> str:
    """Case-fold, drop punctuation, trim and collapse whitespace (for short answers)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(c for c in folded if not (c in _PUNCTUATION or unicodedata.category(c).startswith("P")))
    return " ".join(kept.split())


def all_or_partial(question: QuestionBase, fraction: float) -> float:
    """Apply the question's scoring rule to a partial-credit fraction."""
    fraction = min(1.0, max(0.0, fraction))
    if question.scoring == "all_or_nothing":
        return 1.0 if fraction >= 1.0 else 0.0
    return fraction


def marked(text: str, right: bool | None, note: str = "") -> str:
    """Markdown for a checked option, statement or item: green with ✓ when ``right``, red with ✗ when not (colour
    and a mark, never colour alone), ``text`` as it was when None; ``note`` follows the text inside the colour."""
    if right is None:
        return text
    colour, sign = ("green", "✓") if right else ("red", "✗")
    return f":{colour}[{sign} {text}{note}]"


_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")


def unmarked(text: str) -> str:
    """Authored text for widgets that show raw text (select boxes): ``*volunteer*`` becomes ``volunteer``."""
    return _EMPHASIS.sub(r"\2", text)
