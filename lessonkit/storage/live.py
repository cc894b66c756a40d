"""Kuis Langsung in the database: sessions, seats and answers, the `Store` methods of the live quiz.

The rules live in ``lessonkit.live`` (pure); this module keeps their results and enforces the parts only a
database can: transitions are compare-and-set on ``version`` (``lessonkit.live.state`` describes the
contract), an answer is unique per (session, seat, question) and is inserted while the session row is
still at the version it was graded against (PostgreSQL: the row read ``FOR SHARE``; SQLite: the write
transaction starts with ``BEGIN IMMEDIATE``), and joins are serialised per session (row ``FOR UPDATE``).

Every write that moves the version also sends it to the other processes (PostgreSQL ``pg_notify`` in the
same transaction, ``lessonkit.storage.live_notify``). The first time the server sends a question to a seat is
kept once (``live_shown``, the first showing wins) and handed to the grading of that seat's answer.

A seat token is kept only as its SHA-256; seats read back carry an empty ``token``. Teacher-side reads take
the teacher's id and return nothing for another teacher's session or class. The phone side reaches a
session only by its join code and its seat only by its token.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from ..live import codec, leaderboard, players, summary
from ..live.errors import AnswerRefused, JoinRefused, LiveError
from ..live.players import Player
from ..live.scoring import DUPLICATE, LiveAnswer
from ..live.state import Session, State
from .classes import _owned
from .common import begin_write, guarded, utcnow
from .live_notify import notify
from .models import LiveAnswerRow, LiveSeat, LiveSession, LiveShownRow

CREATE_ATTEMPTS = 5
NO_CODE = "Belum ada kode kuis yang kosong. Coba sebentar lagi."


@dataclass(frozen=True)
class LiveRecord:
    """A stored session: its row id, owner, optional class and the session itself (``session.version`` is the row's)."""

    id: int
    teacher_id: int
    class_id: int | None
    session: Session

    @property
    def version(self) -> int:
        return self.session.version

    @property
    def code(self) -> str:
        return self.session.code


@dataclass(frozen=True)
class LiveStudentTotal:
    """One active seat's result in a finished session: points, rank, mean score 0..1 over the questions asked."""

    seat: int
    nickname: str
    student_id: int | None
    points: int
    correct: int
    answered: int
    score: float
    rank: int


@dataclass(frozen=True)
class LiveClassResult:
    """A finished session of a class: totals per student (best first), class score per question (hardest first)."""

    session_id: int
    code: str
    created_at: datetime
    finished_at: float | None
    questions: int
    students: tuple[LiveStudentTotal, ...]
    question_scores: tuple[summary.QuestionScore, ...]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _record(row: LiveSession) -> LiveRecord:
    session = replace(codec.load(Session, row.data), version=row.version)
    return LiveRecord(row.id, row.teacher_id, row.class_id, session)


def _player(row: LiveSeat, token: str = "") -> Player:
    return Player(row.seat, token, row.nickname, row.joined_at, row.student_id, row.removed_at, row.browser,
                  row.client)


def _answer(row: LiveAnswerRow) -> LiveAnswer:
    return LiveAnswer(row.seat, row.question_id, row.response, row.score, row.points, row.elapsed, row.answered_at)


def _seats(db: DbSession, session_id: int) -> list[Player]:
    rows = db.scalars(select(LiveSeat).where(LiveSeat.session_id == session_id).order_by(LiveSeat.seat))
    return [_player(row) for row in rows]


def _answers(db: DbSession, session_id: int) -> list[LiveAnswer]:
    rows = db.scalars(select(LiveAnswerRow).where(LiveAnswerRow.session_id == session_id).order_by(LiveAnswerRow.id))
    return [_answer(row) for row in rows]


def _values(new: Session) -> dict:
    return {"data": codec.dump(new), "state": new.state.value, "version": new.version, "updated_at": utcnow(),
            "open_code": None if new.state is State.FINISHED else new.code}


def _student_totals(session: Session, seats: list[Player], answers: list[LiveAnswer]) -> tuple[LiveStudentTotal, ...]:
    by_seat = {p.seat: p for p in seats}
    asked = max(1, len(session.asked))
    scores: dict[int, float] = {}
    for answer in answers:
        scores[answer.seat] = scores.get(answer.seat, 0.0) + answer.score
    return tuple(LiveStudentTotal(s.seat, s.nickname, by_seat[s.seat].student_id, s.points, s.correct, s.answered,
                                  scores.get(s.seat, 0.0) / asked, s.rank)
                 for s in leaderboard.standings(seats, answers))


def forget_live_seats(db: DbSession, student_id: int) -> None:
    """A deleted student's live seats and answers go too (in the caller's transaction)."""
    seats = db.execute(select(LiveSeat.session_id, LiveSeat.seat).where(LiveSeat.student_id == student_id)).all()
    for session_id, seat in seats:
        for table in (LiveAnswerRow, LiveShownRow):
            db.execute(delete(table).where(table.session_id == session_id, table.seat == seat))
    db.execute(delete(LiveSeat).where(LiveSeat.student_id == student_id))


def live_export_rows(db: DbSession, student_id: int) -> list[dict]:
    """A saved student's live quiz seats and answers, as rows of their data export."""
    rows = []
    for seat in db.scalars(select(LiveSeat).where(LiveSeat.student_id == student_id)):
        joined = datetime.fromtimestamp(seat.joined_at, UTC).replace(tzinfo=None)
        rows.append({"jenis": "kuis langsung", "waktu": joined, "bagian": "", "soal": "", "jawaban": seat.nickname,
                     "skor": None, "keterangan": "dikeluarkan guru" if seat.removed_at else "nama panggilan"})
        for answer in db.scalars(select(LiveAnswerRow).where(LiveAnswerRow.session_id == seat.session_id,
                                                             LiveAnswerRow.seat == seat.seat)):
            rows.append({"jenis": "jawaban kuis langsung", "waktu": datetime.fromtimestamp(answer.answered_at, UTC)
                         .replace(tzinfo=None), "bagian": "", "soal": answer.question_id, "jawaban": answer.response,
                         "skor": answer.score, "keterangan": f"{answer.points} poin"})
    return rows


@guarded
class LiveRecords:
    """Mixed into `Store` (which provides ``engine`` and ``_session``)."""

    def _write(self, db: DbSession, session_id: int, *, share: bool = False) -> LiveSession | None:
        """Start a write transaction holding the session row (see the module docstring)."""
        begin_write(db)
        return db.scalar(select(LiveSession).where(LiveSession.id == session_id).with_for_update(read=share))

    # -- the teacher's side -------------------------------------------------------------------------------------

    def live_code_taken(self, code: str) -> bool:
        with self._session() as db:
            return db.scalar(select(LiveSession.id).where(LiveSession.open_code == code)) is not None

    def live_create(self, teacher_id: int, build: Callable[[str], Session], class_id: int | None = None) -> LiveRecord:
        """Store a new session built by ``build(code)`` around a fresh join code; the class must be the teacher's."""
        if class_id is not None:
            with self._session() as db:
                _owned(db, teacher_id, class_id)
        for _ in range(CREATE_ATTEMPTS):
            session = build(players.new_join_code(self.live_code_taken))
            now = utcnow()
            row = LiveSession(join_code=session.code, teacher_id=teacher_id, class_id=class_id, created_at=now,
                              **{**_values(session), "updated_at": now})
            try:
                with self._session() as db, db.begin():
                    db.add(row)
            except IntegrityError:
                continue
            return _record(row)
        raise LiveError(NO_CODE)

    def live_owned(self, teacher_id: int, session_id: int) -> LiveRecord | None:
        """The teacher's session ``session_id``; None for another teacher's or an unknown one."""
        with self._session() as db:
            row = db.scalar(select(LiveSession).where(LiveSession.id == session_id,
                                                      LiveSession.teacher_id == teacher_id))
            return _record(row) if row else None

    def live_unfinished(self, teacher_id: int) -> list[LiveRecord]:
        """The teacher's sessions that are not finished, newest first (to come back to one after a reload)."""
        with self._session() as db:
            rows = db.scalars(select(LiveSession).where(LiveSession.teacher_id == teacher_id,
                                                        LiveSession.open_code.is_not(None))
                              .order_by(LiveSession.id.desc()))
            return [_record(row) for row in rows]

    def live_transition(self, session_id: int, expected_version: int, new: Session) -> bool:
        """Compare-and-set: write ``new`` only if the row is still at ``expected_version``; False if it moved."""
        with self._session() as db, db.begin():
            done = db.execute(update(LiveSession)
                              .where(LiveSession.id == session_id, LiveSession.version == expected_version)
                              .values(**_values(new)))
            if done.rowcount != 1:
                return False
            notify(db, session_id, new.version)
            return True

    def live_remove_seats(self, teacher_id: int, session_id: int, seats: Sequence[int],
                          remove: Callable[[Session, list[Player]], tuple[Session, list[Player]]]
                          ) -> LiveRecord | None:
        """Remove seats and move the version in one transaction; None if the session is not this teacher's."""
        with self._session() as db, db.begin():
            row = self._write(db, session_id)
            if row is None or row.teacher_id != teacher_id:
                return None
            seat_rows = list(db.scalars(select(LiveSeat).where(LiveSeat.session_id == session_id,
                                                               LiveSeat.seat.in_(list(seats)))))
            if len(seat_rows) != len(set(seats)):
                raise JoinRefused(players.UNKNOWN_SEAT)
            new, removed = remove(_record(row).session, [_player(seat_row) for seat_row in seat_rows])
            for seat_row, gone in zip(seat_rows, removed, strict=True):
                seat_row.removed_at = gone.removed_at
            for name, value in _values(new).items():
                setattr(row, name, value)
            notify(db, session_id, new.version)
            return LiveRecord(row.id, row.teacher_id, row.class_id, new)

    def live_results(self, teacher_id: int,
                     session_id: int) -> tuple[LiveRecord, list[Player], list[LiveAnswer]] | None:
        """The teacher's session with every seat and answer (for the projector's views and exports)."""
        with self._session() as db:
            row = db.scalar(select(LiveSession).where(LiveSession.id == session_id,
                                                      LiveSession.teacher_id == teacher_id))
            if row is None:
                return None
            return _record(row), _seats(db, session_id), _answers(db, session_id)

    def live_results_for_class(self, teacher_id: int, class_id: int) -> list[LiveClassResult]:
        """Finished live sessions of the teacher's class, oldest first; `ClassNotFound` if the class is not theirs."""
        with self._session() as db:
            _owned(db, teacher_id, class_id)
            rows = db.scalars(select(LiveSession).where(LiveSession.class_id == class_id,
                                                        LiveSession.teacher_id == teacher_id,
                                                        LiveSession.state == State.FINISHED.value)
                              .order_by(LiveSession.id))
            out = []
            for row in rows:
                record = _record(row)
                seats, answers = _seats(db, row.id), _answers(db, row.id)
                out.append(LiveClassResult(row.id, row.join_code, row.created_at, record.session.finished_at,
                                           len(record.session.asked),
                                           _student_totals(record.session, seats, answers),
                                           tuple(summary.class_scores(record.session, seats, answers))))
            return out

    # -- shared reads (by id, once a code or the teacher's page has found the session) ---------------------------

    def live_get(self, session_id: int) -> LiveRecord | None:
        with self._session() as db:
            row = db.get(LiveSession, session_id)
            return _record(row) if row else None

    def live_find(self, code: str) -> LiveRecord | None:
        """The session a join code leads to: the running one, else the newest finished one (to say it is over)."""
        with self._session() as db:
            row = db.scalar(select(LiveSession).where(LiveSession.join_code == code)
                            .order_by(LiveSession.open_code.is_(None), LiveSession.id.desc()).limit(1))
            return _record(row) if row else None

    def live_players(self, session_id: int) -> list[Player]:
        with self._session() as db:
            return _seats(db, session_id)

    def live_answers(self, session_id: int) -> list[LiveAnswer]:
        with self._session() as db:
            return _answers(db, session_id)

    def live_seated(self, session_id: int) -> int:
        """How many active seats the session has (the lobby's count: joining does not move the version)."""
        with self._session() as db:
            return db.scalar(select(func.count()).select_from(LiveSeat)
                             .where(LiveSeat.session_id == session_id, LiveSeat.removed_at.is_(None)))

    def live_answered(self, session_id: int, question_id: str) -> tuple[int, int]:
        """(active seats that answered ``question_id``, active seats): one cheap query for the live count."""
        with self._session() as db:
            seated = (select(func.count()).select_from(LiveSeat)
                      .where(LiveSeat.session_id == session_id, LiveSeat.removed_at.is_(None)).scalar_subquery())
            answered = db.scalar(
                select(func.count()).select_from(LiveAnswerRow)
                .join(LiveSeat, and_(LiveSeat.session_id == LiveAnswerRow.session_id,
                                     LiveSeat.seat == LiveAnswerRow.seat))
                .where(LiveAnswerRow.session_id == session_id, LiveAnswerRow.question_id == question_id,
                       LiveSeat.removed_at.is_(None)))
            return answered, db.scalar(select(seated))

    # -- the phone's side -----------------------------------------------------------------------------------------

    def live_join(self, session_id: int, join: Callable[[Session, list[Player]], Player]) -> Player:
        """Take a seat decided by ``join(session, seats)`` (joins of one session run one at a time).

        Returns the seat with its token (a saved student coming back gets a new token for their old seat).
        """
        with self._session() as db, db.begin():
            row = self._write(db, session_id)
            if row is None:
                raise JoinRefused(players.UNKNOWN_SEAT)
            player = join(_record(row).session, _seats(db, session_id))
            existing = db.scalar(select(LiveSeat).where(LiveSeat.session_id == session_id,
                                                        LiveSeat.seat == player.seat))
            if existing is not None:
                token = players.new_seat_token()
                existing.token_hash = token_hash(token)
                return _player(existing, token)
            db.add(LiveSeat(session_id=session_id, seat=player.seat, token_hash=token_hash(player.token),
                            nickname=player.nickname, student_id=player.student_id, joined_at=player.joined_at,
                            browser=player.browser, client=player.client))
            return player

    def live_rejoin(self, session_id: int, token: str | None) -> Player:
        """The seat behind ``token`` in this session (`JoinRefused` if unknown or removed)."""
        if not token or not players.TOKEN_PATTERN.match(token):
            raise JoinRefused(players.UNKNOWN_SEAT)
        with self._session() as db:
            row = db.scalar(select(LiveSeat).where(LiveSeat.session_id == session_id,
                                                   LiveSeat.token_hash == token_hash(token)))
        if row is None:
            raise JoinRefused(players.UNKNOWN_SEAT)
        if row.removed_at is not None:
            raise JoinRefused(players.REMOVED)
        return _player(row, token)

    def live_mark_shown(self, session_id: int, seat: int, question_id: str, shown_at: float, reading: float) -> None:
        """Keep when the server sent ``question_id`` to ``seat`` (wall time and question clock reading), unless
        an earlier showing is kept already."""
        values = {"session_id": session_id, "seat": seat, "question_id": question_id, "shown_at": shown_at,
                  "reading": reading}
        with self._session() as db, db.begin():
            insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
            db.execute(insert(LiveShownRow).values(**values).on_conflict_do_nothing())

    def live_record_answer(self, session_id: int, token: str,
                           accept: Callable[[Session, Player, bool, float | None], LiveAnswer]) -> LiveAnswer:
        """Keep the answer ``accept(session, seat, already_answered, shown)`` grades, or raise its `AnswerRefused`
        (``shown``: the question clock's reading when the question was first sent to the seat, or None).

        A second answer for the same question is refused (also when two arrive at once: the unique key).
        """
        try:
            with self._session() as db, db.begin():
                row = self._write(db, session_id, share=True)
                seat = db.scalar(select(LiveSeat).where(LiveSeat.session_id == session_id,
                                                        LiveSeat.token_hash == token_hash(token or "")))
                if row is None or seat is None:
                    raise AnswerRefused(players.UNKNOWN_SEAT)
                session = _record(row).session
                question_id = session.current.question_id if session.current else ""
                already = db.scalar(select(LiveAnswerRow.id).where(LiveAnswerRow.session_id == session_id,
                                                                   LiveAnswerRow.seat == seat.seat,
                                                                   LiveAnswerRow.question_id == question_id))
                shown = db.scalar(select(LiveShownRow.reading).where(LiveShownRow.session_id == session_id,
                                                                     LiveShownRow.seat == seat.seat,
                                                                     LiveShownRow.question_id == question_id))
                answer = accept(session, _player(seat, token), already is not None, shown)
                db.add(LiveAnswerRow(session_id=session_id, seat=answer.seat, question_id=answer.question_id,
                                     response=answer.response, score=answer.score, points=answer.points,
                                     elapsed=answer.elapsed, answered_at=answer.answered_at))
        except IntegrityError as exc:
            raise AnswerRefused(DUPLICATE) from exc
        return answer

    def live_seat_answers(self, session_id: int, seat: int) -> list[LiveAnswer]:
        """One seat's answers (a phone back after a reload sees its own answer and score)."""
        with self._session() as db:
            rows = db.scalars(select(LiveAnswerRow).where(LiveAnswerRow.session_id == session_id,
                                                          LiveAnswerRow.seat == seat))
            return [_answer(r) for r in rows]
