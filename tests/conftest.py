"""Shared test fixtures: paths of the project and of small content folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content_valid", target)
    return target
