"""GIFT: escaping, the shipped bank's round trip for every type GIFT expresses, Moodle-written GIFT imports."""

from __future__ import annotations

from lessonkit.exchange import gift, gift_read
from lessonkit.exchange.imported import Defaults
from tests.lessonkit.exchange.helpers import (
    FIXTURES,
    assert_same_questions,
    bank_selection,
    load_imported,
    with_question,
)
from tests.lessonkit.exchange.test_moodle_xml import MATCHING_WITH_DISTRACTORS


def test_reserved_characters_are_escaped_and_line_breaks_kept_inside_one_block():
    assert gift.escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert gift.escape("satu\n\ndua") == "satu\\n\\ndua"


def test_escaped_text_reads_back_unchanged(tmp_path):
    raw = {"id": "esc-01", "type": "short_answer", "level": "L1", "section": "uji",
           "prompt": "Lengkapi: {kode} = aturan ~ #1 \\ selesai.\n\nParagraf kedua.",
           "explanation": "Lihat: bagian #2.", "accept": ["kode etik", "a=b"]}
    data, skipped = gift.export(with_question(raw))
    assert skipped == []
    status = load_imported(gift_read.read(data), tmp_path)
    question = status.questions[0]
    assert question.prompt == raw["prompt"] and question.explanation == raw["explanation"]
    assert question.accept == raw["accept"]


def test_shipped_bank_round_trips_through_gift_for_every_type_gift_expresses(tmp_path):
    selection = bank_selection()
    data, skipped = gift.export(selection)
    grids = [q for q in selection.questions if q.type == "true_false" and len(q.statements) > 1]
    assert sorted(s.question_id for s in skipped) == sorted(q.id for q in grids)
    assert all("Cloze" in s.reason for s in skipped)
    expressed = [q for q in selection.questions if q not in grids]
    assert {q.type for q in expressed} == {"single", "multiple", "matching", "ordering", "short_answer", "essay"}
    imported = gift_read.read(data)
    assert imported.skipped == []
    assert_same_questions(expressed, load_imported(imported, tmp_path))


def test_single_statement_true_false_and_distractors_round_trip(tmp_path):
    one = {"id": "bs-01", "type": "true_false", "level": "L1", "section": "uji", "prompt": "Benar atau salah?",
           "explanation": "Karena begitu.", "points": 1, "statements": [{"text": "PGRI lahir 1945.", "answer": True}]}
    for raw in (one, MATCHING_WITH_DISTRACTORS):
        selection = with_question(raw)
        data, skipped = gift.export(selection)
        assert skipped == []
        assert_same_questions(selection.questions, load_imported(gift_read.read(data), tmp_path))
    assert "\t= -> Petani\n" in gift.export(with_question(MATCHING_WITH_DISTRACTORS))[0].decode()


def test_ordering_uses_the_syntax_of_moodles_ordering_type_and_a_grading_its_reader_parses():
    data = gift.export(bank_selection(quizzes=["kelompok-profesi"]))[0].decode()
    assert "{>5 ALL VERTICAL LONGEST_CONTIGUOUS_SUBSET SHOW none\nIdentifikasi kebutuhan dan keahlian\n" in data
    assert "LONGEST_ORDERED_SUBSET" not in data


def test_ordering_item_with_a_brace_is_skipped_with_the_reason():
    raw = {"id": "urut-01", "type": "ordering", "level": "L1", "section": "uji", "prompt": "Urutkan.",
           "explanation": "Begitu.", "items": ["satu {a}", "dua", "tiga"]}
    data, skipped = gift.export(with_question(raw))
    assert [s.question_id for s in skipped] == ["urut-01"] and "kurung kurawal" in skipped[0].reason


def test_a_moodle_written_gift_file_imports_and_lists_what_it_cannot():
    imported = gift_read.read((FIXTURES / "moodle_export.gift.txt").read_bytes(), Defaults("L1", "uji"))
    assert imported.title == "Ulangan Harian Sosiologi"
    by_id = {q["id"]: q for q in imported.questions}
    assert {k: q["type"] for k, q in by_id.items()} == {
        "ciri-kelompok-profesi": "single", "kepentingan-kelompok-volunter": "multiple",
        "pgri-lahir-1945": "true_false", "organisasi-dan-bidangnya": "matching",
        "singkatan-majelis-etik-dokter": "short_answer", "uraian-kode-etik": "essay",
        "urutan-tahap-relawan": "ordering"}
    assert sorted(s.type for s in imported.skipped) == ["description", "numerical"]
    first = by_id["ciri-kelompok-profesi"]
    assert first["prompt"] == "Manakah yang merupakan **ciri utama** kelompok profesi?"
    assert first["explanation"] == "Kelompok profesi dibentuk berdasarkan *keahlian khusus*."
    assert first["options"][0] == {"text": "Anggotanya memiliki keahlian khusus", "correct": True, "feedback": "Tepat!"}
    assert by_id["kepentingan-kelompok-volunter"]["prompt"].startswith("Pilih semua kepentingan menurut Soekanto: ")
    assert [o.get("correct", False) for o in by_id["kepentingan-kelompok-volunter"]["options"]] == [True, True, False]
    assert by_id["organisasi-dan-bidangnya"]["distractors"] == ["Pertanian"]
    assert by_id["singkatan-majelis-etik-dokter"]["accept"] == ["MKEK"]
    assert "{ABCD}" in by_id["singkatan-majelis-etik-dokter"]["prompt"]
    assert by_id["pgri-lahir-1945"]["statements"] == [{"text": "PGRI lahir pada 25 November 1945.", "answer": True}]
    assert by_id["urutan-tahap-relawan"]["scoring"] == "all_or_nothing"
    assert by_id["uraian-kode-etik"]["rubric"] == []


def test_a_statement_with_its_own_column_labels_is_skipped_with_a_reason_gift_cannot_name_columns():
    from tests.lessonkit.exchange.test_moodle_xml import FACT_OR_OPINION

    data, skipped = gift.export(with_question(FACT_OR_OPINION))
    assert [s.question_id for s in skipped] == ["fo-01"] and "Fakta/Opini" in skipped[0].reason
    assert b"fo-01" not in data
