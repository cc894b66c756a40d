"""The code base passes ``ruff check`` (part of the test run so the README's test command covers it)."""

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_check_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
