"""``python -m lessonkit ekspor | impor | cetak``: files written, exit codes 0/1/2, Indonesian messages."""

from __future__ import annotations

import subprocess

import pytest

from tests.lessonkit.cli_run import run_cli
from tests.lessonkit.exchange.helpers import FIXTURES


def _clean(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("fmt, marker", [("moodle", b"<quiz>"), ("gift", b"$CATEGORY:"), ("qti", b"PK")])
def test_ekspor_writes_each_format_for_a_quiz(tmp_path, fmt, marker):
    target = tmp_path / f"ekspor.{fmt}"
    result = run_cli("ekspor", "--format", fmt, "--kuis", "konsep-dasar", "-o", str(target))
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert marker in target.read_bytes()[:400]
    assert "soal diekspor" in result.stdout


def test_ekspor_gift_lists_skipped_grids_with_the_reason(tmp_path):
    result = run_cli("ekspor", "--format", "gift", "--bagian", "pengantar", "-o", str(tmp_path / "x.txt"))
    assert result.returncode == 0
    assert "dilewati: kd-03 (true_false): GIFT tidak punya" in result.stderr


def test_ekspor_for_an_older_moodle_writes_ordering_as_matching_and_says_so(tmp_path):
    target = tmp_path / "lama.xml"
    result = run_cli("ekspor", "--format", "moodle", "--moodle", "4.3", "--kuis", "kelompok-profesi", "-o", str(target))
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert b'type="ordering"' not in target.read_bytes()
    assert "catatan: kp-02 (Mengurutkan): ditulis sebagai soal Menjodohkan" in result.stderr


def test_ekspor_xlsx_explains_why_it_is_not_available(tmp_path):
    result = run_cli("ekspor", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    _clean(result)
    assert result.returncode == 1 and "dokumentasi publik" in result.stderr


@pytest.mark.parametrize("args", [["ekspor", "--format", "pdf", "-o", "x"], ["ekspor", "--format", "gift"],
                                  ["ekspor", "--format", "gift", "--kuis", "tidak-ada", "-o", "/tmp/x"],
                                  ["impor", "tidak-ada.xml", "-o", "/tmp/x.yaml"],
                                  ["cetak", "rapor", "-o", "x.pdf"], ["cetak", "lembar", "--kertas", "A3", "-o", "x"]])
def test_wrong_commands_exit_2_without_traceback(args):
    result = run_cli(*args)
    _clean(result)
    assert result.returncode == 2, args


def test_impor_writes_a_checked_quiz_and_lists_skipped_and_what_to_fill_in(tmp_path):
    target = tmp_path / "quizzes" / "ulangan.yaml"
    result = run_cli("impor", str(FIXTURES / "moodle_export.xml"), "-o", str(target), "--bagian", "pengantar",
                  "--level", "L2")
    _clean(result)
    assert result.returncode == 1
    assert target.exists()
    assert "dilewati: Tahun berdirinya IDI (numerical)" in result.stderr
    assert f"{target}:" in result.stdout and ": uraian-kode-etik: rubric: " in result.stdout


def test_impor_of_a_complete_file_exits_0_and_never_overwrites_without_timpa(tmp_path):
    exported = tmp_path / "bank.txt"
    assert run_cli("ekspor", "--format", "gift", "--kuis", "kelompok-profesi", "-o", str(exported)).returncode == 0
    target = tmp_path / "lain" / "impor.yaml"
    result = run_cli("impor", str(exported), "-o", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Semua soal valid" in result.stdout
    again = run_cli("impor", str(exported), "-o", str(target))
    assert again.returncode == 2 and "--timpa" in again.stderr
    assert run_cli("impor", str(exported), "-o", str(target), "--timpa").returncode == 0


def test_impor_of_a_file_with_no_questions_exits_1(tmp_path):
    source = tmp_path / "kosong.gift"
    source.write_text("// hanya komentar\n", encoding="utf-8")
    result = run_cli("impor", str(source), "-o", str(tmp_path / "q.yaml"))
    _clean(result)
    assert result.returncode == 1 and "tidak ada soal" in result.stderr


@pytest.mark.parametrize("document", ["lembar", "kunci", "materi"])
def test_cetak_writes_a_pdf_on_f4(tmp_path, document):
    target = tmp_path / f"{document}.pdf"
    result = run_cli("cetak", document, "--kuis", "konsep-dasar", "--kertas", "F4", "--paket", "-o", str(target))
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert "F4" in result.stdout
