"""The Indonesian ``argparse`` parser every ``python -m lessonkit`` command is built with.

argparse prints its own English ("usage:", "options", "show this help message and exit",
"the following arguments are required: ...") through ``gettext``; a teacher reads Indonesian.
This module owns those strings without touching gettext or argparse's globals:

- help output: :class:`HelpFormatter` gives the usage prefix; :class:`Parser` names the argument
  groups and writes its own ``-h/--help`` line;
- error messages: argparse hands :meth:`Parser.error` a finished English sentence, which
  :func:`translate_error` maps back through :data:`ERRORS` (argparse's message templates and their
  Indonesian) before printing. A sentence no template matches is printed as it came.
"""

from __future__ import annotations

import argparse
import re
import sys

USAGE_ERROR = 2
USAGE_PREFIX = "penggunaan: "
POSITIONALS_TITLE = "argumen"
OPTIONALS_TITLE = "opsi"
HELP_HELP = "tampilkan bantuan ini lalu keluar"

# argparse's error templates (Python 3.11 to 3.13) -> Indonesian; same placeholders on both sides.
ERRORS = {
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen ini wajib diisi: %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu, bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' tidak bisa dibuka: %(error)s",
}

# Values argparse puts into a template that are English words themselves, by placeholder name.
VALUE_NAMES = {"type": {"int": "bilangan bulat", "float": "bilangan"}}

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


def _pattern(template: str) -> re.Pattern:
    """A regex matching what ``template % values`` produced, capturing each value in order."""
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(template):
        parts += [re.escape(template[last:match.start()]), "(.+?)"]
        last = match.end()
    return re.compile("".join(parts) + re.escape(template[last:]) + r"\Z", re.DOTALL)


_TRANSLATIONS = [(_pattern(english), indonesian) for english, indonesian in ERRORS.items()]


def translate_error(message: str) -> str:
    """Indonesian for one of argparse's error sentences (nested ``argument X: ...`` ones too)."""
    for pattern, indonesian in _TRANSLATIONS:
        match = pattern.match(message)
        if match is None:
            continue
        values = iter(match.groups())
        out, last = [], 0
        for placeholder in _PLACEHOLDER.finditer(indonesian):
            name, value = placeholder.group(1), next(values)
            value = translate_error(value) if name == "message" else VALUE_NAMES.get(name, {}).get(value, value)
            out += [indonesian[last:placeholder.start()], value]
            last = placeholder.end()
        return "".join(out) + indonesian[last:]
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the Indonesian usage prefix."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Indonesian; errors exit with code 2, no traceback."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS_TITLE
        self._optionals.title = OPTIONALS_TITLE
        if add_help:
            prefix = self.prefix_chars[0]
            self.add_argument(prefix + "h", prefix * 2 + "help", action="help", default=argparse.SUPPRESS,
                              help=HELP_HELP)

    def error(self, message: str):  # noqa: D401 - argparse hook
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: galat: {translate_error(message)}\n")
