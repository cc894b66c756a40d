"""Classes and memberships: the `Store` methods a teacher uses for their classes, and a student uses to join.

Every teacher-side method takes the signed-in teacher's id and only ever
touches that teacher's classes: a class id of another teacher behaves as if
it did not exist (`ClassNotFound`). Student-side methods take the student's
id; a student reaches a class only through its current join code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..rules.class_codes import class_name_problem, clean_class_name, normal_code
from ..rules.class_codes import new_join_code as draw_code
from .common import guarded, utcnow
from .models import ClassMember, SchoolClass, Student, Teacher

CODE_ATTEMPTS = 20


class ClassNotFound(LookupError):
    """No class with that id belongs to this teacher."""


@dataclass(frozen=True)
class ClassInfo:
    id: int
    name: str
    join_code: str
    joins_open: bool
    created_at: datetime
    member_count: int


@dataclass(frozen=True)
class Member:
    student_id: int
    display_name: str
    joined_at: datetime


@dataclass(frozen=True)
class StudentClass:
    """A class as its student sees it: its name and the teacher's name, never its code or other members."""

    id: int
    name: str
    teacher_name: str


class JoinStatus(StrEnum):
    JOINED = "bergabung"
    ALREADY = "sudah"
    UNKNOWN = "tidak dikenal"
    CLOSED = "ditutup"


@dataclass(frozen=True)
class JoinResult:
    status: JoinStatus
    class_id: int | None = None
    class_name: str | None = None


class DeleteOutcome(StrEnum):
    DELETED = "dihapus"
    REMOVED_ONLY = "hanya dikeluarkan"


