"""Rubric scales: levels must form a scale from the criterion's points down; points read with a decimal comma."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lessonkit.lesson.rubric import Criterion, level_labels, points_text

LEVELS = [{"label": "Baik", "points": 1, "descriptor": "a"}, {"label": "Cukup", "points": 0.5, "descriptor": "b"},
          {"label": "Kurang", "points": 0, "descriptor": "c"}]


def test_points_use_a_decimal_comma():
    assert (points_text(0.5), points_text(2), points_text(1.25)) == ("0,5", "2", "1,25")


def test_a_scale_whose_top_level_is_below_the_criterion_points_is_refused():
    with pytest.raises(ValidationError, match="tingkat teratas"):
        Criterion(criterion="K", points=2, levels=LEVELS)


def test_a_level_label_written_twice_is_refused():
    with pytest.raises(ValidationError, match="ditulis dua kali"):
        Criterion(criterion="K", points=1, levels=[*LEVELS[:2], {**LEVELS[2], "label": "cukup"}])


def test_level_labels_are_listed_once_in_order_of_first_use():
    rubric = [Criterion(criterion="K", points=1, levels=LEVELS),
              Criterion(criterion="L", points=2, levels=[{**LEVELS[0], "points": 2}, *LEVELS[1:]])]
    assert level_labels(rubric) == ["Baik", "Cukup", "Kurang"]
