"""Players of a live session: the join code, seat tokens, nicknames, joining, rejoining and removal.

- Join code: 6 digits, no leading zero (``100000``..``999999``), unique among the active sessions by a
  predicate the caller passes in (storage asks its own table). Drawn with the system's secure random.
- Seat: ``seat`` is the join order (1, 2, 3, ...), shown nowhere secret and used as the last tie-break;
  ``token`` is the phone's key to its seat (192 random bits, URL-safe, 32 characters). It may sit in the
  phone's address (it is not the teacher's secret), is never shown to anyone else and never decoded.
- Nickname: ``lessonkit.rules.limits.clean_line`` (one visible line: control and invisible formatting
  characters gone, whitespace collapsed, cut to a limit) after Unicode NFKC, for names shown on a
  projector (fullwidth or ligature letters become plain ones), at most NICKNAME_MAX characters; a name
  already used by an active player (ignoring case) gets " 2", " 3", ... A saved student who joins again
  gets their seat back.
- Rejoining with the token restores the seat (answers and score are keyed by seat); a removed seat
  cannot come back with its token, nor the saved student with their account.
- Seats are limited where a device could fill the room (`join`): only active seats count toward
  MAX_PLAYERS; one browser session (``browser``, a random key the page keeps) holds one seat, and joining
  again from it gives that seat back; one client address (``client``, `client_tag` of it) holds at most
  MAX_PER_CLIENT active seats and, after the teacher removed a seat of it, takes no new seat for
  REJOIN_WAIT seconds; a locked session (``Session.locked``, the teacher's lobby lock) takes no new seat.

Joining does not move the session's version (forty phones joining at once would fight over it): the
teacher's lobby reads the players directly. Removal does (``remove``), so the removed phone notices.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import count

from ..rules.limits import clean_line
from . import state
from .errors import JoinRefused, LiveError, TransitionRefused
from .state import Session

JOIN_CODE_PATTERN = re.compile(r"^[1-9][0-9]{5}$")
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}$")
NICKNAME_MAX = 20
MAX_PLAYERS = 200
MAX_PER_CLIENT = 4  # a shared tablet; a single device never seats a class of bots
REJOIN_WAIT = 300.0  # seconds before a client address whose seat was removed may take a new one
CODE_ATTEMPTS = 100

FINISHED = "Kuis ini sudah selesai."
REMOVED = "Kamu sudah dikeluarkan dari kuis ini oleh guru."
UNKNOWN_SEAT = "Tempatmu di kuis ini tidak ditemukan. Masuk lagi dengan kode kuis."
EMPTY_NAME = "Tulis nama panggilanmu dulu."
SAVED_ONLY = ("Kuis ini hanya untuk siswa yang sudah menyimpan kemajuan. Simpan kemajuanmu dulu (menu samping, "
              "\"Simpan kemajuanmu\", dengan kode kelas dari gurumu), lalu gabung lagi.")
FULL = f"Kuis ini sudah penuh ({MAX_PLAYERS} pemain)."
LOCKED = "Guru sudah mengunci kuis ini, jadi pemain baru tidak bisa bergabung. Tanya gurumu."
CLIENT_FULL = (f"Sudah ada {MAX_PER_CLIENT} pemain dari perangkat atau jaringan ini. "
               "Gabung dari perangkatmu sendiri, ya.")
JUST_REMOVED = "Pemain dari perangkat ini baru saja dikeluarkan guru. Coba lagi beberapa menit lagi."


@dataclass(frozen=True)
class Player:
    """One seat of a session. Everything but ``token`` may be shown; ``token`` stays with its phone."""

    seat: int
    token: str
    nickname: str
    joined_at: float
    student_id: int | None = None
    removed_at: float | None = None
    browser: str | None = None  # the browser session that took the seat (a random key, not a secret)
    client: str | None = None  # `client_tag` of the address it joined from

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
    """The name as it will be shown: NFKC, then one clean line (`clean_line`) cut to the limit."""
    return clean_line(unicodedata.normalize("NFKC", text or ""), NICKNAME_MAX)


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


def client_tag(address: object) -> str | None:
    """What a seat remembers of the address it joined from: a SHA-256 prefix, never the address itself.

    None (no per-client limit) when there is no address or it is the server's own (a browser on the
    server, or the documented nginx in front of it, which every phone would share).
    """
    if not isinstance(address, str) or not address.strip() or address.strip() == "localhost":
        return None
    try:
        if ipaddress.ip_address(address.strip()).is_loopback:
            return None
    except ValueError:
        pass
    return hashlib.sha256(address.strip().encode()).hexdigest()[:32]


def _same(players: Sequence[Player], student_id: int | None, browser: str | None) -> list[Player]:
    """The seats this joiner already had: the saved student's, else the browser session's."""
    if student_id is not None:
        return [p for p in players if p.student_id == student_id]
    return [p for p in players if browser is not None and p.browser == browser]


def _check_client(players: Sequence[Player], client: str | None, now: float) -> None:
    if client is None:
        return
    theirs = [p for p in players if p.client == client]
    if any(p.removed_at is not None and now - p.removed_at < REJOIN_WAIT for p in theirs):
        raise JoinRefused(JUST_REMOVED)
    if len(active(theirs)) >= MAX_PER_CLIENT:
        raise JoinRefused(CLIENT_FULL)


def join(session: Session, players: Sequence[Player], nickname: str | None, now: float, *,
         student_id: int | None = None, browser: str | None = None, client: str | None = None) -> Player:
    """A new seat (or, for a saved student or a browser session already seated, that seat); raises `JoinRefused`."""
    if session.state is state.State.FINISHED:
        raise JoinRefused(FINISHED)
    mine = _same(players, student_id, browser)
    if any(not p.active for p in mine):
        raise JoinRefused(REMOVED)
    if mine:
        return mine[0]
    if student_id is None and not session.anonymous:
        raise JoinRefused(SAVED_ONLY)
    name = clean_nickname(nickname)
    if not name:
        raise JoinRefused(EMPTY_NAME)
    if session.locked:
        raise JoinRefused(LOCKED)
    if len(active(players)) >= MAX_PLAYERS:
        raise JoinRefused(FULL)
    _check_client(players, client, now)
    name = unique_nickname(name, (p.nickname for p in players if p.active))
    seat = max((p.seat for p in players), default=0) + 1
    return Player(seat, new_seat_token(), name, now, student_id, browser=browser, client=client)


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
    new, [removed] = remove_all(session, [player], now)
    return new, removed


def remove_all(session: Session, seated: Sequence[Player], now: float) -> tuple[Session, list[Player]]:
    """The teacher removes several players at once (one new version); refused if one was already removed."""
    if not seated:
        raise TransitionRefused("Pilih dulu siapa yang dikeluarkan.")
    if any(not p.active for p in seated):
        raise TransitionRefused("Siswa ini sudah dikeluarkan.")
    return state.roster_changed(session, now), [replace(p, removed_at=now) for p in seated]
