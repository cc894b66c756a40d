"""Kartu Istilah: glossary flashcards on a Leitner schedule (five boxes, due cards first), usable by keyboard."""

from datetime import datetime

import streamlit as st

from lessonkit.lesson.flashcards import box_counts, due_count, queue, review
from lessonkit.storage.store import utcnow
from ui import data, nav, student
from ui.learn import quiz_view

st.title("Kartu Istilah")
lesson, learner = data.lesson(), student.current()
store = data.store() if learner is not None else None
terms = {t.term: t for t in lesson.glossary}
if not terms:
    st.info("Belum ada istilah di glosarium.")
    st.stop()

if learner is not None:
    cards: dict[str, tuple[int, datetime]] = student.save(store.cards, learner.id) or {}
else:
    cards = st.session_state.setdefault("cards", {})
    st.caption("Kamu belajar tanpa nama, jadi kotak kartumu hanya tersimpan selama halaman ini terbuka.")

now = utcnow()
names = list(terms)
order = queue(names, cards, now)
due = due_count(names, cards, now)
if due == 0:
    st.success("Semua kartu untuk hari ini sudah kamu ulang. Kamu boleh lanjut mengulang kartu berikutnya.")
term = terms[order[0]]
box = cards.get(term.term, (1, now))[0]
revealed = st.session_state.get("card_revealed") == term.term


def _answer(known: bool) -> None:
    new_box, due_at = review(box, known, utcnow())
    if learner is not None:
        student.save(store.set_card, learner.id, term.term, new_box, due_at)
    else:
        cards[term.term] = (new_box, due_at)
    st.session_state.pop("card_revealed", None)


st.caption(f"Kartu jatuh tempo: {due} dari {len(names)} · kartu ini di kotak {box}")
with st.container(border=True, key="flashcard"):
    st.header(term.term, anchor=False)
    if revealed:
        st.markdown(term.definition)
        nav.link("materi", f"Baca di bagian: {quiz_view.section_title(term.section)}", bagian=term.section)
if not revealed:
    st.button("Tampilkan arti (Spasi)", type="primary", shortcut="Space",
              on_click=lambda: st.session_state.update(card_revealed=term.term))
else:
    left, right = st.columns(2)
    left.button("Belum tahu (T)", on_click=_answer, args=(False,), shortcut="T", width="stretch")
    right.button("Saya tahu (Y)", on_click=_answer, args=(True,), shortcut="Y", type="primary", width="stretch")

# Below the card, so the card and its buttons fit a phone's first screen.
st.caption(" · ".join(f"Kotak {box}: {count}" for box, count in box_counts(names, cards).items()))
st.markdown("Ingat-ingat arti istilahnya, lalu buka kartunya. Kartu yang kamu tahu naik ke kotak berikutnya dan "
            "muncul lagi beberapa hari kemudian (kotak 2: 1 hari, 3: 3 hari, 4: 7 hari, 5: 14 hari); "
            "kartu yang belum kamu tahu kembali ke kotak 1 dan muncul lagi setelah kartu lain yang jatuh tempo.")
