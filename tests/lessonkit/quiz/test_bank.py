"""Loading quiz files: the valid fixture loads; every malformed fixture is reported at its file, line and id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lessonkit.quiz import QuizFormatError, load_bank, read_bank
from tests.conftest import FIXTURES
from tests.lessonkit.cli_run import run_cli

SECTIONS = ["satu", "dua"]
BAD = sorted((FIXTURES / "quizzes_bad").glob("*.yaml"))


def _expected(path: Path) -> tuple[int, str, str]:
    line, ident, field = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ").split()
    return int(line), ident, field


def test_valid_fixture_loads_with_stimulus_and_all_questions():
    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=SECTIONS)
    assert bank.problems == []
    [quiz] = bank.quizzes
    assert quiz.time_limit_minutes == 5
    assert [q.id for q in quiz.questions] == ["c-01", "c-02", "c-03", "c-04"]
    assert bank.stimulus_of(bank.question("c-02")).startswith("Warga kampung")
    assert bank.quiz_of("c-03").id == "kuis-contoh"


def test_there_are_at_least_fifteen_malformed_fixtures():
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_malformed_file_is_reported_at_its_file_line_and_id(path):
    line, ident, field = _expected(path)
    bank = read_bank([path], section_ids=SECTIONS)
    assert bank.quizzes == [], "a broken file must not be usable"
    found = [(p.line, p.item_id or "-", p.field) for p in bank.problems]
    assert any(p.file.endswith(path.name) for p in bank.problems)
    assert any(l_ == line and i == ident and f.startswith(field) for l_, i, f in found), found
    for problem in bank.problems:
        assert problem.message and "Traceback" not in problem.message


def test_typo_in_a_key_suggests_the_intended_key():
    bank = read_bank([FIXTURES / "quizzes_bad" / "01-typo-correct.yaml"], section_ids=SECTIONS)
    assert any("maksudnya 'correct'" in p.message for p in bank.problems)


def test_a_broken_file_does_not_hide_the_problems_of_another_or_the_good_quiz(tmp_path):
    for name in ("02-two-correct.yaml", "05-unknown-type.yaml"):
        shutil.copy(FIXTURES / "quizzes_bad" / name, tmp_path / name)
    shutil.copy(FIXTURES / "quizzes_ok" / "kuis-contoh.yaml", tmp_path / "ok.yaml")
    bank = read_bank([tmp_path], section_ids=SECTIONS)
    assert {Path(p.file).name for p in bank.problems} == {"02-two-correct.yaml", "05-unknown-type.yaml"}
    assert [q.id for q in bank.quizzes] == ["kuis-contoh"]


def test_question_id_used_in_two_files_names_both(tmp_path):
    source = (FIXTURES / "quizzes_ok" / "kuis-contoh.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(source.replace("id: kuis-contoh", "id: kuis-lain")
                                     .replace("c-02", "x-02").replace("c-03", "x-03").replace("c-04", "x-04"),
                                     encoding="utf-8")
    problems = read_bank([tmp_path], section_ids=SECTIONS).problems
    assert [(Path(p.file).name, p.line, p.item_id) for p in problems] == [("a.yaml", 8, "c-01"), ("b.yaml", 8, "c-01")]
    assert "b.yaml:8" in problems[0].message and "a.yaml:8" in problems[1].message


def test_load_bank_raises_with_every_problem(tmp_path):
    for path in BAD[:3]:
        shutil.copy(path, tmp_path / path.name)
    with pytest.raises(QuizFormatError) as error:
        load_bank([tmp_path], content_dir=FIXTURES / "content_valid")
    assert len({p.file for p in error.value.problems}) == 3


def test_check_command_prints_compiler_style_lines_for_bad_quizzes():
    result = run_cli("check", "--content", str(FIXTURES / "content_valid"), str(FIXTURES / "quizzes_bad"))
    assert result.returncode == 1
    assert "01-typo-correct.yaml:11: b-01: options.1.corect: kunci 'corect' tidak dikenal" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
