"""The questions of a live session: choosing them from the bank, their time, their shuffled order,
what a phone receives while a question is open (no key) and what is revealed after it closes.

Time per question (seconds), from the teacher's base time ``base`` (default 20 s)::

    limit = round(base × TYPE_FACTORS[type]) + (base if the question has a stimulus to read)

    single 1×, true_false 1.5×, short_answer 1.5×, multiple 1.5×, ordering 2×, matching 2.5×
    (with the default: 20, 30, 30, 30, 40 and 50 s; +20 s for a question with a reading text),
    clamped to MIN_SECONDS..MAX_SECONDS; the teacher may set any question's time by hand.

Option orders are shuffled once per session (the type module's ``shuffle``) and stored in the
session, so the projector and every phone show the same letters in the same places.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..quiz.bank import Bank
from ..quiz.base import QuestionBase
from ..quiz.practice import LEVEL_ORDER
from ..quiz.types import module_of, of_type, type_name
from . import wire
from .errors import SelectionError

BASE_SECONDS = 20
TYPE_FACTORS = {"single": 1.0, "true_false": 1.5, "short_answer": 1.5, "multiple": 1.5, "ordering": 2.0,
                "matching": 2.5}
MIN_SECONDS, MAX_SECONDS = 5, 300
PICKER_PROMPT = 60  # characters of a prompt the teacher's question picker shows
_MARKUP = str.maketrans("", "", "*_`#>")


@dataclass(frozen=True)
class LiveQuestion:
    """One question of a session: its bank id, its time limit (s) and its display order (None: file order)."""

    question_id: str
    limit: int
    order: tuple[int, ...] | None = None


def _clamp(seconds: float) -> int:
    return int(min(MAX_SECONDS, max(MIN_SECONDS, round(seconds))))


def time_limit(question: QuestionBase, base: float = BASE_SECONDS) -> int:
    """Default seconds for ``question`` with the teacher's base time (see the module docstring)."""
    reading = base if question.stimulus is not None else 0
    return _clamp(base * of_type(TYPE_FACTORS, question.type, "live time factor") + reading)


def usable(question: QuestionBase) -> bool:
    """The live quiz uses every auto-graded type (not essays); `UnknownQuestionType` for a type that is neither
    used (`wire.ADAPTERS`) nor left out (`wire.LEFT_OUT`)."""
    return question.type not in wire.LEFT_OUT and wire.adapter(question) is not None


def picker_label(question: QuestionBase) -> str:
    """"kd-01 · Pilihan ganda · Profesi adalah …": the id, the type and the start of the prompt (plain words, cut
    at a word), so the teacher picks questions by what they ask."""
    words = " ".join(question.prompt.translate(_MARKUP).split())
    if len(words) > PICKER_PROMPT:
        words = words[:PICKER_PROMPT + 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"
    return f"{question.id} · {type_name(question)} · {words}"


def select(bank: Bank, *, quiz_id: str | None = None, section: str | None = None,
           question_ids: Sequence[str] | None = None) -> list[str]:
    """Question ids for a session: a whole quiz (file order), a section (easier first) or a hand-picked list.

    Essays are left out of a quiz or section; in a hand-picked list, an unknown id or an essay is an
    error naming it. Raises `SelectionError` when nothing usable is left.
    """
    if question_ids is not None:
        unknown = [i for i in question_ids if i not in {q.id for q in bank.questions}]
        if unknown:
            raise SelectionError(f"Soal tidak ditemukan di bank soal: {', '.join(unknown)}.")
        essays = [i for i in question_ids if not usable(bank.question(i))]
        if essays:
            raise SelectionError(f"Soal uraian tidak bisa dipakai di Kuis Langsung: {', '.join(essays)}.")
        ids = list(dict.fromkeys(question_ids))
    elif quiz_id is not None:
        quiz = next((q for q in bank.quizzes if q.id == quiz_id), None)
        if quiz is None:
            raise SelectionError(f"Kuis '{quiz_id}' tidak ditemukan.")
        ids = [q.id for q in quiz.questions if usable(q)]
    elif section is not None:
        questions = sorted((q for q in bank.questions if q.section == section and usable(q)),
                           key=lambda q: LEVEL_ORDER[q.level])
        ids = [q.id for q in questions]
    else:
        raise SelectionError("Pilih kuis, bagian materi, atau soal satu per satu.")
    if not ids:
        raise SelectionError("Tidak ada soal yang bisa dipakai di Kuis Langsung (soal uraian tidak dipakai).")
    return ids


def build(bank: Bank, question_ids: Sequence[str], *, base_seconds: float = BASE_SECONDS,
          limits: Mapping[str, float] | None = None, rng: random.Random | None = None) -> tuple[LiveQuestion, ...]:
    """The session's questions with their time limits and one shuffled order each."""
    rng = rng or random.Random()
    limits = limits or {}
    out = []
    for question_id in question_ids:
        question = bank.question(question_id)
        order = module_of(question).shuffle(question, rng)
        seconds = _clamp(limits[question_id]) if question_id in limits else time_limit(question, base_seconds)
        out.append(LiveQuestion(question_id, seconds, None if order is None else tuple(order)))
    return tuple(out)


@dataclass(frozen=True)
class PublicQuestion:
    """What a phone and the projector receive while a question is open: everything but the key.

    Only the fields of the question's type are filled (see `lessonkit.live.wire`); texts come from the
    bank (written by teachers, rendered like the quiz pages do). ``limit``: seconds before any extension.
    """

    question_id: str
    number: int
    count: int
    type: str
    type_name: str
    instruction: str
    prompt: str
    stimulus: str | None
    limit: int
    choices: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    max_chars: int | None = None


def public_view(bank: Bank, questions: Sequence[LiveQuestion], index: int) -> PublicQuestion:
    """Question ``index`` (0-based) of the session, without its key."""
    live = questions[index]
    question = bank.question(live.question_id)
    adapter = wire.adapter(question)
    return PublicQuestion(live.question_id, index + 1, len(questions), question.type, type_name(question),
                          adapter.instruction, question.prompt, bank.stimulus_of(question), live.limit,
                          **adapter.fields(question, live.order))


@dataclass(frozen=True)
class Reveal:
    """What is shown once a question has closed: the key (in the phone's answer form), its text, the explanation."""

    question_id: str
    key: object
    key_text: str
    explanation: str


def reveal(bank: Bank, live: LiveQuestion) -> Reveal:
    question = bank.question(live.question_id)
    module = module_of(question)
    return Reveal(live.question_id, wire.encode(question, live.order, module.perfect(question)),
                  module.key_text(question), question.explanation)
