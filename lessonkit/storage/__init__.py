"""Storage of students' progress: SQLAlchemy models, Alembic migrations and the `Store` API.

SQLite (embedded, default) or PostgreSQL (``DATABASE_URL``); no Streamlit import.
"""

from .engine import default_url, make_engine, migrate
from .store import Answer, StorageError, Store, StudentInfo

__all__ = ["Answer", "StorageError", "Store", "StudentInfo", "default_url", "make_engine", "migrate"]
