"""GIFT export (Moodle's plain-text question format), for the types GIFT expresses.

Texts are written as ``[markdown]`` (this project's Markdown, which Moodle renders),
with GIFT's reserved characters ``\\ ~ = # { } :`` escaped by a backslash and line
breaks as ``\\n``, so every question stays one block. Mapping:

- single ``{=right ~wrong}``; multiple ``{~%50%right ~%-50%wrong}`` (same grades as Moodle XML);
- true_false with one statement ``{T}``/``{F}``; a grid of several statements, or columns other
  than Benar/Salah, is skipped (GIFT has no Cloze; use Moodle XML);
- matching ``{=left -> right}``; a distractor is written ``= -> right``, as Moodle's own GIFT
  exporter does for a sub-question with empty text (a left text containing ``->`` is skipped);
- ordering in the syntax of Moodle's core ordering type ``{>n ALL VERTICAL grading SHOW none``
  one item per line ``}``; items are not unescaped by Moodle there, so an item containing a
  brace or a line break is skipped. Grading ``ALL_OR_NOTHING`` or ``LONGEST_CONTIGUOUS_SUBSET``
  (Moodle's GIFT reader cannot parse ``LONGEST_ORDERED_SUBSET``: its pattern lacks a ``|``);
- short_answer ``{=a =b}``; essay ``{}`` with the model answer and rubric after the explanation
  in the general feedback (GIFT has no grader information).

Explanations are general feedback (``####``), option feedback follows ``#``; categories
``$CATEGORY:`` by quiz and section; id and metadata as ``// [id:…]`` and ``// [tag:…]`` comments.
"""

from __future__ import annotations

from ..quiz.base import QuestionBase
from ..quiz.types import true_false
from . import metadata
from .moodle_xml import fraction, question_name
from .selection import Selection, Skipped

RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
ORDERING_PARTIAL = "LONGEST_CONTIGUOUS_SUBSET"


def escape(text: str) -> str:
    """GIFT escaping, as Moodle's ``qformat_gift::repchar``."""
    escaped = "".join(RESERVED.get(char, char) for char in text.strip())
    return escaped.replace("\r", "").replace("\n", "\\n")


def _feedback(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _general(question: QuestionBase, extra: str = "") -> str:
    text = question.explanation.strip() + (f"\n\n{extra}" if extra else "")
    return f"\t####{escape(text)}\n"


class _Writer:
    def __init__(self):
        self.blocks: list[str] = []
        self.skipped: list[Skipped] = []

    def question(self, q: QuestionBase, stimulus: str | None) -> None:
        body = getattr(self, f"_{q.type}")(q)
        if isinstance(body, Skipped):
            self.skipped.append(body)
            return
        prompt = metadata.with_stimulus(stimulus, q.prompt)
        if q.type == "true_false":
            prompt = metadata.with_stimulus(stimulus, f"{q.prompt.strip()}\n\n{metadata.RULE}\n\n"
                                                      f"{q.statements[0].text}")
        comments = [f"// [id:{q.id}]"] + [f"// [tag:{tag}]" for tag in metadata.tags_for(
            q, native_scoring=q.type == "ordering", native_points=False)]
        name = escape(question_name(q))
        self.blocks.append("\n".join(comments) + f"\n::{name}::[markdown]{escape(prompt)}{body}")

    def _single(self, q):
        lines = [f"\t{'=' if o.correct else '~'}{escape(o.text)}{_feedback(o.feedback)}\n" for o in q.options]
        return "{\n" + "".join(lines) + _general(q) + "}"

    def _multiple(self, q):
        keys = sum(o.correct for o in q.options)
        lines = [f"\t~%{fraction(100 / keys if o.correct else -100 / keys)}%{escape(o.text)}{_feedback(o.feedback)}\n"
                 for o in q.options]
        return "{\n" + "".join(lines) + _general(q) + "}"

    def _true_false(self, q):
        if len(q.statements) > 1:
            return Skipped(q.id, q.type, "GIFT tidak punya soal Benar/Salah dengan beberapa pernyataan; "
                                         "pakai format Moodle XML (Cloze)")
        if tuple(q.labels) != true_false.DEFAULT_LABELS:
            return Skipped(q.id, q.type, f"GIFT hanya mengenal kolom Benar/Salah, bukan {'/'.join(q.labels)}; "
                                         "pakai format Moodle XML (Cloze)")
        return "{" + ("TRUE" if q.statements[0].answer else "FALSE") + _general(q).strip() + "}"

    def _matching(self, q):
        if any("->" in p.left for p in q.pairs):
            return Skipped(q.id, q.type, "teks kiri memuat '->', tanda pemisah pasangan di GIFT")
        lines = [f"\t={escape(p.left)} -> {escape(p.right)}\n" for p in q.pairs]
        lines += [f"\t= -> {escape(d)}\n" for d in q.distractors]
        return "{\n" + "".join(lines) + _general(q) + "}"

    def _ordering(self, q):
        if any(set(item) & {"{", "}", "\n"} or "####" in item for item in q.items):
            return Skipped(q.id, q.type, "butir memuat kurung kurawal atau baris baru, yang tidak bisa ditulis "
                                         "dalam GIFT untuk soal mengurutkan")
        grading = "ALL_OR_NOTHING" if q.scoring == "all_or_nothing" else ORDERING_PARTIAL
        head = f"{{>{len(q.items)} ALL VERTICAL {grading} SHOW none\n"
        return head + "".join(f"{item.strip()}\n" for item in q.items) + _general(q) + "}"

    def _short_answer(self, q):
        return "{\n" + "".join(f"\t={escape(a)}\n" for a in q.accept) + _general(q) + "}"

    def _essay(self, q):
        return "{" + _general(q, metadata.essay_key(q)).strip() + "}"


def export(selection: Selection) -> tuple[bytes, list[Skipped]]:
    """The selection as a GIFT text file (UTF-8), and the questions GIFT cannot express."""
    writer = _Writer()
    for group in selection.groups():
        category = "/".join(name.replace("/", "//") for name in (group.quiz.title, group.section_title))
        writer.blocks.append(f"$CATEGORY: $course$/top/{category}")
        for item in group.items:
            writer.question(item.question, item.stimulus)
    text = "// Diekspor dari modul Kelompok Profesi dan Kelompok Volunteer (format GIFT, UTF-8)\n\n"
    return (text + "\n\n".join(writer.blocks) + "\n").encode("utf-8"), writer.skipped
