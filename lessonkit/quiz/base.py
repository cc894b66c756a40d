"""Fields every question shares, whatever its type, and helpers the type modules reuse."""

from __future__ import annotations

import string
import unicodedata
from typing import Annotated, Literal

from pydantic import Field

from ..schema import Slug, Strict, Text

__all__ = ["LEVEL_NAMES", "Level", "QuestionBase", "Slug", "Strict", "Text", "all_or_partial", "distinct",
           "normalise_answer"]
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


def distinct(values: list[str], what: str) -> None:
    """Raise a teacher-readable error when two entries are the same (ignoring case and spaces)."""
    seen: set[str] = set()
    for value in values:
        folded = " ".join(value.casefold().split())
        if folded in seen:
            raise ValueError(f"{what} '{value}' ditulis dua kali; setiap {what} harus berbeda")
        seen.add(folded)


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
