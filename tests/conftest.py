"""Shared test fixtures: paths of the project and of small content folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Every test writes its database under its own temporary folder, never into ./data."""
    monkeypatch.setenv("LESSONKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content_valid", target)
    return target
