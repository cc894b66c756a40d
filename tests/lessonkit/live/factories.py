"""Small banks, sessions and seats for the live quiz tests, without YAML files."""

from __future__ import annotations

import random

from lessonkit.live import players, questions, state
from lessonkit.quiz.bank import Bank, FileStatus, Quiz

from ..quiz.factories import make

LIVE_KINDS = ["single", "multiple", "true_false", "matching", "ordering", "short_answer"]


def bank_of(*items, stimuli: dict[str, str] | None = None) -> Bank:
    quiz = Quiz("kuis-uji", "Kuis uji", "kuis-uji.yaml", None, None, stimuli or {}, list(items))
    return Bank([FileStatus("kuis-uji.yaml", quiz, "Kuis uji")])


def every_type_bank() -> Bank:
    """One question of each live type (ids ``q-single``, ...) and an essay (``q-essay``)."""
    return bank_of(*(make(kind) for kind in LIVE_KINDS), make("essay"))


def new_session(bank: Bank, ids: list[str] | None = None, *, speed_bonus: bool = True, seed: int = 0,
                now: float = 0.0, limits: dict[str, float] | None = None) -> state.Session:
    ids = ids if ids is not None else questions.select(bank, quiz_id="kuis-uji")
    return state.create("123456", questions.build(bank, ids, rng=random.Random(seed), limits=limits), now,
                        speed_bonus=speed_bonus)


def seats(session: state.Session, *names: str, now: float = 0.0) -> list[players.Player]:
    out: list[players.Player] = []
    for name in names:
        out.append(players.join(session, out, name, now))
    return out


def opened(bank: Bank, ids: list[str] | None = None, *, at: float = 100.0, **kwargs) -> state.Session:
    """A session whose first question opened at server time ``at``."""
    return state.start(new_session(bank, ids, **kwargs), at, players=1)
