"""Who is studying, without accounts: a display name, remembered on this device, and a resume code in ``?kode=``.

Once a student saves or resumes, the browser keeps an HttpOnly cookie (set and cleared only by
``server/student_device.py``) holding an opaque token, not the resume code; every page of a later visit
knows the student from it, also without ``?kode=``. "Bukan kamu? Keluar" makes this device forget the
student (the data stays; the resume code brings it back, here or on another device). The teacher's
sign-in uses another cookie, so the two stay separate on one browser.

The code is only a key into the database; nothing is decoded from the URL,
and a value that does not have the shape of a code is refused before the
database is asked. A code in a link that leads nowhere (an old link, a typo)
is dropped from the address and the page says so (`notices`). Right after
"Mulai menyimpan" the new code and its QR stand at the top of every page
until the student confirms having kept them. Without a name the app still works, and says that nothing
is saved. While the database cannot be used the lesson goes on without saving;
nothing about that is remembered in the session, so saving resumes by itself
when the database is back. A class code typed with the name joins that class
(``ui.classroom``); an unknown or closed code saves nothing and keeps what was typed.
"""

from __future__ import annotations

import io
import time
from typing import TYPE_CHECKING

import segno
import streamlit as st

from lessonkit.auth.tokens import STUDENT_COOKIE
from lessonkit.rules.limits import CODE_MAX, JOIN_CODE_INPUT_MAX, STUDENT_NAME_MAX, is_resume_code
from ui import cookie_request, data, flash
from ui.flash import saved as save  # the pages' name for a student's save
from ui.text import plain

if TYPE_CHECKING:  # the database layer is imported only when someone saves
    from lessonkit.storage import StudentInfo

PARAM = "kode"
STATE = "student"
DEVICE_REQUEST = "student_device_request"  # the cookie request for the browser (``ui.cookie_request``)
REMEMBERED = "student_device_remembered"  # the student this device was asked to remember in this session
SIGNED_OUT = "student_signed_out"  # "Bukan kamu? Keluar" was pressed: the cookie sent at connection is void
TYPED_UNKNOWN = "unknown_code"  # the code typed in the sidebar box leads nowhere: said in the box
LINK_UNKNOWN = "unknown_link_code"  # the code in the link leads nowhere: said on the page (`notices`)
CODE_UNCONFIRMED = "resume_code_unconfirmed"  # a new code the student has not yet said they kept


def current() -> StudentInfo | None:
    """The student of this session: from ``?kode=`` (a resume link), else the device's cookie."""
    student: StudentInfo | None = st.session_state.get(STATE)
    code = st.query_params.get(PARAM)
    if student is None and code:
        student = _lookup(code, LINK_UNKNOWN)
        if student is not None:
            if not st.session_state.get(SIGNED_OUT):
                _from_device()  # a device that already remembers this student gets no new ticket on every reload
            _remember(student)
    if student is None and not st.session_state.get(SIGNED_OUT):
        student = _from_device()
    if student is None:
        return None
    st.session_state[STATE] = student
    if st.query_params.get(PARAM) != student.code:
        st.query_params[PARAM] = student.code
    return student


def device_token() -> str | None:
    """The device cookie the browser sent when it connected (AppTest has no cookies: a mock object)."""
    token = st.context.cookies.get(STUDENT_COOKIE)
    return token if isinstance(token, str) else None


def _from_device() -> StudentInfo | None:
    token = device_token()
    store = data.store() if token else None
    if store is None:
        return None
    found = flash.guard(store.student_for_device, token)
    if found is not None:
        st.session_state[REMEMBERED] = found.id
    return found


