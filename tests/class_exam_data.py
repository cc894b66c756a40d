"""Class-exam data for page, browser and accessibility tests: a teacher's class with an exam, members who took it."""

from __future__ import annotations

import time

from lessonkit.quiz import Bank, exam
from lessonkit.storage import ClassExamInfo, ClassInfo, Store, TeacherInfo

QUIZ = "konsep-dasar"


def class_with_exam(store: Store, bank: Bank, teacher: TeacherInfo, opens: float | None = None, quiz: str = QUIZ
                    ) -> tuple[ClassInfo, ClassExamInfo]:
    """A class "XI IPS 2" with the auto-graded questions of ``quiz`` (the lesson's first), open for an hour."""
    klass = store.create_class(teacher.id, "XI IPS 2")
    ids = [q.id for q in next(q for q in bank.quizzes if q.id == quiz).questions if q.auto_graded]
    now = time.time()
    made = store.create_class_exam(teacher.id, klass.id, "Ulangan Harian 1", minutes=30,
                                   opens_at=now - 60 if opens is None else opens, closes_at=now + 3600,
                                   question_ids=ids, source=quiz)
    return klass, made


def take(store: Store, bank: Bank, made: ClassExamInfo, name: str, right: int | set[int], code: str) -> None:
    """A new member answers the single-choice questions (the first ``right`` correctly, or those whose positions
    are in the set ``right``), then submits."""
    right = right if isinstance(right, set) else set(range(right))
    learner = store.create_student(name)
    store.join_class(learner.id, code)
    now = time.time()
    attempt = exam.start(bank, made.question_ids, made.minutes, now)
    attempt_id = store.start_class_exam(learner.id, made.id, attempt, {"ujian_kelas": made.id}, now)
    for n, qid in enumerate(made.question_ids):
        q = bank.question(qid)
        if q.type == "single":
            correct = next(i for i, o in enumerate(q.options) if o.correct)
            response = correct if n in right else (correct + 1) % len(q.options)
            store.save_exam_answer(attempt_id, q, response, 1.0 if n in right else 0.0, now)
    store.submit_exam(attempt_id, now + 5, len(right) / len(made.question_ids))
