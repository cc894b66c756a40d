"""The storage layer: what is kept about a student's learning, through SQLAlchemy (no Streamlit here).

A student is a display name and a random resume code (192 bits, URL-safe)
that is only a key: nothing is ever decoded from it. Teachers, classes, class
exams, the live quiz and the devices that remember a student and the
school's settings are `Store` methods too, kept in their own
modules (``teachers.py``, ``classes.py``, ``class_exams.py``, ``live.py``, ``devices.py``, ``settings.py``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from ..quiz.base import QuestionBase
from ..quiz.exam import GRACE_SECONDS, Attempt
from ..quiz.stored import to_stored
from ..rules.limits import STUDENT_NAME_MAX, clean_line, is_resume_code
from ..rules.modes import Mode
from .class_exams import ClassExamRecords
from .classes import ClassRecords
from .common import StorageError, StudentInfo, guard, utcnow
from .common import student_info as _info
from .devices import DeviceRecords
from .engine import check_sqlite_file, make_engine, migrate, where
from .live import LiveRecords, forget_live_seats, live_export_rows
from .models import (
    ClassMember,
    ExamAnswer,
    ExamAttempt,
    Flashcard,
    PracticeAnswer,
    SchoolClass,
    SectionVisit,
    Student,
    StudentDevice,
)
from .settings import SettingRecords
from .teachers import TeacherRecords

__all__ = ["Answer", "StorageError", "Store", "StudentInfo", "utcnow"]


@dataclass(frozen=True)
class Answer:
    """One graded answer, from practice or an exam, for mastery and history."""

    mode: Mode
    question_id: str
    section_id: str
    score: float | None
    at: datetime


class Store(TeacherRecords, ClassRecords, ClassExamRecords, LiveRecords, DeviceRecords, SettingRecords):
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and migrate; raises `StorageError` when the database cannot be used."""
        try:
            check_sqlite_file(url)
            engine = make_engine(url)
            migrate(engine)
        except Exception as exc:  # noqa: BLE001 - whatever stops the database, the lesson goes on without it
            raise StorageError.from_exception(exc, where(url)) from exc
        return cls(engine)

    def _session(self) -> Session:
        return self._sessions()

    # -- who is who -------------------------------------------------------------------------------------------

    def create_student(self, display_name: str) -> StudentInfo:
        name = clean_line(display_name, STUDENT_NAME_MAX)
        if not name:
            raise ValueError("nama tidak boleh kosong")
        row = Student(code=secrets.token_urlsafe(24), display_name=name, created_at=utcnow())
        with self._session() as session, session.begin():
            session.add(row)
        return _info(row)

    def student(self, code: str | None) -> StudentInfo | None:
        if not is_resume_code(code):
            return None
        with self._session() as session:
            row = session.scalar(select(Student).where(Student.code == code))
            return _info(row) if row else None

    def delete_student(self, student_id: int) -> None:
        """Remove the student and everything recorded about them."""
        with self._session() as session, session.begin():
            attempts = select(ExamAttempt.id).where(ExamAttempt.student_id == student_id)
            session.execute(delete(ExamAnswer).where(ExamAnswer.attempt_id.in_(attempts)))
            forget_live_seats(session, student_id)
            for table in (ExamAttempt, PracticeAnswer, SectionVisit, Flashcard, ClassMember, StudentDevice):
                session.execute(delete(table).where(table.student_id == student_id))
            session.execute(delete(Student).where(Student.id == student_id))

    # -- lesson ------------------------------------------------------------------------------------------------

    def record_visit(self, student_id: int, section_id: str, now: datetime | None = None) -> None:
        now = now or utcnow()
        with self._session() as session, session.begin():
            row = session.scalar(select(SectionVisit).where(SectionVisit.student_id == student_id,
                                                            SectionVisit.section_id == section_id))
            if row is None:
                session.add(SectionVisit(student_id=student_id, section_id=section_id, first_opened_at=now,
                                         last_opened_at=now, times_opened=1))
            else:
                row.last_opened_at = now
                row.times_opened += 1

    def visits(self, student_id: int) -> dict[str, SectionVisit]:
        with self._session() as session:
            rows = session.scalars(select(SectionVisit).where(SectionVisit.student_id == student_id))
            return {row.section_id: row for row in rows}

    # -- practice ----------------------------------------------------------------------------------------------

    def record_practice(self, student_id: int, question: QuestionBase, response, score: float | None,
                        now: datetime | None = None) -> None:
        """Keep one checked practice answer, as its question's type stores it."""
        with self._session() as session, session.begin():
            session.add(PracticeAnswer(student_id=student_id, question_id=question.id, section_id=question.section,
                                       response=to_stored(question, response), score=score,
                                       answered_at=now or utcnow()))

    # -- exams -------------------------------------------------------------------------------------------------

    def start_exam(self, student_id: int, attempt: Attempt, settings: dict) -> int:
        row = ExamAttempt(student_id=student_id, question_ids=list(attempt.question_ids),
                          orders={k: v for k, v in attempt.orders.items()}, settings=settings,
                          started_at=attempt.started_at, deadline=attempt.deadline)
        with self._session() as session, session.begin():
            session.add(row)
        return row.id

    def save_exam_answer(self, attempt_id: int, question: QuestionBase, response, score: float | None,
                         answered_at: float) -> bool:
        """Keep the latest answer to one exam question (saved answer by answer, as its type stores it); False,
        and nothing kept, once the attempt was submitted or its stored deadline (which closing a class exam early
        moves) has passed. Read answers back through `lessonkit.quiz.stored.from_stored`."""
        question_id, value = question.id, to_stored(question, response)
        with self._session() as session, session.begin():
            attempt = session.get(ExamAttempt, attempt_id)
            if attempt is None or attempt.submitted_at is not None or answered_at > attempt.deadline + GRACE_SECONDS:
                return False
            row = session.scalar(select(ExamAnswer).where(ExamAnswer.attempt_id == attempt_id,
                                                          ExamAnswer.question_id == question_id))
            if row is None:
                session.add(ExamAnswer(attempt_id=attempt_id, question_id=question_id, section_id=question.section,
                                       response=value, score=score, answered_at=answered_at))
            else:
                row.response, row.score, row.answered_at = value, score, answered_at
        return True

    def submit_exam(self, attempt_id: int, submitted_at: float, score: float) -> None:
        with self._session() as session, session.begin():
            row = session.get(ExamAttempt, attempt_id)
            if row is not None and row.submitted_at is None:
                row.submitted_at, row.score = submitted_at, score

    def load_exam(self, attempt_id: int) -> tuple[Attempt, dict] | None:
        with self._session() as session:
            row = session.get(ExamAttempt, attempt_id)
            return _attempt(session, row) if row else None

    def open_exam(self, student_id: int) -> tuple[int, Attempt, dict] | None:
        """The student's newest exam that was not submitted yet, to resume it."""
        with self._session() as session:
            row = session.scalar(select(ExamAttempt).where(ExamAttempt.student_id == student_id,
                                                           ExamAttempt.submitted_at.is_(None))
                                 .order_by(ExamAttempt.started_at.desc()))
            if row is None:
                return None
            attempt, settings = _attempt(session, row)
            return row.id, attempt, settings

    def exam_history(self, student_id: int) -> list[ExamAttempt]:
        with self._session() as session:
            return list(session.scalars(select(ExamAttempt).where(ExamAttempt.student_id == student_id,
                                                                  ExamAttempt.submitted_at.is_not(None))
                                        .order_by(ExamAttempt.started_at)))

    def answers(self, student_id: int) -> list[Answer]:
        """Every graded answer (practice and submitted exams), oldest first."""
        with self._session() as session:
            practice = session.scalars(select(PracticeAnswer).where(PracticeAnswer.student_id == student_id))
            out = [Answer(Mode.PRACTICE, r.question_id, r.section_id, r.score, r.answered_at) for r in practice]
            exams = session.execute(
                select(ExamAnswer, ExamAttempt.submitted_at).join(ExamAttempt)
                .where(ExamAttempt.student_id == student_id, ExamAttempt.submitted_at.is_not(None)))
            for answer, _ in exams:
                when = datetime.fromtimestamp(answer.answered_at, UTC).replace(tzinfo=None)
                out.append(Answer(Mode.EXAM, answer.question_id, answer.section_id, answer.score, when))
        return sorted(out, key=lambda a: a.at)

    def export(self, student_id: int) -> list[dict]:
        """Everything stored about the student, one row per fact (for a CSV download)."""
        with self._session() as session:
            student = session.get(Student, student_id)
            if student is None:
                return []
            classes = session.scalars(select(SchoolClass.name).join(ClassMember)
                                      .where(ClassMember.student_id == student_id).order_by(SchoolClass.name))
            rows = [{"jenis": "profil", "waktu": student.created_at, "bagian": "", "soal": "",
                     "jawaban": student.display_name, "skor": None, "keterangan": ", ".join(classes)}]
            for visit in session.scalars(select(SectionVisit).where(SectionVisit.student_id == student_id)):
                note = f"pertama {visit.first_opened_at:%Y-%m-%d %H:%M}, {visit.times_opened} kali"
                rows.append({"jenis": "materi dibuka", "waktu": visit.last_opened_at, "bagian": visit.section_id,
                             "soal": "", "jawaban": "", "skor": None, "keterangan": note})
            for answer in session.scalars(select(PracticeAnswer).where(PracticeAnswer.student_id == student_id)):
                rows.append({"jenis": Mode.PRACTICE, "waktu": answer.answered_at, "bagian": answer.section_id,
                             "soal": answer.question_id, "jawaban": answer.response, "skor": answer.score,
                             "keterangan": ""})
            for attempt in session.scalars(select(ExamAttempt).where(ExamAttempt.student_id == student_id)):
                started = datetime.fromtimestamp(attempt.started_at, UTC).replace(tzinfo=None)
                rows.append({"jenis": Mode.EXAM, "waktu": started, "bagian": "", "soal": len(attempt.question_ids),
                             "jawaban": "", "skor": attempt.score,
                             "keterangan": "dikumpulkan" if attempt.submitted_at else "belum dikumpulkan"})
                for answer in session.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id == attempt.id)):
                    when = datetime.fromtimestamp(answer.answered_at, UTC).replace(tzinfo=None)
                    rows.append({"jenis": "jawaban ujian", "waktu": when, "bagian": answer.section_id,
                                 "soal": answer.question_id, "jawaban": answer.response, "skor": answer.score,
                                 "keterangan": f"ujian {started:%Y-%m-%d %H:%M}"})
            rows += live_export_rows(session, student_id)
            for card in session.scalars(select(Flashcard).where(Flashcard.student_id == student_id)):
                rows.append({"jenis": "kartu istilah", "waktu": card.due_at, "bagian": "", "soal": card.term,
                             "jawaban": "", "skor": None, "keterangan": f"kotak {card.box}"})
        return rows

    # -- flashcards --------------------------------------------------------------------------------------------

    def cards(self, student_id: int) -> dict[str, tuple[int, datetime]]:
        with self._session() as session:
            rows = session.scalars(select(Flashcard).where(Flashcard.student_id == student_id))
            return {row.term: (row.box, row.due_at) for row in rows}

    def set_card(self, student_id: int, term: str, box: int, due_at: datetime) -> None:
        with self._session() as session, session.begin():
            row = session.scalar(select(Flashcard).where(Flashcard.student_id == student_id,
                                                         Flashcard.term == term))
            if row is None:
                session.add(Flashcard(student_id=student_id, term=term, box=box, due_at=due_at))
            else:
                row.box, row.due_at = box, due_at


for _name in ("create_student", "student", "delete_student", "record_visit", "visits", "record_practice",
              "start_exam", "save_exam_answer", "submit_exam", "load_exam", "open_exam", "exam_history", "answers",
              "export", "cards", "set_card"):
    setattr(Store, _name, guard(getattr(Store, _name)))


def _attempt(session: Session, row: ExamAttempt) -> tuple[Attempt, dict]:
    attempt = Attempt(list(row.question_ids), dict(row.orders), row.started_at, row.deadline,
                      submitted_at=row.submitted_at)
    for answer in session.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id == row.id)):
        attempt.answers[answer.question_id] = answer.response
        attempt.answered_at[answer.question_id] = answer.answered_at
    return attempt, dict(row.settings)
