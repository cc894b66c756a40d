"""Moodle XML import: every type that maps back onto this project's seven types.

``multichoice`` (single or multiple answer), ``truefalse``, a Cloze question made
only of Benar/Salah (or True/False) drop-downs, or of the same two other words in
every drop-down, read as the item's column ``labels`` (the true/false grid),
``matching`` (sub-questions with empty text are distractors), ``ordering``,
``shortanswer`` and ``essay`` (model answer and rubric read back from the grader
information when it is laid out as this app writes it). Moodle's HTML becomes
Markdown. Every other type is listed as skipped with the reason. The file is
parsed with defusedxml, so entity tricks are refused rather than expanded.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from . import imported, markup, metadata
from .imported import MAX_QUESTIONS, Defaults, Imported, accepted_answer, base, too_many
from .moodle_xml import TRUE_FALSE_CHOICES
from .selection import Skipped

UNSUPPORTED = {
    "numerical": "soal jawaban angka dengan toleransi belum ada padanannya di aplikasi ini",
    "calculated": "soal hitungan dengan rumus dan variabel acak tidak didukung",
    "calculatedsimple": "soal hitungan dengan rumus dan variabel acak tidak didukung",
    "calculatedmulti": "soal hitungan dengan rumus dan variabel acak tidak didukung",
    "ddwtos": "seret-dan-lepas ke dalam teks belum didukung",
    "gapselect": "pilihan kata yang hilang belum didukung",
    "ddimageortext": "seret-dan-lepas pada gambar tidak didukung (aplikasi ini tanpa gambar soal)",
    "ddmarker": "penanda pada gambar tidak didukung (aplikasi ini tanpa gambar soal)",
    "randomsamatch": "soal menjodohkan acak dari soal isian lain tidak bisa dibawa",
    "random": "soal acak hanya berlaku di dalam bank soal Moodle",
    "description": "bukan soal (hanya teks keterangan)",
}
ALIASES = {"match": "matching"}  # Moodle's importer accepts the old name too
CLOZE_MARK = re.compile(r"\{(\d*):([A-Z_]+):(.*?)(?<!\\)\}")
CHOICE_KINDS = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "MULTICHOICE_S", "MCS",
                "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"}
TRUE_WORDS, FALSE_WORDS = {"benar", "true", "b", "betul"}, {"salah", "false", "s"}


class MoodleXmlError(ValueError):
    """The file is not Moodle XML that can be read; ``str()`` is the Indonesian reason."""


def _text(element: ET.Element | None, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path) if path else element
    return (found.text or "") if found is not None else ""


def _rich(element: ET.Element | None) -> str:
    """Markdown for a ``<questiontext>``-like element, whatever its format."""
    if element is None:
        return ""
    raw = _text(element)
    fmt = element.get("format", "html")
    if fmt == "html" or (fmt == "moodle_auto_format" and markup.looks_like_html(raw)):
        return markup.to_markdown(raw)
    return markup.offline(raw.strip())


def _inline(element: ET.Element | None) -> str:
    text = _rich(element)
    return " ".join(text.split()) if "\n\n" not in text else text


def _float(text: str, default: float = 0.0) -> float:
    try:
        return float((text or "").strip())
    except ValueError:
        return default


def _bool(text: str) -> bool:
    return (text or "").strip().lower() in ("1", "true", "yes")


class _Reader:
    def __init__(self, defaults: Defaults):
        self.out = Imported()
        self.defaults = defaults

    def read(self, root: ET.Element) -> Imported:
        questions = root.findall("question")
        count = sum(1 for element in questions if element.get("type") != "category")
        if count > MAX_QUESTIONS:
            raise MoodleXmlError(too_many(count))
        for element in questions:
            kind = ALIASES.get(element.get("type", ""), element.get("type", ""))
            if kind == "category":
                self._category(_text(element.find("category")))
                continue
            name = " ".join(markup.plain(_text(element.find("name"))).split()) or "(tanpa nama)"
            handler = getattr(self, f"_q_{kind}", None)
            if handler is None:
                reason = UNSUPPORTED.get(kind, "jenis soal ini tidak ada padanannya di aplikasi ini")
                self.out.skipped.append(Skipped(name, kind or "?", reason))
                continue
            result = handler(element, name)
            if isinstance(result, Skipped):
                self.out.skipped.append(result)
            else:
                self.out.questions.append(result)
            if element.findall(".//file") or "@@PLUGINFILE@@" in ET.tostring(element, encoding="unicode"):
                self.out.notes.append(f"{name}: gambar/berkas di dalam soal tidak ikut diimpor")
        return self.out

    def _category(self, path: str) -> None:
        parts = [p for p in re.split(r"(?<!/)/(?!/)", path) if p]
        parts = [p.replace("//", "/") for p in parts if not p.startswith("$") and p != "top"]
        if parts and not self.out.title:
            self.out.title = parts[0]

    def _base(self, element: ET.Element, name: str, kind: str, text: str | None = None, parts: int = 1) -> dict:
        tags = metadata.read_tags(_text(tag) for tag in element.findall("tags/tag"))
        ident = _text(element, "idnumber").strip() or name.split(" · ")[0]
        grade = element.find("defaultgrade")
        return base(self.out, kind=kind, ident=ident, text=_rich(element.find("questiontext")) if text is None
                    else text, explanation=_rich(element.find("generalfeedback")),
                    points=_float(grade.text, 1) if grade is not None else None, tags=tags, defaults=self.defaults,
                    parts=parts)

    def _q_multichoice(self, element, name):
        single = _bool(_text(element, "single") if element.find("single") is not None else "true")
        answers = [(_float(a.get("fraction", "0")), _inline(a), _rich(a.find("feedback")))
                   for a in element.findall("answer")]
        question = self._base(element, name, "single" if single else "multiple")
        options = []
        for percent, text, feedback in answers:
            option: dict = {"text": text}
            if (single and percent >= 100) or (not single and percent > 0):
                option["correct"] = True
            elif single and 0 < percent < 100:
                self.out.notes.append(f"{question['id']}: nilai sebagian {percent:g}% pada '{text}' "
                                      "dihitung salah (pilihan ganda di sini hanya benar/salah)")
            if feedback:
                option["feedback"] = feedback
            options.append(option)
        question["options"] = options
        imported.note_choice_grades(self.out, question["id"], single, [percent for percent, _, _ in answers])
        return question

    def _q_truefalse(self, element, name):
        right = next((a for a in element.findall("answer") if _float(a.get("fraction", "0")) >= 100), None)
        answer = _text(right).strip().lower() in TRUE_WORDS if right is not None else None
        full = _rich(element.find("questiontext"))
        question = self._base(element, name, "true_false", text=full, parts=2)  # prompt, rule, statement
        prompt, statement = _split_statement(question["prompt"])
        question["prompt"] = prompt
        question["statements"] = [{"text": statement, "answer": answer if answer is not None else True}]
        if any(_rich(a.find("feedback")) for a in element.findall("answer")):
            imported.note_dropped_feedback(self.out, question["id"], "Benar/Salah")
        return question

    def _q_cloze(self, element, name):
        html = _text(element.find("questiontext"))
        marks = CLOZE_MARK.findall(html)
        statements, columns = [], set()
        for _, kind, body in marks:
            found = _true_false_choice(kind, body)
            if found is None:
                return Skipped(name, "cloze", "Cloze hanya bisa diimpor bila setiap isiannya pilihan Benar/Salah")
            statements.append(found[0])
            columns.add(found[1])
        if len(columns) > 1:
            return Skipped(name, "cloze", "setiap pernyataan harus memakai dua pilihan yang sama")
        if not marks:
            return Skipped(name, "cloze", "Cloze tanpa isian")
        markdown = markup.to_markdown(CLOZE_MARK.sub(lambda m: f" [[{m.group(0).count('~')}]] ", html))
        lines = markdown.splitlines()
        rows = [i for i, line in enumerate(lines) if "[[" in line]
        if len(rows) != len(statements):
            return Skipped(name, "cloze", "setiap pernyataan Benar/Salah harus berada di barisnya sendiri")
        texts = [re.sub(r"^\s*(?:\d+[.)]|[-*])\s*", "", re.sub(r"\s*\[\[\d+\]\]\s*", " ", lines[i])).strip(" :")
                 for i in rows]
        prompt = "\n".join(lines[:rows[0]]).strip()
        question = self._base(element, name, "true_false", text=prompt)
        question.setdefault("points", sum(int(weight or 1) for weight, _, _ in marks))  # Moodle's mark
        question["statements"] = [{"text": t, "answer": a} for t, a in zip(texts, statements, strict=True)]
        if (labels := columns.pop()) is not None:
            question["labels"] = list(labels)
        return question

    def _q_matching(self, element, name):
        question = self._base(element, name, "matching")
        pairs, distractors = [], []
        for sub in element.findall("subquestion"):
            left, right = _inline(sub), markup.plain(_text(sub.find("answer")))
            if not right:
                continue
            if left:
                pairs.append({"left": left, "right": right})
            else:
                distractors.append(right)
        question["pairs"] = pairs
        if distractors:
            question["distractors"] = distractors
        return question

    def _q_ordering(self, element, name):
        question = self._base(element, name, "ordering")
        answers = sorted(element.findall("answer"), key=lambda a: _float(a.get("fraction", "0")))
        question["items"] = [_inline(a) for a in answers]
        grading = _text(element, "gradingtype").strip().upper()
        if grading == "ALL_OR_NOTHING":
            question["scoring"] = "all_or_nothing"
        shown = int(_float(_text(element, "selectcount"))) if _text(element, "selecttype").strip().upper() not in (
            "", "ALL") else 0
        imported.note_ordering(self.out, question["id"], grading, shown, len(answers))
        return question

    def _q_shortanswer(self, element, name):
        question = self._base(element, name, "short_answer")
        accept = []
        for answer in element.findall("answer"):
            text, percent = markup.plain(_text(answer)), _float(answer.get("fraction", "0"))
            if percent < 100:
                if percent > 0:
                    self.out.notes.append(f"{question['id']}: jawaban '{text}' bernilai {percent:g}% tidak dibawa "
                                          "(isian singkat di sini hanya benar/salah)")
                continue
            accept.append(accepted_answer(self.out, question["id"], text))
        if any(_rich(a.find("feedback")) for a in element.findall("answer")):
            imported.note_dropped_feedback(self.out, question["id"], "isian singkat")
        if _bool(_text(element, "usecase")):
            self.out.notes.append(f"{question['id']}: Moodle membedakan huruf besar/kecil; aplikasi ini tidak")
        question["accept"] = accept
        return question

    def _q_essay(self, element, name):
        question = self._base(element, name, "essay")
        model, rubric, samples = _grader_info(_rich(element.find("graderinfo")))
        question["model_answer"] = model
        question["rubric"] = rubric
        if samples:
            question["samples"] = samples
        return question


def _split_statement(markdown: str) -> tuple[str, str]:
    """A true/false question's text: 'prompt --- statement' as written by the export, else all statement."""
    prompt, statement = metadata.split_stimulus(markdown)
    if prompt is None:
        return "Tentukan apakah pernyataan berikut benar atau salah.", statement
    return prompt, statement


