"""The cookie that remembers a student on this device: the only place it is set or cleared.

    POST /api/siswa/perangkat  {"tiket": "..."}  -> 204, Set-Cookie (the one-time ticket from saving or resuming)
    POST /api/siswa/keluar     {}                -> 204, the cookie expires and this device forgets the student

Like the teacher's session cookie (``server/teacher_session.py``, whose same-origin and body checks these routes
share) it holds an opaque random token, never the resume code: HttpOnly, SameSite=Strict, Path=/, Secure over
https. Its name differs from the teacher's, so a teacher signed in on the same browser stays separate.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lessonkit.auth.tokens import DEVICE_LIFETIME, STUDENT_COOKIE
from server import teacher_session
from server.teacher_session import _json_body, is_https, same_origin

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


def _cookie(request: Request, response: Response, token: str | None) -> Response:
    options = {"path": "/", "secure": is_https(request), "httponly": True, "samesite": "strict"}
    if token is None:
        response.delete_cookie(STUDENT_COOKIE, **options)
    else:
        response.set_cookie(STUDENT_COOKIE, token, max_age=int(DEVICE_LIFETIME.total_seconds()), **options)
    return response


async def remember(request: Request) -> Response:
    from lessonkit.storage import StorageError

    if not same_origin(request.headers):
        return Response(status_code=403)
    body = await _json_body(request)
    if body is None or not isinstance(body.get("tiket"), str):
        return Response(status_code=400)
    try:
        token = await run_in_threadpool(_redeem, body["tiket"])
    except StorageError:
        return Response(status_code=503)
    if token is None:
        return Response(status_code=401)
    return _cookie(request, Response(status_code=204, headers={"Cache-Control": "no-store"}), token)


async def forget(request: Request) -> Response:
    from lessonkit.storage import StorageError

    if not same_origin(request.headers):
        return Response(status_code=403)
    if await _json_body(request) is None:
        return Response(status_code=400)
    try:
        await run_in_threadpool(_forget, request.cookies.get(STUDENT_COOKIE))
    except StorageError:
        pass  # the cookie is cleared anyway; the script already forgot the device where it could
    return _cookie(request, Response(status_code=204, headers={"Cache-Control": "no-store"}), None)


def routes() -> list[Route]:
    return [Route(TICKET_PATH, remember, methods=["POST"]), Route(FORGET_PATH, forget, methods=["POST"])]
