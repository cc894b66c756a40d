"""Moodle's own import rules, as plain checks over the whole bank's export (and the edge-case quiz).

Rules from Moodle's question types: a multi-answer question's positive grades sum to 100 %
(``qtype_multichoice``, to two decimals); a single-answer question's best grade is 100 %; every
grade is on ``question_bank::fraction_options_full()``; a Cloze question is worth the sum of its
parts' weights; in GIFT, ``->`` in an answer makes a matching question and ``*`` in a short
answer is a wildcard unless written ``\\*``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from lessonkit.exchange import gift, moodle_versions, moodle_xml
from tests.lessonkit.exchange.helpers import bank_selection
from tests.lessonkit.exchange.test_edge_cases import _selection as edge_cases

SELECTIONS = {"bank": bank_selection, "edge-cases": edge_cases}


def _questions(name: str, version: str = moodle_versions.LATEST) -> list[ET.Element]:
    root = ET.fromstring(moodle_xml.export(SELECTIONS[name](), version))
    return [q for q in root.findall("question") if q.get("type") != "category"]


def _fractions(question: ET.Element) -> list[float]:
    return [float(a.get("fraction")) for a in question.findall("answer")]


@pytest.mark.parametrize("name", SELECTIONS)
def test_every_grade_is_on_moodles_list(name):
    allowed = set(moodle_xml.ALLOWED_FRACTIONS)
    for question in _questions(name):
        if question.get("type") in ("multichoice", "truefalse", "shortanswer"):
            assert {abs(f) for f in _fractions(question)} <= allowed, question.findtext("idnumber")


@pytest.mark.parametrize("name", SELECTIONS)
def test_positive_grades_of_a_multi_answer_question_sum_to_100_percent(name):
    multi = [q for q in _questions(name) if q.get("type") == "multichoice" and q.findtext("single") == "false"]
    assert multi
    for question in multi:
        assert round(sum(f for f in _fractions(question) if f > 0), 2) == 100, question.findtext("idnumber")


@pytest.mark.parametrize("name", SELECTIONS)
def test_the_best_grade_of_a_single_answer_question_is_100_percent(name):
    for question in _questions(name):
        if question.get("type") in ("truefalse", "shortanswer") or question.findtext("single") == "true":
            assert max(_fractions(question)) == 100, question.findtext("idnumber")


@pytest.mark.parametrize("name", SELECTIONS)
def test_cloze_weights_give_the_points_or_the_difference_is_in_the_notes(name):
    selection = SELECTIONS[name]()
    points = {q.id: q.points for q in selection.questions}
    notes = moodle_xml.notes(selection)
    for question in _questions(name):
        if question.get("type") != "cloze":
            continue
        ident = question.findtext("idnumber")
        mark = sum(int(w or 1) for w in re.findall(r"\{(\d*):MC:", question.findtext("questiontext/text")))
        noted = any(note.startswith(f"{ident} (Benar/Salah): bernilai {mark} di Moodle") for note in notes)
        assert mark == points[ident] or noted, ident
        assert not (mark == points[ident] and noted), ident


@pytest.mark.parametrize("version", list(moodle_versions.VERSIONS))
@pytest.mark.parametrize("name", SELECTIONS)
def test_no_arrow_outside_matching_and_no_bare_star_in_gift_answers(name, version):
    text = gift.export(SELECTIONS[name](), version)[0].decode()
    for block in text.split("\n\n"):
        answer = block[block.find("{"):] if "{" in block else ""
        lines = [line for line in answer.splitlines() if line.startswith("\t=")]
        if any(" -> " in line for line in lines):  # a matching question
            continue
        assert "->" not in answer, block[:80]
        if not re.search(r"^\t~", answer, re.M):  # a short answer: only "=" answers
            assert not [line for line in lines if re.search(r"(?<!\\)\*", line.split("#", 1)[0])], block[:80]


def test_older_moodle_gets_no_question_type_it_lacks():
    kinds = {q.get("type") for q in _questions("bank", moodle_versions.OLDER)}
    assert kinds <= {"multichoice", "truefalse", "cloze", "matching", "shortanswer", "essay"}
