"""Class exams (ujian kelas): the `Store` methods a teacher sets and reads them with, and a student takes them with.

Teacher-side methods take the signed-in teacher's id and reach an exam only
through a class of that teacher: another teacher's exam behaves as if it did
not exist (`ClassNotFound`, or None / an empty list for reads). Student-side
methods take the student's id and reach only exams of the classes the student
belongs to. Times are server seconds (``time.time()``), like exam attempts.

`start_class_exam` checks membership, the window and the attempts left in the
same transaction that saves the attempt, so the rules hold on the server
whatever a page shows; that transaction holds the student's row (PostgreSQL
``FOR UPDATE``, SQLite ``BEGIN IMMEDIATE``), so many sessions of one student
pressing "Mulai" together still store no more attempts than allowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..quiz.exam import Attempt
from ..rules.limits import clean_line
from .classes import ClassNotFound, _owned
from .common import begin_write, guarded, utcnow
from .models import ClassExam, ClassMember, ExamAnswer, ExamAttempt, SchoolClass, Student

TITLE_MAX = 120
MINUTES_MAX = 600
ATTEMPTS_MAX = 10
EDITABLE = ("title", "minutes", "opens_at", "closes_at", "attempts", "show_review")


@dataclass(frozen=True)
class ClassExamInfo:
    id: int
    class_id: int
    class_name: str
    title: str
    source: str  # a quiz id, or "acak" for a random draw
    question_ids: tuple[str, ...]  # empty for a per-student draw
    draw: dict | None  # {"count", "sections", "levels"} of a random draw
    per_student_draw: bool
    minutes: float
    opens_at: float
    closes_at: float
    attempts: int
    show_review: bool
    created_at: datetime
    started: int = 0  # students with at least one attempt
    submitted: int = 0  # students with at least one submitted attempt


@dataclass(frozen=True)
class StudentExam:
    """A class exam as one student sees it: how many attempts they used, and an unfinished one to resume."""

    exam: ClassExamInfo
    used: int
    open_attempt_id: int | None


@dataclass(frozen=True)
class ExamTake:
    """A student's first attempt at a class exam, with the response (as stored: read it back with
    `lessonkit.quiz.stored.from_stored`) and score per question."""

    student_id: int
    display_name: str
    attempt_id: int
    started_at: float
    submitted_at: float | None
    score: float | None
    question_ids: tuple[str, ...]
    responses: dict[str, object] = field(default_factory=dict)
    scores: dict[str, float | None] = field(default_factory=dict)


def _check(title: str, minutes: float, opens_at: float, closes_at: float, attempts: int) -> None:
    if not title:
        raise ValueError("Isi judul ujian.")
    if not 1 <= minutes <= MINUTES_MAX:
        raise ValueError(f"Lama ujian harus antara 1 dan {MINUTES_MAX} menit.")
    if closes_at <= opens_at:
        raise ValueError("Waktu ditutup harus sesudah waktu dibuka.")
    if not 1 <= attempts <= ATTEMPTS_MAX:
        raise ValueError(f"Jumlah kesempatan harus antara 1 dan {ATTEMPTS_MAX}.")


@guarded
class ClassExamRecords:
    """Mixed into `Store`, which provides ``_session()``, ``visits()``, ``answers()`` and ``exam_history()``."""

    # -- the teacher's side ----------------------------------------------------------------------------------------

    def create_class_exam(self, teacher_id: int, class_id: int, title: str, *, minutes: float, opens_at: float,
                          closes_at: float, question_ids: Sequence[str] = (), draw: dict | None = None,
                          per_student_draw: bool = False, attempts: int = 1, show_review: bool = True,
                          source: str = "", now: datetime | None = None) -> ClassExamInfo:
        """A new exam for one of the teacher's classes; ValueError (Indonesian) for settings that cannot work."""
        title = clean_line(title, TITLE_MAX)
        _check(title, minutes, opens_at, closes_at, attempts)
        if per_student_draw and not (draw and int(draw.get("count") or 0) > 0):
            raise ValueError("Tentukan jumlah soal yang diacak untuk setiap siswa.")
        if not per_student_draw and not question_ids:
            raise ValueError("Ujian ini belum punya soal. Pilih kuis atau bagian materi yang punya soal.")
        with self._session() as session, session.begin():
            klass = _owned(session, teacher_id, class_id)
            row = ClassExam(class_id=klass.id, title=title, source=source[:80], question_ids=list(question_ids),
                            draw=dict(draw) if draw else None, per_student_draw=per_student_draw,
                            minutes=float(minutes), opens_at=float(opens_at), closes_at=float(closes_at),
                            attempts=int(attempts), show_review=bool(show_review), created_at=now or utcnow())
            session.add(row)
            session.flush()
            return _info(row, klass.name)

    def class_exams(self, teacher_id: int, class_id: int) -> list[ClassExamInfo]:
        """The exams of one of the teacher's classes, newest first, with how many students started and submitted."""
        with self._session() as session:
            klass = _owned(session, teacher_id, class_id, required=False)
            if klass is None:
                return []
            rows = session.scalars(select(ClassExam).where(ClassExam.class_id == class_id)
                                   .order_by(ClassExam.opens_at.desc(), ClassExam.id.desc()))
            return [_info(row, klass.name, *_counts(session, row.id)) for row in rows]

    def class_exam(self, teacher_id: int, exam_id: int) -> ClassExamInfo | None:
        """One of the teacher's exams, or None (also for another teacher's exam)."""
        with self._session() as session:
            found = _owned_exam(session, teacher_id, exam_id, required=False)
            return None if found is None else _info(found[0], found[1].name, *_counts(session, exam_id))

    def update_class_exam(self, teacher_id: int, exam_id: int, **changes) -> ClassExamInfo:
        """Change the title, time limit, window, attempts or review of one of the teacher's exams."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise TypeError(f"cannot change {sorted(unknown)}")
        with self._session() as session, session.begin():
            row, klass = _owned_exam(session, teacher_id, exam_id)
            if "title" in changes:
                changes["title"] = clean_line(changes["title"], TITLE_MAX)
            merged = {name: changes.get(name, getattr(row, name)) for name in EDITABLE}
            _check(merged["title"], merged["minutes"], merged["opens_at"], merged["closes_at"], merged["attempts"])
            for name, value in changes.items():
                setattr(row, name, value)
            return _info(row, klass.name, *_counts(session, exam_id))

    def close_class_exam(self, teacher_id: int, exam_id: int, now: float) -> ClassExamInfo:
        """Close early: nobody can start from now on, and unfinished attempts are due now."""
        with self._session() as session, session.begin():
            row, klass = _owned_exam(session, teacher_id, exam_id)
            row.closes_at = min(row.closes_at, now)
            row.opens_at = min(row.opens_at, row.closes_at)
            session.execute(update(ExamAttempt).where(ExamAttempt.class_exam_id == exam_id,
                                                      ExamAttempt.submitted_at.is_(None),
                                                      ExamAttempt.deadline > now).values(deadline=now))
            return _info(row, klass.name, *_counts(session, exam_id))

    def delete_class_exam(self, teacher_id: int, exam_id: int) -> bool:
        """Delete the exam; the students' attempts stay in their own history, no longer linked to it."""
        with self._session() as session, session.begin():
            if _owned_exam(session, teacher_id, exam_id, required=False) is None:
                return False
            session.execute(update(ExamAttempt).where(ExamAttempt.class_exam_id == exam_id)
                            .values(class_exam_id=None))
            session.execute(delete(ClassExam).where(ClassExam.id == exam_id))
            return True

    def class_exam_results(self, teacher_id: int, exam_id: int) -> list[ExamTake]:
        """Each student's first attempt (submitted or not) with per-question responses and scores, by name."""
        with self._session() as session:
            _owned_exam(session, teacher_id, exam_id)
            first = (select(ExamAttempt.student_id, func.min(ExamAttempt.id).label("attempt_id"))
                     .where(ExamAttempt.class_exam_id == exam_id).group_by(ExamAttempt.student_id).subquery())
            rows = session.execute(select(ExamAttempt, Student.display_name)
                                   .join(first, first.c.attempt_id == ExamAttempt.id)
                                   .join(Student, Student.id == ExamAttempt.student_id)
                                   .order_by(func.lower(Student.display_name), Student.id)).all()
            answers: dict[int, list[ExamAnswer]] = {}
            ids = [attempt.id for attempt, _ in rows]
            if ids:
                for answer in session.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id.in_(ids))):
                    answers.setdefault(answer.attempt_id, []).append(answer)
            return [ExamTake(a.student_id, name, a.id, a.started_at, a.submitted_at, a.score, tuple(a.question_ids),
                             {x.question_id: x.response for x in answers.get(a.id, [])},
                             {x.question_id: x.score for x in answers.get(a.id, [])}) for a, name in rows]

    def member_progress(self, teacher_id: int, class_id: int, student_id: int) -> tuple[dict, list, list]:
        """A member's (visits, answers, submitted exams), as Kemajuan Saya shows them; only for the class's teacher."""
        with self._session() as session:
            _owned(session, teacher_id, class_id)
            if session.scalar(select(ClassMember.id).where(ClassMember.class_id == class_id,
                                                           ClassMember.student_id == student_id)) is None:
                raise ClassNotFound(class_id)
        return self.visits(student_id), self.answers(student_id), self.exam_history(student_id)

    # -- the student's side ----------------------------------------------------------------------------------------

    def student_class_exams(self, student_id: int, now: float) -> list[StudentExam]:
        """The exams of the student's classes that have not closed yet, soonest first, with attempts used."""
        with self._session() as session:
            rows = session.execute(select(ClassExam, SchoolClass.name)
                                   .join(SchoolClass, SchoolClass.id == ClassExam.class_id)
                                   .join(ClassMember, ClassMember.class_id == SchoolClass.id)
                                   .where(ClassMember.student_id == student_id, ClassExam.closes_at > now)
                                   .order_by(ClassExam.opens_at, ClassExam.id)).all()
            out = []
            for row, class_name in rows:
                attempts = session.execute(select(ExamAttempt.id, ExamAttempt.submitted_at)
                                           .where(ExamAttempt.class_exam_id == row.id,
                                                  ExamAttempt.student_id == student_id)).all()
                unfinished = [a for a, submitted in attempts if submitted is None]
                out.append(StudentExam(_info(row, class_name), len(attempts), max(unfinished, default=None)))
            return out

    def student_class_exam(self, student_id: int, exam_id: int) -> StudentExam | None:
        """One exam of the student's classes (whatever its window), or None."""
        with self._session() as session:
            found = _member_exam(session, student_id, exam_id)
            if found is None:
                return None
            row, class_name = found
            attempts = session.execute(select(ExamAttempt.id, ExamAttempt.submitted_at)
                                       .where(ExamAttempt.class_exam_id == exam_id,
                                              ExamAttempt.student_id == student_id)).all()
            unfinished = [a for a, submitted in attempts if submitted is None]
            return StudentExam(_info(row, class_name), len(attempts), max(unfinished, default=None))

    def running_class_exams(self, now: float) -> list[ClassExamInfo]:
        """Every class exam open at ``now``, of any teacher (practice holds their questions back meanwhile)."""
        with self._session() as session:
            rows = session.execute(select(ClassExam, SchoolClass.name)
                                   .join(SchoolClass, SchoolClass.id == ClassExam.class_id)
                                   .where(ClassExam.opens_at <= now, ClassExam.closes_at > now)).all()
            return [_info(row, name) for row, name in rows]

    def start_class_exam(self, student_id: int, exam_id: int, attempt: Attempt, settings: dict,
                         now: float) -> int | None:
        """Save a new attempt linked to the exam; None (nothing saved) for a non-member, outside the window,
        or without attempts left."""
        with self._session() as session, session.begin():
            begin_write(session)  # one start at a time per student: the count below stays true until the insert
            if session.scalar(select(Student.id).where(Student.id == student_id).with_for_update()) is None:
                return None
            found = _member_exam(session, student_id, exam_id)
            if found is None:
                return None
            row = found[0]
            used = session.scalar(select(func.count()).select_from(ExamAttempt)
                                  .where(ExamAttempt.class_exam_id == exam_id, ExamAttempt.student_id == student_id))
            if not row.opens_at <= now < row.closes_at or used >= row.attempts:
                return None
            saved = ExamAttempt(student_id=student_id, question_ids=list(attempt.question_ids),
                                orders=dict(attempt.orders), settings=settings, started_at=attempt.started_at,
                                deadline=min(attempt.deadline, row.closes_at), class_exam_id=exam_id)
            session.add(saved)
            session.flush()
            return saved.id


