"""Responses through the database on SQLite and PostgreSQL: save -> load -> grade gives the original's score."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessonkit.quiz import grade
from lessonkit.quiz.exam import Attempt
from lessonkit.quiz.stored import from_stored
from lessonkit.quiz.types import TYPES
from tests.lessonkit.quiz.factories import make, random_response


@pytest.mark.parametrize("kind", TYPES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scoring=st.sampled_from(["partial", "all_or_nothing"]), data=st.data())
def test_every_type_saved_and_loaded_grades_as_the_original(store, kind, scoring, data):
    q = make(kind, scoring=scoring)
    response = random_response(kind, q, data)
    student = store.create_student("Ana").id
    attempt_id = store.start_exam(student, Attempt([q.id], {q.id: None}, 0.0, 600.0), {})
    store.save_exam_answer(attempt_id, q, response, grade(q, response).score, 10.0)
    _, resumed, _ = store.open_exam(student)
    assert grade(q, from_stored(q, resumed.answers[q.id])).score == grade(q, response).score


def test_a_matching_answer_is_stored_as_json_and_resumed_as_the_dict(store):
    q = make("matching")
    student = store.create_student("Ana").id
    attempt_id = store.start_exam(student, Attempt([q.id], {q.id: [2, 0, 1, 3]}, 0.0, 600.0), {})
    store.save_exam_answer(attempt_id, q, {"L0": "R0", "L1": "R1", "L2": "R3"}, 0.5, 10.0)
    _, resumed, _ = store.open_exam(student)
    assert resumed.answers == {q.id: {"L0": "R0", "L1": "R1", "L2": "R3"}}
    store.record_practice(student, q, {"L3": "R3"}, 0.25)
    assert [row["jawaban"] for row in store.export(student) if row["jenis"] == "latihan"] == [{"L3": "R3"}]
