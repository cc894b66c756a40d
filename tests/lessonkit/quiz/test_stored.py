"""The storage form of responses: each type bounds its response as JSON and reads it back to the same score."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.quiz import grade
from lessonkit.quiz.stored import from_stored, restored_answers, to_stored
from lessonkit.quiz.types import TYPES, UnknownQuestionType
from lessonkit.quiz.types.matching import from_text
from lessonkit.rules.limits import ESSAY_MAX, RESPONSE_ITEMS_MAX, SHORT_ANSWER_MAX

from .factories import make, random_response


@pytest.mark.parametrize("kind", TYPES)
@settings(max_examples=40, deadline=None)
@given(scoring=st.sampled_from(["partial", "all_or_nothing"]), data=st.data())
def test_every_type_reads_back_its_json_to_the_same_score(kind, scoring, data):
    q = make(kind, scoring=scoring)
    response = random_response(kind, q, data)
    kept = json.loads(json.dumps(to_stored(q, response)))
    assert grade(q, from_stored(q, kept)).score == grade(q, response).score


def test_a_matching_answer_is_kept_as_a_dict_not_as_its_text():
    q = make("matching")
    answer = {"L0": "R0", "L1": "R2"}
    assert to_stored(q, answer) == answer
    assert grade(q, from_stored(q, to_stored(q, answer))).score == 0.25


def test_a_matching_answer_saved_as_text_by_older_versions_is_read_back():
    q = make("matching")
    assert from_stored(q, str({"L0": "R0", "L1": "R1", "L2": "R3"})) == {"L0": "R0", "L1": "R1", "L2": "R3"}
    assert grade(q, from_stored(q, "{'L0': 'R0', 'L1': 'R1'}")).score == 0.5


@pytest.mark.parametrize("text", [
    "__import__('os').system('true')", "{'L0': __import__('os')}", "{'L0': 1}", "{1: 'R0'}", "{'L0': ['R0']}",
    "{'L0': 'R0'", "{}" + "x", "{" + "'L0': 'R0', " * 2000 + "}", "((((" * 100, "{{{{" * 500 + "}}}}" * 500, "",
])
def test_a_text_that_is_not_exactly_a_dict_of_texts_is_not_an_answer_and_never_runs(text):
    q = make("matching")
    assert from_text(text) is None or from_text(text) == {}
    assert from_stored(q, text) == {}
    assert grade(q, from_stored(q, text)).score == 0.0


@pytest.mark.parametrize("kind, response, kept", [
    ("single", 7, None), ("single", True, None), ("single", "1", None),
    ("multiple", {4, 0, 99, -1, True}, [0, 4]),
    ("true_false", [True, "ya", None, False, True, True], [True, None, None, False]),
    ("matching", {"L0": "R0", "L9": "R1", "L1": 3, "L2": "bukan pilihan"}, {"L0": "R0"}),
    ("ordering", ["dua", "tujuh", "satu"] + ["tiga"] * 200, ["dua", "satu"] + ["tiga"] * (RESPONSE_ITEMS_MAX - 3)),
    ("true_false", "Benar", None), ("ordering", "satu", None), ("multiple", 3, []),
    ("short_answer", "x" * 1000, "x" * SHORT_ANSWER_MAX), ("short_answer", ["x"], None),
    ("essay", "ab\u202e\x00" * 5000, "ab" * (ESSAY_MAX // 2)),
])
def test_each_type_bounds_what_it_keeps(kind, response, kept):
    assert to_stored(make(kind), response) == kept


def test_a_question_of_an_unknown_type_raises_on_the_way_in_and_out():
    q = make("single").model_copy(update={"type": "drag_and_drop"})
    with pytest.raises(UnknownQuestionType, match="drag_and_drop"):
        to_stored(q, 1)
    with pytest.raises(UnknownQuestionType, match="drag_and_drop"):
        from_stored(q, 1)


def test_restored_answers_reads_the_banks_questions_and_keeps_ids_it_no_longer_has():
    class Bank:
        questions = [make("multiple"), make("matching")]

        def question(self, qid):
            return next(q for q in self.questions if q.id == qid)

    answers = {"q-multiple": [0, 2], "q-matching": "{'L0': 'R0'}", "hilang": "{'a': 'b'}"}
    assert restored_answers(Bank(), answers) == {"q-multiple": {0, 2}, "q-matching": {"L0": "R0"},
                                                 "hilang": "{'a': 'b'}"}
