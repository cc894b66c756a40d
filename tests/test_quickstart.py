"""The README's Linux quick start and ``jalankan.sh`` work on a fresh copy: fresh folder, fresh virtual environment.

The README's marked code block is run verbatim with bash in a copy of the project (the files git tracks), with
a new ``.venv`` that cannot see the system's site-packages. pip keeps this machine's configuration and cache
(``PIP_*``, ``--prefer-binary``), so the test takes a minute or two, not a download of the whole set. The last
command starts the app; the test then gets ``/_stcore/health`` and the first page, and stops it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.harness import free_port

pytestmark = [pytest.mark.quickstart, pytest.mark.timeout(420)]

INSTALL_AND_START_S = 360
# Variables that would let the fresh environment see this one's Python packages.
LEAKY_ENV = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "PYTHONSTARTUP", "CONDA_PREFIX")


def readme_block(marker: str) -> str:
    """The fenced code block right after ``<!-- marker -->`` in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- {re.escape(marker)} -->\s*```\w*\n(.*?)```", readme, re.DOTALL)
    assert found, f"README has no code block marked <!-- {marker} -->"
    return found.group(1)


def fresh_copy(target: Path) -> Path:
    """The project as a fresh clone has it: the files git tracks, nothing else (no .venv, data, caches)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def fresh_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in LEAKY_ENV and key != "DATABASE_URL"}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if "/.venv/" not in p)
    return {**env, "PIP_PREFER_BINARY": "1", **extra}


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


def serve(script: str, cwd: Path, port: int, env: dict[str, str], log_name: str = "quickstart.log"
          ) -> tuple[int, str, str]:
    """Run ``script`` (its last command starts the app); (health status, first page's HTML, log) once it answers."""
    log = cwd / log_name
    with log.open("wb") as out:
        process = subprocess.Popen(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + INSTALL_AND_START_S
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health, _ = get(f"http://127.0.0.1:{port}/_stcore/health")
                status, page = get(f"http://127.0.0.1:{port}/")
                return health if status == 200 else status, page, log.read_text(errors="replace")
            except OSError:
                time.sleep(1)
        pytest.fail(f"the app never answered (exit {process.poll()}):\n{log.read_text(errors='replace')[-3000:]}")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def assert_fresh_venv(folder: Path) -> None:
    config = (folder / ".venv" / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in config
    python = folder / ".venv" / "bin" / "python"
    where = subprocess.run([str(python), "-c", "import streamlit; print(streamlit.__file__)"],
                           capture_output=True, text=True, env=fresh_env(), check=True).stdout
    assert where.startswith(str(folder / ".venv")), where


def assert_the_app(health: int, page: str) -> None:
    assert health == 200
    assert '<html lang="id"' in page and '<div id="root">' in page, page[:500]


def test_the_readme_linux_quick_start_runs_verbatim_in_a_fresh_folder_and_venv(tmp_path):
    folder = fresh_copy(tmp_path / "modul")
    port = free_port()
    env = fresh_env(STREAMLIT_SERVER_PORT=str(port), STREAMLIT_SERVER_ADDRESS="127.0.0.1")
    health, page, log = serve(readme_block("mulai-cepat:linux:aplikasi"), folder, port, env)
    assert_the_app(health, page)
    assert_fresh_venv(folder)


def test_jalankan_sh_makes_the_venv_once_prints_the_students_address_and_serves_the_class(tmp_path):
    folder = fresh_copy(tmp_path / "modul")
    port = free_port()
    health, page, log = serve("./jalankan.sh", folder, port, fresh_env(PORT=str(port)))
    assert_the_app(health, page)
    assert_fresh_venv(folder)
    assert f"Buka di laptop ini:  http://localhost:{port}" in log
    assert "Menyiapkan aplikasi untuk pertama kali" in log
    assert "You can now view" not in log and "External URL" not in log  # English, and a request to the internet

    health, page, again = serve("./jalankan.sh", folder, port, fresh_env(PORT=str(port)), "second-run.log")
    assert_the_app(health, page)
    assert "Menyiapkan aplikasi" not in again and "pip" not in again and "Collecting" not in again


def test_ci_runs_the_readme_test_command():
    command = readme_block("mulai-cepat:linux:tes").strip().splitlines()[-1]
    assert command == "pip install -r requirements-dev.txt && pytest"
    assert command in (ROOT / ".ci" / "run").read_text()
