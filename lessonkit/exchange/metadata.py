"""What a question carries besides its text, in a form Moodle keeps: tags and separators.

Moodle XML and GIFT have no place for this project's level, section or shared
stimulus, so they travel as Moodle question tags (``level:L2``,
``bagian:proses-profesi``, ``stimulus:kasus-banjir``; ``penilaian:semua-atau-tidak``
and ``poin:2`` only where the format has no native field). A shared stimulus is
printed above the prompt and separated from it by a horizontal rule, so a
student in Moodle reads it and the importer can split it off again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..quiz.base import QuestionBase

LEVEL, SECTION, STIMULUS, SCORING, POINTS = "level", "bagian", "stimulus", "penilaian", "poin"
ALL_OR_NOTHING = "semua-atau-tidak"
RULE = "---"  # Markdown horizontal rule between the stimulus and the prompt


def number(value: float) -> str:
    """``2`` for 2.0, ``1.5`` otherwise (for tags and grades)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def tags_for(question: QuestionBase, *, native_scoring: bool = False, native_points: bool = True) -> list[str]:
    tags = [f"{LEVEL}:{question.level}", f"{SECTION}:{question.section}"]
    if question.stimulus:
        tags.append(f"{STIMULUS}:{question.stimulus}")
    if question.scoring == "all_or_nothing" and not native_scoring:
        tags.append(f"{SCORING}:{ALL_OR_NOTHING}")
    if not native_points:
        tags.append(f"{POINTS}:{number(question.points)}")
    return tags


def read_tags(tags: Iterable[str]) -> dict[str, str]:
    """The ``key:value`` tags this project writes; other tags are ignored."""
    known = {LEVEL, SECTION, STIMULUS, SCORING, POINTS}
    found = {}
    for tag in tags:
        key, sep, value = tag.strip().partition(":")
        if sep and key.strip().lower() in known and value.strip():
            found[key.strip().lower()] = value.strip()
    return found


def with_stimulus(stimulus: str | None, prompt: str) -> str:
    """Markdown shown in one-question formats: the stimulus, a rule, then the prompt."""
    return f"{stimulus.strip()}\n\n{RULE}\n\n{prompt.strip()}" if stimulus else prompt.strip()


RULE_LINES = ("---", "***", "* * *", "___", "- - -")


def split_stimulus(markdown: str, parts: int = 1) -> tuple[str | None, str]:
    """Inverse of `with_stimulus` on Markdown (a rule line written as ``---``, ``***`` or ``* * *``).

    The text after the rule is ``parts`` rule-separated parts (2 for a true/false question written
    as prompt, rule, statement), so it is split at that rule counted from the end: a reading text
    may contain rules of its own, a prompt and a statement do not."""
    lines = markdown.splitlines()
    rules = [index for index, line in enumerate(lines) if line.strip() in RULE_LINES]
    if len(rules) >= parts:
        index = rules[-parts]
        before, after = "\n".join(lines[:index]).strip(), "\n".join(lines[index + 1:]).strip()
        if before and after:
            return before, after
    return None, markdown.strip()


RUBRIC_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.*?)\s*\((\d+(?:[.,]\d+)?)\s*poin\)\s*$", re.I)
LEVEL_LINE = re.compile(r"^\s*[-*+]\s+Kriteria\s+(\d+)\s+·\s+(.+?)\s+\((\d+(?:[.,]\d+)?)\):\s+(.+?)\s*$")
SAMPLE_LINE = re.compile(r"^\s*[-*+]\s+Contoh\s+(.+?):\s+(.+?)\s*$")
NOTE = " — Catatan: "
ESSAY_KEY = re.compile(r"^(.*?)#+\s*Jawaban model\s*\n(.*?)\n#+\s*Rubrik penilaian\s*\n(.*)$", re.S | re.I)


def essay_key(question) -> str:
    """An essay's model answer and rubric as Markdown (Moodle's grader information, GIFT's feedback), with
    the rubric's level descriptors and the labelled sample answers when it has them."""
    rubric = "\n".join(f"{i}. {c.criterion} ({number(c.points)} poin)" for i, c in enumerate(question.rubric, 1))
    text = f"#### Jawaban model\n\n{question.model_answer.strip()}\n\n#### Rubrik penilaian\n\n{rubric}"
    levels = [f"- Kriteria {i} · {level.label} ({number(level.points)}): {level.descriptor}"
              for i, c in enumerate(question.rubric, 1) for level in c.levels]
    if levels:
        text += "\n\n#### Tingkat rubrik\n\n" + "\n".join(levels)
    samples = [f"- Contoh {s.level}: {s.answer}" + (f"{NOTE}{s.note}" if s.note else "") for s in question.samples]
    if samples:
        text += "\n\n#### Contoh jawaban per tingkat\n\n" + "\n".join(samples)
    return text


def _points(text: str) -> float | int:
    points = float(text.replace(",", "."))
    return int(points) if points.is_integer() else points


def read_essay_key(markdown: str) -> tuple[str, str, list[dict], list[dict]] | None:
    """(text before, model answer, rubric, samples) from Markdown laid out as `essay_key` writes it, else None."""
    found = ESSAY_KEY.match(markdown.strip())
    if not found:
        return None
    rubric, samples = [], []
    for line in found.group(3).splitlines():
        if match := LEVEL_LINE.match(line):
            index = int(match.group(1)) - 1
            if 0 <= index < len(rubric):
                rubric[index].setdefault("levels", []).append(
                    {"label": match.group(2), "points": _points(match.group(3)), "descriptor": match.group(4)})
        elif match := SAMPLE_LINE.match(line):
            answer, _, note = match.group(2).partition(NOTE)
            samples.append({"level": match.group(1), "answer": answer} | ({"note": note} if note else {}))
        elif match := RUBRIC_LINE.match(line):
            rubric.append({"criterion": match.group(1), "points": _points(match.group(2))})
    return found.group(1).strip(), found.group(2).strip(), rubric, samples
