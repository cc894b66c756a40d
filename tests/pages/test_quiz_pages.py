"""Practice and exam flows driven through the real pages with AppTest (fixture content and quiz)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def at(monkeypatch, content_dir):
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", FIXTURES / "quizzes_ok")
    app = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    return app


def _button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def test_practice_question_is_checked_with_feedback_then_retry_and_summary(at):
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    assert "Soal 1 dari 4" in at.get("progress")[0].proto.text
    at.radio[0].set_value(0).run()
    _button(at, "Periksa").click().run()
    assert at.error and "Belum tepat" in at.error[0].value
    assert any("Pembahasan" in m.value for m in at.markdown)
    _button(at, "Coba lagi").click().run()
    at.radio[0].set_value(1).run()
    _button(at, "Periksa").click().run()
    assert "Benar" in at.success[0].value and "Tepat." in " ".join(m.value for m in at.markdown)
    _button(at, "Akhiri latihan").click().run()
    assert any(s.value.startswith("Bagus") for s in at.success)
    assert not at.exception


def test_a_checked_answer_marks_the_chosen_and_the_right_option_on_the_options(at):
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    at.radio[0].set_value(0).run()  # "Salah satu": wrong
    _button(at, "Periksa").click().run()
    options = at.radio[0].options
    assert any(o.startswith(":red[✗ ") and o.endswith("Salah satu]") for o in options)
    assert any(o.startswith(":green[✓ ") and o.endswith("Benar]") for o in options)
    assert not any(o.startswith(":") for o in options if "Salah dua" in o), "an option neither chosen nor right"
    _button(at, "Soal berikutnya").click().run()
    first, second = at.radio  # the true/false grid, in the order this student sees it
    for radio in (first, second):
        radio.set_value(True)  # "Posko dibentuk warga." is true, "... pemerintah." is false
    at.run()
    _button(at, "Periksa").click().run()
    labels = {r.label.split(". ", 1)[1].rstrip("]"): r for r in at.radio}
    right, wrong = labels["Posko dibentuk warga."], labels["Posko dibentuk pemerintah."]
    assert right.label.startswith(":green[✓ ") and wrong.label.startswith(":red[✗ ")
    assert wrong.options == [":red[✗ Benar]", ":green[✓ Salah]"]
    assert right.options == [":green[✓ Benar]", "Salah"]


def test_the_practice_summary_does_not_praise_mastery_when_a_question_was_only_partly_right(at):
    from lessonkit.quiz import Grade

    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    run = at.session_state["practice_run"]
    assert run.question_ids == ["c-01", "c-02", "c-03", "c-04"]  # c-04 is an essay, left unchecked
    run.results.update({"c-01": Grade(1.0), "c-02": Grade(0.75), "c-03": Grade(1.0)})  # c-02 partly right
    run.finish()
    at.run()
    shown = [e.value for kind in ("success", "warning", "info") for e in getattr(at, kind)]
    assert not any("kuasai" in text or text.startswith("Bagus") for text in shown), shown
    assert at.warning[0].value.startswith("1 dari 3 soal belum sepenuhnya tepat.")
    assert not at.exception


def test_practice_refuses_to_check_an_empty_answer(at):
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    _button(at, "Periksa").click().run()
    assert any("Jawab dulu" in w.value for w in at.warning)


def test_exam_hides_answers_until_submit_then_scores_and_reviews(at):
    at.switch_page("app_pages/ujian.py").run()
    at.selectbox[0].set_value("kuis-contoh").run()
    _button(at, "Mulai ujian").click().run()
    assert not at.success and not at.error, "no feedback before submission"
    assert not any("Pembahasan" in m.value for m in at.markdown)
    at.radio(key=_key(at, "c-01")).set_value(1).run()
    at.text_input(key=_key(at, "c-03")).input("Kode Etik").run()
    attempt = at.session_state["exam_attempt"]
    assert attempt.answers["c-01"] == 1 and attempt.answers["c-03"] == "Kode Etik"
    _button(at, "Kumpulkan jawaban").click().run()
    assert any("belum dijawab" in w.value for w in at.warning)
    _button(at, "Ya, kumpulkan").click().run()
    values = {m.label: m.value for m in at.metric}
    assert values["Jawaban benar"] == "2 dari 3"
    assert values["Nilai"] == "67"
    assert len([e for e in at.expander if e.label.startswith("Soal")]) == 3
    assert not at.exception


def test_exam_answer_arriving_after_the_deadline_is_not_counted(at):
    at.switch_page("app_pages/ujian.py").run()
    at.selectbox[0].set_value("kuis-contoh").run()
    _button(at, "Mulai ujian").click().run()
    attempt = at.session_state["exam_attempt"]
    attempt.deadline = attempt.started_at - 10  # time ran out on the server
    at.radio(key=_key(at, "c-01")).set_value(1).run()
    assert "c-01" not in attempt.answers
    assert attempt.submitted
    assert any("Waktu habis" in i.value for i in at.info)


def _key(at, question_id):
    return f"exam-{at.session_state['exam_token']}-{question_id}"


def test_a_broken_quiz_file_shows_a_message_and_the_other_quiz_still_works(monkeypatch, content_dir, tmp_path):
    import shutil

    shutil.copy(FIXTURES / "quizzes_ok" / "kuis-contoh.yaml", tmp_path / "ok.yaml")
    shutil.copy(FIXTURES / "quizzes_bad" / "02-two-correct.yaml", tmp_path / "rusak.yaml")
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", tmp_path)
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    at.switch_page("app_pages/latihan.py").run()
    assert any("Dua kunci" in w.value and "tidak dapat dipakai" in w.value for w in at.warning)
    at.segmented_control[0].set_value("Kuis").run()
    assert at.selectbox[0].options == ["Kuis Contoh (4 soal)"]
    _button(at, "Mulai latihan").click().run()
    assert not at.exception


def test_a_checked_answer_stays_visible_in_its_disabled_widgets(monkeypatch, content_dir):
    """Streamlit empties select boxes and multiselects that become disabled; the page shows the answer again."""
    monkeypatch.setattr("ui.data.QUIZ_DIR", FIXTURES / "quizzes_timed")
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    at.selectbox[0].set_value("kuis-semua-jenis").run()
    _button(at, "Mulai latihan").click().run()
    run = at.session_state["practice_run"]
    for _ in range(3):  # to the matching question
        run.advance()
    at.run()
    for box in at.selectbox:
        box.set_value(box.options.index("IDI") if box.label == "Dokter" else 0)
    at.run()
    _button(at, "Periksa").click().run()
    assert [(b.value, b.disabled) for b in at.selectbox][0] == (at.selectbox[0].options.index("IDI"), True)
    _button(at, "Soal berikutnya").click().run()
    _button(at, "Urutan ini sudah benar").click().run()
    _button(at, "↓").click().run()  # the first item one place down
    shown = [m.value for m in at.markdown if m.value.startswith(("**1.**", "**2.**", "**3.**"))]
    assert len(shown) == 3
    _button(at, "Periksa").click().run()
    after = [m.value for m in at.markdown if m.value.startswith(("**1.**", "**2.**", "**3.**"))][:3]
    assert all(before.split("** ", 1)[1] in line for before, line in zip(shown, after, strict=True))
    assert all(("✓" in line) != ("✗" in line) for line in after), "each item marked in its place or not"
    assert all(b.disabled for b in at.button if b.label in ("↑", "↓"))


def _class_exam_running(question_ids: list[str]) -> None:
    """A teacher's class exam on ``question_ids``, open from a minute ago for an hour."""
    import time

    from lessonkit.storage import Store, default_url

    store = Store.open(default_url())
    try:
        sari = store.add_teacher("Sari", username="sari").id
        klass = store.create_class(sari, "XI IPS 2")
        store.create_class_exam(sari, klass.id, "Ulangan", minutes=20, opens_at=time.time() - 60,
                                closes_at=time.time() + 3600, question_ids=question_ids, source="kuis-contoh")
    finally:
        store.engine.dispose()


