"""The cookie that remembers a student on this device: the only place it is set or cleared.

    POST /api/siswa/perangkat  {"tiket": "..."}  -> 204, Set-Cookie (the one-time ticket from saving or resuming)
    POST /api/siswa/keluar     {}                -> 204, the cookie expires and this device forgets the student

Like the teacher's session cookie (``server/teacher_session.py``, whose route factories and checks these routes
share) it holds an opaque random token, never the resume code: HttpOnly, SameSite=Strict, Path=/, Secure over
https, same-origin JSON requests only. Its name differs from the teacher's, so a teacher signed in on the same
browser stays separate.
"""

from __future__ import annotations

from starlette.routing import Route

from lessonkit.auth.tokens import DEVICE_LIFETIME, STUDENT_COOKIE
from server import teacher_session

TICKET_PATH = "/api/siswa/perangkat"
FORGET_PATH = "/api/siswa/keluar"


def _redeem(ticket: str) -> str | None:
    from lessonkit.storage import StorageError

    store = teacher_session._store()
    if store is None:
        raise StorageError("database unavailable")
    return store.redeem_device_ticket(ticket)


def _forget(token: str | None) -> None:
    store = teacher_session._store()
    if store is not None and token:
        store.forget_device(token)


def routes() -> list[Route]:
    return [teacher_session.ticket_route(TICKET_PATH, _redeem, STUDENT_COOKIE, DEVICE_LIFETIME),
            teacher_session.forget_route(FORGET_PATH, _forget, STUDENT_COOKIE)]
