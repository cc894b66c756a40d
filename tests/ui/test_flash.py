"""The pages' storage-failure policy: a failing store call becomes a message, a refusal a warning, never a traceback."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from lessonkit.storage import StorageError
from ui import flash


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    """What the page shows, as (kind, text), through a stand-in for ``streamlit``."""
    seen: list[tuple[str, str]] = []
    fake = SimpleNamespace(session_state={}, toast=lambda text, duration: seen.append(("toast", text)),
                           **{kind: (lambda text, kind=kind: seen.append((kind, text)))
                              for kind in ("success", "info", "warning", "error")})
    monkeypatch.setattr(flash, "st", fake)
    return seen


def _fails():
    raise StorageError("database down")


def test_a_working_call_returns_its_value_and_shows_nothing(shown):
    assert flash.guard(lambda a, b=0: a + b, 2, b=3) == 5
    assert shown == []


def test_a_storage_failure_becomes_the_fallback_and_the_message_of_the_caller(shown):
    assert flash.guard(_fails) is None
    assert flash.guard(_fails, on_failure=lambda: "bawaan") == "bawaan"
    flash.guard(_fails, on_failure=lambda: flash.leave("slot", "error", flash.STORAGE_DOWN))
    flash.show("slot")
    flash.show("slot")
    assert shown == [("error", flash.STORAGE_DOWN)]


def test_a_listed_refusal_is_a_warning_in_the_slot_and_others_still_raise(shown):
    def refuse():
        raise ValueError("Waktu ditutup harus sesudah waktu dibuka.")

    assert flash.guard(refuse, slot="slot", refused={LookupError: "tidak ada", ValueError: str}) is None
    flash.show("slot")
    assert shown == [("warning", "Waktu ditutup harus sesudah waktu dibuka.")]
    with pytest.raises(ValueError):
        flash.guard(refuse, slot="slot", refused={LookupError: "tidak ada"})


def test_a_students_save_that_fails_says_so_in_a_toast_and_carries_on(shown):
    assert flash.saved(_fails) is None
    assert shown == [("toast", flash.NOT_SAVED)]
