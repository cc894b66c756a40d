"""The teacher's class page pieces: create a class, show its join code for a projector, manage its members.

Every action goes through ``teacher_action``: it runs for the teacher who is
signed in when the button is pressed, and every store call carries that
teacher's id, so a class id that is not theirs does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from lessonkit.rules.class_codes import normal_code
from lessonkit.rules.safe_export import safe_frame
from ui import data, flash, join_address
from ui.student import qr_png
from ui.teacher.signin import teacher_action
from ui.text import plain

if TYPE_CHECKING:
    from lessonkit.storage import ClassInfo, Member, TeacherInfo

NOTICE = "class_admin_notice"
SELECTED = "class_admin_selected"
STYLE = """<style>
.join-code {font: 700 min(4.2rem, 13vw)/1.1 'Source Code Pro', ui-monospace, monospace;
            letter-spacing: .1em; color: #0B3D91; margin: .2rem 0 .4rem; white-space: nowrap;}
.join-code.big {font-size: min(7rem, 13vw);}
.join-code.closed {color: #8A8F98; text-decoration: line-through;}
</style>"""


def _run(action, *args):
    """Call the store; a failure becomes a message on the page instead of a traceback."""
    from lessonkit.storage import ClassNotFound

    store = data.store()
    if store is None:
        return _storage_down()
    return flash.guard(action, store, *args, slot=NOTICE, on_failure=_storage_down,
                       refused={ClassNotFound: "Kelas atau siswa itu tidak ditemukan di kelas Anda.", ValueError: str})


def _storage_down() -> None:
    flash.leave(NOTICE, "error", flash.STORAGE_DOWN)


def notice() -> None:
    flash.show(NOTICE)


@teacher_action
def _create(teacher: TeacherInfo) -> None:
    created = _run(lambda store: store.create_class(teacher.id, st.session_state.get("class_name", "")))
    if created is not None:
        st.session_state[SELECTED] = created.id
        st.session_state["class_name"] = ""
        st.session_state[NOTICE] = ("success", f"Kelas **{plain(created.name)}** dibuat. Tunjukkan kodenya ke siswa.")


def create_form(expanded: bool) -> None:
    with (st.expander("Buat kelas baru", expanded=expanded),
          st.form("create_class", border=False, enter_to_submit=False)):
        st.text_input("Nama kelas", key="class_name", max_chars=80, placeholder="XI IPS 2 · 2026/2027")
        st.form_submit_button("Buat kelas", type="primary", on_click=_create)


def choose(classes: list[ClassInfo]) -> int:
    """The class the teacher works on: only ever one of their own (a foreign id is not an option)."""
    names = {c.id: f"{c.name} ({c.member_count} siswa)" for c in classes}
    linked = st.query_params.get("kelas", "")  # a link such as the live quiz's "Lihat hasil kelas" (a class id)
    if linked:
        del st.query_params["kelas"]  # applied once; the select box decides from here on
        if linked.isdigit() and int(linked) in names:
            st.session_state[SELECTED] = int(linked)
    if st.session_state.get(SELECTED) not in names:
        st.session_state[SELECTED] = classes[0].id
    return st.selectbox("Kelas", options=list(names), format_func=names.get, key=SELECTED)


def join_link(code: str) -> str:
    """``<address phones can open>/gabung?kelas=CODE`` (see `ui.join_address`)."""
    return join_address.link(f"/gabung?kelas={code}")


def join_code(klass: ClassInfo, big: bool = False) -> None:
    """The join code, large, with its QR code and link (the code is from our alphabet, never user text)."""
    code = normal_code(klass.join_code) or ""
    link = join_link(code)
    st.html(STYLE)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.caption("Kode gabung kelas")
        css = "join-code" + (" big" if big else "") + ("" if klass.joins_open else " closed")
        st.html(f'<div class="{css}" aria-label="Kode gabung">{code}</div>')
        if klass.joins_open:
            st.markdown("Siswa membuka **Gabung Kelas** lalu mengetik kode ini, atau memindai kode QR.")
        else:
            st.warning("Pendaftaran ditutup: kode ini tidak bisa dipakai untuk bergabung.")
        st.code(link, language=None)
        join_address.notice()
    right.image(qr_png(link), width=320 if big else 220, caption="Pindai untuk bergabung")


@st.dialog("Kode gabung untuk proyektor", width="large")
def projector(klass: ClassInfo) -> None:
    st.subheader(plain(klass.name))
    join_code(klass, big=True)


@teacher_action
def _set_open(teacher: TeacherInfo, class_id: int) -> None:
    _run(lambda store: store.set_joins_open(teacher.id, class_id, st.session_state.get(f"open_{class_id}", True)))


@teacher_action
def _new_code(teacher: TeacherInfo, class_id: int) -> None:
    if _run(lambda store: store.new_join_code(teacher.id, class_id)) is not None:
        st.session_state[NOTICE] = ("success", "Kode baru dibuat. Kode lama tidak berlaku lagi; anggota tetap.")


def controls(klass: ClassInfo) -> None:
    left, middle, right = st.columns(3, vertical_alignment="center")
    left.toggle("Terima anggota baru", value=klass.joins_open, key=f"open_{klass.id}", on_change=_set_open,
                args=(klass.id,))
    if middle.button("Tampilkan di proyektor", key="show_projector"):
        projector(klass)
    right.button("Buat kode baru", key="new_code", on_click=_new_code, args=(klass.id,),
                 help="Kode lama langsung tidak berlaku. Siswa yang sudah bergabung tetap menjadi anggota.")


@teacher_action
def _remove(teacher: TeacherInfo, class_id: int) -> None:
    student_id = st.session_state.get("member_pick")
    if _run(lambda store: store.remove_member(teacher.id, class_id, student_id)):
        st.session_state[NOTICE] = ("success", "Siswa dikeluarkan dari kelas. Catatan belajarnya tetap ada.")


@teacher_action
def _delete(teacher: TeacherInfo, class_id: int) -> None:
    from lessonkit.storage import DeleteOutcome

    if not st.session_state.get("member_delete_sure"):
        st.session_state[NOTICE] = ("warning", "Centang dulu kotak persetujuan untuk menghapus data.")
        return
    outcome = _run(lambda store: store.delete_member_data(teacher.id, class_id, st.session_state.get("member_pick")))
    st.session_state["member_delete_sure"] = False
    if outcome is DeleteOutcome.DELETED:
        st.session_state[NOTICE] = ("success", "Siswa dan semua catatan belajarnya sudah dihapus.")
    elif outcome is DeleteOutcome.REMOVED_ONLY:
        st.session_state[NOTICE] = ("info", "Siswa dikeluarkan dari kelas-kelas Anda. Datanya tidak dihapus karena ia "
                                            "juga anggota kelas guru lain.")


MEMBERS_POLL_SECONDS = 3


def members(klass: ClassInfo, people: list[Member], teacher_id: int) -> None:
    """The member list, re-read every few seconds so students appear while they join (one small query per
    teacher page); when it changed, the whole page reruns, so every list and count on it agrees."""
    seen = f"members_seen_{klass.id}"
    st.session_state[seen] = [m.student_id for m in people]

    def watch() -> None:
        now = _run(lambda store: store.members(teacher_id, klass.id))
        if now is not None and [m.student_id for m in now] != st.session_state.get(seen):
            st.rerun(scope="app")

    st.fragment(watch, run_every=MEMBERS_POLL_SECONDS)()
    _member_list(klass, people)


def _member_list(klass: ClassInfo, people: list[Member]) -> None:
    st.subheader(f"Anggota ({len(people)})")
    if not people:
        st.info("Belum ada siswa yang bergabung. Tunjukkan kode gabung di atas.")
        return
    st.dataframe(safe_frame(pd.DataFrame([{"Nama panggilan": m.display_name, "Bergabung": data.when_short(m.joined_at)}
                                          for m in people])), hide_index=True, width="stretch")
    with st.expander("Keluarkan siswa atau hapus datanya"):
        names = {m.student_id: m.display_name for m in people}
        st.selectbox("Siswa", options=list(names), format_func=names.get, key="member_pick")
        st.button("Keluarkan dari kelas", key="member_remove", on_click=_remove, args=(klass.id,))
        st.divider()
        st.checkbox("Saya yakin: hapus siswa ini beserta semua catatan belajarnya (tidak bisa dibatalkan).",
                    key="member_delete_sure")
        st.button("Hapus data siswa", key="member_delete", on_click=_delete, args=(klass.id,))


@teacher_action
def _set_zone(teacher: TeacherInfo) -> None:
    from lessonkit.rules import school_time

    zone = st.session_state.get("school_zone")
    if _run(lambda store: data.set_school_zone(zone) or True):
        st.session_state[NOTICE] = ("success", f"Zona waktu sekolah sekarang {school_time.ZONE_NAMES[zone]}. "
                                               "Semua waktu di aplikasi ditampilkan dalam zona ini.")


def zone_setting() -> None:
    """The school's time zone (WIB, WITA or WIT): every time in the app is shown in it, with its name."""
    from lessonkit.rules import school_time

    zone = data.school_zone()
    with st.expander(f"Zona waktu sekolah: {school_time.ZONES[zone]}"):
        st.caption("Waktu ujian, waktu bergabung siswa, dan tanggal Kuis Langsung ditampilkan dalam zona ini "
                   "(disimpan dalam UTC). Berlaku untuk semua guru dan siswa di server ini.")
        options = list(school_time.ZONES)
        st.selectbox("Zona waktu", options, index=options.index(zone), format_func=school_time.ZONE_NAMES.get,
                     key="school_zone")
        st.button("Simpan zona waktu", key="school_zone_save", on_click=_set_zone)
