"""Teacher sign-in, without Streamlit and without a database: password hashing, lockout policy, session tokens
and teachers declared in ``.streamlit/secrets.toml``.

The database side (teacher accounts, failed attempts, sessions) lives in
``lessonkit.storage.teachers``; the HTTP side (the cookie) in ``server/teacher_session.py``.
"""
