"""Moodle XML export: all seven question types, categories by quiz and section.

Mapping (see also docs/ekspor-impor.md):

- single -> ``multichoice`` with ``<single>true``: the key 100 %, the rest 0 %;
- multiple -> ``multichoice`` with ``<single>false``: each key +100/k %, each wrong option
  -100/k % (k keys; every value is on Moodle's list of allowed grades, five decimals), which is
  exactly this app's rule max(0, (right - wrong) / k);
- true_false -> ``truefalse`` for one statement with the default columns; a grid of several
  statements (or columns of its own, e.g. Fakta/Opini) -> one Cloze (``cloze``/multianswer)
  question with ``{w:MC:=Benar~Salah}`` (the item's labels) per statement, so it stays one
  question graded per statement, as in the app (separate true/false questions would lose the
  grouping and the shared prompt). A Cloze question is worth the sum of its parts' weights
  (``defaultgrade`` is ignored) and a weight is a whole number, so w = points / n when that is
  whole; otherwise w = 1 and `notes` tells the teacher the mark differs. A ``{`` in the texts is
  written ``&#123;`` so Moodle never takes a statement's text for another part;
- matching -> ``matching``; distractors are sub-questions with empty text (Moodle's convention);
  answers are plain text (Moodle shows them as written, so Markdown would show raw);
- ordering -> ``ordering`` (core ``qtype_ordering`` from Moodle 4.4), items in the right order,
  all shown, ``LONGEST_ORDERED_SUBSET`` (nearest to the app's rule) or ``ALL_OR_NOTHING``; for an
  older Moodle a matching question instead (`moodle_versions`);
- short_answer -> ``shortanswer``, case-insensitive, every accepted answer 100 % (``*`` escaped);
- essay -> ``essay`` with the model answer and the rubric in the grader information.

Explanations are general feedback, option feedback stays with its option, a shared
stimulus is printed above each of its questions, and level/section/stimulus travel as
tags (`metadata`). Question ``idnumber`` is the app's id.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET

from ..quiz.base import QuestionBase
from ..quiz.types import TYPE_NAMES, of_type, true_false
from . import markup, metadata, moodle_versions
from .selection import Selection

# Moodle's question_bank::fraction_options_full(), as percentages
ALLOWED_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                     14.28571, 12.5, 11.11111, 10, 5, 0)
TRUE_FALSE_CHOICES = ("Benar", "Salah")
PENALTY = "0.3333333"


def fraction(percent: float) -> str:
    """A grade from Moodle's allowed list, written with at most five decimals."""
    rounded = round(abs(percent), 5)
    closest = min(ALLOWED_FRACTIONS, key=lambda allowed: abs(allowed - rounded))
    if abs(closest - rounded) > 1e-4:
        raise ValueError(f"{percent} is not one of Moodle's grades")
    text = f"{closest:.5f}".rstrip("0").rstrip(".")
    return text if percent >= 0 or closest == 0 else f"-{text}"


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _leaf(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def question_name(question: QuestionBase) -> str:
    words = markup.plain(markup.to_inline_html(question.prompt)).split()
    snippet = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return f"{question.id} · {snippet}"


def _header(root: ET.Element, kind: str, question: QuestionBase, text_html: str, *, grade: float | None) -> ET.Element:
    element = ET.SubElement(root, "question", {"type": kind})
    ET.SubElement(ET.SubElement(element, "name"), "text").text = question_name(question)
    _text(element, "questiontext", text_html)
    _text(element, "generalfeedback", markup.to_html(question.explanation))
    if grade is not None:
        _leaf(element, "defaultgrade", metadata.number(grade))
    _leaf(element, "penalty", PENALTY)
    _leaf(element, "hidden", "0")
    _leaf(element, "idnumber", question.id)
    return element


def _combined_feedback(element: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    _leaf(element, "shownumcorrect", "1")  # qtype_ordering reads the value: an empty element is "off"


def _tags(element: ET.Element, tags: list[str]) -> None:
    holder = ET.SubElement(element, "tags")
    for tag in tags:
        ET.SubElement(ET.SubElement(holder, "tag"), "text").text = tag


def _answer(element: ET.Element, percent: float, text: str, feedback: str | None = None,
            fmt: str = "html") -> None:
    answer = _text(element, "answer", text, fmt)
    answer.set("fraction", fraction(percent))
    _text(answer, "feedback", markup.to_html(feedback) if feedback else "")


def _prompt_html(question: QuestionBase, stimulus: str | None, extra: str = "") -> str:
    text = metadata.with_stimulus(stimulus, question.prompt)
    return markup.to_html(text) + extra


def _single_or_multiple(root, q, stimulus, *, single: bool) -> None:
    element = _header(root, "multichoice", q, _prompt_html(q, stimulus), grade=q.points)
    _leaf(element, "single", "true" if single else "false")
    _leaf(element, "shuffleanswers", "true")
    _leaf(element, "answernumbering", "ABCD")
    _leaf(element, "showstandardinstruction", "0")
    _combined_feedback(element)
    keys = sum(o.correct for o in q.options)
    for option in q.options:
        if single:
            percent = 100 if option.correct else 0
        else:
            percent = 100 / keys if option.correct else -100 / keys
        _answer(element, percent, markup.to_inline_html(option.text), option.feedback)
    _tags(element, metadata.tags_for(q))


def _cloze_word(text: str) -> str:
    """A column label as a Cloze choice (its special characters escaped)."""
    return re.sub(r"([~=#{}\\])", r"\\\1", html.escape(text, quote=False))


def _true_false(root, q, stimulus) -> None:
    if len(q.statements) == 1 and tuple(q.labels) == true_false.DEFAULT_LABELS:
        statement = q.statements[0]
        text = metadata.with_stimulus(stimulus, f"{q.prompt.strip()}\n\n{metadata.RULE}\n\n{statement.text}")
        element = _header(root, "truefalse", q, markup.to_html(text), grade=q.points)
        _answer(element, 100 if statement.answer else 0, "true", fmt="moodle_auto_format")
        _answer(element, 0 if statement.answer else 100, "false", fmt="moodle_auto_format")
        _tags(element, metadata.tags_for(q))
        return
    weight = cloze_weight(q)
    yes, no = (_cloze_word(label) for label in q.labels)
    rows = "".join(
        f"<p>{i}. {_no_cloze(markup.to_inline_html(s.text))} "
        f"{{{weight}:MC:{'=' if s.answer else ''}{yes}~{'' if s.answer else '='}{no}}}</p>"
        for i, s in enumerate(q.statements, start=1))
    element = _header(root, "cloze", q, _no_cloze(_prompt_html(q, stimulus)) + rows, grade=None)
    _tags(element, metadata.tags_for(q, native_points=False))


def cloze_weight(q) -> int:
    """Each statement's weight in a true/false grid's Cloze question (whole numbers only, in Moodle)."""
    share = q.points / len(q.statements)
    return int(share) if share.is_integer() else 1


def _no_cloze(html_text: str) -> str:
    """HTML in which Moodle's Cloze reader finds no part (``{`` as the entity ``&#123;``)."""
    return html_text.replace("{", "&#123;")


def _matching(root, q, stimulus) -> None:
    element = _header(root, "matching", q, _prompt_html(q, stimulus), grade=q.points)
    _leaf(element, "shuffleanswers", "true")
    _combined_feedback(element)
    for left, right in [(markup.to_inline_html(p.left), markup.plain_text(p.right)) for p in q.pairs] + [
            ("", markup.plain_text(d)) for d in q.distractors]:
        sub = _text(element, "subquestion", left)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    _tags(element, metadata.tags_for(q))


def _ordering(root, q, stimulus) -> None:
    element = _header(root, "ordering", q, _prompt_html(q, stimulus), grade=q.points)
    _leaf(element, "layouttype", "VERTICAL")
    _leaf(element, "selecttype", "ALL")
    _leaf(element, "selectcount", str(len(q.items)))
    grading = "ALL_OR_NOTHING" if q.scoring == "all_or_nothing" else "LONGEST_ORDERED_SUBSET"
    _leaf(element, "gradingtype", grading)
    _leaf(element, "showgrading", "SHOW")
    _leaf(element, "numberingstyle", "none")
    _combined_feedback(element)
    for position, item in enumerate(q.items, start=1):
        answer = _text(element, "answer", markup.to_inline_html(item))
        answer.set("fraction", f"{position}.0000000")
    _tags(element, metadata.tags_for(q, native_scoring=True))


def escape_wildcard(answer: str) -> str:
    """Moodle short answers treat ``*`` as a wildcard; a literal one is written ``\\*``."""
    return answer.replace("*", "\\*")


def _short_answer(root, q, stimulus) -> None:
    element = _header(root, "shortanswer", q, _prompt_html(q, stimulus), grade=q.points)
    _leaf(element, "usecase", "0")
    for accepted in q.accept:
        _answer(element, 100, escape_wildcard(accepted), fmt="moodle_auto_format")
    _tags(element, metadata.tags_for(q))


def grader_info(q) -> str:
    return markup.to_html(metadata.essay_key(q))


def _essay(root, q, stimulus) -> None:
    element = _header(root, "essay", q, _prompt_html(q, stimulus), grade=q.points)
    for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "10"),
                       ("attachments", "0"), ("attachmentsrequired", "0"), ("maxbytes", "0")):
        _leaf(element, tag, value)
    _text(element, "graderinfo", grader_info(q))
    _text(element, "responsetemplate", "")
    _tags(element, metadata.tags_for(q))


