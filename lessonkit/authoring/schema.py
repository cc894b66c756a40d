"""Building blocks shared by every teacher-edited schema: strict models, slugs and non-empty text."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors (a typo such as ``corect:`` must not pass silently); values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def located(message: str, *at: str | int) -> PydanticCustomError:
    """A validation error about the part ``at`` of the value being validated (e.g. ``(2, "right")``).

    A validator sees a whole list or model; raising this instead of ``ValueError`` lets the checker
    report the line of the offending entry rather than the line of the list.
    """
    return PydanticCustomError("located", "{error}", {"error": message, "at": at})
