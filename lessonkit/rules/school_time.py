"""The school's time zone: times are stored in UTC and shown in the school's zone, always with its name.

Indonesia's three zones are offered (WIB, WITA, WIT); the school's choice is a setting in the database
(``Store.school_setting(ZONE_SETTING)``, chosen by a teacher on Kelas Saya), Asia/Jakarta until then.
Stored moments are either seconds since the epoch (exam windows, attempts, live seats) or naive UTC
datetimes (joins, answers, live sessions); both are accepted. Nothing here reads the server's own clock zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
ZONE_NAMES = {"Asia/Jakarta": "WIB (Waktu Indonesia Barat, UTC+7)",
              "Asia/Makassar": "WITA (Waktu Indonesia Tengah, UTC+8)",
              "Asia/Jayapura": "WIT (Waktu Indonesia Timur, UTC+9)"}
DEFAULT_ZONE = "Asia/Jakarta"
ZONE_SETTING = "zona_waktu"
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def known(zone: str | None) -> str:
    """``zone`` if it is one of the school zones offered, else the default."""
    return zone if zone in ZONES else DEFAULT_ZONE


def local(moment: float | datetime, zone: str) -> datetime:
    """A stored moment (epoch seconds, or a naive UTC datetime) in the school's zone."""
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    else:
        aware = datetime.fromtimestamp(moment, UTC)
    return aware.astimezone(ZoneInfo(known(zone)))


def long_text(moment: float | datetime, zone: str) -> str:
    """"Senin, 7 Desember 2026 pukul 19.33 WIB"."""
    at = local(moment, zone)
    return f"{DAYS[at.weekday()]}, {at.day} {MONTHS[at.month - 1]} {at.year} pukul {at:%H.%M} {ZONES[known(zone)]}"


def short_text(moment: float | datetime, zone: str) -> str:
    """"07-12-2026 19.33 WIB"."""
    return f"{local(moment, zone):%d-%m-%Y %H.%M} {ZONES[known(zone)]}"


def naive_local(moment: float | datetime, zone: str) -> datetime:
    """The local wall-clock time without zone (for a chart axis whose title names the zone)."""
    return local(moment, zone).replace(tzinfo=None)


def seconds(day: date, at: time, zone: str) -> float:
    """A date and a time on the school's clock (the teacher's form) as epoch seconds."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(known(zone))).timestamp()


def now_local(zone: str) -> datetime:
    """Now on the school's clock, naive (the default of the teacher's date and time inputs)."""
    return datetime.now(ZoneInfo(known(zone))).replace(tzinfo=None)
