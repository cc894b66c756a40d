"""Mengurutkan: the ordering widget shows every item with ↑/↓ buttons, its state round-trips, grading is unchanged."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lessonkit.quiz import grade
from lessonkit.quiz.types import ordering

from ..factories import make


def _widget_app(items: list[str], order: list[int], restored: list[str] | None = None) -> AppTest:
    def script(items, order, restored):
        import streamlit as st

        from lessonkit.quiz.types import ordering
        from tests.lessonkit.quiz.factories import make

        q = make("ordering", items=items)
        if restored is not None and "q1" not in st.session_state:
            st.session_state.update(ordering.state(q, "q1", order, restored))
        calls = st.session_state.setdefault("changes", [])
        st.session_state["response"] = ordering.render(q, key="q1", order=order,
                                                       on_change=lambda: calls.append(1))

    return AppTest.from_function(script, args=(items, order, restored), default_timeout=30).run()


ITEMS = ["Kebutuhan muncul", "Orang berkumpul", "Kelompok terbentuk", "Organisasi resmi"]


def test_moved_keeps_an_item_inside_the_list():
    assert ordering.moved([0, 1, 2], 0, -1) == [0, 1, 2]
    assert ordering.moved([0, 1, 2], 0, 1) == [1, 0, 2]
    assert ordering.moved([0, 1, 2], 2, -1) == [0, 2, 1]


def test_every_item_is_visible_and_the_question_stays_unanswered_until_the_student_acts():
    at = _widget_app(ITEMS, [2, 0, 3, 1])
    rows = [m.value for m in at.markdown]
    assert rows == [f"**{n}.** {ITEMS[i]}" for n, i in enumerate([2, 0, 3, 1], start=1)]
    assert at.session_state["response"] == [] and at.session_state["changes"] == []
    assert at.button(key="q1-up-0").disabled and at.button(key="q1-down-3").disabled
    at.button(key="q1-keep").click().run()
    assert at.session_state["response"] == [ITEMS[i] for i in (2, 0, 3, 1)]


def test_up_and_down_buttons_reorder_the_state_and_grading_reads_it():
    question = make("ordering", items=ITEMS)
    at = _widget_app(ITEMS, [2, 0, 3, 1])
    at.button(key="q1-up-1").click().run()  # "Kebutuhan muncul" to the top
    assert at.session_state["q1"] == [0, 2, 3, 1] and at.session_state["changes"] == [1]
    at.button(key="q1-down-2").click().run()
    at.button(key="q1-down-1").click().run()
    assert at.session_state["q1"] == [0, 1, 2, 3]
    assert [m.value for m in at.markdown][0] == f"**1.** {ITEMS[0]}"
    response = at.session_state["response"]
    assert response == ITEMS and grade(question, response).score == 1.0
    assert all(b.key != "q1-keep" for b in at.button)


@pytest.mark.parametrize("saved", [[2, 0, 1, 3], [3, 2, 1, 0]])
def test_a_saved_answer_round_trips_through_the_widget_state(saved):
    restored = [ITEMS[i] for i in saved]
    at = _widget_app(ITEMS, [1, 0, 3, 2], restored=restored)
    assert at.session_state["response"] == restored
    assert [m.value for m in at.markdown] == [f"**{n}.** {text}" for n, text in enumerate(restored, start=1)]
