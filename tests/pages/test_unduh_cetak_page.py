"""Unduh & Cetak with AppTest: only a signed-in teacher gets files; every file parses; uploads are checked, never saved.

Download buttons get a function that builds the file on the click; the tests catch each
function as Streamlit registers it and call it, so they check the very bytes a browser
would receive.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager

from lessonkit.exchange import select
from lessonkit.exchange.upload import MAX_BYTES
from lessonkit.lesson.content import load_lesson
from lessonkit.printing import answer_key, worksheet
from lessonkit.quiz import read_bank
from tests.conftest import ROOT
from tests.lessonkit.exchange.helpers import FIXTURES
from tests.pages.test_teacher_pages import HASH, page, sign_in, texts
from ui.text import WORD_JOINER

PAGE = "app_pages/unduh_cetak.py"


@pytest.fixture
def files(monkeypatch) -> dict[str, object]:
    """file name -> the function a download button would call on the click."""
    registered: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return registered


def _signed_in(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    return sign_in(page(PAGE))


def _bank():
    lesson = load_lesson(ROOT / "content")
    return read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)


def _pdf(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def test_without_a_session_the_page_shows_the_sign_in_form_and_offers_no_file(store, files):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    at = page(PAGE)
    assert not at.exception
    assert "Halaman ini khusus guru" in texts(at)
    assert at.text_input(key="teacher_password")
    assert not files and not at.get("download_button") and not at.get("file_uploader")


def test_a_teacher_downloads_every_file_of_the_whole_bank_and_each_parses(store, files):
    at = _signed_in(store)
    assert not at.exception
    total = len(_bank().questions)
    assert f"**{total} soal terpilih**" in texts(at)
    moodle = ET.fromstring(files["soal-moodle.xml"]())
    assert len([q for q in moodle.iter("question") if q.get("type") != "category"]) == total
    assert files["soal-gift.txt"]().decode("utf-8").count("::") >= 2
    with zipfile.ZipFile(io.BytesIO(files["soal-qti3.zip"]())) as package:
        assert "imsmanifest.xml" in package.namelist()
    whole = select(_bank(), section_titles={s.id: s.title for s in load_lesson(ROOT / "content").sections})
    sheet, sheet_pages = _pdf(files["lembar-kerja-A4.pdf"]())
    assert "LEMBAR KERJA" in sheet and "Nama" in sheet
    assert sheet_pages == _pdf(worksheet(whole, "A4"))[1] > 1
    key, key_pages = _pdf(files["kunci-jawaban-A4.pdf"]())
    assert "KUNCI JAWABAN" in key and key_pages == _pdf(answer_key(whole, "A4"))[1] > 1
    handout, handout_pages = _pdf(files["bahan-ajar-A4.pdf"]())
    lesson = load_lesson(ROOT / "content")
    assert "BAHAN AJAR" in handout and all(s.title.split()[0] in handout for s in lesson.sections)
    assert handout_pages > len(lesson.sections)


def test_choosing_a_quiz_a_level_f4_and_two_packets_changes_what_is_built(store, files):
    at = _signed_in(store)
    quiz = _bank().quizzes[0]
    at.radio(key="unduh_sumber").set_value("Kuis tertentu").run()
    at.multiselect(key="unduh_kuis").set_value([quiz.id])
    at.multiselect(key="unduh_level").set_value(["L1"]).run()
    at.radio(key="unduh_kertas").set_value("F4")
    at.checkbox(key="unduh_paket").check().run()
    assert not at.exception
    chosen = select(_bank(), [quiz.id], levels=["L1"])
    assert f"**{len(chosen.items)} soal terpilih**" in texts(at)
    moodle = ET.fromstring(files["soal-moodle.xml"]())
    assert len([q for q in moodle.iter("question") if q.get("type") != "category"]) == len(chosen.items)
    sheet, _ = _pdf(files["lembar-kerja-F4-paket-AB.pdf"]())
    assert "PAKET A" in sheet and "PAKET B" in sheet
    first = PdfReader(io.BytesIO(files["lembar-kerja-F4-paket-AB.pdf"]())).pages[0]
    assert round(float(first.mediabox.height) / 72 * 25.4) == 330, "F4 folio is 330 mm tall"


def test_the_gift_questions_left_out_are_listed_with_their_reasons(store, files):
    at = _signed_in(store)
    skipped = [e for e in at.expander if "tidak ikut dalam file GIFT" in e.label]
    grids = [q for q in _bank().questions if q.type == "true_false" and len(q.statements) > 1]
    assert grids and skipped and str(len(grids)) in skipped[0].label
    assert "GIFT tidak punya soal Benar/Salah" in texts(at)


def test_an_older_moodle_gets_ordering_as_matching_and_gift_says_it_drops_points(store, files):
    at = _signed_in(store)
    assert "GIFT tidak menyimpan bobot nilai" in texts(at)
    assert [q for q in ET.fromstring(files["soal-moodle.xml"]()).iter("question") if q.get("type") == "ordering"]
    files.clear()
    at.selectbox(key="unduh_versi_moodle").set_value("4.3").run()
    assert not at.exception
    moodle = ET.fromstring(files["soal-moodle.xml"]())
    assert not [q for q in moodle.iter("question") if q.get("type") == "ordering"]
    assert "{>" not in files["soal-gift.txt"]().decode("utf-8")
    notes = next(e for e in at.expander if e.label.startswith("Catatan untuk file Moodle XML"))
    assert "ditulis sebagai soal Menjodohkan" in "\n".join(m.value for m in notes.markdown)


def test_no_quiz_chosen_yet_asks_for_one_and_offers_nothing(store, files):
    at = _signed_in(store)
    files.clear()
    at.radio(key="unduh_sumber").set_value("Kuis tertentu").run()
    assert "Pilih kuisnya dulu." in texts(at)
    assert set(files) == {"bahan-ajar-A4.pdf"}, "only the handout, which needs no questions"


def _upload(at, name: str, content: bytes):
    at.file_uploader(key="impor_file").set_value((name, content, "application/octet-stream"))
    return at.run()


def test_an_uploaded_moodle_file_becomes_checked_yaml_to_download_and_nothing_is_saved(store):
    before = sorted((ROOT / "quizzes").iterdir())
    at = _signed_in(store)
    at.selectbox(key="impor_level").set_value("L2")
    at = _upload(at, "ujian-moodle.xml", (FIXTURES / "moodle_export.xml").read_bytes())
    assert not at.exception and not at.error
    shown = texts(at)
    assert "soal terbaca dari file Moodle XML" in shown
    assert "soal tidak bisa diimpor" in shown, "unsupported questions are listed with their reasons"
    problems = [c.value for c in at.code if c.value.startswith("ujian-moodle.yaml:")]
    assert problems and all(line.count(": ") >= 3 for line in problems[0].splitlines())
    [yaml_text] = [c.value for c in at.code if c.value.startswith("id: ")]
    assert "questions:" in yaml_text and "level: L2" in yaml_text
    assert [b.proto.label for b in at.get("download_button") if b.proto.label.endswith(".yaml")] == [
        "Unduh ujian-moodle.yaml"]
    assert sorted((ROOT / "quizzes").iterdir()) == before, "never written into quizzes/"


def test_an_import_says_per_question_what_to_fill_in_and_keeps_the_file_line_form_as_details(store):
    at = _upload(_signed_in(store), "ujian-moodle.xml", (FIXTURES / "moodle_export.xml").read_bytes())
    assert not at.exception
    [warning] = [w.value for w in at.warning]
    assert "soal perlu dilengkapi di file YAML-nya" in warning and "FILE:BARIS" not in warning
    shown = "\n".join(m.value for m in at.markdown)
    advice = shown.replace("\\", "").replace(WORD_JOINER, "")  # as read: ui.text.plain's escapes dropped
    assert "Soal 'Ciri kelompok profesi': isi tingkat kesulitan (level) dan bagian materi (section)." in advice
    assert "ujian-moodle.yaml:" not in advice and "wajib diisi" not in advice
    assert "Soal 'Tahun berdirinya IDI' (jenis numerical)" in advice
    assert "Soal 'Singkatan majelis etik dokter': jawaban" in advice
    assert "dipilih sekaligus di atas" in texts(at)
    [details] = [c.value for c in at.code if c.value.startswith("ujian-moodle.yaml:")]
    assert "ujian-moodle.yaml:5: ciri-kelompok-profesi: level: wajib diisi" in details
    assert "Unduh ujian-moodle.yaml" in [b.proto.label for b in at.get("download_button")]


@pytest.mark.parametrize(("content", "message"), [
    (b"%PDF-1.4\n\xff\xfe\x00 bukan soal", "harus disimpan dengan encoding UTF-8"),
    (b"<?xml version='1.0'?><quiz><question type='multichoice'>", "bukan XML yang valid"),
    (b"  \n", "File ini kosong."),
    (b"x" * (MAX_BYTES + 1), "File terlalu besar"),
    (b"// hanya komentar\n", "Tidak ada soal yang bisa diimpor"),
])
def test_a_broken_upload_gets_an_indonesian_message_not_a_traceback(store, content, message):
    at = _upload(_signed_in(store), "soal.txt", content)
    assert not at.exception
    assert [e.value for e in at.error if message in e.value]
    assert not [b for b in at.get("download_button") if b.proto.label.endswith(".yaml")]


def test_a_session_ended_elsewhere_gets_no_more_files_from_the_next_change(store, files):
    at = _signed_in(store)
    store.set_teacher_active("sari", False)  # ends every session of hers
    files.clear()
    at.multiselect(key="unduh_level").set_value(["L2"]).run()
    assert not at.exception
    assert not files, "no download is offered any more"
    assert "soal terpilih" not in texts(at)
