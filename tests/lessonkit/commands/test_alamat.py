"""``python -m lessonkit alamat``: the teacher learns the address to open and the one to give the students."""

from __future__ import annotations

from lessonkit.cli import main
from lessonkit.commands.alamat import render


def test_students_get_the_lan_address_with_the_port():
    text = render(8502, "192.168.1.10")
    assert "Buka di laptop ini:  http://localhost:8502" in text
    assert "Alamat untuk siswa:  http://192.168.1.10:8502" in text


def test_without_a_network_the_teacher_is_told_to_join_the_wifi():
    text = render(8501, None)
    assert "http://localhost:8501" in text and "sambungkan ke Wi-Fi sekolah" in text


def test_the_command_prints_both_addresses(capsys, monkeypatch):
    monkeypatch.setattr("lessonkit.commands.alamat.lan_address", lambda: "10.0.0.7")
    assert main(["alamat", "--port", "8600"]) == 0
    assert "http://10.0.0.7:8600" in capsys.readouterr().out
