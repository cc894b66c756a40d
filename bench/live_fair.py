"""What a simulated phone knows and does in the live benchmark, and the arithmetic of fairness (pure).

Each phone has a scripted reaction time: it taps ``reaction(n)`` seconds after *its own* screen showed the
question (phone ``n``; ten reaction times 0.5-2.75 s, so 40 phones make ten groups of four). It taps the key
with probability ``RIGHT_SHARE``, else another choice. A fair score gives every phone of one group the same
points for a right answer to the same question; ``points_spread`` is the largest difference found.

A phone recognises the question on its screen by the choice texts in its buttons (``Key``), not by the
labels' decoration (letters, shapes), and "seen" is counted from the moment the server opened the question
(``seen_delays``: the server's ``opened_at`` and the phone's ``time.time()`` share the machine's clock).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

REACTIONS = tuple(0.5 + 0.25 * step for step in range(10))  # seconds after the phone saw the question
RIGHT_SHARE = 0.8


def reaction(phone: int) -> float:
    """Phone ``phone``'s scripted reaction time (seconds from its screen showing the question to its tap)."""
    return REACTIONS[phone % len(REACTIONS)]


@dataclass(frozen=True)
class Key:
    """One single-choice question of the session: its number, its choices in display order, the right one."""

    number: int
    choices: tuple[str, ...]
    right: int


def _button_for(labels: Sequence[str], text: str) -> str | None:
    return next((label for label in labels if label.strip().endswith(text.strip())), None)


def question_on(labels: Sequence[str], keys: Iterable[Key]) -> Key | None:
    """The question whose every choice is a button among ``labels`` (None: no question on screen)."""
    return next((key for key in keys if all(_button_for(labels, text) for text in key.choices)), None)


def pick(labels: Sequence[str], key: Key, right: bool, rng: random.Random) -> str:
    """The label to tap: the key's button, or one of the other choices'."""
    if right:
        index = key.right
    else:
        index = rng.choice([i for i in range(len(key.choices)) if i != key.right])
    return _button_for(labels, key.choices[index])


def seen_delays(seen: Iterable[tuple[int, float]], opened: Mapping[int, float]) -> list[float]:
    """Seconds from the server's open of question ``number`` to a phone having it, for each ``(number, at)``
    (a question whose open was never read is left out)."""
    return [at - opened[number] for number, at in seen if number in opened]


def points_spread(answers: Iterable[tuple[int, float, int]]) -> tuple[int | None, int]:
    """Largest max - min points within one (question, reaction time) among right answers ``(question,
    reaction, points)``, and how many such groups had at least two answers (None when none had)."""
    groups: dict[tuple[int, float], list[int]] = {}
    for question, seconds, points in answers:
        groups.setdefault((question, seconds), []).append(points)
    spreads = [max(p) - min(p) for p in groups.values() if len(p) > 1]
    return (max(spreads) if spreads else None), len(spreads)


def right_answers(stored: Iterable[tuple[int, int, float, int]], reactions: Mapping[int, float]) \
        -> list[tuple[int, float, int]]:
    """``(question, reaction, points)`` of the fully right answers among ``(seat, question, score, points)``,
    with each seat's scripted reaction time (seats the benchmark did not script are left out)."""
    return [(question, reactions[seat], points) for seat, question, score, points in stored
            if score >= 1 and seat in reactions]
