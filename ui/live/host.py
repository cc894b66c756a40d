"""The teacher's side of Kuis Langsung: setting a session up, the lobby, each question, the reveal, the podium.

Built for a projector (1920x1080): large type, a 150 px join code with its QR code, a live answered count.
Every action goes through ``teacher_action`` (the teacher signed in *now*) and ``service`` with the teacher's
id. The primary button of each state carries the keyboard shortcut → (a presentation clicker's "next"):
Streamlit allows one shortcut per button, so Space works only while that button has the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from lessonkit.live import leaderboard, look, questions, summary
from lessonkit.live.state import PRIMARY, State
from lessonkit.services import live_session as service
from ui import data, flash, join_address, nav, scroll
from ui.live import look as live_look
from ui.live import poll
from ui.student import qr_png
from ui.teacher.signin import teacher_action
from ui.text import chart_label, plain

if TYPE_CHECKING:
    from lessonkit.storage import TeacherInfo

CURRENT = "live_host_session"
NOTICE = "live_host_notice"
LABELS = {"start": "Mulai kuis", "close": "Tutup soal sekarang", "resume": "Lanjutkan waktu", "next": "Lanjut"}
SOURCES = ["Kuis", "Bagian materi", "Pilih soal"]
NO_CLASS = 0
RESULTS_PAGE = "hasil-kelas"  # the class dashboard (issue #11); linked from the podium once it exists


def _run(action, *args, **kwargs):
    """A service call; a refusal or a storage failure becomes a message, not a traceback."""
    from lessonkit.storage import ClassNotFound

    return poll.run(NOTICE, action, *args, refused={ClassNotFound: "Kelas itu tidak ditemukan di kelas Anda."},
                         **kwargs)


def notice() -> None:
    flash.show(NOTICE)


def current(teacher: TeacherInfo):
    """The session this teacher works on: the one chosen in this tab, else their newest unfinished one."""
    store = poll.store()
    chosen = st.session_state.get(CURRENT)
    if chosen is not None:
        return service.host_view(store, data.bank(), teacher.id, chosen)
    unfinished = store.live_unfinished(teacher.id)
    if unfinished:
        st.session_state[CURRENT] = unfinished[0].id
        return service.host_view(store, data.bank(), teacher.id, unfinished[0].id)
    return None


# -- setup ------------------------------------------------------------------------------------------------------------

def _chosen_ids() -> list[str]:
    bank = data.bank()
    source = st.session_state.get("live_source", SOURCES[0])
    if source == "Kuis":
        return questions.select(bank, quiz_id=st.session_state.get("live_quiz"))
    if source == "Bagian materi":
        return questions.select(bank, section=st.session_state.get("live_section"))
    return questions.select(bank, question_ids=st.session_state.get("live_pick") or [])


@teacher_action
def _create(teacher: TeacherInfo) -> None:
    ids = _run(_chosen_ids)
    if not ids:
        return
    class_id = st.session_state.get("live_class") or None
    record = _run(service.create, poll.store(), data.bank(), teacher.id, ids,
                  base_seconds=st.session_state.get("live_seconds", questions.BASE_SECONDS),
                  speed_bonus=st.session_state.get("live_speed", True), class_id=class_id,
                  anonymous=st.session_state.get("live_anonymous", True))
    if record is not None:
        st.session_state[CURRENT] = record.id


def setup(teacher: TeacherInfo) -> None:
    """Choose the questions, the time, the speed bonus and optionally a class; then open the lobby."""
    bank, lesson = data.bank(), data.lesson()
    usable = [q for q in bank.questions if questions.usable(q)]
    if not usable:
        st.info("Belum ada soal yang bisa dipakai untuk Kuis Langsung.")
        return
    source = st.segmented_control("Soal dari", SOURCES, default=SOURCES[0], required=True, key="live_source")
    if source == "Kuis":
        quizzes = {q.id: q for q in bank.quizzes}
        st.selectbox("Kuis", list(quizzes), key="live_quiz",
                     format_func=lambda i: f"{quizzes[i].title} ({len(quizzes[i].questions)} soal)")
    elif source == "Bagian materi":
        sections = [s for s in lesson.sections if any(q.section == s.id for q in usable)]
        titles = {s.id: s.title for s in sections}
        st.selectbox("Bagian materi", list(titles), key="live_section", format_func=titles.get)
    else:
        names = {q.id: questions.picker_label(q) for q in usable}
        st.multiselect("Soal (urut sesuai pilihan Anda)", list(names), key="live_pick", format_func=names.get,
                       placeholder="Pilih soal satu per satu", select_all=False)
    left, middle = st.columns(2)
    left.number_input("Waktu dasar per soal (detik)", min_value=5, max_value=120, value=questions.BASE_SECONDS,
                      step=5, key="live_seconds",
                      help="Soal pilihan ganda kompleks, benar-salah, dan isian mendapat 1,5 kali; mengurutkan "
                           "2 kali; menjodohkan 2,5 kali; soal dengan bacaan mendapat tambahan waktu dasar.")
    middle.toggle("Jawaban cepat dapat poin lebih", value=True, key="live_speed",
                  help="Jawaban benar bernilai 500 sampai 1000 poin, makin cepat makin banyak.")
    classes = poll.store().classes(teacher.id)
    names = {NO_CLASS: "Tanpa kelas", **{c.id: c.name for c in classes}}
    st.selectbox("Kelas (hasil masuk ke dasbor kelas ini)", list(names), key="live_class", format_func=names.get)
    st.toggle("Boleh ikut tanpa menyimpan kemajuan (anonim)", value=True, key="live_anonymous",
              help="Matikan agar hanya siswa yang sudah menyimpan kemajuan yang bisa ikut: mereka masuk dengan "
                   "namanya sendiri dan hasilnya tercatat di baris mereka di Hasil Kelas.")
    st.button("Buka ruang tunggu", type="primary", on_click=_create)
    notice()


# -- commands -------------------------------------------------------------------------------------------------------

@teacher_action
def _command(teacher: TeacherInfo, session_id: int, name: str, pressed_in: State) -> None:
    """Every control carries the state the projector showed: a press that arrives after the session left it
    does nothing (`service.command`)."""
    _run(service.command, poll.store(), teacher.id, session_id, name, pressed_in=pressed_in)


@teacher_action
def _remove(teacher: TeacherInfo, session_id: int) -> None:
    seats = st.session_state.get("live_remove_pick") or []
    if not seats:
        st.session_state[NOTICE] = ("warning", "Pilih dulu nama yang akan dikeluarkan.")
        return
    if _run(service.remove, poll.store(), teacher.id, session_id, *seats) is not None:
        st.session_state["live_remove_pick"] = []


def _new_session() -> None:
    st.session_state.pop(CURRENT, None)


def controls(view: service.HostView) -> None:
    """The buttons of the current state (exactly the commands the state allows)."""
    session = view.record.session
    allowed = session.allowed()
    primary = PRIMARY.get(session.state)
    label = LABELS.get(primary, "")
    if primary == "next" and session.state is State.LEADERBOARD and session.is_last:
        label = "Lihat podium"
    columns = st.columns(4)
    if primary is not None:
        columns[0].button(label, type="primary", key="live_primary", shortcut="Right", width="stretch",
                          on_click=_command, args=(view.record.id, primary, session.state),
                          help="Tombol pintas: panah kanan →")
    if "pause" in allowed:
        columns[1].button("Jeda waktu", key="live_pause", on_click=_command,
                          args=(view.record.id, "pause", session.state),
                          width="stretch", shortcut="P")
    if "extend" in allowed:
        columns[2].button("+10 detik", key="live_extend", on_click=_command,
                          args=(view.record.id, "extend", session.state),
                          width="stretch", shortcut="T")
    if "end" in allowed:
        columns[3].button("Akhiri kuis", key="live_end", on_click=_command,
                          args=(view.record.id, "end", session.state),
                          width="stretch", type="tertiary")
    notice()


# -- screens --------------------------------------------------------------------------------------------------------

def join_link(code: str) -> str:
    """``<address phones can open>/kuis-langsung?kuis=CODE`` (see `ui.join_address`)."""
    return join_address.link(f"/kuis-langsung?kuis={code}")


def _names(view: service.HostView) -> None:
    seated = [p for p in view.seats if p.active]
    session = view.record.session
    st.markdown(f"### {len(seated)} siswa sudah bergabung")
    if session.locked:
        st.info("Ruang tunggu dikunci: pemain baru tidak bisa bergabung. Yang sudah bergabung tetap bermain.")
        st.button("Buka kunci ruang tunggu", key="live_unlock", on_click=_command,
                  args=(view.record.id, "unlock", session.state))
    else:
        st.button("Kunci ruang tunggu", key="live_lock", on_click=_command,
                  args=(view.record.id, "lock", session.state),
                  help="Setelah dikunci, tidak ada pemain baru yang bisa bergabung.")
    if seated:
        live_look.chips(p.nickname for p in seated)
        with st.expander("Keluarkan nama dari kuis"):
            names = {p.seat: p.nickname for p in seated}
            st.session_state["live_remove_pick"] = [s for s in st.session_state.get("live_remove_pick") or []
                                                    if s in names]
            st.multiselect("Nama (boleh lebih dari satu)", list(names), key="live_remove_pick",
                           format_func=names.get, placeholder="Pilih nama", select_all=False)
            st.button("Keluarkan yang dipilih", key="live_remove", on_click=_remove, args=(view.record.id,))


def lobby(view: service.HostView) -> None:
    code = view.record.code
    link = join_link(code)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.markdown("Buka **Kuis Langsung** di ponsel, lalu ketik kode ini:")
        st.html(f'<div class="live-code" aria-label="Kode kuis">{code[:3]} {code[3:]}</div>')
        st.code(link, language=None, wrap_lines=True)
    right.image(qr_png(link), width=380, caption="Pindai untuk bergabung",
                alt="Kode QR berisi alamat untuk bergabung ke Kuis Langsung ini")
    join_address.notice()
    _names(view)


def _question(view: service.HostView) -> None:
    public = view.public
    st.caption(f"Soal {public.number} dari {public.count} · {public.type_name}")
    if public.stimulus:
        with st.container(border=True):
            st.markdown(public.stimulus)
    st.markdown(f"# {public.prompt}")
    if public.choices:
        live_look.tiles(public.choices)
    for i, text in enumerate(public.statements, start=1):
        st.markdown(f"**{i}.** {text}")
    if public.lefts:
        left, right = st.columns(2)
        for text in public.lefts:
            left.markdown(f"- {text}")
        for text in public.rights:
            right.markdown(f"- {text}")
    for text in public.items:
        st.markdown(f"- {text}")


def _answered(record) -> None:
    """The live count, redrawn by the polling fragment (answers do not move the version)."""
    session = record.session
    if session.current is None or not session.answerable:
        return
    counted = flash.guard(poll.store().live_answered, record.id, session.current.question_id)
    if counted is None:
        return
    answered, total = counted
    st.markdown(f"## {summary.answered_text(answered, total)}")


def _roster(shown: int):
    """For the lobby's polling: rerun the page when someone joined (joining does not move the version)."""

    def check(record) -> None:
        seated = flash.guard(poll.store().live_seated, record.id)
        if seated is not None and seated != shown:
            st.rerun(scope="app")

    return check


