"""School-wide settings kept in the database by name (the school's time zone, ``lessonkit.rules.school_time``)."""

from __future__ import annotations

from .common import guarded
from .models import SchoolSetting


@guarded
class SettingRecords:
    def school_setting(self, name: str) -> str | None:
        with self._session() as session:
            row = session.get(SchoolSetting, name)
            return row.value if row else None

    def set_school_setting(self, name: str, value: str) -> None:
        with self._session() as session, session.begin():
            row = session.get(SchoolSetting, name)
            if row is None:
                session.add(SchoolSetting(name=name, value=value))
            else:
                row.value = value
