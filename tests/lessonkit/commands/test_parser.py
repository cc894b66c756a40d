"""``python -m lessonkit``: every --help and every usage error is Indonesian, argparse's own words too."""

from __future__ import annotations

import argparse
import re

import pytest

from lessonkit import cli
from lessonkit.commands.parser import translate_error

# The words argparse itself prints in English (help headings, the help line, error sentences).
ARGPARSE_ENGLISH = ["usage", "options", "optional", "positional", "arguments", "argument", "show", "this", "help",
                    "message", "exit", "error", "required", "following", "invalid", "choice", "choose", "expected",
                    "unrecognized", "ambiguous", "allowed", "ignored", "explicit", "subcommands", "value", "could"]
# A word, but not part of an option string such as ``--help``.
ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(ARGPARSE_ENGLISH) + r")(?![\w-])", re.IGNORECASE)


def _command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths += _command_paths(sub, (*path, name))
    return paths


COMMANDS = _command_paths(cli._parser())


def _run(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        cli.main(list(argv))
    out = capsys.readouterr()
    return exited.value.code, out.out + out.err


def test_every_command_and_subcommand_is_walked():
    assert {("check",), ("ekspor",), ("impor",), ("cetak",), ("guru",), ("guru", "tambah"), ("guru", "hash"),
            ("guru", "nonaktifkan")} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda path: " ".join(path) or "lessonkit")
def test_help_of_every_command_has_no_english(capsys, command):
    code, text = _run(capsys, *command, "--help")
    assert code == 0
    assert text.startswith("penggunaan: python -m lessonkit")
    assert "opsi:" in text and "tampilkan bantuan ini lalu keluar" in text
    assert ENGLISH.findall(text) == [], text


@pytest.mark.parametrize("argv", [
    ["tidak-ada"],                                 # unknown command (invalid choice)
    ["ekspor"],                                    # the following arguments are required
    ["ekspor", "--format", "docx", "-o", "a"],     # invalid choice of an option
    ["check", "--tidak-ada"],                      # unrecognized arguments
    ["cetak", "lembar", "-o"],                     # expected one argument
    ["ekspor", "--format", "gift", "-o", "a", "--kuis"],  # expected at least one argument
    ["guru", "sandi"],                             # a subcommand's required positional
])
def test_usage_errors_are_indonesian_and_exit_2(capsys, argv):
    code, text = _run(capsys, *argv)
    assert code == 2
    assert "penggunaan: " in text and ": galat: " in text
    assert ENGLISH.findall(text) == [], text


def test_nested_argument_errors_translate_both_levels():
    english = "argument --format: invalid choice: 'docx' (choose from 'moodle', 'gift')"
    assert translate_error(english) == "argumen --format: pilihan tidak sah: 'docx' (pilih dari 'moodle', 'gift')"


def test_a_sentence_argparse_never_wrote_passes_through_unchanged():
    assert translate_error("berkas rusak") == "berkas rusak"


def test_a_wrong_number_is_reported_without_the_type_name_of_python(capsys):
    code, text = _run(capsys, "alamat", "--port", "delapan")
    assert code == 2
    assert "argumen --port: nilai bilangan bulat tidak sah: 'delapan'" in text
