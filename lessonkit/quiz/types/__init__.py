"""The question types. Each module here owns one type, side by side:

- ``Question``: its pydantic schema (the YAML keys of that type, nothing else);
- ``grade(q, response)``: score in [0, 1] (None when not auto-graded);
- ``is_answered(q, response)``, ``answer_text(q, response)``, ``key_text(q)``: for pages and reviews;
- ``shuffle(q, rng)``: the display order of what the student sees (``None`` if nothing is shuffled);
- ``perfect(q)``: the fully right response;
- ``stored(q, response)``: the bounded JSON the database keeps for a response, and ``restored(q, value)`` its
  inverse, the response a stored value means (grading it gives the same score as grading the original);
- ``name(q)`` (optional): the item's own name where it differs from ``TYPE_NAMES`` (see `type_name`);
- ``verdicts(q, response)``: after checking, per option, statement, pair or item (file order) True for the key and
  what was right, False for a wrong choice, None for the rest: what ``render(..., checked=response)`` marks;
- ``render(q, *, key, order, disabled, on_change, checked)`` and ``read(q, key, order, state)``: the Streamlit
  widget (``checked``: the response already checked, marked ✓/✗ on the options) and how to rebuild the response
  from widget state (Streamlit is imported only there);
  ``state(q, key, order, response)`` is the inverse, to show a saved answer again.

What other layers know of a type sits in one registry per concern, keyed by the type's name, each read with
`of_type` (an unknown type raises, nothing falls back): the Moodle XML, QTI and GIFT writers
(``lessonkit.exchange.moodle_xml.WRITERS``, ``qti.WRITERS``, ``gift.WRITERS``; the readers map the formats'
own kinds back), the printed answer space, key and paper order (``lessonkit.printing.worksheet.ANSWER_SPACE``,
``answer_key.KEYS``, ``layout.PAPER_ORDER``), the live quiz's wire format and time factor
(``lessonkit.live.wire.ADAPTERS`` or ``wire.LEFT_OUT``, ``questions.TYPE_FACTORS``) and the phone's widget
(``ui.live.player.WIDGETS``).

Adding a type means adding one module, one line in ``TYPES`` and ``TYPE_NAMES``, and one entry in each of those
registries; ``tests/lessonkit/quiz/types/test_contract.py`` walks every type through every concern and names
what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import TypeVar

from . import essay, matching, multiple, ordering, short_answer, single, true_false

TYPES: dict[str, ModuleType] = {
    "single": single,
    "multiple": multiple,
    "true_false": true_false,
    "matching": matching,
    "ordering": ordering,
    "short_answer": short_answer,
    "essay": essay,
}
TYPE_NAMES = {
    "single": "Pilihan ganda",
    "multiple": "Pilihan ganda kompleks",
    "true_false": "Benar/Salah",
    "matching": "Menjodohkan",
    "ordering": "Mengurutkan",
    "short_answer": "Isian singkat",
    "essay": "Uraian",
}

PARTIAL_CREDIT = frozenset({"multiple", "true_false", "matching", "ordering"})  # types that can score in between
ALL_OR_NOTHING_NOTE = "Semua harus benar (tanpa skor sebagian)"


T = TypeVar("T")


class UnknownQuestionType(LookupError):
    """A question whose ``type`` has no module in `TYPES`, or no entry in a concern's registry."""


def module_of(question) -> ModuleType:
    """The module that owns ``question``'s type; raises `UnknownQuestionType` for a type not in `TYPES`."""
    try:
        return TYPES[question.type]
    except KeyError:
        raise UnknownQuestionType(f"unknown question type {question.type!r} (question {question.id!r})") from None


def type_name(question) -> str:
    """What a student or teacher calls this item: its type's name, or the item's own (a module's ``name(q)``)."""
    own = getattr(module_of(question), "name", None)
    return own(question) if own else TYPE_NAMES[question.type]


def of_type(registry: Mapping[str, T], type_: str, concern: str) -> T:
    """What ``registry`` (one concern, keyed by type name) holds for ``type_``; `UnknownQuestionType` when it holds
    nothing for it: a type never falls back silently to another's handling."""
    try:
        return registry[type_]
    except KeyError:
        raise UnknownQuestionType(f"{concern}: nothing for question type {type_!r}") from None


def scoring_note(question) -> str | None:
    """What a student is told before answering an all-or-nothing question whose type could score part of it."""
    if question.scoring == "all_or_nothing" and question.type in PARTIAL_CREDIT:
        return ALL_OR_NOTHING_NOTE
    return None
