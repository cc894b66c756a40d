"""Join codes: an unambiguous alphabet, forgiving input, and class names."""

from __future__ import annotations

from lessonkit.rules.class_codes import (
    ALPHABET,
    class_name_problem,
    clean_class_name,
    new_join_code,
    normal_code,
)


def test_join_codes_avoid_characters_that_look_alike():
    assert not set("01OILU") & set(ALPHABET)
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 6 and set(c) <= set(ALPHABET) for c in codes)


def test_a_typed_code_is_forgiven_case_spaces_and_dashes_but_not_wrong_letters():
    assert normal_code(" k7m-3px ") == "K7M3PX"
    assert normal_code("K7M 3PX") == "K7M3PX"
    assert normal_code("K7M3P0") is None and normal_code("K7M3P") is None and normal_code(None) is None


def test_class_names_are_tidied_and_required():
    assert clean_class_name("  XI IPS 2  ·   2026/2027 ") == "XI IPS 2 · 2026/2027"
    assert class_name_problem("") is not None and class_name_problem("XI IPS 2") is None
