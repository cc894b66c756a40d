"""Problems found in teacher-edited files, and how they are printed.

Every loader in lessonkit reports what is wrong as `Problem` values instead of
raising, so that one broken file never hides the problems of another and the
app can keep showing everything that did load.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as ``FILE:LINE: id: field: message``."""

    file: str
    line: int
    item_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.item_id or '-'}: {self.field or '-'}: {self.message}"


class ContentError(Exception):
    """Raised by strict loaders; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
