"""The README stays a teacher's page: short, with the commands a hook and .ci/run rely on; the rest is in docs/."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAX_BYTES = 12 * 1024


def test_the_readme_is_under_12_kb():
    assert len(README.encode("utf-8")) < MAX_BYTES


def test_the_readme_keeps_the_run_and_test_commands_verbatim():
    assert "pip install -r requirements.txt && streamlit run app.py" in README
    assert "pip install -r requirements-dev.txt && pytest" in README


def test_teachers_find_wifi_data_backup_update_privacy_and_security():
    headings = re.findall(r"(?m)^## (.+)$", README)
    assert headings[:3] == ["Mulai cepat", "Mengajar lewat Wi-Fi sekolah", "Untuk siswa"]
    assert {"Untuk guru: masuk dan kelas", "Data: tempat, cadangan, dan pembaruan", "Privasi", "Keamanan",
            "Untuk pengembang"} <= set(headings)
    assert "--server.address 0.0.0.0" in README and "LESSONKIT_DATA_DIR" in README


def test_the_performance_tables_live_in_docs_kinerja():
    kinerja = (ROOT / "docs" / "kinerja.md").read_text(encoding="utf-8")
    assert "| `class40_p95_ms` |" in kinerja and "| `class40_p95_ms` |" not in README
    assert "](docs/kinerja.md)" in README


def test_the_readme_draws_the_code_layout_as_it_is():
    drawing = README.split("<!-- struktur -->", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    drawn: set[str] = set()
    parent = ""
    for line in drawing.splitlines():
        name = line.split()[0]
        if not line.startswith(" "):
            parent = name
        elif name.endswith("/"):
            drawn.add(parent + name)
    packages = {f"{top}/{path.parent.name}/" for top in ("lessonkit", "ui")
                for path in (ROOT / top).glob("*/__init__.py")}
    assert drawn == packages, "README's drawing and the packages of lessonkit/ and ui/ differ"
    tops = {line.split()[0] for line in drawing.splitlines() if not line.startswith(" ")}
    for name in tops:
        for part in name.replace(",", " ").split():
            assert (ROOT / part.rstrip("/")).exists(), part
