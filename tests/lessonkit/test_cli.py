"""``python -m lessonkit check``: exit codes, compiler-style lines, every problem of every file."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.lessonkit.cli_run import run_cli


def test_check_passes_on_the_shipped_content_as_a_real_python_m_lessonkit():
    """The one subprocess smoke test: the entry point, the imports and the exit code of a real run."""
    result = subprocess.run([sys.executable, "-m", "lessonkit", "check"], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_check_reports_every_broken_file_and_exits_1(content_dir):
    (content_dir / "03-a.md").write_text("---\ntitle: A\n---\nIsi\n")
    (content_dir / "04-b.md").write_text("---\nid: b\ntitle: [\n---\nIsi\n")
    result = run_cli("check", "--content", str(content_dir), str(content_dir))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any("03-a.md:2: -: id: " in line for line in lines)
    assert any("04-b.md:" in line and ": b: yaml: " in line or "04-b.md:" in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_bad_usage_exits_2_without_traceback():
    for args in (["nonsense"], ["check", "--content", "tidak-ada"], ["check", "tidak-ada.yaml"], []):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
