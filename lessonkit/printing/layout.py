"""The printed order of a worksheet: which question gets which number, and in what order
its options, items and right-hand choices appear. Worksheet and answer key both call
`layout`, so the letters in the key are the letters on the sheet.

Questions sharing a stimulus stay together (one block, printed under their text). Without
a packet, questions keep the bank's order; ordering items and matching choices are still
mixed (their file order is the answer). Paket A and Paket B shuffle blocks and options
with a fixed seed, so printing again gives the same packets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..exchange.selection import Item, Selection
from ..quiz.types import module_of, of_type

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Printed:
    number: int
    item: Item
    order: tuple[int, ...] = ()  # options (single/multiple), items (ordering), rights (matching)

    @property
    def question(self):
        return self.item.question


@dataclass(frozen=True)
class Block:
    stimulus: str | None
    questions: tuple[Printed, ...]


def _mixed(q, rng: random.Random) -> tuple[int, ...]:
    """The type's own shuffle, drawn again while it leaves the file order (which may be the answer) unchanged."""
    shuffle = module_of(q).shuffle
    order = shuffle(q, rng)
    while len(order) > 1 and order == sorted(order):
        order = shuffle(q, rng)
    return tuple(order)


def _options(q, rng: random.Random, packet: bool) -> tuple[int, ...]:
    return _mixed(q, rng) if packet else tuple(range(len(q.options)))


def _always(q, rng: random.Random, packet: bool) -> tuple[int, ...]:
    return _mixed(q, rng)


def _unordered(q, rng: random.Random, packet: bool) -> tuple[int, ...]:
    return ()


# per type: the printed order of what it shuffles (options only in packets; items and right-hand choices always,
# their file order being the answer; statements stay in file order on paper)
PAPER_ORDER = {"single": _options, "multiple": _options, "true_false": _unordered, "matching": _always,
               "ordering": _always, "short_answer": _unordered, "essay": _unordered}


def _order(item: Item, rng: random.Random, shuffle_options: bool) -> tuple[int, ...]:
    q = item.question
    return of_type(PAPER_ORDER, q.type, "printed order")(q, rng, shuffle_options)


def layout(selection: Selection, paket: str | None = None) -> list[Block]:
    groups: dict[tuple[str, str | None, int], list[Item]] = {}
    for index, item in enumerate(selection.items):
        key = (item.quiz.id, item.question.stimulus, -1) if item.question.stimulus else ("", None, index)
        groups.setdefault(key, []).append(item)
    blocks = list(groups.values())
    rng = random.Random(f"paket-{paket}" if paket else "lembar")
    if paket:
        rng.shuffle(blocks)
    printed, number = [], 1
    for items in blocks:
        rows = []
        for item in items:
            rows.append(Printed(number, item, _order(item, rng, shuffle_options=paket is not None)))
            number += 1
        printed.append(Block(items[0].stimulus, tuple(rows)))
    return printed


def letter(index: int) -> str:
    return LETTERS[index]
