"""Teachers declared in secrets.toml and the OpenID Connect configuration, read without a provider."""

from __future__ import annotations

from lessonkit.auth.declared import DeclaredTeacher, oidc_providers, parse
from lessonkit.auth.passwords import hash_password

HASH = hash_password("rahasia-guru-1")
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
PROVIDER = {"client_id": "id", "client_secret": "s", "server_metadata_url": "https://accounts.example/.well-known"}


def test_declared_teachers_with_a_hash_or_an_email_are_read():
    teachers, problems = parse({"Bu_Sari": {"nama": " Sari  Dewi ", "sandi_hash": HASH},
                                "pak.budi": {"email": "Budi@Belajar.ID"}})
    assert problems == []
    assert teachers == [DeclaredTeacher("bu_sari", "Sari Dewi", HASH, None),
                        DeclaredTeacher("pak.budi", "pak.budi", None, "budi@belajar.id")]


def test_unusable_entries_are_skipped_with_a_message_naming_them():
    teachers, problems = parse({"a": {"sandi_hash": HASH}, "plain": {"sandi_hash": "rahasia"},
                                "nobody": {"nama": "Tanpa Cara Masuk"}, "bad-mail": {"email": "bukan email"},
                                "scalar": "x"})
    assert teachers == []
    assert [p.split(":")[0] for p in problems] == ["[guru.a]", "[guru.plain]", "[guru.nobody]", "[guru.bad-mail]",
                                                   "[guru.scalar]"]
    assert "python -m lessonkit guru hash" in problems[1]


def test_oidc_is_offered_only_for_a_complete_auth_section():
    assert oidc_providers(None) == []
    assert oidc_providers({"client_id": "id"}) == []
    assert oidc_providers({**AUTH, **PROVIDER}) == [None]
    assert oidc_providers({**AUTH, "google": PROVIDER, "broken": {"client_id": "x"}}) == ["google"]


def test_a_missing_placeholder_or_short_cookie_secret_refuses_every_provider():
    from lessonkit.auth.declared import oidc_problem

    for secret, why in ((None, "belum diisi"), ("string-acak-panjang", "masih contoh"), ("a" * 31, "kurang dari 32")):
        auth = {**AUTH, "cookie_secret": secret, **PROVIDER}
        assert oidc_providers(auth) == [] and why in oidc_problem(auth)
    assert oidc_problem({**AUTH, **PROVIDER}) is None and oidc_providers({**AUTH, **PROVIDER}) == [None]
    assert oidc_problem({}) is None, "no [auth] at all is not a problem: passwords only"
