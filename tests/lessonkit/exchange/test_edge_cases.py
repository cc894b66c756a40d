"""The edge-case quiz (fixtures/exchange/edge_cases.yaml) round-tripped through every format and Moodle version."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import pytest
from lxml import etree

from lessonkit.exchange import gift, gift_read, markup, moodle_versions, moodle_xml, moodle_xml_read, qti, select
from lessonkit.quiz import Bank
from lessonkit.quiz.bank import read_quiz_file
from tests.lessonkit.exchange.helpers import FIXTURES, assert_same_questions, load_imported
from tests.lessonkit.exchange.test_qti import NS, _score_of_key

GIFT_CANNOT = {"tepi-kisi": "Cloze", "tepi-panah": "'->'"}


@lru_cache(maxsize=1)
def _selection():
    status = read_quiz_file(FIXTURES / "edge_cases.yaml", None)
    assert status.problems == []
    return select(Bank([status]), section_titles={"uji": "Bagian Uji"})


@pytest.mark.parametrize("version", list(moodle_versions.VERSIONS))
def test_edge_cases_round_trip_through_moodle_xml(tmp_path, version):
    selection = _selection()
    imported = moodle_xml_read.read(moodle_xml.export(selection, version))
    assert imported.skipped == [] and imported.notes == []
    expected = [moodle_versions.adapted(q, version) for q in selection.questions]
    assert_same_questions(expected, load_imported(imported, tmp_path))


@pytest.mark.parametrize("version", list(moodle_versions.VERSIONS))
def test_edge_cases_round_trip_through_gift_except_what_gift_cannot_hold(tmp_path, version):
    selection = _selection()
    data, skipped = gift.export(selection, version)
    assert {s.question_id: s.reason for s in skipped}.keys() == GIFT_CANNOT.keys()
    assert all(GIFT_CANNOT[s.question_id] in s.reason for s in skipped)
    imported = gift_read.read(data)
    assert imported.skipped == [] and not [n for n in imported.notes if "wildcard" in n]
    expected = [moodle_versions.adapted(q, version) for q in selection.questions if q.id not in GIFT_CANNOT]
    assert_same_questions(expected, load_imported(imported, tmp_path))


def test_edge_cases_survive_qti_with_every_text_and_full_credit_intact():
    selection = _selection()
    with zipfile.ZipFile(io.BytesIO(qti.export(selection))) as package:
        files = {name: package.read(name) for name in package.namelist()}
    stimulus = "".join(etree.fromstring(files["stimuli/bacaan-bergaris.xml"]).itertext())
    assert "]]> & <" in stimulus and "Bagian kedua bacaan" in stimulus and "📚" in stimulus
    for question in selection.questions:
        item = etree.fromstring(files[f"items/{qti.identifier(question.id)}.xml"])
        text = " ".join("".join(item.find("q:qti-item-body", NS).itertext()).split())
        assert markup.plain_text(question.prompt) in text, question.id
        if question.auto_graded:
            assert _score_of_key(item) == question.points, question.id
