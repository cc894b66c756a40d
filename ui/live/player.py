"""The phone's side of Kuis Langsung: joining, the seat kept in the address, answering, the result after each question.

The address carries the join code (``?kuis=``, not a secret) and, once seated, the seat token (``?kursi=``):
a phone that slept or reloaded comes back to its seat with its score. Both are only keys looked up in the
database; nothing is decoded from them. The phone receives a question's texts in display order and answers
with display positions (``lessonkit.live.wire``); the key is read only after the question has closed.
Widget keys name the question by its number in the session, never by its id.

The seated screen is a fragment (`play`): the push reruns only it when the session moves, and answering reruns
only it. The first time it shows an open question to the seat, the server keeps the time (fair points,
``lessonkit.live.scoring``).

Joining passes this browser session's random key (kept in ``st.session_state``) and the hashed client
address (``st.context.ip_address``), so one tab holds one seat and one device only a few
(``lessonkit.live.players``).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import streamlit as st

from lessonkit.auth.throttle import client_key
from lessonkit.live import players
from lessonkit.live.errors import LiveError
from lessonkit.live.state import State
from lessonkit.quiz.grading import Verdict
from lessonkit.quiz.types import of_type, ordering
from lessonkit.quiz.types.single import LETTERS
from lessonkit.services import live_session as service
from ui import data, flash
from ui import student as saved
from ui.live import look, poll
from ui.text import plain

if TYPE_CHECKING:
    from lessonkit.live.players import Player
    from lessonkit.live.questions import PublicQuestion
    from lessonkit.storage import LiveRecord

CODE, SEAT = "kuis", "kursi"
NOTICE = "live_player_notice"
SHOWN = "live_player_shown"
BROWSER = "live_browser"


def notice() -> None:
    flash.show(NOTICE)


def _seated(record: LiveRecord, player: Player) -> None:
    st.query_params[CODE] = record.code
    st.query_params[SEAT] = player.token


def _browser() -> str:
    """This browser session's random key (one seat per browser session)."""
    return st.session_state.setdefault(BROWSER, secrets.token_urlsafe(16))


def _client() -> str:
    """The phone's address, or the documented nginx's word for it (as for a teacher's sign-in)."""
    return client_key(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))


def _join(student_id: int | None = None, name: str | None = None) -> None:
    """Take a seat: a saved student as themselves (their saved name), anyone else under the typed nickname."""
    seated = poll.run(NOTICE, service.join, poll.store(), st.session_state.get("live_code"),
                           name if student_id is not None else st.session_state.get("live_name"),
                           student_id=student_id, browser=_browser(), client=players.client_tag(_client()))
    if seated is not None:
        _seated(*seated)


def seat() -> tuple[LiveRecord, Player] | None:
    """The session and seat in the address, or None (then a message says why, if something was there)."""
    code = players.read_join_code(st.query_params.get(CODE))
    token = st.query_params.get(SEAT)
    if code is None or not token:
        return None
    store = poll.store()
    record = store.live_find(code)
    try:
        if record is None:
            raise LiveError(service.UNKNOWN_CODE)
        return record, store.live_rejoin(record.id, token)
    except LiveError as refused:
        del st.query_params[SEAT]
        st.warning(plain(refused.message))
        return None


def join_form() -> None:
    """Code and nickname (or the saved student's name); a code from the QR link is filled in already."""
    if "live_code" not in st.session_state and (linked := players.read_join_code(st.query_params.get(CODE))):
        st.session_state["live_code"] = linked
    learner = saved.current()
    with st.form("live_join", enter_to_submit=False):
        st.text_input("Kode kuis (6 angka)", key="live_code", max_chars=11, placeholder="misalnya 482913")
        if learner is None:
            st.text_input("Nama panggilan", key="live_name", max_chars=players.NICKNAME_MAX)
            st.form_submit_button("Gabung", type="primary", on_click=_join, width="stretch")
        else:
            st.form_submit_button(f"Gabung sebagai {plain(learner.display_name)}", type="primary", on_click=_join,
                                  args=(learner.id, learner.display_name), width="stretch")
    notice()
    if learner is None:
        st.caption("Nama panggilanmu tampil di layar kelas. Pakai nama yang sopan.")


def leave() -> None:
    for name in (SEAT, CODE):
        if name in st.query_params:
            del st.query_params[name]


# -- answering ------------------------------------------------------------------------------------------------------

def _send(session_id: int, token: str, question_id: str, raw) -> None:
    poll.run(NOTICE, service.answer, poll.store(), data.bank(), session_id, token, question_id, raw)


def _read_choices(public: PublicQuestion, key: str):
    return sorted(st.session_state.get(key) or [])


def _read_statements(public: PublicQuestion, key: str):
    return [st.session_state.get(f"{key}-{i}") for i in range(len(public.statements))]


def _read_lefts(public: PublicQuestion, key: str):
    return [st.session_state.get(f"{key}-{i}") for i in range(len(public.lefts))]


def _read_order(public: PublicQuestion, key: str):
    return list(st.session_state.get(f"{key}-order", []))


def _read_text(public: PublicQuestion, key: str):
    return st.session_state.get(key, "")


# per type: the phone's answer in display positions from the widgets (a single choice is sent by its button)
READS = {"multiple": _read_choices, "true_false": _read_statements, "matching": _read_lefts, "ordering": _read_order,
         "short_answer": _read_text}


def _send_widgets(session_id: int, token: str, public: PublicQuestion, key: str) -> None:
    _send(session_id, token, public.question_id, of_type(READS, public.type, "live phone answer")(public, key))


