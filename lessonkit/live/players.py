"""Players of a live session: the join code, seat tokens, nicknames, joining, rejoining and removal.

- Join code: 6 digits, no leading zero (``100000``..``999999``), unique among the active sessions by a
  predicate the caller passes in (storage asks its own table). Drawn with the system's secure random.
- Seat: ``seat`` is the join order (1, 2, 3, ...), shown nowhere secret and used as the last tie-break;
  ``token`` is the phone's key to its seat (192 random bits, URL-safe, 32 characters). It may sit in the
  phone's address (it is not the teacher's secret), is never shown to anyone else and never decoded.
- Nickname: the convention of ``lessonkit.storage.store.clean_name`` (collapse whitespace, cut to a
  limit) extended for names shown on a projector: Unicode NFKC, control and invisible formatting
  characters dropped, at most NICKNAME_MAX characters; a name already used by an active player
  (ignoring case) gets " 2", " 3", ... A saved student who joins again gets their seat back.
- Rejoining with the token restores the seat (answers and score are keyed by seat); a removed seat
  cannot come back with its token, nor the saved student with their account.

Joining does not move the session's version (forty phones joining at once would fight over it): the
teacher's lobby reads the players directly. Removal does (``remove``), so the removed phone notices.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import count

from . import state
from .errors import JoinRefused, LiveError, TransitionRefused
from .state import Session

JOIN_CODE_PATTERN = re.compile(r"^[1-9][0-9]{5}$")
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}$")
NICKNAME_MAX = 20
MAX_PLAYERS = 200
CODE_ATTEMPTS = 100

FINISHED = "Kuis ini sudah selesai."
REMOVED = "Kamu sudah dikeluarkan dari kuis ini oleh guru."
UNKNOWN_SEAT = "Tempatmu di kuis ini tidak ditemukan. Masuk lagi dengan kode kuis."
EMPTY_NAME = "Tulis nama panggilanmu dulu."
SAVED_ONLY = ("Kuis ini hanya untuk siswa yang sudah menyimpan kemajuan. Simpan kemajuanmu dulu (menu samping, "
              "\"Simpan kemajuanmu\", dengan kode kelas dari gurumu), lalu gabung lagi.")
FULL = f"Kuis ini sudah penuh ({MAX_PLAYERS} pemain)."


@dataclass(frozen=True)
class Player:
    """One seat of a session. Everything but ``token`` may be shown; ``token`` stays with its phone."""

    seat: int
    token: str
    nickname: str
    joined_at: float
    student_id: int | None = None
    removed_at: float | None = None

    @property
    def active(self) -> bool:
        return self.removed_at is None


def new_join_code(taken: Callable[[str], bool], rng=None) -> str:
    """A fresh 6-digit code for which ``taken(code)`` is False; `LiveError` if none is found quickly."""
    rng = rng or secrets.SystemRandom()
    for _ in range(CODE_ATTEMPTS):
        code = str(rng.randrange(100_000, 1_000_000))
        if not taken(code):
            return code
    raise LiveError("Belum ada kode kuis yang kosong. Coba sebentar lagi.")


def read_join_code(text: str | None) -> str | None:
    """The code a student typed ("123 456", "123-456", full-width digits), or None if it cannot be one."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", text or "") if not c.isspace() and c != "-")
    return digits if JOIN_CODE_PATTERN.match(digits) else None


def new_seat_token() -> str:
    return secrets.token_urlsafe(24)


def clean_nickname(text: str | None) -> str:
    """The name as it will be shown: NFKC, no control/format characters, whitespace collapsed, cut to the limit."""
    text = unicodedata.normalize("NFKC", text or "")
    kept = "".join(" " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c)[0] != "C")
    return " ".join(kept.split())[:NICKNAME_MAX].strip()


def unique_nickname(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name 2``, ``name 3``, ... (cut to fit) if an active player already uses it (any case)."""
    used = {n.casefold() for n in taken}
    if name.casefold() not in used:
        return name
    for number in count(2):
        suffix = f" {number}"
        candidate = name[:NICKNAME_MAX - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in used:
            return candidate
    raise AssertionError("unreachable")


def active(players: Iterable[Player]) -> list[Player]:
    return [p for p in players if p.active]


def join(session: Session, players: Sequence[Player], nickname: str | None, now: float, *,
         student_id: int | None = None) -> Player:
    """A new seat (or, for a saved student already seated, their seat); raises `JoinRefused`."""
    if session.state is state.State.FINISHED:
        raise JoinRefused(FINISHED)
    if student_id is not None:
        mine = [p for p in players if p.student_id == student_id]
        if any(not p.active for p in mine):
            raise JoinRefused(REMOVED)
        if mine:
            return mine[0]
    elif not session.anonymous:
        raise JoinRefused(SAVED_ONLY)
    name = clean_nickname(nickname)
    if not name:
        raise JoinRefused(EMPTY_NAME)
    if len(players) >= MAX_PLAYERS:
        raise JoinRefused(FULL)
    name = unique_nickname(name, (p.nickname for p in players if p.active))
    seat = max((p.seat for p in players), default=0) + 1
    return Player(seat, new_seat_token(), name, now, student_id)


def rejoin(players: Iterable[Player], token: str | None) -> Player:
    """The seat behind ``token`` (score and answers come with it); raises `JoinRefused` if unknown or removed."""
    if token and TOKEN_PATTERN.match(token):
        for player in players:
            if secrets.compare_digest(player.token, token):
                if not player.active:
                    raise JoinRefused(REMOVED)
                return player
    raise JoinRefused(UNKNOWN_SEAT)


def remove(session: Session, player: Player, now: float) -> tuple[Session, Player]:
    """The teacher removes ``player``: the session's new version and the removed seat (store both at once)."""
    if not player.active:
        raise TransitionRefused("Siswa ini sudah dikeluarkan.")
    return state.roster_changed(session, now), replace(player, removed_at=now)
