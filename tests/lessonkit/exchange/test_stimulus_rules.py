"""A reading text with rules of its own comes back whole: the stimulus is split at the export's own rule."""

from __future__ import annotations

import pytest

from lessonkit.exchange import gift, gift_read, markup, metadata, moodle_xml, moodle_xml_read
from tests.lessonkit.exchange.helpers import assert_same_questions, load_imported, with_question

READING = "Paragraf pertama.\n\n---\n\nParagraf kedua setelah garis.\n\n***\n\nParagraf ketiga."
COMMON = {"level": "L1", "section": "uji", "stimulus": "bacaan", "explanation": "Karena."}
QUESTIONS = [
    COMMON | {"id": "pg-01", "type": "single", "prompt": "Pilih.",
              "options": [{"text": "Ya", "correct": True}, {"text": "Tidak"}, {"text": "Mungkin"}]},
    COMMON | {"id": "bs-01", "type": "true_false", "prompt": "Benar atau salah?",
              "statements": [{"text": "Bacaan punya tiga paragraf.", "answer": True}]},
]


def _export(fmt, selection):
    return moodle_xml.export(selection) if fmt == "moodle" else gift.export(selection)[0]


@pytest.mark.parametrize("fmt", ["moodle", "gift"])
@pytest.mark.parametrize("raw", QUESTIONS, ids=lambda raw: raw["type"])
def test_a_rule_inside_a_reading_text_does_not_break_the_import(tmp_path, fmt, raw):
    selection = with_question(raw, {"bacaan": READING})
    imported = (moodle_xml_read if fmt == "moodle" else gift_read).read(_export(fmt, selection))
    assert [markup.canonical(text) for text in imported.stimuli.values()] == [markup.canonical(READING)]
    assert_same_questions(selection.questions, load_imported(imported, tmp_path))


def test_split_counts_the_parts_after_the_stimulus_from_the_end():
    text = metadata.with_stimulus(READING, f"Tanya?\n\n{metadata.RULE}\n\nPernyataan.")
    assert metadata.split_stimulus(text, parts=2) == (READING, f"Tanya?\n\n{metadata.RULE}\n\nPernyataan.")
    assert metadata.split_stimulus("Tanpa garis.") == (None, "Tanpa garis.")