def question_open(view: service.HostView):
    """The question beside its countdown; returns the side column, where the live count goes."""
    left, right = st.columns([4, 1], vertical_alignment="top")
    with left:
        _question(view)
    with right:
        poll.countdown(view.record.session, big=True)
    return right


def reveal(view: service.HostView) -> None:
    """The prompt; the answer distribution (the key's bars ticked) above the explanation, beside the answers and
    the key."""
    public = view.public
    st.caption(f"Soal {public.number} dari {public.count} · {public.type_name}")
    st.markdown(f"## {public.prompt}")
    left, right = st.columns([2, 3], gap="large")
    dist = view.distribution
    drawn = look.chart(public.type, dist.bars) if dist is not None else None
    with left:
        if dist is not None:
            from lessonkit.display.score_charts import answer_bars

            figure = answer_bars([chart_label(n) for n in drawn.names], [b.count for b in dist.bars],
                                 [b.correct for b in dist.bars], chart_label(dist.caption), colours=drawn.colours,
                                 height=110 + 62 * len(dist.bars))
            st.plotly_chart(figure, config={"displayModeBar": False, "staticPlot": True})
            st.caption(f"{dist.answered} dari {dist.players} siswa menjawab. Batang bertanda ✓ adalah kunci.")
        if view.reveal.explanation:
            st.info(view.reveal.explanation)
    with right:
        if public.choices:
            live_look.tiles(public.choices, keys=[b.correct for b in dist.bars] if dist is not None else (),
                            compact=True)
        if drawn is not None and drawn.legend_is_key:
            st.markdown("**Kunci:**")
        else:
            st.markdown(f"**Kunci:** {view.reveal.key_text}")
        for line in drawn.legend if drawn is not None else ():
            st.markdown(plain(line))


