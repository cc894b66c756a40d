"""The teacher's session cookie: the only place it is set or cleared (Streamlit scripts cannot set cookies).

    POST /api/guru/sesi    {"tiket": "..."}  -> 204, Set-Cookie (the one-time ticket from a password sign-in)
    POST /api/guru/keluar  {}                -> 204, the cookie expires and its session is revoked

The cookie holds an opaque random token (``lessonkit.auth.tokens``):
HttpOnly (no script can read it), SameSite=Strict, Path=/, Secure when the
page came over https (directly or through a proxy that says so in
``X-Forwarded-Proto``). Both routes accept only same-origin JSON requests:
the browser's ``Sec-Fetch-Site`` must say ``same-origin`` or, where it is
missing, ``Origin`` must match the host; a JSON body cannot be sent
cross-site without a CORS preflight, which this server never grants.
`ticket_route` and `forget_route` serve the student's device cookie too (``server/student_device.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lessonkit.auth.tokens import COOKIE_NAME, SESSION_LIFETIME

TICKET_PATH = "/api/guru/sesi"
SIGN_OUT_PATH = "/api/guru/keluar"
MAX_BODY = 1024


def same_origin(headers) -> bool:
    """Whether a request comes from a page of this app (CSRF check)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = headers.get("origin")
    if not origin:
        return False
    hosts = {h.strip().lower() for h in (headers.get("host"), headers.get("x-forwarded-host")) if h}
    return urlsplit(origin).netloc.lower() in hosts


def is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


async def _json_body(request: Request) -> dict | None:
    if not request.headers.get("content-type", "").startswith("application/json"):
        return None
    body = await request.body()
    if len(body) > MAX_BODY:
        return None
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _no_store():
    return None


_source: Callable[[], object] = _no_store  # until `use_store`: answered as while the database is down


def use_store(source: Callable[[], object]) -> None:
    """Where these routes (and ``student_device``'s) find the store: ``app.py`` gives the pages' shared one
    (``ui.data.store``), so this HTTP layer never imports the pages."""
    global _source
    _source = source


def _store():
    return _source()


def _redeem(ticket: str) -> str | None:
    from lessonkit.storage import StorageError

    store = _store()
    if store is None:
        raise StorageError("database unavailable")
    return store.redeem_ticket(ticket)


def _revoke(token: str | None) -> None:
    store = _store()
    if store is not None and token:
        store.revoke_token(token)


def _cookie(request: Request, response: Response, name: str, token: str | None, lifetime: timedelta) -> Response:
    options = {"path": "/", "secure": is_https(request), "httponly": True, "samesite": "strict"}
    if token is None:
        response.delete_cookie(name, **options)
    else:
        response.set_cookie(name, token, max_age=int(lifetime.total_seconds()), **options)
    return response


def ticket_route(path: str, redeem: Callable[[str], str | None], cookie: str, lifetime: timedelta) -> Route:
    """``POST {"tiket": ...}``: a same-origin JSON request trades a one-time ticket for the HttpOnly cookie."""

    async def trade(request: Request) -> Response:
        from lessonkit.storage import StorageError

        if not same_origin(request.headers):
            return Response(status_code=403)
        body = await _json_body(request)
        if body is None or not isinstance(body.get("tiket"), str):
            return Response(status_code=400)
        try:
            token = await run_in_threadpool(redeem, body["tiket"])
        except StorageError:
            return Response(status_code=503)
        if token is None:
            return Response(status_code=401)
        return _cookie(request, Response(status_code=204, headers={"Cache-Control": "no-store"}), cookie, token,
                       lifetime)

    return Route(path, trade, methods=["POST"])


def forget_route(path: str, revoke: Callable[[str | None], None], cookie: str) -> Route:
    """``POST {}``: a same-origin JSON request revokes the cookie's token and expires the cookie."""

    async def forget(request: Request) -> Response:
        from lessonkit.storage import StorageError

        if not same_origin(request.headers):
            return Response(status_code=403)
        if await _json_body(request) is None:
            return Response(status_code=400)
        try:
            await run_in_threadpool(revoke, request.cookies.get(cookie))
        except StorageError:
            pass  # the cookie is cleared anyway; the script already revoked what it could
        return _cookie(request, Response(status_code=204, headers={"Cache-Control": "no-store"}), cookie, None,
                       timedelta(0))

    return Route(path, forget, methods=["POST"])


def routes() -> list[Route]:
    return [ticket_route(TICKET_PATH, _redeem, COOKIE_NAME, SESSION_LIFETIME),
            forget_route(SIGN_OUT_PATH, _revoke, COOKIE_NAME)]
