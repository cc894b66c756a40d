"""Quizzes: the YAML question format, its validation, grading, practice runs and exams.

Public API::

    from lessonkit.quiz import load_bank, grade
    bank = load_bank(["quizzes/"], content_dir="content/")  # raises QuizFormatError with every problem
    q = bank.question("pp-01")
    grade(q, response).score                                 # float in [0, 1]; None for essays

What the database keeps for a response, and back: ``lessonkit.quiz.stored.to_stored`` / ``from_stored``.
"""

from .bank import Bank, Quiz, QuizFormatError, load_bank, read_bank
from .grading import Grade, grade, quiz_score

__all__ = ["Bank", "Grade", "Quiz", "QuizFormatError", "grade", "load_bank", "quiz_score", "read_bank"]
