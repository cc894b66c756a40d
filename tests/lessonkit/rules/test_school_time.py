"""The school's time zone: one stored UTC moment shows as WIB, WITA or WIT with the zone named, whatever the
server's own zone; a teacher's date and time on the school's clock become the right UTC seconds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from lessonkit.rules import school_time

MOMENT = datetime(2026, 12, 7, 12, 33)  # naive UTC, as the database keeps it
SECONDS = MOMENT.replace(tzinfo=UTC).timestamp()


@pytest.mark.parametrize(("zone", "short", "long"), [
    ("Asia/Jakarta", "07-12-2026 19.33 WIB", "Senin, 7 Desember 2026 pukul 19.33 WIB"),
    ("Asia/Makassar", "07-12-2026 20.33 WITA", "Senin, 7 Desember 2026 pukul 20.33 WITA"),
    ("Asia/Jayapura", "07-12-2026 21.33 WIT", "Senin, 7 Desember 2026 pukul 21.33 WIT"),
])
def test_one_utc_moment_shows_in_the_school_zone_with_its_name_from_seconds_or_a_datetime(zone, short, long):
    assert school_time.short_text(MOMENT, zone) == school_time.short_text(SECONDS, zone) == short
    assert school_time.long_text(SECONDS, zone) == school_time.long_text(MOMENT, zone) == long


def test_the_servers_own_zone_changes_nothing(monkeypatch):
    import time as clock

    monkeypatch.setenv("TZ", "America/New_York")
    clock.tzset()
    try:
        assert school_time.short_text(SECONDS, "Asia/Jakarta") == "07-12-2026 19.33 WIB"
        assert school_time.seconds(date(2026, 12, 7), time(19, 33), "Asia/Jakarta") == SECONDS
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()


def test_a_teachers_local_time_becomes_utc_seconds_and_an_unknown_zone_is_the_default():
    assert school_time.seconds(date(2026, 12, 7), time(20, 33), "Asia/Makassar") == SECONDS
    assert school_time.known("Europe/Berlin") == school_time.known(None) == "Asia/Jakarta"
    assert school_time.short_text(SECONDS, "Europe/Berlin").endswith("WIB")


def test_a_students_own_export_gives_its_times_in_the_school_zone_and_names_it():
    from lessonkit.lesson.progress import to_csv

    text = to_csv([{"jenis": "profil", "waktu": MOMENT, "bagian": "", "soal": "", "jawaban": "Siti", "skor": None,
                    "keterangan": ""}], "Asia/Jayapura").decode("utf-8-sig")
    assert text.splitlines()[0].startswith("jenis,waktu (WIT),") and "2026-12-07 21:33:00" in text