WRITERS = {"single": functools.partial(_single_or_multiple, single=True),
           "multiple": functools.partial(_single_or_multiple, single=False), "true_false": _true_false,
           "matching": _matching, "ordering": _ordering, "short_answer": _short_answer, "essay": _essay}


def _category(root: ET.Element, *names: str) -> None:
    element = ET.SubElement(root, "question", {"type": "category"})
    path = "/".join(name.replace("/", "//") for name in names)
    ET.SubElement(ET.SubElement(element, "category"), "text").text = f"$course$/top/{path}"


def export(selection: Selection, version: str = moodle_versions.LATEST) -> bytes:
    """The selection as a Moodle XML file (UTF-8) for the given Moodle version."""
    root = ET.Element("quiz")
    for group in selection.groups():
        _category(root, group.quiz.title, group.section_title)
        for item in group.items:
            question = moodle_versions.adapted(item.question, version)
            of_type(WRITERS, question.type, "Moodle XML writer")(root, question, item.stimulus)
    ET.indent(root, space="  ")
    text = _cdata(ET.tostring(root, encoding="unicode"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


_ESCAPED_MARKUP = re.compile(r"<text>([^<]*&lt;[^<]*)</text>")


def _cdata(document: str) -> str:
    """HTML inside ``<text>`` as CDATA, as Moodle writes it (readable in an editor)."""
    def wrap(match: re.Match) -> str:
        raw = html.unescape(match.group(1)).replace("]]>", "]]]]><![CDATA[>")
        return f"<text><![CDATA[{raw}]]></text>"
    return _ESCAPED_MARKUP.sub(wrap, document)


def _true_false_mark(q) -> float:
    return len(q.statements) * cloze_weight(q) if len(q.statements) > 1 else q.points


# a question's mark in Moodle, by type, where it can differ from its points (a Cloze question's parts)
MARKS = {"true_false": _true_false_mark}


def moodle_mark(question: QuestionBase) -> float:
    """What ``question`` is worth in Moodle once imported from this export."""
    mark = MARKS.get(question.type)
    return mark(question) if mark else question.points


def _mark_changes(questions: list[QuestionBase]) -> list[str]:
    return [f"{q.id} ({TYPE_NAMES[q.type]}): bernilai {metadata.number(moodle_mark(q))} di Moodle, "
            f"{metadata.number(q.points)} di aplikasi (nilai soal Cloze adalah jumlah nilai pernyataannya); "
            "atur nilai maksimumnya di kuis Moodle bila perlu"
            for q in questions if moodle_mark(q) != q.points]


def notes(selection: Selection, version: str = moodle_versions.LATEST) -> list[str]:
    """What a teacher should know about this selection's Moodle XML file (Indonesian), one line each."""
    return moodle_versions.notes(selection.questions, version) + _mark_changes(selection.questions)
