"""Which address students' phones can open: the base of join links and QR codes (class join and Kuis Langsung).

A teacher who starts the app as the README's first command suggests opens it at ``localhost`` or
``127.0.0.1``: an address that means "this laptop" on every device, so a link or QR code built from it cannot
work on a phone. `join_base` keeps the teacher's address when it is already reachable, else uses a configured
address (``browser.serverAddress``) or the laptop's own network address, and says in Indonesian, to the
teacher ("Anda"), what students should open and how to serve the class. Plain Python: the caller passes what
the server knows (page URL, setting, listening address, the laptop's addresses).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

SERVE_COMMAND = "streamlit run app.py --server.address 0.0.0.0"


@dataclass(frozen=True)
class JoinBase:
    url: str  # "http://192.168.1.20:8501", or "" when the page address is unknown (the link is then relative)
    notice: str | None = None  # for the teacher, when the page is on a loopback address


def is_loopback(host: str | None) -> bool:
    """True for names and addresses that mean "this computer" (or "every interface"), never another device."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses that other devices on its network can reach (private ranges first).

    Sends nothing: connecting a UDP socket only asks the kernel which interface it would use.
    """
    found: list[str] = []
    candidates = []
    try:
        candidates += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    for probe in ("10.255.255.255", "192.168.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                candidates.append(sock.getsockname()[0])
        except OSError:
            pass
    for host in candidates:
        if host not in found and not is_loopback(host) and not ipaddress.ip_address(host).is_link_local:
            found.append(host)
    return sorted(found, key=lambda host: not ipaddress.ip_address(host).is_private)


def _every_interface(host: str) -> bool:
    """``0.0.0.0`` / ``::``: the server listens on every interface, so other devices can reach it."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _host_port(host: str, port: int | None) -> str:
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{port}" if port else host


def join_base(page_url: str | None, configured: str | None = None, listening: str | None = None,
              addresses: list[str] | None = None) -> JoinBase:
    """The base URL for links that students open on their own devices.

    ``page_url`` is the teacher's page (``st.context.url``); ``configured`` the setting ``browser.serverAddress``
    (ignored when it is itself a loopback name, as its default ``localhost`` is); ``listening`` the server's
    ``server.address`` (empty: every interface); ``addresses`` this laptop's network addresses (`lan_addresses`).
    """
    parts = urlsplit(page_url or "")
    if not parts.scheme or not parts.netloc:
        return JoinBase("")
    if not is_loopback(parts.hostname):
        return JoinBase(f"{parts.scheme}://{parts.netloc}")
    seen = parts.hostname
    if configured and not is_loopback(configured):
        return JoinBase(f"{parts.scheme}://{_host_port(configured, parts.port)}")
    if listening and is_loopback(listening) and not _every_interface(listening):
        return JoinBase(f"{parts.scheme}://{parts.netloc}", (
            f"Anda membuka aplikasi lewat **{seen}**, dan server hanya melayani laptop ini, jadi ponsel siswa "
            f"tidak bisa membuka tautan atau kode QR ini. Jalankan server untuk kelas dengan `{SERVE_COMMAND}`, "
            "lalu buka halaman ini lagi."))
    if not addresses:
        return JoinBase(f"{parts.scheme}://{parts.netloc}", (
            f"Anda membuka aplikasi lewat **{seen}**, alamat yang hanya berlaku di laptop ini, dan laptop ini "
            "belum tersambung ke jaringan. Sambungkan laptop ke Wi-Fi yang sama dengan ponsel siswa, lalu muat "
            "ulang halaman ini agar tautan dan kode QR memakai alamat jaringan laptop."))
    base = f"{parts.scheme}://{_host_port(addresses[0], parts.port)}"
    others = [f"{parts.scheme}://{_host_port(a, parts.port)}" for a in addresses[1:]]
    also = f" Bila tidak bisa dibuka, coba {' atau '.join(others)}." if others else ""
    return JoinBase(base, (
        f"Anda membuka aplikasi lewat **{seen}**, alamat yang hanya berlaku di laptop ini. Tautan dan kode QR "
        f"di bawah memakai alamat jaringan laptop, **{base}**: siswa membukanya di ponsel yang tersambung ke "
        f"Wi-Fi yang sama.{also}"))
