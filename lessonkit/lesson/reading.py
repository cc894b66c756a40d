"""Reading order helpers for the lesson page: neighbours and progress through sections."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def neighbours(ids: Sequence[str], current: str) -> tuple[str | None, str | None]:
    """The sections before and after ``current`` in reading order (None at the ends)."""
    if current not in ids:
        return None, (ids[0] if ids else None)
    index = ids.index(current)
    before = ids[index - 1] if index > 0 else None
    after = ids[index + 1] if index + 1 < len(ids) else None
    return before, after


def opened_count(ids: Sequence[str], opened: Collection[str]) -> int:
    """How many of the lesson's sections have been opened (unknown ids are ignored)."""
    return sum(1 for section_id in ids if section_id in opened)