@guarded
class ClassRecords:
    """Mixed into `Store`, which provides ``_session()`` and ``delete_student()``."""

    # -- the teacher's side ----------------------------------------------------------------------------------------

    def create_class(self, teacher_id: int, name: str, now: datetime | None = None) -> ClassInfo:
        """A new class with a fresh join code, open for joining; ValueError (Indonesian) for a bad name."""
        name = clean_class_name(name)
        if problem := class_name_problem(name):
            raise ValueError(problem)
        with self._session() as session:
            taken = session.scalar(select(SchoolClass.id).where(SchoolClass.teacher_id == teacher_id,
                                                                func.lower(SchoolClass.name) == name.lower()))
        if taken is not None:
            raise ValueError("Kamu sudah punya kelas dengan nama itu.")
        for _ in range(CODE_ATTEMPTS):
            row = SchoolClass(teacher_id=teacher_id, name=name, join_code=draw_code(), joins_open=True,
                              created_at=now or utcnow())
            try:
                with self._session() as session, session.begin():
                    session.add(row)
                return ClassInfo(row.id, row.name, row.join_code, True, row.created_at, 0)
            except IntegrityError:
                continue  # the code was taken: draw another
        raise RuntimeError("no free join code")

    def classes(self, teacher_id: int) -> list[ClassInfo]:
        """The teacher's classes, newest first, with their member counts."""
        with self._session() as session:
            counts = (select(ClassMember.class_id, func.count().label("n")).group_by(ClassMember.class_id)
                      .subquery())
            rows = session.execute(select(SchoolClass, func.coalesce(counts.c.n, 0))
                                   .outerjoin(counts, counts.c.class_id == SchoolClass.id)
                                   .where(SchoolClass.teacher_id == teacher_id)
                                   .order_by(SchoolClass.created_at.desc(), SchoolClass.id.desc()))
            return [_class_info(row, n) for row, n in rows]

    def class_info(self, teacher_id: int, class_id: int) -> ClassInfo | None:
        """One of the teacher's classes, or None (also for another teacher's class)."""
        with self._session() as session:
            row = _owned(session, teacher_id, class_id, required=False)
            if row is None:
                return None
            return _class_info(row, _count(session, row.id))

    def set_joins_open(self, teacher_id: int, class_id: int, joins_open: bool) -> ClassInfo:
        with self._session() as session, session.begin():
            row = _owned(session, teacher_id, class_id)
            row.joins_open = joins_open
            return _class_info(row, _count(session, row.id))

    def new_join_code(self, teacher_id: int, class_id: int) -> ClassInfo:
        """Replace the join code: the old one stops working at once; members stay."""
        for _ in range(CODE_ATTEMPTS):
            try:
                with self._session() as session, session.begin():
                    row = _owned(session, teacher_id, class_id)
                    row.join_code = draw_code()
                    session.flush()
                    return _class_info(row, _count(session, row.id))
            except IntegrityError:
                continue
        raise RuntimeError("no free join code")

    def members(self, teacher_id: int, class_id: int) -> list[Member]:
        """The class's students by name (the student ids are what class results join on)."""
        with self._session() as session:
            _owned(session, teacher_id, class_id)
            rows = session.execute(select(Student.id, Student.display_name, ClassMember.joined_at)
                                   .join(ClassMember, ClassMember.student_id == Student.id)
                                   .where(ClassMember.class_id == class_id)
                                   .order_by(func.lower(Student.display_name), Student.id))
            return [Member(*row) for row in rows]

    def remove_member(self, teacher_id: int, class_id: int, student_id: int) -> bool:
        """Take a student out of the class; their learning records stay with them."""
        with self._session() as session, session.begin():
            _owned(session, teacher_id, class_id)
            done = session.execute(delete(ClassMember).where(ClassMember.class_id == class_id,
                                                             ClassMember.student_id == student_id))
            return done.rowcount > 0

    def delete_member_data(self, teacher_id: int, class_id: int, student_id: int) -> DeleteOutcome:
        """Delete a member's data; a student who is also in another teacher's class is only removed from this one.

        The check and the deletion are one transaction, so a teacher can never
        delete what another teacher's class still holds.
        """
        with self._session() as session, session.begin():
            _owned(session, teacher_id, class_id)
            member = session.scalar(select(ClassMember.id).where(ClassMember.class_id == class_id,
                                                                 ClassMember.student_id == student_id))
            if member is None:
                raise ClassNotFound(class_id)
            elsewhere = session.scalar(select(func.count()).select_from(ClassMember)
                                       .join(SchoolClass, SchoolClass.id == ClassMember.class_id)
                                       .where(ClassMember.student_id == student_id,
                                              SchoolClass.teacher_id != teacher_id))
            if elsewhere:
                session.execute(delete(ClassMember).where(ClassMember.student_id == student_id,
                                                          ClassMember.class_id.in_(
                                                              select(SchoolClass.id)
                                                              .where(SchoolClass.teacher_id == teacher_id))))
                return DeleteOutcome.REMOVED_ONLY
        self.delete_student(student_id)
        return DeleteOutcome.DELETED

    # -- the student's side ----------------------------------------------------------------------------------------

    def class_for_code(self, code: str | None) -> JoinResult:
        """What a join code leads to, without joining (for the join page): unknown, closed, or the class name."""
        code = normal_code(code)
        if code is None:
            return JoinResult(JoinStatus.UNKNOWN)
        with self._session() as session:
            row = session.scalar(select(SchoolClass).where(SchoolClass.join_code == code))
            if row is None:
                return JoinResult(JoinStatus.UNKNOWN)
            return JoinResult(JoinStatus.JOINED if row.joins_open else JoinStatus.CLOSED, row.id, row.name)

    def join_class(self, student_id: int, code: str | None, now: datetime | None = None) -> JoinResult:
        """Join by code: unknown and closed codes change nothing; joining twice is harmless."""
        found = self.class_for_code(code)
        if found.status is not JoinStatus.JOINED:
            return found
        try:
            with self._session() as session, session.begin():
                if session.scalar(select(ClassMember.id).where(ClassMember.class_id == found.class_id,
                                                               ClassMember.student_id == student_id)):
                    return JoinResult(JoinStatus.ALREADY, found.class_id, found.class_name)
                session.add(ClassMember(class_id=found.class_id, student_id=student_id, joined_at=now or utcnow()))
        except IntegrityError:
            return JoinResult(JoinStatus.ALREADY, found.class_id, found.class_name)
        return found

    def leave_class(self, student_id: int, class_id: int) -> bool:
        with self._session() as session, session.begin():
            done = session.execute(delete(ClassMember).where(ClassMember.class_id == class_id,
                                                             ClassMember.student_id == student_id))
            return done.rowcount > 0

    def student_classes(self, student_id: int) -> list[StudentClass]:
        """The classes a student belongs to (what other features read to know a student's classes)."""
        with self._session() as session:
            rows = session.execute(select(SchoolClass.id, SchoolClass.name, Teacher.display_name)
                                   .join(ClassMember, ClassMember.class_id == SchoolClass.id)
                                   .join(Teacher, Teacher.id == SchoolClass.teacher_id)
                                   .where(ClassMember.student_id == student_id)
                                   .order_by(ClassMember.joined_at, SchoolClass.id))
            return [StudentClass(*row) for row in rows]


def _owned(session: Session, teacher_id: int, class_id: int, required: bool = True) -> SchoolClass | None:
    row = session.scalar(select(SchoolClass).where(SchoolClass.id == class_id, SchoolClass.teacher_id == teacher_id))
    if row is None and required:
        raise ClassNotFound(class_id)
    return row


def _count(session: Session, class_id: int) -> int:
    return session.scalar(select(func.count()).select_from(ClassMember).where(ClassMember.class_id == class_id))


def _class_info(row: SchoolClass, members: int) -> ClassInfo:
    return ClassInfo(row.id, row.name, row.join_code, row.joins_open, row.created_at, members)
