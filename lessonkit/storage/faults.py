"""What went wrong with the database, sorted into kinds a teacher can act on, with advice in Indonesian.

Every database failure reaches the app as a `StorageError` whose ``kind`` says
what happened (a damaged file, a file or folder that cannot be written, a
lock, a server that cannot be reached) and whose ``advice`` tells the teacher
what to do. Nothing here repairs or deletes anything: a damaged file is left
exactly as it is for the teacher to keep or move away.
"""

from __future__ import annotations

CORRUPT, UNWRITABLE, BUSY, UNREACHABLE, OTHER = "rusak", "tidak-bisa-ditulis", "terkunci", "tak-terhubung", "lain"

_SIGNS = (
    (CORRUPT, ("file is not a database", "malformed", "not a database")),
    (BUSY, ("database is locked", "database table is locked")),
    (UNWRITABLE, ("readonly database", "read-only", "unable to open database file", "disk i/o error",
                  "permission denied", "database or disk is full", "no such file or directory")),
    (UNREACHABLE, ("connection refused", "could not connect", "connection failed", "server closed the connection",
                   "timeout expired", "connection timeout", "terminating connection", "connection is closed",
                   "no route to host", "name or service not known", "connection reset")),
)

_ADVICE = {
    CORRUPT: "File basis data {where} rusak atau tidak lengkap (misalnya tersimpan setengah saat listrik padam). "
             "Aplikasi tidak mengubah atau menghapusnya. Untuk mulai dengan basis data baru: hentikan aplikasi, "
             "pindahkan file itu ke folder lain sebagai cadangan, lalu jalankan aplikasi lagi.",
    UNWRITABLE: "Basis data {where} tidak bisa dibuka atau ditulisi. Periksa apakah folder dan filenya ada, boleh "
                "ditulisi, dan disknya tidak penuh. Begitu beres, penyimpanan berjalan lagi tanpa memulai ulang "
                "aplikasi.",
    BUSY: "Basis data {where} sedang dikunci program lain. Penyimpanan berjalan lagi begitu kuncinya dilepas.",
    UNREACHABLE: "Server basis data {where} tidak bisa dihubungi. Aplikasi mencoba lagi secara otomatis; kemajuan "
                 "tersimpan lagi begitu servernya kembali.",
    OTHER: "Basis data {where} tidak bisa dipakai. Rinciannya ada di log server.",
}


class StorageError(Exception):
    """The database cannot be used (missing, corrupt, unwritable, locked or unreachable)."""

    def __init__(self, detail: str, kind: str = OTHER, where: str = ""):
        super().__init__(detail)
        self.kind = kind
        self.where = where

    @classmethod
    def from_exception(cls, exc: BaseException, where: str = "") -> StorageError:
        if isinstance(exc, StorageError):
            return exc
        return cls(str(exc), kind_of(exc), where)

    @property
    def advice(self) -> str:
        """What the teacher can do, in Indonesian (no password or other secret in it)."""
        return _ADVICE[self.kind].format(where=f"({self.where})" if self.where else "").replace("  ", " ")


def kind_of(exc: BaseException) -> str:
    """The kind of a failure, from the driver's message (SQLite and PostgreSQL)."""
    text = " ".join(str(e).lower() for e in _chain(exc))
    for kind, signs in _SIGNS:
        if any(sign in text for sign in signs):
            return kind
    return OTHER


def _chain(exc: BaseException | None):
    seen = 0
    while exc is not None and seen < 5:
        yield exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
