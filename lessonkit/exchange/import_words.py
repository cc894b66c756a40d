"""An import's result in a teacher's words, for the browser: per question, what to fill in.

The checker reports ``FILE:LINE: id: field: message`` (kept for the CLI and shown in the
browser only as details); here the same problems become one sentence per question,
"Soal 'Paguyuban': isi tingkat kesulitan (level).", named by the question's title (the
name it had in Moodle or GIFT, from which its id was made), the field by what it means
with its YAML key in brackets. Notes and left-out questions that start with a question's
id or name get the same "Soal '…'" form.
"""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from ..authoring.problems import Problem
from .selection import Skipped

FIELDS = {
    "id": "kode soal", "type": "jenis soal", "level": "tingkat kesulitan", "section": "bagian materi",
    "prompt": "teks soal", "explanation": "pembahasan", "points": "poin", "options": "pilihan jawaban",
    "answer": "kunci jawaban", "accept": "jawaban yang diterima", "statements": "pernyataan",
    "labels": "label kolom", "pairs": "pasangan", "distractors": "pilihan pengecoh", "items": "urutan",
    "rubric": "rubrik", "model_answer": "jawaban model", "stimulus": "teks bacaan", "title": "judul kuis",
    "questions": "daftar soal",
}
TO_FILL = ("wajib diisi", "tidak boleh kosong")
CHOSEN_ABOVE = ("level", "section")  # the page offers a value for every question lacking these


def title_of(item_id: str) -> str:
    """A question's title as the teacher named it in the source: its id read back as words."""
    words = item_id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _field(name: str) -> str:
    key = name.split(".")[0].split("[")[0]
    meaning = FIELDS.get(key)
    return f"{meaning} ({name})" if meaning else name


def _advice(problems: list[Problem]) -> str:
    fills = [_field(p.field) for p in problems if p.message in TO_FILL]
    others = [f"{_field(p.field)} {p.message}" if p.field else p.message for p in problems
              if p.message not in TO_FILL]
    parts = ([f"isi {_listed(list(dict.fromkeys(fills)))}"] if fills else []) + others
    return "; ".join(parts)


def _listed(items: list[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])}{',' if len(items) > 2 else ''} dan {items[-1]}"


def advice(problems: Iterable[Problem]) -> list[str]:
    """One sentence per question (in file order) saying what to fill in or fix; file-wide problems first."""
    grouped: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        grouped.setdefault(problem.item_id, []).append(problem)
    lines = [f"File: {_advice(grouped.pop(''))}."] if "" in grouped else []
    lines += [f"Soal '{title_of(item_id)}': {_advice(found)}." for item_id, found in grouped.items()]
    return lines


def chosen_above(problems: Iterable[Problem]) -> bool:
    """Whether some question lacks what the page lets the teacher choose for all at once (level, section)."""
    return any(p.field in CHOSEN_ABOVE and p.message in TO_FILL for p in problems)


def ids_of(yaml_text: str) -> list[str]:
    """The question ids in an imported quiz YAML (none when it does not parse)."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError:
        return []
    questions = data.get("questions") if isinstance(data, dict) else None
    return [str(q["id"]) for q in questions or [] if isinstance(q, dict) and "id" in q]


def note(text: str, ids: Iterable[str]) -> str:
    """A reader's note ("id: what happened") as "Soal 'Title': what happened" when it names a question."""
    item_id, sep, rest = text.partition(": ")
    return f"Soal '{title_of(item_id)}': {rest}" if sep and item_id in set(ids) else text


def left_out(skipped: Skipped) -> str:
    """A question that could not be imported, by its name in the source, its type there and why."""
    return f"Soal '{skipped.question_id}' (jenis {skipped.type}): {skipped.reason}"
