"""Progress summaries from stored answers: mastery per section and the weakest sections.

Rule (also shown to students): for each section, take the last 5 graded answers
(practice and exams). No answers: Belum. Average below 50%: Mulai. 50–79%:
Cukup. 80% or more with at least 3 answers: Mahir (fewer than 3 stays Cukup).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from ..rules import school_time
from ..rules.modes import Mode
from ..rules.safe_export import csv_bytes

RECENT = 5
LEVELS = ("Belum", "Mulai", "Cukup", "Mahir")
RULE = ("Tingkat penguasaan dihitung dari 5 jawaban terakhirmu di setiap bagian (latihan dan ujian): "
        "**Belum** = belum ada jawaban; **Mulai** = rata-rata di bawah 50%; **Cukup** = 50–79%; "
        "**Mahir** = 80% atau lebih dari minimal 3 jawaban.")


@dataclass(frozen=True)
class Mastery:
    section: str
    level: str
    average: float | None
    count: int


def level_of(scores: Sequence[float]) -> str:
    if not scores:
        return "Belum"
    average = sum(scores) / len(scores)
    if average < 0.5:
        return "Mulai"
    if average >= 0.8 and len(scores) >= 3:
        return "Mahir"
    return "Cukup"


def mastery(answers: Iterable, section_ids: Sequence[str]) -> list[Mastery]:
    """Mastery of every section in lesson order, from answers sorted oldest first (essays ignored)."""
    by_section: dict[str, list[float]] = {s: [] for s in section_ids}
    for answer in answers:
        if answer.score is not None and answer.section_id in by_section:
            by_section[answer.section_id].append(answer.score)
    out = []
    for section in section_ids:
        recent = by_section[section][-RECENT:]
        average = sum(recent) / len(recent) if recent else None
        out.append(Mastery(section, level_of(recent), average, len(recent)))
    return out


def weakest(levels: Sequence[Mastery], count: int = 3) -> list[Mastery]:
    """The sections to work on next: lowest level first, then lowest average, then lesson order."""
    rank = {name: n for n, name in enumerate(LEVELS)}
    candidates = [m for m in levels if m.level != "Mahir"]
    ordered = sorted(enumerate(candidates), key=lambda p: (rank[p[1].level], p[1].average or 0.0, p[0]))
    return [m for _, m in ordered[:count]]


def history(answers: Iterable, exams: Iterable) -> pd.DataFrame:
    """Practice (averaged per day) and exam scores over time, for the history table and chart."""
    rows = [{"Waktu": datetime.fromtimestamp(e.started_at, UTC).replace(tzinfo=None), "Jenis": "Ujian",
             "Skor": e.score, "Jumlah soal": len(e.question_ids)} for e in exams]
    practice = [a for a in answers if a.mode is Mode.PRACTICE and a.score is not None]
    by_day: dict = {}
    for answer in practice:
        by_day.setdefault(answer.at.date(), []).append(answer)
    for items in by_day.values():
        rows.append({"Waktu": max(a.at for a in items), "Jenis": "Latihan",
                     "Skor": sum(a.score for a in items) / len(items), "Jumlah soal": len(items)})
    frame = pd.DataFrame(rows, columns=["Waktu", "Jenis", "Skor", "Jumlah soal"])
    return frame.sort_values("Waktu", ignore_index=True)


def to_csv(rows: list[dict], zone: str = school_time.DEFAULT_ZONE) -> bytes:
    """Rows of stored data as a UTF-8 CSV that opens in a spreadsheet (with a BOM for Excel); the stored UTC
    times in the school's zone, named in the header ("waktu (WIB)")."""
    frame = pd.DataFrame(rows, columns=["jenis", "waktu", "bagian", "soal", "jawaban", "skor", "keterangan"])
    frame["waktu"] = [school_time.naive_local(t, zone) if isinstance(t, datetime) else t for t in frame["waktu"]]
    return csv_bytes(frame.rename(columns={"waktu": f"waktu ({school_time.ZONES[school_time.known(zone)]})"}))
