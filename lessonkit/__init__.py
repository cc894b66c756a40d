"""lessonkit: the engine of the lesson app, plain Python with no Streamlit server needed.

It loads and validates the teacher-edited files in ``content/`` and
``quizzes/`` and reports problems as ``FILE:LINE: id: field: message``.
"""
