"""GIFT export (Moodle's plain-text question format), for the types GIFT expresses.

Texts are written as ``[markdown]`` (this project's Markdown, which Moodle renders),
with GIFT's reserved characters ``\\ ~ = # { } :`` escaped by a backslash and line
breaks as ``\\n``, so every question stays one block; a text that itself starts with ``[``
gets an explicit ``[markdown]`` so a leading ``[html]`` or ``[plain]`` is kept as text.
GIFT has no default mark: every question is worth 1 in Moodle (`notes` says how many change;
Moodle XML keeps the points). Mapping:

- single ``{=right ~wrong}``; multiple ``{~%50%right ~%-50%wrong}`` (same grades as Moodle XML);
- true_false with one statement ``{T}``/``{F}``; a grid of several statements, or columns other
  than Benar/Salah, is skipped (GIFT has no Cloze; use Moodle XML);
- matching ``{=left -> right}`` with the right-hand answer as plain text (Moodle shows it as
  written); a distractor is written ``= -> right``, as Moodle's own GIFT exporter does for a
  sub-question with empty text (a left text containing ``->`` is skipped);
- ordering in the syntax of Moodle's core ordering type (Moodle 4.4) ``{>n ALL VERTICAL grading
  SHOW none`` one item per line ``}``; items are not unescaped by Moodle there, so an item with a
  brace, a paragraph break or a leading ``//`` (a comment line) is skipped, and a single line
  break becomes a space (the same text in Markdown). Grading ``ALL_OR_NOTHING`` or
  ``LONGEST_CONTIGUOUS_SUBSET`` (Moodle's GIFT reader cannot parse ``LONGEST_ORDERED_SUBSET``:
  its pattern lacks a ``|``). For an older Moodle, a matching question (`moodle_versions`);
- short_answer ``{=a =b}`` with ``*`` written ``\\*`` (literal, not Moodle's wildcard); an
  accepted answer containing ``->`` is skipped (Moodle would read a matching question);
  essay ``{}`` with the model answer and rubric after the explanation in the general feedback
  (GIFT has no grader information).

Explanations are general feedback (``####``), option feedback follows ``#``; categories
``$CATEGORY:`` by quiz and section; id and metadata as ``// [id:…]`` and ``// [tag:…]`` comments.
"""

from __future__ import annotations

from ..quiz.base import QuestionBase
from ..quiz.types import of_type, true_false
from . import markup, metadata, moodle_versions
from .moodle_xml import escape_wildcard, fraction, question_name
from .selection import Selection, Skipped

RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
ORDERING_PARTIAL = "LONGEST_CONTIGUOUS_SUBSET"


def escape(text: str) -> str:
    """GIFT escaping, as Moodle's ``qformat_gift::repchar``."""
    escaped = "".join(RESERVED.get(char, char) for char in text.strip())
    return escaped.replace("\r", "").replace("\n", "\\n")


def text(markdown: str) -> str:
    """An escaped text; ``[markdown]`` first when it starts with ``[`` (else Moodle reads ``[html]`` as a format)."""
    return ("[markdown]" if markdown.strip().startswith("[") else "") + escape(markdown)


def _feedback(feedback: str | None) -> str:
    return f"#{text(feedback)}" if feedback else ""


def _general(question: QuestionBase, extra: str = "") -> str:
    explanation = question.explanation.strip() + (f"\n\n{extra}" if extra else "")
    return f"\t####{text(explanation)}\n"


class _Writer:
    def __init__(self):
        self.blocks: list[str] = []
        self.skipped: list[Skipped] = []

    def question(self, q: QuestionBase, stimulus: str | None, version: str) -> None:
        q = moodle_versions.adapted(q, version)
        body = of_type(WRITERS, q.type, "GIFT writer")(q)
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


def _single(q):
    lines = [f"\t{'=' if o.correct else '~'}{text(o.text)}{_feedback(o.feedback)}\n" for o in q.options]
    return "{\n" + "".join(lines) + _general(q) + "}"


def _multiple(q):
    keys = sum(o.correct for o in q.options)
    lines = [f"\t~%{fraction(100 / keys if o.correct else -100 / keys)}%{text(o.text)}{_feedback(o.feedback)}\n"
             for o in q.options]
    return "{\n" + "".join(lines) + _general(q) + "}"


