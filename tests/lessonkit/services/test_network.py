"""The app's addresses: one for the teacher's browser, one on the LAN for students, never loopback for them."""

from __future__ import annotations

import ipaddress

from lessonkit.services.network import app_urls, lan_address


def test_the_lan_address_is_never_loopback():
    address = lan_address()
    assert address is None or not ipaddress.ip_address(address).is_loopback


def test_urls_carry_the_port_and_students_get_none_without_a_network():
    assert app_urls(8501, "192.168.1.10") == ("http://localhost:8501", "http://192.168.1.10:8501")
    assert app_urls(8501, None) == ("http://localhost:8501", None)
