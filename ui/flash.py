"""The storage-failure policy every page shares, and flash messages.

- `guard`: call the store (or a service over it); a `StorageError` becomes ``on_failure()`` (a message, or a
  quiet fallback value) instead of a traceback, and each refusal listed in ``refused`` (an exception type and
  its Indonesian message) becomes a warning in a flash slot;
- `saved`: a student's save: when the database fails, a toast says so and the student carries on unsaved;
- `leave` and `show`: a message a callback leaves in a slot of ``st.session_state`` for the page's next run
  (callbacks run before the page is drawn), shown once. Messages are Markdown as given: user text in them goes
  through ``ui.text.plain`` first, by the caller.

``lessonkit.storage`` is imported inside `guard`, as the pages did, so importing this module does not load it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

NOT_SAVED = ("Kemajuanmu sedang tidak bisa disimpan (masalah pada penyimpanan). Kamu tetap bisa belajar; "
             "coba lagi nanti atau beri tahu gurumu.")
STORAGE_DOWN = "Penyimpanan sedang tidak bisa dipakai. Coba lagi nanti."

Refusal = str | Callable[[Exception], str]


def leave(slot: str, kind: str, markdown: str) -> None:
    """Keep a message (``kind``: success, info, warning or error) for the next run of the page."""
    st.session_state[slot] = (kind, markdown)


def show(slot: str) -> None:
    """Show the message left in ``slot``, once."""
    if (found := st.session_state.pop(slot, None)) is not None:
        getattr(st, found[0])(found[1])


def _quiet() -> None:
    return None


def guard(action: Callable, *args, on_failure: Callable[[], object] = _quiet, slot: str | None = None,
          refused: Mapping[type[Exception], Refusal] | None = None, **kwargs):
    """``action(*args, **kwargs)``; on a `StorageError` the value of ``on_failure()``; on an exception listed in
    ``refused`` a warning left in ``slot`` (the message, or the message made from the exception) and None."""
    from lessonkit.storage import StorageError

    try:
        return action(*args, **kwargs)
    except StorageError:
        return on_failure()
    except tuple(refused or ()) as refusal:
        message = next(m for kind, m in (refused or {}).items() if isinstance(refusal, kind))
        leave(slot, "warning", message(refusal) if callable(message) else message)
        return None


def saving_failed() -> None:
    """A toast: seen wherever the student has scrolled to, also when the failure happened in a callback."""
    st.toast(NOT_SAVED, duration="long")


def saved(action: Callable, *args):
    """Run a student's store call; if the database fails, say so in Indonesian and carry on without saving."""
    return guard(action, *args, on_failure=saving_failed)