def _remember(student: StudentInfo) -> None:
    """Ask the browser (once per session and student) to keep the cookie that remembers ``student``."""
    if st.session_state.get(REMEMBERED) == student.id:
        return
    store = data.store()
    ticket = save(store.device_ticket, student.id) if store is not None else None
    if ticket is None:
        return
    st.session_state[REMEMBERED] = student.id
    st.session_state.pop(SIGNED_OUT, None)
    st.session_state[DEVICE_REQUEST] = {"id": f"siswa-{ticket[:12]}", "url": "/api/siswa/perangkat",
                                        "body": {"tiket": ticket}}


def _lookup(code: str, unknown: str) -> StudentInfo | None:
    """The student with this resume code; an unknown or malformed code is dropped from the address and
    the session flag ``unknown`` is set for the message.

    While the database is down the code stays in the address, so the next visit resumes.
    """
    if not is_resume_code(code):
        _unknown_code(unknown)
        return None
    store = data.store()
    if store is None:
        return None
    down = object()
    found = flash.guard(store.student, code, on_failure=lambda: flash.saving_failed() or down)
    if found is down:
        return None
    if found is None:
        _unknown_code(unknown)
    return found


def _unknown_code(flag: str) -> None:
    st.session_state[flag] = True
    if PARAM in st.query_params:
        del st.query_params[PARAM]




def begin(name: str, class_code: str = "", key: str = "panel") -> StudentInfo | None:
    """Start saving under ``name``, joining the class of ``class_code`` if one is given.

    An unknown or closed class code saves nothing (the fields keep what was
    typed) and leaves its message for ``classroom.show_pending(key)``.
    """
    from lessonkit.storage import JoinStatus
    from ui import classroom

    store = data.store()
    if store is None:
        return None
    if not " ".join((name or "").split()):
        st.session_state[f"name_missing_{key}"] = True
        return None
    if class_code.strip():
        found = save(store.class_for_code, class_code)
        if found is None:
            return None
        if found.status is not JoinStatus.JOINED:
            classroom.remember(key, found)
            return None
    student = save(store.create_student, name)
    if student is None:
        return None
    st.session_state[STATE] = student
    st.session_state[CODE_UNCONFIRMED] = True
    st.query_params[PARAM] = student.code
    _remember(student)
    if class_code.strip():
        classroom.join(student, class_code, key)
    return student


def _start() -> None:
    begin(st.session_state.get("new_name", ""), st.session_state.get("new_class") or "")


def _resume() -> None:
    student = _lookup((st.session_state.get("resume_code") or "").strip(), TYPED_UNKNOWN)
    if student is None:
        return
    st.session_state[STATE] = student
    st.query_params[PARAM] = student.code
    _remember(student)


def forget() -> None:
    """Stop saving in this browser and make this device forget the student (the data stays; the code brings it
    back)."""
    st.session_state.pop(STATE, None)
    st.session_state.pop(REMEMBERED, None)
    st.session_state.pop(CODE_UNCONFIRMED, None)
    st.session_state[SIGNED_OUT] = True
    if PARAM in st.query_params:
        del st.query_params[PARAM]
    store = data.store()
    if store is not None:
        save(store.forget_device, device_token())
    st.session_state[DEVICE_REQUEST] = {"id": f"siswa-keluar-{id(st.session_state)}-{time.time()}",
                                        "url": "/api/siswa/keluar", "body": {}}


def resume_link(code: str) -> str:
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{PARAM}={code}" if base else code


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=5, border=2)
    return buffer.getvalue()


def _code_and_qr(student: StudentInfo) -> bytes:
    """The resume code as text and as a QR code of the resume link; returns the QR picture (PNG)."""
    st.code(student.code, language=None, wrap_lines=True)
    picture = qr_png(resume_link(student.code))
    st.image(picture, caption="Pindai untuk melanjutkan", width=160,
             alt="Kode QR berisi alamat untuk melanjutkan belajar")
    return picture


