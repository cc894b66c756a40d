"""The signed-in teacher on Streamlit pages: who it is, the sign-in form, sign-out, and the guard for teacher pages.

For a teacher page::

    from ui.teacher.signin import require_teacher

    teacher = require_teacher()                  # nobody signed in: the sign-in form, then st.stop()
    classes = data.store().classes(teacher.id)   # every teacher-side store call takes teacher.id

Who is signed in is decided on the server on every run, from (a) the session
this Streamlit session opened with a password, (b) the HttpOnly cookie the
browser sent when it connected (``st.context.cookies``; set and cleared only
by ``server/teacher_session.py``), or (c) an OpenID Connect account
(``st.user``) whose verified email is on the teacher list, only while
``[auth] cookie_secret`` is a real secret (``lessonkit.auth.declared``). A revoked or expired
session stops working on the next rerun. Nothing is read from the URL.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import TYPE_CHECKING

import streamlit as st

from lessonkit.auth.declared import oidc_problem, oidc_providers, parse
from lessonkit.auth.lockout import minutes_left
from lessonkit.auth.throttle import SignInGate, client_key
from lessonkit.auth.tokens import COOKIE_NAME
from ui import cookie_request, data, flash
from ui.app_secrets import secret
from ui.text import plain

if TYPE_CHECKING:
    from lessonkit.storage import Store, TeacherInfo

log = logging.getLogger(__name__)
SESSION = "teacher_session_id"
PENDING = "teacher_cookie_request"
MESSAGE = "teacher_sign_in_message"
NO_TEACHER = ("Belum ada akun guru. Akun guru dibuat di komputer server (tidak bisa dari halaman ini) dengan "
              "perintah `python -m lessonkit guru tambah`; lihat README bagian *Untuk guru: masuk dan kelas*.")
WRONG = "Nama pengguna atau kata sandi salah."
STORAGE_DOWN = "Penyimpanan sedang tidak bisa dipakai, jadi guru belum bisa masuk. Coba lagi nanti."
BUSY = "Sedang banyak percobaan masuk. Coba lagi sebentar."
_gate = SignInGate()  # password checks of this process (lessonkit.auth.throttle)


def providers() -> list[str | None]:
    """The OpenID Connect providers configured in ``[auth]`` (empty: only passwords)."""
    return oidc_providers(secret("auth"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _sync_declared(store_id: int, declared_json: str) -> None:
    store = data.store()
    teachers, problems = parse(json.loads(declared_json))
    problems += store.sync_declared_teachers(teachers)
    for problem in problems:
        log.warning("secrets.toml: %s", problem)


def _store() -> Store | None:
    """The store with the teachers of ``secrets.toml`` brought in (once per change of the file)."""
    store = data.store()
    if store is None:
        return None
    section = secret("guru")
    declared = {k: dict(v) if hasattr(v, "items") else v for k, v in (section or {}).items()}

    def synced() -> Store:
        _sync_declared(id(store), json.dumps(declared, sort_keys=True, default=str))
        return store

    return flash.guard(synced)


def current() -> TeacherInfo | None:
    """The signed-in teacher, or None. Costs nothing for a student (no cookie, no session, no account)."""
    session_id = st.session_state.get(SESSION)
    token = st.context.cookies.get(COOKIE_NAME)
    token = token if isinstance(token, str) else None  # AppTest has no cookies (a mock object)
    oidc = bool(providers()) and st.user.is_logged_in
    if session_id is None and not token and not oidc:
        return None
    store = _store()
    return None if store is None else flash.guard(_teacher_of, store, session_id, token, oidc)


def _teacher_of(store: Store, session_id: str | None, token: str | None, oidc: bool) -> TeacherInfo | None:
    """The teacher of this browser session, of the session cookie, or of the school account, in that order."""
    if session_id is not None:
        teacher = store.teacher_for_session(session_id)
        if teacher is not None:
            return teacher
        st.session_state.pop(SESSION, None)
    if token:
        found = store.teacher_for_token(token)
        if found is not None:
            st.session_state[SESSION] = found[1]
            return found[0]
    if oidc and st.user.get("email_verified") is True:
        return store.teacher_for_email(st.user.get("email"))
    return None


def require_teacher() -> TeacherInfo:
    """The signed-in teacher; when nobody is signed in, show the sign-in form and stop the page (no data)."""
    teacher = current()
    if teacher is None:
        st.info("Halaman ini khusus guru. Masuk dulu untuk melanjutkan.")
        sign_in_form()
        st.stop()
    return teacher


def teacher_action(callback):
    """Wrap a widget callback so it runs only for the teacher signed in *now*, passed as its first argument.

    Callbacks run before the next rerun; checking again there means a
    session revoked in between (sign-out in another tab) changes nothing.
    """

    @functools.wraps(callback)
    def run(*args, **kwargs):
        teacher = current()
        if teacher is not None:
            callback(teacher, *args, **kwargs)

    return run


# -- signing in and out -----------------------------------------------------------------------------------------------

def _sign_in() -> None:
    from lessonkit.storage import SignInStatus

    username = st.session_state.get("teacher_username", "")
    password = st.session_state.get("teacher_password", "")
    st.session_state["teacher_password"] = ""
    store = _store()
    if store is None:
        st.session_state[MESSAGE] = STORAGE_DOWN
        return
    client = client_key(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))
    result = flash.guard(store.sign_in, username, password, client=client, gate=_gate)
    if result is None:
        st.session_state[MESSAGE] = STORAGE_DOWN
        return
    if result.status is SignInStatus.OK:
        st.session_state[SESSION] = result.session_id
        st.session_state[PENDING] = {"id": result.session_id, "url": "/api/guru/sesi",
                                     "body": {"tiket": result.ticket}}
        st.session_state.pop("teacher_username", None)
    elif result.status is SignInStatus.LOCKED:
        from lessonkit.storage.common import utcnow

        minutes = minutes_left(result.locked_until, utcnow())
        st.session_state[MESSAGE] = ("Terlalu banyak percobaan yang salah dari perangkat ini. Akun ini dikunci "
                                     f"sementara; coba lagi dalam {minutes} menit.")
    elif result.status is SignInStatus.BUSY:
        st.session_state[MESSAGE] = BUSY
    else:
        st.session_state[MESSAGE] = WRONG


def sign_out() -> None:
    """End the session in the database now, and ask the browser to drop the cookie."""
    session_id = st.session_state.pop(SESSION, None)
    store = data.store()
    if store is not None and session_id is not None:
        flash.guard(store.revoke_session, session_id)
    st.session_state[PENDING] = {"id": f"keluar-{session_id}", "url": "/api/guru/keluar", "body": {}}
    if providers() and st.user.is_logged_in:
        st.logout()


def sync_cookie() -> None:
    """Let the browser set or clear the session cookie after a sign-in or sign-out (a tiny fetch, no reload)."""
    cookie_request.send(PENDING)


def sign_in_form() -> None:
    """The sign-in form: username and password, and the school account when OpenID Connect is configured."""
    store = _store()
    if store is None:
        st.error(STORAGE_DOWN)
        return
    any_teacher = flash.guard(store.has_teachers)
    if any_teacher is None:
        st.error(STORAGE_DOWN)
        return
    if not any_teacher:
        st.info(NO_TEACHER)
        return
    with st.form("teacher_sign_in", enter_to_submit=False, width=420):
        st.text_input("Nama pengguna", key="teacher_username", max_chars=40, autocomplete="username")
        st.text_input("Kata sandi", key="teacher_password", type="password", max_chars=256,
                      autocomplete="current-password")
        if message := st.session_state.pop(MESSAGE, None):
            st.error(message)
        st.form_submit_button("Masuk", type="primary", on_click=_sign_in)
    _school_account(store)


def _school_account(store: Store) -> None:
    configured = providers()
    if not configured:
        if problem := oidc_problem(secret("auth")):
            st.error(problem)
        return
    if st.user.is_logged_in:
        email = st.user.get("email") or ""
        st.warning(f"Akun {plain(email)} belum terdaftar sebagai guru di aplikasi ini. Minta pengelola server "
                   "menambahkannya dengan `python -m lessonkit guru tambah --email ALAMAT`.")
        st.button("Keluar dari akun sekolah", on_click=st.logout)
        return
    st.caption("Atau masuk dengan akun sekolah (hanya email yang terdaftar sebagai guru):")
    for provider in configured:
        label = "Masuk dengan akun sekolah" if provider is None else f"Masuk dengan {provider}"
        st.button(label, key=f"oidc_{provider}", on_click=st.login, args=(provider,) if provider else ())


def panel(teacher: TeacherInfo | None) -> None:
    """The sidebar for a signed-in teacher (who, and Keluar) and the cookie request after signing in or out."""
    sync_cookie()
    if teacher is None:
        return
    with st.sidebar:
        st.caption(f"Masuk sebagai guru: {plain(teacher.display_name)}")
        st.button("Keluar (guru)", key="teacher_sign_out", on_click=sign_out, type="tertiary")
