"""The addresses this laptop serves the app on: the one for the teacher's own browser and the one for students.

Students on the same Wi-Fi open ``http://<this laptop's LAN address>:<port>``. The LAN address is the one
the operating system would route outward from; finding it sends nothing over the network (a UDP socket's
``connect`` only picks a route), so it works offline in a classroom.
"""

from __future__ import annotations

import socket

LOCAL = "localhost"
_ANY_ROUTE = ("10.255.255.255", 1)  # any non-local address: only the routing decision is used


def lan_address() -> str | None:
    """This machine's address on the local network, or None when it has no network besides loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(_ANY_ROUTE)
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def app_urls(port: int, lan: str | None) -> tuple[str, str | None]:
    """(address for this laptop's browser, address for students or None)."""
    return f"http://{LOCAL}:{port}", (f"http://{lan}:{port}" if lan else None)
