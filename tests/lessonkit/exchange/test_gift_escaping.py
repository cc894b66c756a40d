"""GIFT: what Moodle's GIFT reader would misread is written so it cannot, or left out with the reason."""

from __future__ import annotations

from lessonkit.exchange import gift, gift_read, moodle_versions
from tests.lessonkit.exchange.helpers import bank_selection, load_imported, with_question

SHORT = {"id": "isian-01", "type": "short_answer", "level": "L1", "section": "uji", "prompt": "Tulis.",
         "explanation": "Karena."}
ORDERING = {"id": "urut-01", "type": "ordering", "level": "L1", "section": "uji", "prompt": "Urutkan.",
            "explanation": "Begitu."}


def test_accepted_answer_with_an_arrow_is_left_out_not_read_as_matching():
    data, skipped = gift.export(with_question(SHORT | {"accept": ["A -> B", "A ke B"]}))
    assert [s.question_id for s in skipped] == ["isian-01"] and "'->'" in skipped[0].reason
    assert b"->" not in data


def test_star_in_an_accepted_answer_is_a_literal_star_not_moodles_wildcard(tmp_path):
    data, skipped = gift.export(with_question(SHORT | {"accept": ["5*3", "lima kali tiga"]}))
    assert skipped == [] and "\t=5\\\\*3\n" in data.decode()
    imported = gift_read.read(data)
    assert imported.notes == []
    assert load_imported(imported, tmp_path).questions[0].accept == ["5*3", "lima kali tiga"]


def test_a_bare_star_from_moodle_is_noted_as_a_wildcard():
    imported = gift_read.read(b"::q::Sebutkan {=kelompok*}")
    assert any("wildcard" in note for note in imported.notes)


def test_ordering_item_with_a_line_break_is_one_line_and_reads_back_the_same(tmp_path):
    data, skipped = gift.export(with_question(ORDERING | {"items": ["satu\ndua", "tiga", "empat"]}))
    assert skipped == [] and "\nsatu dua\n" in data.decode()
    assert load_imported(gift_read.read(data), tmp_path).questions[0].items == ["satu dua", "tiga", "empat"]


def test_ordering_item_starting_with_slashes_is_left_out_not_read_as_a_comment():
    data, skipped = gift.export(with_question(ORDERING | {"items": ["// alamat", "tiga", "empat"]}))
    assert [s.question_id for s in skipped] == ["urut-01"] and "'//'" in skipped[0].reason


def test_option_starting_with_a_format_name_keeps_it_as_text(tmp_path):
    raw = {"id": "pg-01", "type": "single", "level": "L1", "section": "uji", "prompt": "Pilih.",
           "explanation": "[plain] juga di pembahasan.",
           "options": [{"text": "[html] benar", "correct": True}, {"text": "[plain] salah"}, {"text": "lain"}]}
    data, _ = gift.export(with_question(raw))
    back = load_imported(gift_read.read(data), tmp_path).questions[0]
    assert [o.text for o in back.options] == ["[html] benar", "[plain] salah", "lain"]
    assert back.explanation == raw["explanation"]


def test_matching_answers_are_plain_text_without_raw_markdown():
    data = gift.export(bank_selection(quizzes=["konsep-dasar"]))[0].decode()
    block = next(b for b in data.split("\n\n") if "[id:kd-12]" in b)
    answers = [line.split("->", 1)[1] for line in block.splitlines() if "->" in line]
    assert answers and not [a for a in answers if "*" in a or "_" in a]


def test_older_moodle_gets_ordering_as_matching_never_an_unanswerable_short_answer():
    selection = bank_selection()
    data, skipped = gift.export(selection, moodle_versions.OLDER)
    assert "{>" not in data.decode() and all(s.type != "ordering" for s in skipped)
    kinds = {q["id"]: q["type"] for q in gift_read.read(data).questions}
    assert {kinds[q.id] for q in selection.questions if q.type == "ordering"} == {"matching"}


def test_notes_say_gift_drops_the_points_and_recommend_moodle_xml():
    selection = bank_selection()
    notes = gift.notes(selection)
    assert len(notes) == 1 and "bernilai 1 di Moodle" in notes[0] and "Moodle XML" in notes[0]
    left_out = {s.question_id for s in gift.export(selection)[1]}
    weighted = [q for q in selection.questions if q.points != 1 and q.id not in left_out]
    assert weighted and notes[0].startswith(f"{len(weighted)} soal")
