"""What the Unduh & Cetak page offers: file names, counts by type, and every format built from one selection."""

from __future__ import annotations

import io

from pypdf import PdfReader

from lessonkit.quiz.types import TYPE_NAMES
from lessonkit.services import downloads
from tests.lessonkit.exchange.helpers import bank_selection


def test_file_names_carry_the_paper_and_packets_only_for_printed_files():
    assert downloads.file_name(downloads.FORMATS["moodle"], "F4", True) == "soal-moodle.xml"
    assert downloads.file_name(downloads.FORMATS["lembar"], "F4", True) == "lembar-kerja-F4-paket-AB.pdf"
    assert downloads.file_name(downloads.HANDOUT, "A4") == "bahan-ajar-A4.pdf"


def test_type_counts_add_up_and_follow_the_apps_order_of_types():
    selection = bank_selection()
    counts = downloads.type_counts(selection)
    assert sum(n for _, n in counts) == len(selection.items)
    assert [name for name, _ in counts] == [n for n in TYPE_NAMES.values() if n in dict(counts)]


def test_every_format_builds_for_a_small_selection():
    selection = bank_selection(quizzes=["konsep-dasar"], levels=["L1"])
    for key in downloads.FORMATS:
        data = downloads.build(key, selection, "F4")
        assert data
        if downloads.FORMATS[key].suffix == "pdf":
            assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    assert all(s.reason for s in downloads.gift_skipped(bank_selection()))
