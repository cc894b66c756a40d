"""Edit distance for spelling slips and the typos a word's length allows."""

from __future__ import annotations

import pytest

from lessonkit.rules.spelling import edit_distance, typos_allowed


@pytest.mark.parametrize(("a", "b", "distance"), [("okupasionl", "okupasional", 1), ("ab", "ba", 1),
                                                  ("", "abc", 3), ("kitten", "sitting", 3), ("sama", "sama", 0)])
def test_edit_distance_counts_added_dropped_changed_and_swapped_letters(a, b, distance):
    assert edit_distance(a, b) == distance


def test_typos_allowed_takes_the_first_step_a_length_reaches():
    steps = ((12, 2), (6, 1))
    assert [typos_allowed(n, steps) for n in (3, 6, 11, 12, 20)] == [0, 1, 1, 2, 2]
