"""Storage of students' progress, teachers and classes: SQLAlchemy models, Alembic migrations and the `Store` API.

SQLite (embedded, default) or PostgreSQL (``DATABASE_URL``); no Streamlit import.
"""

from .class_exams import ClassExamInfo, ExamTake, StudentExam
from .classes import ClassInfo, ClassNotFound, DeleteOutcome, JoinResult, JoinStatus, Member, StudentClass
from .engine import default_url, make_engine, migrate
from .live import LiveClassResult, LiveRecord, LiveStudentTotal
from .store import Answer, StorageError, Store, StudentInfo
from .teachers import SignInResult, SignInStatus, TeacherExists, TeacherInfo

__all__ = ["Answer", "ClassExamInfo", "ClassInfo", "ClassNotFound", "DeleteOutcome", "ExamTake", "JoinResult",
           "JoinStatus", "LiveClassResult", "LiveRecord", "LiveStudentTotal", "Member", "SignInResult", "SignInStatus",
           "StorageError", "Store", "StudentClass", "StudentExam", "StudentInfo", "TeacherExists", "TeacherInfo",
           "default_url", "make_engine", "migrate"]
