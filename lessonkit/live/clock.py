"""The clock of one live question: when it opened on the server, pauses, extensions, its deadline and close.

All times are seconds from the server's clock (``time.time()``), passed in by the caller, so
every rule is testable without waiting. The deadline is decided only from the time the question
opened on the server::

    elapsed(now) = (now, or the pause start, or the close, whichever is first) - opened_at - paused_total
    allowed      = limit + extra                     (extra: the teacher's extensions)
    deadline     = opened_at + paused_total + allowed (server time; none while paused)

An answer is accepted while the question is not closed and ``elapsed <= allowed + GRACE_SECONDS``
(the same network grace as exams). The clock stops while paused, so a pause never eats time.

A seat's own time on the question (for its points, ``lessonkit.live.scoring``) starts at the clock's reading
when the server first sent the question to that seat, at most ``SHOWN_CAP_SECONDS`` after the open::

    taken(shown, now) = elapsed(now) - min(shown, SHOWN_CAP_SECONDS)     (never below 0)

``shown`` is a clock reading (``elapsed`` at the showing), not a wall time, so pauses before and after the
showing are both left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..quiz.exam import GRACE_SECONDS

EXTEND_SECONDS = 10
MAX_EXTEND_SECONDS = 60
MAX_EXTRA_SECONDS = 300
SHOWN_CAP_SECONDS = 3.0

__all__ = ["EXTEND_SECONDS", "GRACE_SECONDS", "MAX_EXTEND_SECONDS", "MAX_EXTRA_SECONDS", "SHOWN_CAP_SECONDS",
           "Clock"]


@dataclass(frozen=True)
class Clock:
    opened_at: float
    limit: float
    extra: float = 0.0
    paused_at: float | None = None
    paused_total: float = 0.0
    closed_at: float | None = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def allowed(self) -> float:
        """Seconds the students get: the question's limit plus the teacher's extensions."""
        return self.limit + self.extra

    def elapsed(self, now: float) -> float:
        """Seconds the question has run (pauses excluded); it stops while paused and at the close."""
        end = now
        for stop in (self.paused_at, self.closed_at):
            if stop is not None:
                end = min(end, stop)
        return max(0.0, end - self.opened_at - self.paused_total)

    def taken(self, shown: float | None, now: float) -> float:
        """A seat's seconds on the question at ``now``: from ``shown`` (the clock's reading when the question
        was first sent to the seat, capped; None: from the open), pauses excluded."""
        start = min(max(shown or 0.0, 0.0), SHOWN_CAP_SECONDS)
        return max(0.0, self.elapsed(now) - start)

    def remaining(self, now: float) -> float:
        """Seconds left on the countdown (0 once time is up)."""
        return max(0.0, self.allowed - self.elapsed(now))

    def deadline(self) -> float | None:
        """Server time when the countdown reaches 0; None while paused (the countdown is frozen)."""
        return None if self.paused else self.opened_at + self.paused_total + self.allowed

    def time_up(self, now: float) -> bool:
        """The countdown has reached 0 (answers may still arrive during the grace)."""
        return self.elapsed(now) >= self.allowed

    def accepts(self, now: float) -> bool:
        """An answer arriving at ``now`` is in time."""
        return not self.closed and self.elapsed(now) <= self.allowed + GRACE_SECONDS

    def expired(self, now: float) -> bool:
        """The question should close by itself: running, and past its deadline plus the grace."""
        return not self.closed and not self.paused and not self.accepts(now)

    def pause(self, now: float) -> Clock:
        return replace(self, paused_at=max(now, self.opened_at))

    def resume(self, now: float) -> Clock:
        assert self.paused_at is not None
        return replace(self, paused_at=None, paused_total=self.paused_total + max(0.0, now - self.paused_at))

    def extend(self, seconds: float) -> Clock:
        return replace(self, extra=min(MAX_EXTRA_SECONDS, self.extra + seconds))

    def close(self, now: float) -> Clock:
        """Stop accepting answers at ``now``, or at the end of the grace if that came first."""
        clock = self.resume(now) if self.paused else self
        last = clock.opened_at + clock.paused_total + clock.allowed + GRACE_SECONDS
        return replace(clock, closed_at=max(clock.opened_at, min(now, last)))
