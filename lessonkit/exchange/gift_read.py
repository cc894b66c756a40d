"""GIFT import, following the rules of Moodle's own reader (``qformat_gift``).

Questions are blocks separated by blank lines; ``//`` lines are comments (``// [id:…]`` and
``// [tag:…]`` carry the id and tags); ``$CATEGORY:`` names the quiz; ``::name::`` is
optional; the answer part is the text between the first ``{`` and the first ``}`` after
escapes (``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``) are set aside; ``####`` starts the general
feedback. Types: single/multiple choice (``~``, ``=``, ``%w%``), matching (``=a -> b``,
``= -> b`` a distractor), true/false (``T``, ``TRUE``, ``F``, ``FALSE``), short answer,
essay (``{}``; model answer and rubric from the general feedback when written as the
export does), and the ordering syntax of Moodle's ordering type (``{>n …``).
Numerical questions and descriptions are listed as skipped.
"""

from __future__ import annotations

import re

from . import imported, markup, metadata
from .imported import MAX_QUESTIONS, Defaults, Imported, accepted_answer, base, too_many
from .selection import Skipped

ESCAPES = {"\\:": "\x00058", "\\#": "\x00035", "\\=": "\x00061", "\\{": "\x00123", "\\}": "\x00125",
           "\\~": "\x00126", "\\n": "\x00010"}
RESTORE = {"\x00058": ":", "\x00035": "#", "\x00061": "=", "\x00123": "{", "\x00125": "}", "\x00126": "~",
           "\x00010": "\n"}
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
PARTS_AFTER_STIMULUS = {"true_false": 2}  # the export writes prompt, rule, statement


class GiftError(ValueError):
    """The file cannot be read as GIFT; ``str()`` is the Indonesian reason."""


def _protect(text: str) -> str:
    text = text.replace("\\\\", "\x00092")
    for escaped, placeholder in ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x00092", "\\")


def _restore(text: str) -> str:
    for placeholder, char in RESTORE.items():
        text = text.replace(placeholder, char)
    return text


def _formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """(format, Markdown) of a GIFT text with an optional ``[format]`` prefix."""
    text = text.strip()
    fmt = default
    found = re.match(r"^\[(html|moodle|plain|markdown)\]", text)
    if found:
        fmt, text = found.group(1), text[found.end():]
    text = _restore(text).strip()
    if fmt == "html" or (fmt == "moodle" and markup.looks_like_html(text)):
        return fmt, markup.to_markdown(text)
    return fmt, markup.offline(text)


def _inline(text: str, fmt: str) -> str:
    markdown = _formatted(text, fmt)[1]
    return " ".join(markdown.split()) if "\n\n" not in markdown else markdown


def blocks(text: str) -> list[list[str]]:
    found, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


