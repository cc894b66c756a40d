"""School settings: unset until a teacher chooses, then kept and replaced by name."""

from __future__ import annotations


def test_a_school_setting_is_none_until_set_then_kept_and_replaced(store):
    assert store.school_setting("zona_waktu") is None
    store.set_school_setting("zona_waktu", "Asia/Makassar")
    store.set_school_setting("zona_waktu", "Asia/Jayapura")
    assert store.school_setting("zona_waktu") == "Asia/Jayapura"