def test_while_a_class_exam_runs_practice_and_the_practice_exam_hold_its_questions_back(at):
    _class_exam_running(["c-01", "c-02"])
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    assert "Soal 1 dari 2" in at.get("progress")[0].proto.text, "c-01 and c-02 are held back"
    run = at.session_state["practice_run"]
    assert not {"c-01", "c-02"} & set(run.question_ids)
    at.switch_page("app_pages/ujian.py").run()
    assert not at.exception
    assert any(i.value.startswith("1 soal") for i in at.info), "only c-03 of the auto-graded questions is left"


def test_a_true_false_grid_shows_its_own_column_labels_in_the_students_order_and_grades_in_file_order(
        monkeypatch, content_dir):
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", FIXTURES / "quizzes_labels")
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    order = at.session_state["practice_run"].orders["l-01"]
    assert sorted(order) == [0, 1, 2, 3, 4]
    letters = "ABCDE"
    assert [r.label for r in at.radio] == [f"{n}. Pernyataan {letters[i]}." for n, i in enumerate(order, start=1)]
    assert all(r.options == ["Fakta", "Opini"] for r in at.radio)
    assert any("**Fakta** atau **Opini**" in m.value for m in at.markdown)
    for radio in at.radio:
        statement = letters.index(radio.label.split()[-1][0])
        radio.set_value(statement % 2 == 0)
    at.run()
    _button(at, "Periksa").click().run()
    assert at.success and "Benar" in at.success[0].value
    assert not at.exception