def board(view: service.HostView) -> None:
    st.markdown("# Papan peringkat")
    rows = leaderboard.top(view.board)
    if not rows:
        st.info("Belum ada siswa di papan peringkat.")
    for row in rows:
        st.markdown(f"## {row.rank}. {plain(row.nickname)} · {row.points} poin")


def podium(view: service.HostView) -> None:
    st.markdown("# Juara Kuis Langsung")
    top = leaderboard.podium(view.board)
    places = st.columns(3, vertical_alignment="bottom")
    for column, index in zip(places, (1, 0, 2), strict=True):  # the winner in the middle, standing highest
        if index < len(top):
            row = top[index]
            with column.container(border=True):
                st.markdown(f"## Peringkat {row.rank}")
                st.markdown(f"### {plain(row.nickname)}")
                st.markdown(f"**{row.points} poin** · {row.correct} benar")
                st.space(["large", "medium", "small"][index])
    if view.record.class_id is not None and nav.has_page(RESULTS_PAGE):
        nav.link(RESULTS_PAGE, "Lihat hasil kelas", kelas=str(view.record.class_id))
    elif view.record.class_id is not None:
        st.caption("Hasil kuis ini sudah tercatat untuk kelasnya dan tampil di Hasil Kelas.")
    st.button("Buat Kuis Langsung baru", on_click=_new_session, type="primary")
    scores = view.class_scores
    if scores:
        st.markdown("### Skor kelas per soal (yang paling sulit di atas)")
        bank = data.bank()
        left, right = st.columns([3, 2])
        from lessonkit.display.score_charts import for_projector

        left.plotly_chart(for_projector(data.score_chart(tuple(f"Soal {s.number}" for s in scores),
                                                         tuple(s.mean_score for s in scores))),
                          config={"displayModeBar": False})
        with right:
            for s in sorted(scores, key=lambda s: s.number):
                st.markdown(f"**Soal {s.number}.** {bank.question(s.question_id).prompt}")


def projector(view: service.HostView) -> None:
    """The controls on top (always above the fold), the screen of the current state, the push that reruns the
    page when the session moves, and the 1 s poll (the live count, the close when time is up, and the fallback for
    the push)."""
    session = view.record.session
    side = None
    scroll.to_top(f"{view.record.id}-{session.state.value}-{session.index}", key="live-top")  # a new screen
    controls(view)
    with st.container(key=live_look.PROJECTOR_KEY):
        if session.state is State.LOBBY:
            lobby(view)
        elif session.state in (State.QUESTION_OPEN, State.PAUSED):
            side = question_open(view)
        elif session.state is State.ANSWERS_SHOWN:
            reveal(view)
        elif session.state is State.LEADERBOARD:
            board(view)
        else:
            podium(view)
    extra = _answered if session.answerable else None
    if session.state is State.LOBBY:
        extra = _roster(sum(p.active for p in view.seats))
    poll.follow(view.record.id, view.record.version)
    with side if side is not None else st.container():
        poll.watch(view.record.id, poll.POLL_SECONDS, extra=extra)
