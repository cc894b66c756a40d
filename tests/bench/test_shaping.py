"""The shaping proxy slows loopback as a slow network would: latency per round trip, a throughput limit, and a
count of every byte it carries."""

import socket
import threading
import time

from bench.shaping import ShapingProxy


def _echo_server() -> tuple[socket.socket, int]:
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with listener:
            conn, _ = listener.accept()
            with conn:
                while data := conn.recv(65536):
                    conn.sendall(data)

    threading.Thread(target=serve, daemon=True).start()
    return listener, listener.getsockname()[1]


def _receive(sock: socket.socket, size: int) -> bytes:
    got = b""
    while len(got) < size:
        got += sock.recv(65536)
    return got


def test_a_round_trip_takes_the_latency_and_a_large_reply_the_throughput_limit():
    _, port = _echo_server()
    with ShapingProxy(port, latency_s=0.2, rate_bps=800_000) as proxy, \
            socket.create_connection(("127.0.0.1", proxy.port)) as sock:
        began = time.monotonic()
        sock.sendall(b"x")
        assert _receive(sock, 1) == b"x"
        round_trip = time.monotonic() - began
        payload = bytes(50_000)  # 0.5 s at 800 kbit/s, each way; the two links overlap
        began = time.monotonic()
        sock.sendall(payload)
        assert _receive(sock, len(payload)) == payload
        transfer = time.monotonic() - began
        carried = proxy.bytes()
    assert 0.18 <= round_trip <= 0.35
    assert 0.65 <= transfer <= 1.2, transfer  # 0.5 s down + 0.2 s latency, plus the first chunk's upload
    assert carried == 2 * (1 + len(payload))


def test_reset_starts_a_new_count():
    _, port = _echo_server()
    with ShapingProxy(port, latency_s=0.0, rate_bps=10e6) as proxy, \
            socket.create_connection(("127.0.0.1", proxy.port)) as sock:
        sock.sendall(b"abc")
        _receive(sock, 3)
        proxy.reset()
        sock.sendall(b"de")
        _receive(sock, 2)
        assert proxy.bytes() == 4