def _owned_exam(session: Session, teacher_id: int, exam_id: int,
                required: bool = True) -> tuple[ClassExam, SchoolClass] | None:
    found = session.execute(select(ClassExam, SchoolClass).join(SchoolClass, SchoolClass.id == ClassExam.class_id)
                            .where(ClassExam.id == exam_id, SchoolClass.teacher_id == teacher_id)).first()
    if found is None and required:
        raise ClassNotFound(exam_id)
    return None if found is None else (found[0], found[1])


def _member_exam(session: Session, student_id: int, exam_id: int) -> tuple[ClassExam, str] | None:
    found = session.execute(select(ClassExam, SchoolClass.name)
                            .join(SchoolClass, SchoolClass.id == ClassExam.class_id)
                            .join(ClassMember, ClassMember.class_id == SchoolClass.id)
                            .where(ClassExam.id == exam_id, ClassMember.student_id == student_id)).first()
    return None if found is None else (found[0], found[1])


def _counts(session: Session, exam_id: int) -> tuple[int, int]:
    started = session.scalar(select(func.count(func.distinct(ExamAttempt.student_id)))
                             .where(ExamAttempt.class_exam_id == exam_id))
    submitted = session.scalar(select(func.count(func.distinct(ExamAttempt.student_id)))
                               .where(ExamAttempt.class_exam_id == exam_id, ExamAttempt.submitted_at.is_not(None)))
    return started or 0, submitted or 0


def _info(row: ClassExam, class_name: str, started: int = 0, submitted: int = 0) -> ClassExamInfo:
    return ClassExamInfo(row.id, row.class_id, class_name, row.title, row.source, tuple(row.question_ids or ()),
                         dict(row.draw) if row.draw else None, row.per_student_draw, row.minutes, row.opens_at,
                         row.closes_at, row.attempts, row.show_review, row.created_at, started, submitted)
