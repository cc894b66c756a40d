"""The sign-in page under attack: a flood is told to wait, and a school-account cookie is trusted only with a real
cookie secret and a verified email."""

from __future__ import annotations

from lessonkit.auth.declared import SECRET_COMMAND
from lessonkit.auth.throttle import SignInGate
from tests.pages.test_teacher_pages import AUTH, HASH, fresh, page, sign_in, texts


def test_past_the_sign_in_limits_the_page_says_try_again_in_a_moment(store, monkeypatch):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    monkeypatch.setattr("ui.teacher.signin._gate", SignInGate(per_client=1))
    at = sign_in(page("app_pages/masuk_guru.py"), username="tidak-ada")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    at = sign_in(at)
    assert [e.value for e in at.error] == ["Sedang banyak percobaan masuk. Coba lagi sebentar."]
    assert "Kamu masuk sebagai" not in texts(at)


def test_a_placeholder_or_short_cookie_secret_turns_school_accounts_off_with_a_message(store):
    budi = store.add_teacher("Budi", email="budi@belajar.id")
    store.create_class(budi.id, "Sejarah XI")
    for secret in ("string-acak-panjang", "pendek-sekali", ""):
        at = fresh()
        at.secrets["auth"] = {**AUTH, "cookie_secret": secret}
        at.user = {"is_logged_in": True, "email": "budi@belajar.id", "email_verified": True}  # a forged cookie
        page(at=at)
        shown = texts(at)
        assert "Sejarah XI" not in shown, f"cookie_secret {secret!r} must not sign anyone in"
        assert "Masuk dengan akun sekolah dimatikan" in shown and SECRET_COMMAND in shown
        assert not [b for b in at.button if "akun sekolah" in b.label]


def test_a_school_account_without_email_verified_is_not_a_teacher(store):
    budi = store.add_teacher("Budi", email="budi@belajar.id")
    store.create_class(budi.id, "Sejarah XI")
    at = fresh()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": "budi@belajar.id"}
    page(at=at)
    assert "Sejarah XI" not in texts(at)
