"""Fuzzing the loaders and ``python -m lessonkit check`` with hypothesis.

Whatever a teacher's editor leaves in a file (any text, a valid file with
characters inserted, deleted or lines swapped, bad bytes), loading never
raises: every defect is a ``FILE:LINE: id: field: message`` problem in
Indonesian, and the check command exits 0 or 1.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessonkit.authoring.yamlsrc import parse_yaml
from lessonkit.cli import main
from lessonkit.commands.check import check
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.quiz import read_bank
from tests.conftest import FIXTURES, ROOT

PROBLEM = re.compile(r"^(?P<file>[^\n:]+):(?P<line>[1-9]\d*): [^\n]+: [^\n]+: .+$", re.DOTALL)
ENGLISH = re.compile(r"\b(found|expected|while|could not|not allowed|scanning|parsing|constructor|"
                     r"mapping|sequence|stream|Traceback|Error)\b")
YAML_CHARS = st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\n ") + ["\n  ", "\n- ", ": ", "---\n", "\x00", "\ufeff",
                                                                   "2026-13-01", "é", "\u202e"])
ANY_TEXT = st.lists(YAML_CHARS | st.characters(), max_size=120).map("".join)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUIZ_TEXT = (ROOT / "quizzes" / "02-kelompok-profesi.yaml").read_text(encoding="utf-8")
SECTION_TEXT = (ROOT / "content" / "02-proses-profesi.md").read_text(encoding="utf-8")
STAGES_TEXT = (ROOT / "content" / "proses" / "03-volunteer-siklus.yaml").read_text(encoding="utf-8")


def _assert_reported(problems) -> None:
    for problem in problems:
        text = str(problem)
        assert PROBLEM.match(text), text
        assert not ENGLISH.search(problem.message), text


@st.composite
def mutated(draw, text: str):
    """``text`` with a few edits a slip of the keyboard could make."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["insert", "delete", "swap", "indent", "cut"]))
        line = lines[at]
        if edit == "insert":
            where = draw(st.integers(0, len(line)))
            lines[at] = line[:where] + draw(YAML_CHARS) + line[where:]
        elif edit == "delete" and line:
            where = draw(st.integers(0, len(line) - 1))
            lines[at] = line[:where] + line[where + 1:]
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "indent":
            lines[at] = draw(st.sampled_from([" ", "\t", "   "])) + line
        else:
            lines = lines[:at]
            break
    return "\n".join(lines)


@FUZZ
@given(ANY_TEXT)
def test_any_text_parses_into_data_or_indonesian_problems(text):
    parsed = parse_yaml(text, "kuis.yaml")
    _assert_reported(parsed.problems)


@FUZZ
@given(mutated(QUIZ_TEXT))
def test_a_damaged_quiz_file_never_breaks_the_bank(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kuis.yaml"
        path.write_text(text, encoding="utf-8")
        bank = read_bank([folder], section_ids=["pengantar", "proses-profesi"])
    _assert_reported(bank.problems)


@FUZZ
@given(mutated(SECTION_TEXT), mutated(STAGES_TEXT), st.binary(max_size=200))
def test_damaged_content_never_breaks_the_lesson_or_the_diagrams(section, stages, garbage):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        shutil.copytree(FIXTURES / "content_valid", content, dirs_exist_ok=True)
        (content / "03-rusak.md").write_text(section, encoding="utf-8")
        (content / "04-biner.md").write_bytes(garbage)
        (content / "proses").mkdir()
        (content / "proses" / "01-tahap.yaml").write_text(stages, encoding="utf-8")
        lesson = load_lesson(content)
        diagrams = load_diagrams(content, lesson.section_ids)
    _assert_reported(lesson.problems + diagrams.problems)
    assert {s.id for s in lesson.sections} >= {"satu", "dua"}, "the good sections still load"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(QUIZ_TEXT), ANY_TEXT)
def test_the_check_command_prints_only_problem_lines_and_a_summary(quiz, glossary):
    with tempfile.TemporaryDirectory() as folder:
        content, quizzes = Path(folder) / "content", Path(folder) / "quizzes"
        shutil.copytree(FIXTURES / "content_valid", content)
        (content / "glosarium.yaml").write_text(glossary, encoding="utf-8")
        quizzes.mkdir()
        (quizzes / "kuis.yaml").write_text(quiz, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--content", str(content), str(quizzes)])
        expected = check(content, [quizzes]).problems
    assert code == (1 if expected else 0)
    assert err.getvalue() == "" or "Traceback" not in err.getvalue()
    printed = [line for line in out.getvalue().splitlines() if line.strip()]
    problems = [line for line in printed if PROBLEM.match(line)]
    assert len(problems) >= len(expected)
    assert all(PROBLEM.match(line) or not re.match(r"^\S+:\d+:", line) for line in printed)