class _Reader:
    def __init__(self, defaults: Defaults):
        self.out = Imported()
        self.defaults = defaults

    def block(self, lines: list[str]) -> None:
        comments = [line.strip()[2:].strip() for line in lines if line.strip().startswith("//")]
        body = [line for line in lines if not line.strip().startswith("//")]
        if body and body[0].strip().startswith("$CATEGORY:"):
            self._category(body[0].strip()[len("$CATEGORY:"):])
            body = body[1:]
        if not "".join(body).strip():
            return
        ident = next((c[4:-1] for c in comments if c.startswith("[id:") and c.endswith("]")), "")
        tags = metadata.read_tags(c[5:-1] for c in comments if c.startswith("[tag:") and c.endswith("]"))
        self.question("\n".join(body).strip(), ident, tags)

    def _category(self, path: str) -> None:
        parts = [p.replace("//", "/") for p in re.split(r"(?<!/)/(?!/)", path.strip()) if p]
        parts = [p for p in parts if not p.startswith("$") and p != "top"]
        if parts and not self.out.title:
            self.out.title = parts[0]

    def question(self, text: str, ident: str, tags: dict[str, str]) -> None:
        text = _protect(text)
        name = ""
        if text.startswith("::") and "::" in text[2:]:
            name, text = text[2:].split("::", 1)
            name, text = " ".join(_restore(name).split()), text.strip()
        start, end = text.find("{"), text.find("}")
        label = name or " ".join(_restore(text).split())[:40] or "(tanpa nama)"
        if start < 0 and end < 0:
            self.out.skipped.append(Skipped(label, "description", "bukan soal (hanya teks keterangan)"))
            return
        if start < 0 or end < start:
            self.out.skipped.append(Skipped(label, "?", "kurung kurawal { } tidak berpasangan"))
            return
        answer = text[start + 1:end].strip()
        after = text[end + 1:].strip()
        prompt_text = text[:start] + ("_____" + text[end + 1:] if after else "")
        general = ""
        if "####" in answer:
            answer, general = answer[:answer.rfind("####")].strip(), answer[answer.rfind("####") + 4:]
        fmt, prompt = _formatted(prompt_text)
        explanation = _formatted(general, fmt)[1]
        kind = self._kind(answer)
        if kind is None:
            reason = ("soal jawaban angka belum ada padanannya di aplikasi ini" if answer.startswith("#")
                      else "jenis soal GIFT ini tidak dikenali")
            self.out.skipped.append(Skipped(label, "numerical" if answer.startswith("#") else "?", reason))
            return
        question = base(self.out, kind=kind, ident=ident or name or "soal", text=prompt, explanation=explanation,
                        points=None, tags=tags, defaults=self.defaults, parts=PARTS_AFTER_STIMULUS.get(kind, 1))
        getattr(self, f"_{kind}")(question, answer, fmt)
        self.out.questions.append(question)

    @staticmethod
    def _kind(answer: str) -> str | None:
        if answer.startswith(">"):
            return "ordering"
        if answer == "":
            return "essay"
        if answer.startswith("#"):
            return None
        if "~" in answer:
            return "multiple" if "=" not in answer else "single"
        if "=" in answer and "->" in answer:
            return "matching"
        if answer.split("#", 1)[0].strip() in TRUE_FALSE:
            return "true_false"
        return "short_answer"

    def _single(self, question: dict, answer: str, fmt: str, single: bool = True) -> None:
        options, weights = [], []
        for part in [p.strip() for p in answer.replace("=", "~=").split("~") if p.strip()]:
            weight = 100.0 if part.startswith("=") else 0.0
            part = part[1:] if part.startswith("=") else part
            found = WEIGHT.match(part)
            if found:
                weight, part = float(found.group(1)), part[found.end():]
            weights.append(weight)
            text, _, feedback = part.partition("#")
            option: dict = {"text": _inline(text, fmt)}
            if (single and weight >= 100) or (not single and weight > 0):
                option["correct"] = True
            if feedback.strip():
                option["feedback"] = _inline(feedback, fmt)
            options.append(option)
        question["options"] = options
        imported.note_choice_grades(self.out, question["id"], single, weights)

    def _multiple(self, question: dict, answer: str, fmt: str) -> None:
        self._single(question, answer, fmt, single=False)

    def _true_false(self, question: dict, answer: str, fmt: str) -> None:
        value, _, feedback = answer.partition("#")
        truth = TRUE_FALSE[value.strip()]
        if feedback.replace("#", "").strip():
            imported.note_dropped_feedback(self.out, question["id"], "Benar/Salah")
        prompt, statement = metadata.split_stimulus(question["prompt"])
        question["prompt"] = prompt or "Tentukan apakah pernyataan berikut benar atau salah."
        question["statements"] = [{"text": statement, "answer": truth}]

    def _matching(self, question: dict, answer: str, fmt: str) -> None:
        pairs, distractors = [], []
        for part in [p for p in answer.split("=") if p.strip()]:
            left, _, right = part.partition("->")
            right = " ".join(_restore(right).split())
            if not right:
                continue
            if left.strip():
                pairs.append({"left": _inline(left, fmt), "right": right})
            else:
                distractors.append(right)
        question["pairs"] = pairs
        if distractors:
            question["distractors"] = distractors

    def _ordering(self, question: dict, answer: str, fmt: str) -> None:
        head, _, rest = answer[1:].partition("\n")
        words = head.upper().split()
        if "ALL_OR_NOTHING" in words:
            question["scoring"] = "all_or_nothing"
        question["items"] = [" ".join(_restore(line).split()) for line in rest.splitlines() if line.strip()]
        grading = next((w for w in words if w.endswith(("_NOTHING", "_POSITION", "_LAST", "_NEXT", "_SUBSET"))), "")
        shown = int(words[0]) if words and words[0].isdigit() and "ALL" not in words[1:2] else 0
        imported.note_ordering(self.out, question["id"], grading, shown, len(question["items"]))

    def _short_answer(self, question: dict, answer: str, fmt: str) -> None:
        accept = []
        for part in [p.strip() for p in answer.split("=") if p.strip()]:
            weight = 100.0
            found = WEIGHT.match(part)
            if found:
                weight, part = float(found.group(1)), part[found.end():]
            text = " ".join(_restore(part.partition("#")[0]).split())
            if part.partition("#")[2].strip():
                imported.note_dropped_feedback(self.out, question["id"], "isian singkat")
            if weight >= 100:
                accept.append(accepted_answer(self.out, question["id"], text))
            elif weight > 0:
                self.out.notes.append(f"{question['id']}: jawaban '{text}' bernilai {weight:g}% tidak dibawa "
                                      "(isian singkat di sini hanya benar/salah)")
        question["accept"] = accept

    def _essay(self, question: dict, answer: str, fmt: str) -> None:
        key = metadata.read_essay_key(question["explanation"])
        if key is None:
            question["model_answer"], question["rubric"] = "", []
            return
        question["explanation"], question["model_answer"], question["rubric"], samples = key
        if samples:
            question["samples"] = samples


def read(data: bytes, defaults: Defaults | None = None) -> Imported:
    """Questions of a GIFT file; raises `GiftError` when it is not UTF-8 text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GiftError("file GIFT harus disimpan dengan encoding UTF-8") from exc
    reader = _Reader(defaults or Defaults())
    found = blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    count = sum(1 for lines in found if any(not line.strip().startswith(("//", "$CATEGORY")) for line in lines))
    if count > MAX_QUESTIONS:
        raise GiftError(too_many(count))
    for lines in found:
        reader.block(lines)
    return reader.out
