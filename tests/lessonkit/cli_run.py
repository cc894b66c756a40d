"""``python -m lessonkit ARGS`` run inside the test process: `lessonkit.cli.main` with its standard streams
captured and its exit code (argparse's ``SystemExit`` included), as a `subprocess.CompletedProcess`.

A subprocess costs about a second of interpreter start and imports per call; one smoke test
(``tests/lessonkit/test_cli.py``) still runs the real ``python -m lessonkit``. A traceback cannot hide here:
an exception the command lets out fails the test that ran it.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from lessonkit.cli import main
from tests.conftest import ROOT


def run_cli(*args: str, cwd: Path = ROOT, stdin: str = "", env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
    out, err = io.StringIO(), io.StringIO()
    with (contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err),
          mock.patch.object(sys, "stdin", io.StringIO(stdin)), mock.patch.dict(os.environ, env or {})):
        try:
            code = main(list(args))
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    return subprocess.CompletedProcess(["python", "-m", "lessonkit", *args], code, out.getvalue(), err.getvalue())