def panel() -> StudentInfo | None:
    """The sidebar box: save progress under a name, resume with a code, or see who is saving."""
    with st.sidebar:
        student = current()
        cookie_request.send(DEVICE_REQUEST, quiet=True)
        problem = data.storage_problem() if student is None else None
        if problem is not None:
            st.warning("Penyimpanan kemajuan sedang tidak bisa dipakai. Materi dan soal tetap bisa dipakai, "
                       "tetapi kemajuanmu belum disimpan.")
            with st.expander("Detail untuk guru"):
                st.caption(plain(problem.advice))
            return None
        if student is not None:
            from ui import classroom

            with st.expander(f"Tersimpan sebagai {plain(student.display_name)}"):
                st.caption("Kode lanjut: salin atau pindai untuk melanjutkan di perangkat lain.")
                _code_and_qr(student)
                classroom.my_classes(student, "panel")
                classroom.join_form(student, "panel")
            st.button("Bukan kamu? Keluar", key="student_sign_out", on_click=forget, type="tertiary",
                      help="Perangkat ini lupa siapa kamu. Datamu tetap tersimpan; kode lanjut membawanya kembali.")
            return student
        with st.expander("Simpan kemajuanmu"):
            st.caption("Tanpa nama, kamu tetap bisa belajar, tetapi kemajuanmu tidak disimpan.")
            st.text_input("Nama panggilan", key="new_name", max_chars=STUDENT_NAME_MAX)
            st.text_input("Kode kelas dari guru (boleh kosong)", key="new_class", max_chars=JOIN_CODE_INPUT_MAX)
            if st.session_state.pop("name_missing_panel", False):
                st.warning("Isi nama panggilan dulu.")
            from ui import classroom

            classroom.show_pending("panel")
            st.button("Mulai menyimpan", on_click=_start, type="primary")
            st.divider()
            st.text_input("Sudah punya kode lanjut?", key="resume_code", max_chars=CODE_MAX)
            if st.session_state.pop(TYPED_UNKNOWN, False):
                st.warning("Kode itu tidak dikenal. Periksa lagi kodenya.")
            st.button("Lanjutkan", on_click=_resume)
    return None


LINK_UNKNOWN_TEXT = ("Kode lanjut di tautan ini tidak dikenal (mungkin tautannya lama atau kodenya salah ketik), "
                     "jadi diabaikan.")
LINK_UNKNOWN_HELP = (" Periksa kodenya, lalu ketik di **Simpan kemajuanmu** › **Sudah punya kode lanjut?** di bilah "
                     "samping, atau mulai menyimpan dengan nama panggilan.")


def _confirm_code() -> None:
    st.session_state.pop(CODE_UNCONFIRMED, None)


def notices() -> None:
    """At the top of the page: a link whose code led nowhere, and a new resume code until the student kept it."""
    student: StudentInfo | None = st.session_state.get(STATE)
    if st.session_state.pop(LINK_UNKNOWN, False):  # a device that remembers the student needs no help to resume
        st.warning(LINK_UNKNOWN_TEXT + ("" if student else LINK_UNKNOWN_HELP))
    if student is None or not st.session_state.get(CODE_UNCONFIRMED):
        return
    with st.container(border=True, key="lk-resume-code"):
        st.markdown(f"**Kemajuanmu mulai disimpan, {plain(student.display_name)}.** Ini kode lanjutmu. "
                    "Tulis kodenya di buku catatanmu atau simpan gambar kode QR-nya: dengan kode ini kamu bisa "
                    "melanjutkan belajar di perangkat lain, atau di sini kalau perangkat ini lupa kamu.")
        picture = _code_and_qr(student)
        left, right = st.columns(2)
        left.download_button("Simpan gambar kode QR", data=picture, file_name="kode-lanjut.png", mime="image/png",
                             on_click="ignore", width="stretch")
        right.button("Sudah saya catat", key="resume_code_kept", on_click=_confirm_code, type="primary",
                     width="stretch")
        st.caption("Kode ini juga selalu ada di bilah samping, di bawah **Tersimpan sebagai**.")
