"""One school time zone with AppTest: a teacher picks WITA on Kelas Saya; members' join times, the class exam's
window on Ujian Kelas and on the student's Ujian all show that zone, named, from the same stored UTC moments."""

from __future__ import annotations

from lessonkit.rules import school_time
from tests.pages.test_class_exam_pages import bank, class_with_exam, member_on_ujian  # noqa: F401 - fixture
from tests.pages.test_teacher_pages import button, page, sign_in, texts


def test_a_teacher_picks_wita_and_join_and_exam_times_show_in_wita_with_its_name(store, bank, monkeypatch):  # noqa: F811
    monkeypatch.setattr("ui.data._zone", None)
    sari, klass, made = class_with_exam(store, bank)
    at = sign_in(page())
    assert "Zona waktu sekolah: WIB" in [e.label for e in at.expander]
    at.selectbox(key="school_zone").set_value("Asia/Makassar")
    at = button(at, "Simpan zona waktu").click().run()
    assert store.school_setting(school_time.ZONE_SETTING) == "Asia/Makassar"
    ana, student_page = member_on_ujian(store, klass)
    at.run()
    [member] = store.members(sari.id, klass.id)
    assert school_time.short_text(member.joined_at, "Asia/Makassar") in texts(at)
    assert school_time.short_text(member.joined_at, "Asia/Makassar").endswith(" WITA")
    closes = school_time.long_text(made.closes_at, "Asia/Makassar")
    assert closes in texts(page("app_pages/ujian_kelas.py", at))
    student_page.run()
    assert closes in texts(student_page)
