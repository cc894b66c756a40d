"""Teacher accounts, sign-in with lockout, and sessions: the `Store` methods behind the teacher area.

Failed attempts are rows in the database (per account and client), so every
server process counts the same ones. A successful sign-in opens a session row that first holds the
hash of a one-time ticket; the browser trades the ticket (``redeem_ticket``,
within two minutes) for the cookie token, whose hash replaces it. Sessions
end at their expiry, on sign-out, on a password reset and on deactivation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..auth.declared import DeclaredTeacher, clean_display_name, normal_email, normal_username
from ..auth.lockout import KEEP, locked_until
from ..auth.passwords import hash_password, needs_rehash, verify_password
from ..auth.throttle import SignInGate
from ..auth.tokens import SESSION_LIFETIME, TICKET_LIFETIME, new_token, token_hash, well_formed
from .common import guarded, utcnow
from .models import SignInFailure, Teacher, TeacherSession

log = logging.getLogger(__name__)
SOURCE_CLI, SOURCE_SECRETS = "cli", "secrets"
CLIENT_MAX = 64  # sign_in_failures.client


class TeacherExists(ValueError):
    """A teacher with that username or email is already on the list."""


@dataclass(frozen=True)
class TeacherInfo:
    id: int
    username: str | None
    email: str | None
    display_name: str
    active: bool
    source: str
    has_password: bool
    created_at: datetime
    last_sign_in_at: datetime | None


class SignInStatus(StrEnum):
    OK = "ok"
    WRONG = "salah"
    LOCKED = "terkunci"
    BUSY = "sibuk"  # past the process's or the client's sign-in limits: try again in a moment


@dataclass(frozen=True)
class SignInResult:
    status: SignInStatus
    teacher: TeacherInfo | None = None
    session_id: int | None = None
    ticket: str | None = None
    locked_until: datetime | None = None


def _info(row: Teacher) -> TeacherInfo:
    return TeacherInfo(row.id, row.username, row.email, row.display_name, row.active, row.source,
                       row.password_hash is not None, row.created_at, row.last_sign_in_at)


def _by_login(login: str):
    login = (login or "").strip().lower()
    return or_(Teacher.username == login, Teacher.email == login)


@guarded
class TeacherRecords:
    """Mixed into `Store`, which provides ``_session()``."""

    # -- the teacher list (CLI and secrets) ----------------------------------------------------------------------

    def add_teacher(self, display_name: str, *, username: str | None = None, email: str | None = None,
                    password_hash: str | None = None, source: str = SOURCE_CLI,
                    now: datetime | None = None) -> TeacherInfo:
        """Put a teacher on the list; raises `TeacherExists` if the username or email is taken."""
        username = normal_username(username or "") or None
        email = normal_email(email or "") or None
        if username is None and email is None:
            raise ValueError("nama pengguna atau email wajib diisi")
        row = Teacher(username=username, email=email, display_name=clean_display_name(display_name) or username
                      or email, password_hash=password_hash, active=True, source=source,
                      created_at=now or utcnow())
        try:
            with self._session() as session, session.begin():
                session.add(row)
        except IntegrityError as exc:
            raise TeacherExists(username or email) from exc
        return _info(row)

    def teachers(self) -> list[TeacherInfo]:
        with self._session() as session:
            return [_info(r) for r in session.scalars(select(Teacher).order_by(Teacher.display_name, Teacher.id))]

    def teacher(self, login: str) -> TeacherInfo | None:
        """A teacher by username or email (active or not)."""
        with self._session() as session:
            row = session.scalar(select(Teacher).where(_by_login(login)))
            return _info(row) if row else None

    def has_teachers(self) -> bool:
        """Whether anyone can sign in at all (an active teacher exists)."""
        with self._session() as session:
            return bool(session.scalar(select(func.count()).select_from(Teacher).where(Teacher.active)))

    def set_password(self, login: str, password_hash: str, now: datetime | None = None) -> bool:
        """Reset a password: clears the failed attempts and ends every session of that teacher."""
        with self._session() as session, session.begin():
            row = session.scalar(select(Teacher).where(_by_login(login)))
            if row is None:
                return False
            row.password_hash = password_hash
            session.execute(delete(SignInFailure).where(SignInFailure.teacher_id == row.id))
            _revoke_all(session, row.id, now or utcnow())
            return True

    def set_teacher_active(self, login: str, active: bool, now: datetime | None = None) -> bool:
        """(De)activate a teacher; deactivating ends every session at once. Classes and data stay."""
        with self._session() as session, session.begin():
            row = session.scalar(select(Teacher).where(_by_login(login)))
            if row is None:
                return False
            row.active = active
            if not active:
                _revoke_all(session, row.id, now or utcnow())
            return True

    def sync_declared_teachers(self, declared: list[DeclaredTeacher], now: datetime | None = None) -> list[str]:
        """Make the teachers from ``secrets.toml`` match the list; returns messages about entries left alone.

        A username or email already made with the CLI keeps the CLI account;
        a declared teacher removed from the file is deactivated.
        """
        now = now or utcnow()
        problems = []
        with self._session() as session, session.begin():
            mine = {r.username: r for r in session.scalars(select(Teacher).where(Teacher.source == SOURCE_SECRETS))}
            for entry in declared:
                row = mine.pop(entry.username, None)
                same = [Teacher.username == entry.username] + ([Teacher.email == entry.email] if entry.email else [])
                clash = session.scalar(select(Teacher).where(Teacher.source != SOURCE_SECRETS, or_(*same)))
                if clash is not None:
                    problems.append(f"[guru.{entry.username}]: sudah ada guru dengan nama pengguna atau email itu "
                                    "(dibuat lewat perintah); entri ini dilewati.")
                    continue
                if row is None:
                    row = Teacher(username=entry.username, source=SOURCE_SECRETS, created_at=now)
                    session.add(row)
                elif row.password_hash != entry.password_hash:
                    _revoke_all(session, row.id, now)
                row.display_name, row.email, row.password_hash = entry.display_name, entry.email, entry.password_hash
                row.active = True
            for row in mine.values():
                if row.active:
                    row.active = False
                    _revoke_all(session, row.id, now)
        return problems

    # -- signing in ------------------------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str, now: datetime | None = None, *, client: str = "",
                gate: SignInGate | None = None) -> SignInResult:
        """Check a username and password, counting failures per account and client (``lessonkit.auth.lockout``).

        With a ``gate`` (``lessonkit.auth.throttle``) an attempt past its limits is `SignInStatus.BUSY` at once.
        The lock check and the record of the attempt are one transaction holding the teacher's row (PostgreSQL
        ``FOR UPDATE``; SQLite ``BEGIN IMMEDIATE``): the attempt is recorded as a failure before the password
        is checked, so concurrent attempts all count and none past the limit is checked.
        """
        if gate is None:
            return self._sign_in(username, password, now or utcnow(), client)
        with gate.attempt(client) as admitted:
            if not admitted:
                return SignInResult(SignInStatus.BUSY)
            return self._sign_in(username, password, now or utcnow(), client)

    def _sign_in(self, username: str, password: str, now: datetime, client: str) -> SignInResult:
        client = client[:CLIENT_MAX]
        with self._session() as session, session.begin():
            if self.engine.dialect.name == "sqlite":
                session.execute(text("BEGIN IMMEDIATE"))
            row = session.scalar(select(Teacher).where(Teacher.username == normal_username(username),
                                                       Teacher.active, Teacher.password_hash.is_not(None))
                                 .with_for_update())
            if row is not None:
                teacher_id, stored_hash, source = row.id, row.password_hash, row.source
                failures = _failures(session, teacher_id, client, now)
                until = locked_until(failures, now)
                if until is not None:
                    return SignInResult(SignInStatus.LOCKED, locked_until=until)
                session.execute(delete(SignInFailure).where(SignInFailure.teacher_id == teacher_id,
                                                            SignInFailure.at < now - KEEP))
                session.add(SignInFailure(teacher_id=teacher_id, client=client, at=now))
        if row is None:
            verify_password(None, password)  # same work as for a real account
            return SignInResult(SignInStatus.WRONG)
        if not verify_password(stored_hash, password):
            until = locked_until([*failures, now], now)
            return SignInResult(SignInStatus.LOCKED, locked_until=until) if until else SignInResult(SignInStatus.WRONG)
        ticket = new_token()
        with self._session() as session, session.begin():
            teacher = session.get(Teacher, teacher_id)
            if source == SOURCE_CLI and needs_rehash(stored_hash):
                teacher.password_hash = hash_password(password)
            teacher.last_sign_in_at = now
            session.execute(delete(SignInFailure).where(SignInFailure.teacher_id == teacher_id,
                                                        SignInFailure.client == client))
            session.execute(delete(TeacherSession).where(TeacherSession.expires_at < now - timedelta(days=1)))
            opened = TeacherSession(teacher_id=teacher_id, ticket_hash=token_hash(ticket), created_at=now,
                                    expires_at=now + SESSION_LIFETIME)
            session.add(opened)
            session.flush()
            return SignInResult(SignInStatus.OK, _info(teacher), opened.id, ticket)

    def unlock_teacher(self, login: str) -> bool:
        """Forget every failed sign-in of a teacher (``guru buka``): no client waits any more."""
        with self._session() as session, session.begin():
            row = session.scalar(select(Teacher).where(_by_login(login)))
            if row is None:
                return False
            session.execute(delete(SignInFailure).where(SignInFailure.teacher_id == row.id))
            return True

    def redeem_ticket(self, ticket: str, now: datetime | None = None) -> str | None:
        """Trade a fresh one-time ticket for the session's cookie token (None if unknown, used or stale)."""
        if not well_formed(ticket):
            return None
        now = now or utcnow()
        token = new_token()
        with self._session() as session, session.begin():
            live = select(Teacher.id).where(Teacher.active)
            done = session.execute(
                update(TeacherSession)
                .where(TeacherSession.ticket_hash == token_hash(ticket), TeacherSession.revoked_at.is_(None),
                       TeacherSession.created_at > now - TICKET_LIFETIME, TeacherSession.expires_at > now,
                       TeacherSession.teacher_id.in_(live))
                .values(ticket_hash=None, token_hash=token_hash(token)))
            return token if done.rowcount == 1 else None

    def teacher_for_token(self, token: str | None, now: datetime | None = None) -> tuple[TeacherInfo, int] | None:
        """The teacher and session id behind a cookie token, if the session is live and the teacher active."""
        if not well_formed(token):
            return None
        with self._session() as session:
            found = session.execute(_live(now).where(TeacherSession.token_hash == token_hash(token))).first()
            return (_info(found[0]), found[1]) if found else None

    def teacher_for_session(self, session_id: int, now: datetime | None = None) -> TeacherInfo | None:
        with self._session() as session:
            found = session.execute(_live(now).where(TeacherSession.id == session_id)).first()
            return _info(found[0]) if found else None

    def teacher_for_email(self, email: str | None) -> TeacherInfo | None:
        """The active teacher with this email (for OpenID Connect sign-in), or None: the allowlist check."""
        email = normal_email(email or "")
        if not email:
            return None
        with self._session() as session:
            row = session.scalar(select(Teacher).where(Teacher.email == email, Teacher.active))
            return _info(row) if row else None

    def revoke_session(self, session_id: int, now: datetime | None = None) -> None:
        with self._session() as session, session.begin():
            session.execute(update(TeacherSession).where(TeacherSession.id == session_id,
                                                         TeacherSession.revoked_at.is_(None))
                            .values(revoked_at=now or utcnow()))

    def revoke_token(self, token: str | None, now: datetime | None = None) -> None:
        if not well_formed(token):
            return
        with self._session() as session, session.begin():
            session.execute(update(TeacherSession).where(TeacherSession.token_hash == token_hash(token),
                                                         TeacherSession.revoked_at.is_(None))
                            .values(revoked_at=now or utcnow()))


def _failures(session: Session, teacher_id: int, client: str, now: datetime) -> list[datetime]:
    return list(session.scalars(select(SignInFailure.at).where(SignInFailure.teacher_id == teacher_id,
                                                               SignInFailure.client == client,
                                                               SignInFailure.at > now - KEEP)))


def _live(now: datetime | None):
    now = now or utcnow()
    return (select(Teacher, TeacherSession.id).join(TeacherSession, TeacherSession.teacher_id == Teacher.id)
            .where(Teacher.active, TeacherSession.revoked_at.is_(None), TeacherSession.expires_at > now))


def _revoke_all(session: Session, teacher_id: int, now: datetime) -> None:
    session.execute(update(TeacherSession).where(TeacherSession.teacher_id == teacher_id,
                                                 TeacherSession.revoked_at.is_(None)).values(revoked_at=now))
