"""Latihan with the teaching aids: the diagnostic pre-test ends with where to start, and an essay's
self-assessment rates each criterion by its level descriptors beside labelled sample answers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

ESSAY = """\
id: uraian
title: Kuis Uraian
questions:
  - id: u-01
    type: essay
    level: L3
    section: dua
    prompt: Jelaskan.
    explanation: Pembahasan.
    model_answer: Contoh jawaban.
    rubric:
      - criterion: Menyebut pemicu
        points: 2
        levels:
          - {label: Baik, points: 2, descriptor: Pemicu tepat dan dijelaskan.}
          - {label: Cukup, points: 1, descriptor: Pemicu disebut saja.}
          - {label: Kurang, points: 0, descriptor: Tidak ada pemicu.}
      - criterion: Memberi contoh
        points: 2
        levels:
          - {label: Baik, points: 2, descriptor: Contoh tepat.}
          - {label: Cukup, points: 1, descriptor: Contoh kurang tepat.}
          - {label: Kurang, points: 0, descriptor: Tanpa contoh.}
    samples:
      - {level: Baik, answer: Jawaban lengkap sekali.}
      - {level: Cukup, answer: Jawaban separuh.}
      - {level: Kurang, answer: Jawaban kosong isinya.}
"""

DIAGNOSTIC = """\
id: diagnostik-uji
title: Tes Diagnostik Uji
description: Dua soal prasyarat.
questions:
  - id: d-01
    type: short_answer
    level: L1
    section: satu
    prompt: Aturan perilaku profesi disebut ...
    explanation: Kode etik.
    accept: [kode etik]
  - id: d-02
    type: short_answer
    level: L1
    section: satu
    prompt: Orang yang bekerja sukarela disebut ...
    explanation: Relawan.
    accept: [relawan]
"""


@pytest.fixture
def at(monkeypatch, content_dir, tmp_path):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "00-diagnostik.yaml").write_text(DIAGNOSTIC, encoding="utf-8")
    (quizzes / "01-uraian.yaml").write_text(ESSAY, encoding="utf-8")
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", quizzes)
    app = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    app.switch_page("app_pages/latihan.py").run()
    return app


def _button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def _texts(at) -> str:
    return "\n".join(e.value for kind in ("markdown", "success", "warning", "caption") for e in getattr(at, kind))


def test_the_diagnostic_ends_with_the_section_to_start_from(at):
    assert "Tes Diagnostik Uji" in _texts(at)
    _button(at, "Mulai tes diagnostik").click().run()
    at.text_input[0].input("kode etik").run()
    _button(at, "Periksa").click().run()
    _button(at, "Soal berikutnya").click().run()
    at.text_input[0].input("relawan").run()
    _button(at, "Periksa").click().run()
    _button(at, "Lihat ringkasan").click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Skor tes diagnostik"] == "100%"
    assert "Saran: mulai belajar dari **Bagian 2: Bagian Dua**." in _texts(at)


def test_a_weak_diagnostic_result_sends_the_student_to_the_start_and_the_basics(at):
    _button(at, "Mulai tes diagnostik").click().run()
    _button(at, "Akhiri latihan").click().run()
    shown = _texts(at)
    assert "Saran: mulai belajar dari **Bagian 1: Bagian Satu**." in shown
    assert "bab Kelompok Sosial" in shown


def test_the_essay_self_assessment_rates_each_criterion_by_its_levels(at):
    at.segmented_control[0].set_value("Kuis").run()
    at.selectbox[0].set_value("uraian").run()
    _button(at, "Mulai latihan").click().run()
    at.text_area[0].input("Jawabanku tentang pemicu.").run()
    _button(at, "Periksa").click().run()
    assert "**Baik.** Jawaban lengkap sekali." in _texts(at)
    first, second = at.radio
    assert first.options[0] == "Baik (2): Pemicu tepat dan dijelaskan."
    first.set_value(0).run()
    at.radio[1].set_value(1).run()
    assert "Nilai penilaian diri: 75%" in _texts(at)
    assert not at.exception


def test_materi_shows_the_project_with_tiers_products_ethics_and_rubric_under_its_section():
    app = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    app.query_params["bagian"] = "kesimpulan"
    app.switch_page("app_pages/materi.py").run()
    assert not app.exception
    assert [t.label for t in app.tabs] == ["Jenjang Dukungan", "Jenjang Inti", "Jenjang Tantangan"]
    shown = _texts(app)
    assert "**Naskah podcast**" in "\n".join(m.value for m in app.markdown)
    assert "**Etika wawancara**" in shown and "Anak di bawah umur" in shown
    [rubric, own, peers] = [t.value for t in app.table]
    assert list(rubric.columns) == ["Sangat baik", "Baik", "Cukup", "Perlu bimbingan"]
    assert list(own.columns) == ["Selalu", "Sering", "Kadang-kadang", "Belum"] and len(peers) == 4
