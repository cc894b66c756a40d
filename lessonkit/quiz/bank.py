"""Loading quiz files into a question bank, reporting every problem with its file and line.

Each quiz file is validated on its own: the quiz header, then every question
with the schema of its type, so one broken question does not hide another.
A file with any problem is left out of the bank (it breaks only itself);
`read_bank` returns the good quizzes and the problems, `load_bank` raises
`QuizFormatError` when there is any problem.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, Field, ValidationError

from ..authoring.problems import ContentError, Problem
from ..authoring.validation import translate
from ..authoring.yamlsrc import Parsed, parse_yaml
from ..lesson.content import load_lesson
from ..rules.remote import MESSAGE as REMOTE_MESSAGE
from ..rules.remote import remote_images
from .base import QuestionBase, Slug, Strict, Text
from .types import TYPES


class Stimulus(Strict):
    id: Slug
    text: Text


class QuizHeader(Strict):
    id: Slug
    title: Text
    description: str | None = None
    time_limit_minutes: Annotated[float, Field(gt=0)] | None = None
    stimuli: list[Stimulus] = []
    questions: Annotated[list[dict], Field(min_length=1)]


@dataclass
class Quiz:
    id: str
    title: str
    file: str
    description: str | None
    time_limit_minutes: float | None
    stimuli: dict[str, str]
    questions: list[QuestionBase]


@dataclass
class FileStatus:
    """What became of one quiz file: its quiz, or the title to show beside its problems."""

    file: str
    quiz: Quiz | None
    label: str
    problems: list[Problem] = field(default_factory=list)
    quiz_id: str = ""
    questions: list[QuestionBase] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


DIAGNOSTIC_PREFIX = "diagnostik"  # a quiz whose id starts so is a pre-test of prerequisites (quiz/diagnostic.py)


class QuizFormatError(ContentError):
    """Raised by `load_bank`; ``.problems`` holds every problem in every file."""


@dataclass
class Bank:
    files: list[FileStatus] = field(default_factory=list)

    @property
    def quizzes(self) -> list[Quiz]:
        return [f.quiz for f in self.files if f.quiz is not None]

    @property
    def problems(self) -> list[Problem]:
        return sorted(p for f in self.files for p in f.problems)

    @property
    def questions(self) -> list[QuestionBase]:
        return [q for quiz in self.quizzes for q in quiz.questions]

    @property
    def lesson_questions(self) -> list[QuestionBase]:
        """The questions on the lesson itself: what section practice and drawn exams use (pre-tests left out)."""
        return [q for quiz in self.quizzes if not quiz.id.startswith(DIAGNOSTIC_PREFIX) for q in quiz.questions]

    def question(self, question_id: str) -> QuestionBase:
        return self._by_id[question_id][0]

    def without(self, question_ids: Collection[str]) -> Bank:
        """This bank without ``question_ids``; a quiz left with no question is left out (a broken file stays)."""
        if not question_ids:
            return self
        files = []
        for status in self.files:
            kept = [q for q in status.questions if q.id not in question_ids]
            if status.quiz is None:
                files.append(status)
            elif kept:
                quiz = replace(status.quiz, questions=[q for q in status.quiz.questions if q.id not in question_ids])
                files.append(replace(status, quiz=quiz, questions=kept))
        return Bank(files)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def quiz_of(self, question_id: str) -> Quiz:
        return self._by_id[question_id][1]

    def stimulus_of(self, question: QuestionBase) -> str | None:
        if question.stimulus is None:
            return None
        return self.quiz_of(question.id).stimuli.get(question.stimulus)

    def source(self, question_id: str) -> tuple[str, int]:
        """Where the question is written: (file, line of its ``id``), for the teacher to edit it."""
        return self._sources[question_id]

    @cached_property
    def _sources(self) -> dict[str, tuple[str, int]]:
        return {q.id: (f.file, f.lines[q.id]) for f in self.files if f.quiz is not None for q in f.quiz.questions}

    @cached_property
    def _by_id(self) -> dict[str, tuple[QuestionBase, Quiz]]:
        return {q.id: (q, quiz) for quiz in self.quizzes for q in quiz.questions}


def quiz_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _question_id(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return raw["id"]
    return f"soal-ke-{index + 1}"


def _validate_question(raw: object, index: int, parsed: Parsed, file: str) -> tuple[QuestionBase | None, list[Problem]]:
    base = ("questions", index)
    ident = _question_id(raw, index)
    if not isinstance(raw, dict):
        return None, [Problem(file, parsed.line_of(base), ident, "-", "soal harus berupa pemetaan 'kunci: nilai'")]
    kind = raw.get("type")
    if kind not in TYPES:
        message = (f"jenis soal '{kind}' tidak dikenal; gunakan salah satu: {', '.join(TYPES)}" if kind is not None
                   else f"wajib diisi (salah satu: {', '.join(TYPES)})")
        return None, [Problem(file, parsed.line_of(base + ("type",)), ident, "type", message)]
    model: type[BaseModel] = TYPES[kind].Question
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, translate(exc, parsed, file, model, base=base, item_id=ident)


def _remote_image_problems(data: dict, parsed: Parsed, file: str, quiz_id: str,
                           raw_questions: list) -> list[Problem]:
    """An image from outside the server is an author error: the app must work offline."""
    problems = []
    for where, found in remote_images(data):
        in_question = len(where) > 1 and where[0] == "questions" and isinstance(where[1], int)
        item = _question_id(raw_questions[where[1]], where[1]) if in_question else quiz_id
        field = next(str(key) for key in reversed(where) if isinstance(key, str))
        problems.append(Problem(file, parsed.line_of(where), item, field, REMOTE_MESSAGE.format(found=found[:60])))
    return problems


def read_quiz_file(path: Path, section_ids: Sequence[str] | None) -> FileStatus:
    """Validate one file completely; the quiz is None when anything is wrong with it."""
    file = _display(path)
    status = FileStatus(file, None, path.stem)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "harus disimpan dengan encoding UTF-8" if isinstance(exc, UnicodeDecodeError) else "tidak dapat dibaca"
        status.problems.append(Problem(file, 1, "", "file", f"file {reason}"))
        return status
    parsed = parse_yaml(text, file)
    status.problems.extend(parsed.problems)
    if parsed.problems:
        return status
    data = parsed.data
    if data is None:
        status.problems.append(Problem(file, 1, "", "file", "file kosong; isi minimal id, title dan questions"))
        return status
    if not isinstance(data, dict):
        status.problems.append(Problem(file, 1, "", "file", "isi file harus berupa pemetaan 'kunci: nilai' "
                                                            "(id, title, questions, ...)"))
        return status
    quiz_id = data.get("id") if isinstance(data.get("id"), str) else ""
    if isinstance(data.get("title"), str):
        status.label = data["title"]
    try:
        header = QuizHeader.model_validate(data)
    except ValidationError as exc:
        status.problems.extend(translate(exc, parsed, file, QuizHeader, item_id=quiz_id))
        header = None

    questions: list[QuestionBase] = []
    question_lines: list[int] = []
    raw_questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    stimulus_ids = {s.get("id") for s in data.get("stimuli") or [] if isinstance(s, dict)}
    for index, raw in enumerate(raw_questions):
        question, problems = _validate_question(raw, index, parsed, file)
        status.problems.extend(problems)
        if question is None:
            continue
        where = ("questions", index)
        if section_ids is not None and question.section not in section_ids:
            status.problems.append(Problem(file, parsed.line_of(where + ("section",)), question.id, "section",
                                           f"bagian '{question.section}' tidak ada di materi (content/)"))
        if question.stimulus is not None and question.stimulus not in stimulus_ids:
            status.problems.append(Problem(file, parsed.line_of(where + ("stimulus",)), question.id, "stimulus",
                                           f"stimulus '{question.stimulus}' tidak ada di bagian stimuli file ini"))
        questions.append(question)
        question_lines.append(parsed.line_of(where + ("id",)))
    status.problems.extend(_remote_image_problems(data, parsed, file, quiz_id, raw_questions))
    if header is not None:
        seen: set[str] = set()
        for index, stimulus in enumerate(header.stimuli):
            if stimulus.id in seen:
                status.problems.append(Problem(file, parsed.line_of(("stimuli", index, "id")), stimulus.id, "id",
                                               "id stimulus ini ditulis dua kali"))
            seen.add(stimulus.id)
    status.lines = {q.id: line for q, line in zip(questions, question_lines, strict=True)}
    if header is not None and not status.problems:
        status.quiz = Quiz(header.id, header.title, file, header.description, header.time_limit_minutes,
                           {s.id: s.text for s in header.stimuli}, questions)
    status.quiz_id = quiz_id
    status.questions = questions
    return status


def _cross_check(files: list[FileStatus]) -> None:
    """Question ids are unique across the whole bank, quiz ids across files; name both places."""
    first_question: dict[str, tuple[FileStatus, int]] = {}
    first_quiz: dict[str, FileStatus] = {}
    for status in files:
        if status.quiz_id:
            if status.quiz_id in first_quiz:
                other = first_quiz[status.quiz_id]
                status.problems.append(Problem(status.file, 1, status.quiz_id, "id",
                                               f"id kuis '{status.quiz_id}' sudah dipakai di {other.file}"))
                status.quiz = None
            else:
                first_quiz[status.quiz_id] = status
        for question in status.questions:
            line = status.lines[question.id]
            if question.id in first_question:
                other, other_line = first_question[question.id]
                place = f"{other.file}:{other_line}" if other is not status else f"baris {other_line}"
                status.problems.append(Problem(status.file, line, question.id, "id",
                                               f"id soal '{question.id}' juga dipakai di {place}"))
                status.quiz = None
                if other is not status:
                    other.problems.append(Problem(other.file, other_line, question.id, "id",
                                                  f"id soal '{question.id}' juga dipakai di {status.file}:{line}"))
                    other.quiz = None
            else:
                first_question[question.id] = (status, line)


def read_bank(paths: Iterable[str | Path], content_dir: str | Path | None = None,
              section_ids: Sequence[str] | None = None) -> Bank:
    """Load every quiz file under ``paths``; never raises. Sections come from ``content_dir`` if given."""
    if section_ids is None and content_dir is not None:
        section_ids = load_lesson(content_dir).section_ids or None
    files = [read_quiz_file(path, section_ids) for path in quiz_files(paths)]
    _cross_check(files)
    return Bank(files)


def load_bank(paths: Iterable[str | Path], content_dir: str | Path | None = None) -> Bank:
    """Load the bank, raising `QuizFormatError` carrying every problem when anything is wrong."""
    bank = read_bank(paths, content_dir)
    if bank.problems:
        raise QuizFormatError(bank.problems)
    return bank
