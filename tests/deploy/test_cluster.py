"""``python deploy/cluster.py``: its help and usage errors are Indonesian like every other command."""

from __future__ import annotations

import pytest

from deploy.cluster import main, nginx_config


def _run(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out = capsys.readouterr()
    return exited.value.code, out.out + out.err


def test_help_is_indonesian(capsys):
    code, text = _run(capsys, "--help")
    assert code == 0
    assert text.startswith("penggunaan: python deploy/cluster.py")
    assert "tampilkan bantuan ini lalu keluar" in text and "--workers JUMLAH" in text
    assert "usage" not in text and "options" not in text


def test_a_wrong_worker_count_is_an_indonesian_usage_error(capsys):
    code, text = _run(capsys, "--workers", "dua")
    assert code == 2
    assert "galat: argumen --workers: nilai bilangan bulat tidak sah: 'dua'" in text


def test_nginx_passes_the_live_event_stream_unbuffered_and_keeps_it_open(tmp_path):
    config = nginx_config(tmp_path, "127.0.0.1", 8501, [8601, 8602])
    stream = config.split("location /_live/events {", 1)[1].split("}", 1)[0]
    assert "proxy_buffering off;" in stream and "proxy_read_timeout 3600;" in stream
