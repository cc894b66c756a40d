"""The server configuration that keeps every rerun cheap applies wherever the app runs.

``streamlit run app.py`` (also behind nginx and on Community Cloud) reads
``.streamlit/config.toml`` and imports ``app.py`` once per process; these tests
read both the way Streamlit does. Timings live in ``bench/``, not here.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, run_async


def _effective_option(name: str) -> str:
    code = ("import os; os.chdir(sys.argv[1]); from streamlit import config; "
            "config.get_config_options(force_reparse=True); print(config.get_option(sys.argv[2]))")
    done = subprocess.run([sys.executable, "-c", "import sys; " + code, str(ROOT), name], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_streamlit_does_not_force_a_full_garbage_collection_after_every_rerun():
    """runner.postScriptGC (default true) ran gc.collect(2) after every rerun: ~100 ms with the GIL held."""
    assert _effective_option("runner.postScriptGC") == "False"


def test_streamlit_does_not_walk_every_loaded_module_after_every_rerun():
    """server.fileWatcherType (default auto) makes Streamlit call realpath for every loaded module on the event loop
    after every rerun; with 200 phones on two processes the event loop stalled and new connections timed out."""
    assert _effective_option("server.fileWatcherType") == "none"


def test_uploads_are_limited_to_what_the_importer_needs():
    """maxUploadSize was Streamlit's 200 MB: three 40 MB uploads from one student took 120 MB until expiry."""
    from lessonkit.exchange.upload import MAX_BYTES

    limit_mb = int(_effective_option("server.maxUploadSize"))
    assert MAX_BYTES <= limit_mb * 1024 * 1024 <= MAX_BYTES + 1024 * 1024


def test_app_freezes_its_start_up_objects_once_the_heavy_modules_are_loaded():
    code = ("import gc, runpy, sys; sys.path.insert(0, '.'); runpy.run_path('app.py'); "
            "print(gc.get_freeze_count(), *sorted(m for m in ('plotly', 'pandas', 'sqlalchemy', 'pydantic') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    frozen, *modules = done.stdout.strip().splitlines()[-1].split()
    assert int(frozen) > 50_000
    assert modules == ["pandas", "plotly", "pydantic", "sqlalchemy"], "loaded before the freeze, not after"


def _nodelay_of_an_accepted_connection(loop_factory) -> int:
    """TCP_NODELAY on the server side of a connection accepted the way ``streamlit run`` accepts it."""
    import asyncio
    import socket

    from streamlit.web.server.starlette.starlette_server import _bind_socket

    async def serve() -> int:
        listening = _bind_socket("127.0.0.1", 0, 8)  # Streamlit 1.67 creates it with protocol 0
        accepted = asyncio.get_running_loop().create_future()

        async def handle(reader, writer):
            accepted.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listening)
        _, writer = await asyncio.open_connection(*listening.getsockname()[:2])
        value = await asyncio.wait_for(accepted, 10)
        writer.close()
        server.close()
        return value

    return run_async(serve(), loop_factory)


def test_the_server_event_loop_sends_small_messages_without_waiting_for_acks():
    """Without TCP_NODELAY every rerun waited ~40 ms for a delayed ACK (docs/upstream-tcp-nodelay.md).

    ``st.App`` runs under uvicorn, whose automatic loop is uvloop when installed (requirements.txt; Streamlit's
    own bootstrap picks it too); uvloop sets TCP_NODELAY on every connection, asyncio only when the socket says
    protocol TCP, which Streamlit's does not.
    """
    from uvicorn.loops.auto import auto_loop_factory

    assert _nodelay_of_an_accepted_connection(auto_loop_factory()) != 0
