"""YAML problems are reported in Indonesian with their line; hostile documents are refused, never a crash."""

from __future__ import annotations

import pytest

from lessonkit.authoring.yamlsrc import MAX_DEPTH, parse_yaml

CASES = {
    "colon in text": ("judul: Profesi: dokter", 1, "tanda titik dua ':' tidak boleh di sini"),
    "bad indentation": ("a:\n  - x\n b: 2", 3, "periksa indentasi"),
    "open quote": ("a: 'belum ditutup", 1, "sebelum tanda kutip atau kurung ditutup"),
    "tab": ("a: 1\n\tb: 2", 2, "tab tidak boleh dipakai"),
    "open bracket": ("a: [1, 2", 2, "kurung siku '[ ]' belum ditutup"),
    "list then key": ("- a\nb: 2", 2, "diawali '- '"),
    "unknown tag": ("a: !rahasia x", 1, "tag YAML"),
    "two documents": ("a: 1\n---\nb: 2", 2, "hanya boleh berisi satu dokumen"),
    "impossible date": ("a: 1\ntanggal: 2026-02-30", 2, "tidak dapat dibaca"),
    "control character": ("a: 1\nb: x\x00", 2, "karakter kontrol"),
}


@pytest.mark.parametrize("text, line, words", CASES.values(), ids=CASES.keys())
def test_syntax_errors_are_explained_in_indonesian_at_their_line(text, line, words):
    [problem] = parse_yaml(text, "kuis.yaml").problems
    assert problem.line == line and problem.field == "yaml"
    assert problem.message.startswith("YAML tidak valid: ") and words in problem.message


def test_the_line_where_an_unclosed_thing_began_is_named():
    [problem] = parse_yaml("a: 1\nb: \"mulai\n\nc: 3\n", "kuis.yaml").problems
    assert "teks bertanda kutip yang dimulai di baris 2" in problem.message


def test_aliases_are_refused_so_a_small_file_cannot_expand_enormously():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8))
    parsed = parse_yaml(laughs, "kuis.yaml")
    assert parsed.data is None and "alias '*'" in parsed.problems[0].message


@pytest.mark.parametrize("text", ["a: " + "[" * 50_000 + "]" * 50_000,
                                  "\n".join(" " * i + "- x:" for i in range(0, 4 * MAX_DEPTH, 2))])
def test_absurdly_deep_nesting_is_refused_before_the_parser_runs(text):
    parsed = parse_yaml(text, "kuis.yaml")
    assert parsed.data is None and "terlalu dalam" in parsed.problems[0].message


def test_front_matter_lines_are_shifted():
    [problem] = parse_yaml("id: x\njudul: a: b", "01-bagian.md", line_offset=1).problems
    assert problem.line == 3
