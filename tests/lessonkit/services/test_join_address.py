"""Join links and QR codes use an address phones can open; a loopback page gets a plain notice for the teacher."""

from __future__ import annotations

import pytest

from lessonkit.services.join_address import join_base, lan_addresses


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "app.localhost"])
def test_a_loopback_page_links_to_the_laptops_network_address_and_tells_the_teacher(host):
    found = join_base(f"http://{host}:8501/kelas?x=1", addresses=["192.168.1.20", "10.0.0.7"])
    assert found.url == "http://192.168.1.20:8501"
    assert "Anda membuka" in found.notice and "http://192.168.1.20:8501" in found.notice
    assert "http://10.0.0.7:8501" in found.notice, "the other address is offered too"


def test_an_address_phones_can_already_open_is_kept_without_a_notice():
    for url in ("http://192.168.1.20:8501/kelas", "https://kelas.sekolah.sch.id/kelas"):
        found = join_base(url, addresses=["10.0.0.7"])
        assert found.url == url.rsplit("/", 1)[0] and found.notice is None


def test_a_configured_server_address_wins_over_detection_but_not_its_localhost_default():
    assert join_base("http://localhost:8501/", configured="kelas.local", addresses=["10.0.0.7"]).url == \
        "http://kelas.local:8501"
    assert join_base("http://localhost:8501/", configured="localhost", addresses=["10.0.0.7"]).url == \
        "http://10.0.0.7:8501"


def test_a_server_listening_only_on_loopback_is_told_the_command_to_serve_the_class():
    found = join_base("http://127.0.0.1:8501/", listening="127.0.0.1", addresses=["10.0.0.7"])
    assert found.url == "http://127.0.0.1:8501"
    assert "--server.address 0.0.0.0" in found.notice
    assert join_base("http://127.0.0.1:8501/", listening="0.0.0.0", addresses=["10.0.0.7"]).url == \
        "http://10.0.0.7:8501"


def test_without_a_network_the_teacher_is_told_to_connect_the_laptop():
    found = join_base("http://localhost:8501/", addresses=[])
    assert found.url == "http://localhost:8501" and "Wi-Fi" in found.notice


def test_an_unknown_page_address_gives_relative_links():
    assert join_base(None).url == "" and join_base("").notice is None


def test_detected_addresses_are_never_loopback():
    assert all(not a.startswith("127.") for a in lan_addresses())