def _true_false_choice(kind: str, body: str) -> tuple[bool, tuple[str, str] | None] | None:
    """A two-choice Cloze mark as (answer, column labels): Benar/Salah words give the default columns
    (None); two other words are the item's own columns, the first being the ``answer: true`` one."""
    if kind.upper() not in CHOICE_KINDS:
        return None
    right, words = None, []
    for part in re.split(r"(?<!\\)~", body):
        part = part.split("#", 1)[0].strip()
        correct = part.startswith("=") or part.startswith("%100%")
        word = re.sub(r"\\(.)", r"\1", re.sub(r"^(=|%-?\d+(?:\.\d+)?%)", "", part).strip())
        words.append(word)
        if correct:
            right = word
    folded = {w.lower() for w in words}
    if right is None or len(words) != 2 or len(folded) != 2:
        return None
    if folded & TRUE_WORDS and folded & FALSE_WORDS:
        return right.lower() in TRUE_WORDS, None
    return right == words[0], (html.unescape(words[0]), html.unescape(words[1]))


def _grader_info(markdown: str) -> tuple[str, list[dict], list[dict]]:
    """Model answer, rubric and samples from grader information laid out as `metadata.essay_key` writes it."""
    found = metadata.read_essay_key(markdown)
    if found is None:
        return markdown.strip(), [], []
    return found[1], found[2], found[3]


def read(data: bytes, defaults: Defaults | None = None) -> Imported:
    """Questions of a Moodle XML file; raises `MoodleXmlError` when it cannot be read at all."""
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise MoodleXmlError("file XML memakai DTD/entitas yang tidak diizinkan") from exc
    except ET.ParseError as exc:
        raise MoodleXmlError(f"bukan XML yang valid ({exc})") from exc
    if root.tag != "quiz":
        raise MoodleXmlError("bukan file Moodle XML (elemen teratas harus <quiz>)")
    return _Reader(defaults or Defaults()).read(root)


def looks_like(data: bytes) -> bool:
    """An XML file (a GIFT file never starts with ``<``), with or without ``<?xml``: a comment first is fine."""
    return data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


__all__ = ["TRUE_FALSE_CHOICES", "MoodleXmlError", "looks_like", "read"]
