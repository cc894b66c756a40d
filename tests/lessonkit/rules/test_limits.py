"""Server-side limits on what a student sends: names, class codes, resume codes, answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessonkit.quiz.types import essay, short_answer
from lessonkit.rules.limits import (
    ESSAY_MAX,
    JOIN_CODE_INPUT_MAX,
    STUDENT_NAME_MAX,
    clean_answer,
    clean_line,
    is_resume_code,
)
from tests.lessonkit.quiz.factories import make


@pytest.mark.parametrize("code, ok", [
    ("a" * 22, True), ("Ab-_9" * 12, True), ("a" * 21, False), ("a" * 65, False), ("a" * 100_000, False),
    ("../../etc/passwd", False), ("kode lanjut dengan spasi!!", False), ("' OR 1=1 --" * 3, False),
    ("aaaaaaaaaaaaaaaaaaaaaa\n", False), ("", False), (None, False), (["a" * 22], False),
])
def test_resume_code_shape_is_checked_before_any_lookup(code, ok):
    assert is_resume_code(code) is ok


def test_names_lose_invisible_and_direction_characters_and_are_cut():
    assert clean_line("  Ana\u202e\u200b Putri\u2066 \n\t ", STUDENT_NAME_MAX) == "Ana Putri"
    assert clean_line("x" * 10_000, STUDENT_NAME_MAX) == "x" * STUDENT_NAME_MAX
    assert clean_line("\u200b\u200d\u202e", STUDENT_NAME_MAX) == ""
    assert clean_line(None, JOIN_CODE_INPUT_MAX) == ""


def test_answers_keep_line_breaks_but_lose_control_and_override_characters():
    assert clean_answer("baris 1\r\nbaris\u202e 2\x00\x07\tok", ESSAY_MAX) == "baris 1\nbaris 2\tok"
    assert len(clean_answer("y" * 50_000, ESSAY_MAX)) == ESSAY_MAX


@given(st.text(max_size=400))
def test_clean_line_is_one_visible_line_within_the_limit(text):
    cleaned = clean_line(text, 40)
    assert len(cleaned) <= 40 and cleaned == cleaned.strip() and "\n" not in cleaned and "  " not in cleaned


@pytest.mark.parametrize("module, limit", [(short_answer, short_answer.MAX_CHARS), (essay, essay.MAX_CHARS)])
def test_typed_answers_are_cut_on_the_server_whatever_the_browser_sent(module, limit):
    q = make(module.__name__.rsplit(".", 1)[1])
    sent = {"k": "a" * (limit * 10)}
    assert len(module.read(q, "k", None, sent)) == limit
