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


def _mixed(count: int, rng: random.Random) -> tuple[int, ...]:
    order = list(range(count))
    while count > 1 and order == sorted(order):
        rng.shuffle(order)
    return tuple(order)


def _order(item: Item, rng: random.Random, shuffle_options: bool) -> tuple[int, ...]:
    q = item.question
    if q.type in ("single", "multiple"):
        count = len(q.options)
        return _mixed(count, rng) if shuffle_options else tuple(range(count))
    if q.type == "ordering":
        return _mixed(len(q.items), rng)
    if q.type == "matching":
        return _mixed(len(q.rights), rng)
    return ()


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
