"""What every Hasil Kelas tab is drawn from: the signed-in teacher, the class, its members and its exams.

The tabs (`ui.teacher.class_results`, `ui.teacher.class_live_results`) are functions of a `Dashboard`; every
store call it makes carries the teacher's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessonkit.analytics.class_results import distinct_labels

if TYPE_CHECKING:
    from lessonkit.storage import ClassExamInfo, ClassInfo, ExamTake, Member, Store, TeacherInfo


@dataclass(frozen=True)
class Dashboard:
    store: Store
    teacher: TeacherInfo
    klass: ClassInfo
    members: list[Member]
    exams: list[ClassExamInfo]

    @property
    def labels(self) -> dict[int, str]:
        """Member id → a distinct label (two students named Ana stay two)."""
        return dict(zip((m.student_id for m in self.members),
                        distinct_labels([m.display_name for m in self.members]), strict=True))

    def takes(self, exam_id: int) -> list[ExamTake]:
        return self.store.class_exam_results(self.teacher.id, exam_id)