def _true_false(q):
    if len(q.statements) > 1:
        return Skipped(q.id, q.type, "GIFT tidak punya soal Benar/Salah dengan beberapa pernyataan; "
                                     "pakai format Moodle XML (Cloze)")
    if tuple(q.labels) != true_false.DEFAULT_LABELS:
        return Skipped(q.id, q.type, f"GIFT hanya mengenal kolom Benar/Salah, bukan {'/'.join(q.labels)}; "
                                     "pakai format Moodle XML (Cloze)")
    return "{" + ("TRUE" if q.statements[0].answer else "FALSE") + _general(q).strip() + "}"


def _matching(q):
    if any("->" in p.left for p in q.pairs):
        return Skipped(q.id, q.type, "teks kiri memuat '->', tanda pemisah pasangan di GIFT")
    lines = [f"\t={text(p.left)} -> {escape(markup.plain_text(p.right))}\n" for p in q.pairs]
    lines += [f"\t= -> {escape(markup.plain_text(d))}\n" for d in q.distractors]
    return "{\n" + "".join(lines) + _general(q) + "}"


def _ordering(q):
    items = [" ".join(item.split()) for item in q.items]
    if any(set(item) & {"{", "}"} or "####" in item or "\n\n" in item.strip() for item in q.items):
        return Skipped(q.id, q.type, "butir memuat kurung kurawal atau paragraf baru, yang tidak bisa ditulis "
                                     "dalam GIFT untuk soal mengurutkan; pakai Moodle XML")
    if any(item.startswith("//") for item in items):
        return Skipped(q.id, q.type, "butir diawali '//', yang di GIFT dibaca sebagai komentar; pakai Moodle XML")
    grading = "ALL_OR_NOTHING" if q.scoring == "all_or_nothing" else ORDERING_PARTIAL
    head = f"{{>{len(items)} ALL VERTICAL {grading} SHOW none\n"
    return head + "".join(f"{item}\n" for item in items) + _general(q) + "}"


def _short_answer(q):
    if any("->" in a for a in q.accept):
        return Skipped(q.id, q.type, "jawaban memuat '->', yang di GIFT dibaca sebagai soal menjodohkan; "
                                     "pakai Moodle XML")
    return "{\n" + "".join(f"\t={escape(escape_wildcard(a))}\n" for a in q.accept) + _general(q) + "}"


def _essay(q):
    return "{" + _general(q, metadata.essay_key(q)).strip() + "}"


WRITERS = {"single": _single, "multiple": _multiple, "true_false": _true_false, "matching": _matching,
           "ordering": _ordering, "short_answer": _short_answer, "essay": _essay}


def export(selection: Selection, version: str = moodle_versions.LATEST) -> tuple[bytes, list[Skipped]]:
    """The selection as a GIFT text file (UTF-8) for the given Moodle version, and the questions GIFT cannot express."""
    writer = _Writer()
    for group in selection.groups():
        category = "/".join(name.replace("/", "//") for name in (group.quiz.title, group.section_title))
        writer.blocks.append(f"$CATEGORY: $course$/top/{category}")
        for item in group.items:
            writer.question(item.question, item.stimulus, version)
    text = "// Diekspor dari modul Kelompok Profesi dan Kelompok Volunteer (format GIFT, UTF-8)\n\n"
    return (text + "\n\n".join(writer.blocks) + "\n").encode("utf-8"), writer.skipped


def notes(selection: Selection, version: str = moodle_versions.LATEST) -> list[str]:
    """What a teacher should know about this selection's GIFT file (Indonesian), one line each."""
    left_out = {s.question_id for s in export(selection, version)[1]}
    other = [q.id for q in selection.questions if q.points != 1 and q.id not in left_out]
    points = [f"{len(other)} soal berbobot selain 1 poin di aplikasi bernilai 1 di Moodle: GIFT tidak bisa "
              "menyimpan bobot nilai. Pakai Moodle XML agar bobotnya ikut."] if other else []
    return moodle_versions.notes(selection.questions, version) + points
