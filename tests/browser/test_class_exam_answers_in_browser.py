"""A matching answer in a class exam made from a shipped quiz, in Chromium: a student picks the pairs on a computer,
opens the exam on her phone and finds them again, submits and reads the review; the teacher's Analisis Butir shows the
question and its Excel and CSV downloads arrive and parse."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from lessonkit.quiz.base import unmarked
from lessonkit.storage import Store
from tests import class_exam_data as exam_data
from tests.browser.flows import db_url, make_teacher, shoot, sign_in
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

MATCHING = "kd-06"


def pick(v, left: str, right: str) -> None:
    """Choose ``right`` in the select box of the pair whose left text is ``left``."""
    box = v.page.get_by_role("combobox", name=left, exact=True)
    box.click()
    box.fill(unmarked(right))  # typing filters the list down to that one option
    v.page.get_by_role("option", name=unmarked(right), exact=True).click()
    v.settle()
    expect(box).to_have_value(unmarked(right))


def test_a_matching_answer_survives_a_reload_and_reaches_the_analysis_and_its_downloads(server, visit, monkeypatch,
                                                                                         screenshot_dir):
    bank = read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)
    question = bank.question(MATCHING)
    make_teacher(server.data_dir, monkeypatch, "bu_wati", "Bu Wati")
    store = Store.open(db_url(server.data_dir))
    try:
        wati = store.teacher("bu_wati")
        klass, made = exam_data.class_with_exam(store, bank, wati)
        exam_data.take(store, bank, made, "Budi", 4, klass.join_code)
        ana = store.create_student("Ana")
        store.join_class(ana.id, klass.join_code)
    finally:
        store.engine.dispose()
    pairs = question.pairs
    answer = {pairs[0].left: pairs[0].right, pairs[1].left: pairs[1].right,  # two right, two crossed
              pairs[2].left: pairs[3].right, pairs[3].left: pairs[2].right}

    v = visit("desktop")
    page = v.open(f"{server.url}/ujian?kode={ana.code}")
    page.get_by_test_id("stMain").get_by_role("button", name="Mulai ujian kelas").click()
    v.settle()
    for left, right in answer.items():
        pick(v, left, right)
    v = visit("phone")  # she goes on on her phone: a new session resumes the attempt from the database
    page = v.open(f"{server.url}/ujian?kode={ana.code}")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Ujian kelas: Ulangan Harian 1")).to_be_visible()
    for left, right in answer.items():
        expect(page.get_by_role("combobox", name=left, exact=True)).to_have_value(unmarked(right))
    page.get_by_role("combobox", name=pairs[0].left, exact=True).scroll_into_view_if_needed()
    shoot(page, screenshot_dir, "ujian-kelas-menjodohkan-dilanjutkan-phone.png")
    main.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    main.get_by_role("button", name="Ya, kumpulkan sekarang").click()
    v.settle()
    expect(main.get_by_role("heading", name="Pembahasan")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert v.outside_requests() == []

    teacher = visit("desktop")
    page = sign_in(teacher, f"{server.url}/hasil-kelas", "bu_wati")
    page.get_by_role("tab", name="Analisis Butir").click()
    teacher.settle()
    main = page.get_by_test_id("stMain")
    expect(page.get_by_test_id("stDataFrame").filter(has_text="Kategori P")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    with page.expect_download() as excel:
        main.get_by_role("button", name="Excel (semua lembar)").click()
    book = openpyxl.load_workbook(io.BytesIO(excel.value.path().read_bytes()))
    header = [c.value for c in book["Nilai"][1]]
    scores = {row[header.index("Nama")]: row[header.index(MATCHING)]
              for row in book["Nilai"].iter_rows(min_row=2, values_only=True)}
    assert scores["Ana"] == 0.5
    with page.expect_download() as csv:
        main.get_by_role("button", name="CSV analisis butir").click()
    items = pd.read_csv(io.BytesIO(csv.value.path().read_bytes()), encoding="utf-8-sig")
    assert MATCHING in set(items["Soal"])
    for size, name in (((1366, 900), "desktop"), ((1920, 1080), "projector")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.get_by_test_id("stDataFrame").filter(has_text="Kategori P").scroll_into_view_if_needed()
        shoot(page, screenshot_dir, f"hasil-kelas-analisis-menjodohkan-{name}.png")
    assert teacher.outside_requests() == []
