"""A TCP gate in front of a database server: tests close it (the database is gone) and open it again.

Closing refuses new connections and cuts the open ones, as a stopped or
unreachable server would, without touching the shared PostgreSQL server.
"""

from __future__ import annotations

import os
import socket
import threading
from urllib.parse import urlparse

import pytest


class Gate:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self._links: list[socket.socket] = []
        self._lock = threading.Lock()
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._links += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        """The database is gone: new connections are refused, open ones are cut."""
        self.open = False
        with self._lock:
            links, self._links = self._links, []
        for link in links:
            try:
                link.shutdown(socket.SHUT_RDWR)
                link.close()
            except OSError:
                pass

    def reopen(self) -> None:
        self.open = True

    def stop(self) -> None:
        self._running = False
        self.close()
        self.listener.close()


def gated_postgres() -> tuple[Gate, str]:
    """A gate in front of ``TEST_DATABASE_URL`` (emptied first) and the URL that goes through it."""
    from tests.lessonkit.storage.conftest import reset_postgres

    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("PostgreSQL tidak diuji: atur TEST_DATABASE_URL (mis. postgresql://postgres@127.0.0.1:5432/test)")
    reset_postgres(url)
    target = urlparse(url)
    gate = Gate(target.hostname or "127.0.0.1", target.port or 5432)
    return gate, url.replace(f"{target.hostname}:{target.port or 5432}", f"127.0.0.1:{gate.port}", 1)
