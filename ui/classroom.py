"""A student's classes on the pages: joining by code (sidebar box, join page, join link/QR) and leaving.

Class names are shown through ``plain()``; a class is reached only through
its current join code, and a code that is unknown or closed changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui import data, flash
from ui.text import full_stop, plain

if TYPE_CHECKING:
    from lessonkit.storage import JoinResult, StudentInfo

RESULT = "class_join_result"  # + the form's key: each form shows its own result


def message(result: JoinResult) -> tuple[str, str]:
    """The kind (success/info/warning) and the Indonesian text for a join attempt."""
    from lessonkit.storage import JoinStatus

    name, stop = plain(result.class_name or ""), full_stop(result.class_name or "")
    return {
        JoinStatus.JOINED: ("success", f"Kamu bergabung ke kelas **{name}**{stop}"),
        JoinStatus.ALREADY: ("info", f"Kamu sudah menjadi anggota kelas **{name}**{stop}"),
        JoinStatus.UNKNOWN: ("warning", "Kode kelas itu tidak dikenal. Periksa lagi: kodenya 6 huruf dan angka, "
                                        "persis seperti yang ditunjukkan gurumu."),
        JoinStatus.CLOSED: ("warning", "Kelas itu sedang tidak menerima anggota baru. Tanyakan kepada gurumu."),
    }[result.status]


def remember(key: str, result: JoinResult) -> None:
    """Keep a join result's message for the next run of form ``key`` (callbacks run before the page is drawn)."""
    flash.leave(f"{RESULT}_{key}", *message(result))


def show_pending(key: str) -> None:
    flash.show(f"{RESULT}_{key}")


def lookup(code: str) -> JoinResult | None:
    """What a code leads to, without joining; None when the database cannot be used (already said)."""
    store = data.store()
    return None if store is None else flash.saved(store.class_for_code, code)


def join(learner: StudentInfo, code: str, key: str) -> None:
    store = data.store()
    if store is None:
        return
    result = flash.saved(store.join_class, learner.id, code)
    if result is not None:
        remember(key, result)


def _join_typed(learner: StudentInfo, key: str) -> None:
    join(learner, st.session_state.get(f"{key}_code") or "", key)


def _leave(learner: StudentInfo, class_id: int) -> None:
    store = data.store()
    if store is not None:
        flash.saved(store.leave_class, learner.id, class_id)


def my_classes(learner: StudentInfo, key: str) -> None:
    """The student's classes, each with a Keluar button (leaving keeps the student's own records)."""
    store = data.store()
    classes = (flash.saved(store.student_classes, learner.id) or []) if store else []
    if not classes:
        st.caption("Kamu belum bergabung ke kelas mana pun.")
    for klass in classes:
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(f"Kelas **{plain(klass.name)}** · {plain(klass.teacher_name)}")
        right.button("Keluar dari kelas", key=f"{key}_leave_{klass.id}", on_click=_leave, args=(learner, klass.id),
                     type="tertiary", help="Keluar dari kelas ini. Catatan belajarmu tetap tersimpan.")


def join_form(learner: StudentInfo, key: str) -> None:
    with st.form(f"{key}_form", border=False, enter_to_submit=False):
        st.text_input("Kode kelas dari guru", key=f"{key}_code", max_chars=20)
        st.form_submit_button("Gabung ke kelas", on_click=_join_typed, args=(learner, key))
    show_pending(key)
