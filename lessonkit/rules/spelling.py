"""Spelling slips: how many letters apart two words are, and how many a word of a given length may be off."""

from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    """Letters to add, drop, change or swap (two neighbours) to turn ``a`` into ``b`` (optimal string alignment)."""
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def typos_allowed(letters: int, steps: tuple[tuple[int, int], ...]) -> int:
    """Typos tolerated in a word of ``letters`` letters: the first (at least, typos) step it reaches, else 0."""
    return next((typos for at_least, typos in steps if letters >= at_least), 0)
