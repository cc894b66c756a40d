"""Glossary flashcards on a Leitner schedule: five boxes, a known card moves up, a forgotten one back to box 1.

Box 1 is due at once; boxes 2–5 wait 1, 3, 7 and 14 days. Due cards come first
(lowest box first; within a box, cards never seen before the ones seen longest ago), then the rest by due
time. A card answered "Belum tahu" is due at once but goes behind every other due card of box 1, so the
queue moves on instead of showing it again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

BOXES = 5
WAIT_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 14}


def review(box: int, known: bool, now: datetime) -> tuple[int, datetime]:
    """The card's new box and due time after the student says whether they knew it."""
    new_box = min(BOXES, box + 1) if known else 1
    return new_box, now + timedelta(days=WAIT_DAYS[new_box])


def queue(terms: Sequence[str], cards: Mapping[str, tuple[int, datetime]], now: datetime) -> list[str]:
    """Terms in study order; a term never seen is in box 1 and due now, ahead of every card seen before."""
    def key(term: str):
        box, due = cards.get(term, (1, datetime.min.replace(tzinfo=now.tzinfo)))
        return (due > now, box if due <= now else 0, due, terms.index(term))

    return sorted(terms, key=key)


def due_count(terms: Sequence[str], cards: Mapping[str, tuple[int, datetime]], now: datetime) -> int:
    return sum(1 for t in terms if cards.get(t, (1, now))[1] <= now)


def box_counts(terms: Sequence[str], cards: Mapping[str, tuple[int, datetime]]) -> dict[int, int]:
    """How many terms sit in each box, 1 to `BOXES` (a term never seen is in box 1)."""
    counts = dict.fromkeys(range(1, BOXES + 1), 0)
    for term in terms:
        counts[cards[term][0] if term in cards else 1] += 1
    return counts
