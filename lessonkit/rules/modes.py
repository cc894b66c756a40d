"""Where an answer was given: in practice or in an exam (the value is the word stored and exported).

Its own module, free of heavy imports: the storage layer uses it, and ``python -m lessonkit guru`` must not
load pandas.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    PRACTICE = "latihan"
    EXAM = "ujian"