def _buttons(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    with look.tile_grid():
        for position, text in enumerate(public.choices):
            with look.tile(position):
                st.button(f"{LETTERS[position]}. {text}", key=f"{key}-{position}", width="stretch",
                          on_click=_send, args=(record.id, player.token, public.question_id, position))


def _pills(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    with look.pick_area():
        st.pills("Pilihan", list(range(len(public.choices))), selection_mode="multi", key=key,
                 format_func=lambda i: f"{LETTERS[i]}. {public.choices[i]}", label_visibility="collapsed")
    _send_button(record, player, public, key)


def _statements(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    for i, text in enumerate(public.statements):
        st.segmented_control(text, [True, False], key=f"{key}-{i}", width="stretch",
                             format_func=dict(zip((True, False), public.labels, strict=True)).get)
    _send_button(record, player, public, key)


def _pairs(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    for i, text in enumerate(public.lefts):
        st.selectbox(text, list(range(len(public.rights))), index=None, key=f"{key}-{i}",
                     format_func=lambda j: public.rights[j], placeholder="Pilih pasangannya")
    _send_button(record, player, public, key)


def _arrange(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    ordering.arrange(dict(enumerate(public.items)), key=f"{key}-order")
    _send_button(record, player, public, key)


def _text_box(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    st.text_input("Jawabanmu", key=key, max_chars=public.max_chars)
    _send_button(record, player, public, key)


def _send_button(record: LiveRecord, player: Player, public: PublicQuestion, key: str) -> None:
    st.button("Kirim jawaban", key=f"{key}-send", type="primary", width="stretch", on_click=_send_widgets,
              args=(record.id, player.token, public, key))


# per type: the answer widgets; a single choice is sent with one tap, the others with "Kirim jawaban"
WIDGETS = {"single": _buttons, "multiple": _pills, "true_false": _statements, "matching": _pairs,
           "ordering": _arrange, "short_answer": _text_box}


def answer_form(record: LiveRecord, player: Player, public: PublicQuestion) -> None:
    """Large touch targets for the question's type; a single choice is sent with one tap."""
    key = f"live-{record.id}-{public.number}"
    with st.container(key=look.ANSWER_KEY):
        st.caption(plain(public.instruction))
        of_type(WIDGETS, public.type, "live phone widget")(record, player, public, key)


# -- the seat's screens ---------------------------------------------------------------------------------------------

def screen(record: LiveRecord, player: Player) -> None:
    """What the phone shows for the session's current version."""
    view = service.phone_view(poll.store(), data.bank(), record, player)
    session = record.session
    st.caption(f"Kuis {record.code} · kamu bermain sebagai **{plain(player.nickname)}**")
    if session.state is State.LOBBY:
        st.info("Kamu sudah masuk. Tunggu guru memulai kuis; soal pertama akan muncul sendiri di sini.")
    elif session.answerable and view.public is not None:
        public = view.public
        _mark_shown(record, player)
        st.subheader(f"Soal {public.number} dari {public.count}")
        if view.mine is not None:
            st.success("Jawaban terkirim. Tunggu sampai waktu habis untuk melihat hasilnya.")
        else:
            poll.countdown(session, big=False)
            if public.stimulus:
                with st.container(border=True):
                    st.markdown(public.stimulus)
            st.markdown(public.prompt)
            answer_form(record, player, public)
            notice()
    elif view.feedback is not None:
        _result(view, session.state is State.FINISHED)
    elif session.state is State.FINISHED:
        st.info("Kuis ini sudah selesai.")
    poll.follow(record.id, record.version)


def _mark_shown(record: LiveRecord, player: Player) -> None:
    """Keep when the server first sent this question to this seat (once per browser session and question)."""
    sent = st.session_state.setdefault(SHOWN, set())
    mark = (record.id, player.seat, record.session.current.question_id)
    if mark in sent:
        return

    def keep() -> bool:
        service.shown(poll.store(), record, player.seat)
        return True

    if flash.guard(keep):  # on a storage failure the seat's time counts from the open
        sent.add(mark)


def _live(record: LiveRecord, player: Player) -> None:
    """The seated screen at the stored version; back to the page when the seat is gone."""
    fresh = poll.store().live_get(record.id)
    if fresh is None:
        st.rerun(scope="app")
    if fresh.version != record.version:  # a removal moves the version: check the seat again
        try:
            player = poll.store().live_rejoin(record.id, player.token)
        except LiveError:
            st.rerun(scope="app")
    screen(fresh, player)


def play(record: LiveRecord, player: Player) -> None:
    """The seated phone: its screen in a fragment that the push reruns, and the slow poll behind it."""
    st.fragment(_live)(record, player)
    poll.watch(record.id)


def _result(view: service.PhoneView, finished: bool) -> None:
    feedback = view.feedback
    if finished:
        st.subheader("Kuis selesai")
        st.markdown(f"## {view.standing.points} poin")
        st.markdown(f"### {feedback.rank}")
        st.caption("Terima kasih sudah ikut. Hasilmu sudah tersimpan untuk gurumu.")
        return
    box = {Verdict.RIGHT: st.success, Verdict.PARTLY: st.warning}.get(feedback.status, st.error)
    box(f"**{feedback.label}** · +{feedback.points} poin")
    st.markdown(f"### {feedback.rank}")
    st.markdown(f"Total poinmu: **{feedback.total}**")
    if view.reveal is not None:
        st.markdown(f"**Kunci:** {view.reveal.key_text}")
    st.caption("Lihat layar kelas. Soal berikutnya akan muncul sendiri di sini.")
