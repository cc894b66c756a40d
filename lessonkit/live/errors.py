"""Refusals of the live quiz: each carries one Indonesian sentence a page can show as it is."""

from __future__ import annotations


class LiveError(Exception):
    """Something a user asked for cannot be done; ``message`` says why, in Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SelectionError(LiveError):
    """The questions chosen for a session cannot be used."""


class TransitionRefused(LiveError):
    """The teacher's command does not apply to the session's current state."""


class JoinRefused(LiveError):
    """A phone cannot take (or take back) a seat."""


class AnswerRefused(LiveError):
    """An answer is not kept: late, duplicate, for another question, unreadable or from a removed seat."""
