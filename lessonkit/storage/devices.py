"""Devices that remember a student: a one-time ticket traded for an HttpOnly cookie token, looked up on every visit.

Only SHA-256 hashes of the ticket and the token are kept (like teacher sessions, ``teachers.py``), so a copy of
the database cannot be replayed as a cookie. The resume code stays the way to move to another device; "Keluar"
revokes only this device's token.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from ..auth.tokens import DEVICE_LIFETIME, TICKET_LIFETIME, new_token, token_hash, well_formed
from .common import guarded, student_info, utcnow
from .models import Student, StudentDevice


@guarded
class DeviceRecords:
    def device_ticket(self, student_id: int, now: datetime | None = None) -> str:
        """A one-time ticket the browser trades (``redeem_device_ticket``) for the cookie that remembers the student."""
        now = now or utcnow()
        ticket = new_token()
        with self._session() as session, session.begin():
            session.add(StudentDevice(student_id=student_id, ticket_hash=token_hash(ticket), created_at=now,
                                      expires_at=now + DEVICE_LIFETIME))
        return ticket

    def redeem_device_ticket(self, ticket: str, now: datetime | None = None) -> str | None:
        """The cookie token for a fresh, unused ticket (None if unknown, used or stale)."""
        if not well_formed(ticket):
            return None
        now = now or utcnow()
        token = new_token()
        with self._session() as session, session.begin():
            done = session.execute(
                update(StudentDevice)
                .where(StudentDevice.ticket_hash == token_hash(ticket), StudentDevice.revoked_at.is_(None),
                       StudentDevice.created_at > now - TICKET_LIFETIME)
                .values(ticket_hash=None, token_hash=token_hash(token)))
            return token if done.rowcount == 1 else None

    def student_for_device(self, token: str | None, now: datetime | None = None):
        """The student (`StudentInfo`) this device's cookie token remembers, if it is live."""
        if not well_formed(token):
            return None
        with self._session() as session:
            row = session.scalar(select(Student).join(StudentDevice, StudentDevice.student_id == Student.id)
                                 .where(StudentDevice.token_hash == token_hash(token),
                                        StudentDevice.revoked_at.is_(None),
                                        StudentDevice.expires_at > (now or utcnow())))
            return student_info(row) if row else None

    def forget_device(self, token: str | None, now: datetime | None = None) -> None:
        """This device no longer remembers its student (the student's data stays)."""
        if not well_formed(token):
            return
        with self._session() as session, session.begin():
            session.execute(update(StudentDevice).where(StudentDevice.token_hash == token_hash(token),
                                                        StudentDevice.revoked_at.is_(None))
                            .values(revoked_at=now or utcnow()))
