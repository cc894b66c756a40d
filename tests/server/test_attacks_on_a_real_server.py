"""The server-level attacks of issue 19, against a real ``streamlit run app.py``: uploads without an uploader,
public metrics, missing headers, one websocket flooding reruns or sending a huge widget value."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
import uuid

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

from bench.loadgen import StudentClient
from server.security_headers import CONTENT_SECURITY_POLICY
from server.websocket_limits import BURST, RATE, TOO_BIG
from tests.server.asgi import run
from tools.harness import Server


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("serangan")).start()
    yield server
    server.stop()


def _request(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers
    except urllib.error.URLError as error:  # refused before the whole body was sent: the server closed the line
        if isinstance(error.reason, ConnectionError):
            return "closed", {}
        raise


async def _socket(url: str):
    return await websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                    max_size=2**26, ping_interval=None)


def _rerun(page: str = "") -> bytes:
    message = BackMsg()
    message.rerun_script.page_name = page
    return message.SerializeToString()


async def _session_id(socket) -> str:
    await socket.send(_rerun())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=60))
        if forward.WhichOneof("type") == "new_session":
            return forward.new_session.initialize.session_id


def test_pages_carry_the_security_headers_and_metrics_are_closed(app_server):
    for path in ("/", "/materi", "/masuk-guru"):
        status, headers = _request(app_server.url + path)
        assert status == 200 and headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    status, headers = _request(app_server.url + "/_stcore/metrics")
    assert status == 404 and headers["X-Content-Type-Options"] == "nosniff", "refusals carry the headers too"


def test_a_student_session_cannot_upload_with_a_token_it_made_itself(app_server):
    async def attack():
        socket = await _socket(app_server.url)
        try:
            session_id = await _session_id(socket)
            token = generate_xsrf_token_string()
            boundary = "batas"
            for size, refused in ((1024, {403}), (4 * 1024 * 1024, {403, 413, "closed"})):  # past maxUploadSize
                body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                        f"Content-Type: application/octet-stream\r\n\r\n").encode() + b"x" * size + \
                    f"\r\n--{boundary}--\r\n".encode()
                status, _ = await asyncio.to_thread(
                    _request, f"{app_server.url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}", "PUT", body,
                    {"X-Xsrftoken": token, "Cookie": f"_streamlit_xsrf={token}",
                     "Content-Type": f"multipart/form-data; boundary={boundary}"})
                assert status in refused, f"{size} bytes: {status}"
        finally:
            await socket.close()

    run(attack())


def test_a_huge_widget_value_closes_that_connection(app_server):
    async def attack():
        socket = await _socket(app_server.url)
        await _session_id(socket)
        message = BackMsg()
        message.rerun_script.page_name = ""
        state = message.rerun_script.widget_states.widgets.add()
        state.id, state.string_value = "$$ID-besar", "x" * (1024 * 1024)
        await socket.send(message.SerializeToString())
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(socket.recv(), timeout=30)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == TOO_BIG

    run(attack())


def test_a_flooding_connection_is_slowed_while_a_normal_student_is_served(app_server):
    seconds = 3.0

    async def flood_and_study():
        flooder = await _socket(app_server.url)
        await _session_id(flooder)
        starts = 0

        async def count_runs():
            nonlocal starts
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await flooder.recv())
                starts += forward.WhichOneof("type") == "new_session"

        async def send_flood():
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                await flooder.send(_rerun())
                await asyncio.sleep(0.002)

        counting = asyncio.create_task(count_runs())
        student = StudentClient(app_server.url)
        await student.connect()
        flooding = asyncio.create_task(send_flood())
        took = [await student.open("materi")]
        took.append(await student.open(""))
        await flooding
        await asyncio.sleep(0.5)
        counting.cancel()
        await flooder.close()
        await student.close()
        return starts, took, student.errors

    starts, took, errors = _run_result(flood_and_study)
    assert starts <= BURST + RATE * (seconds + 1), f"{starts} reruns started in {seconds} s"
    assert errors == 0 and max(took) < 10, took


def _run_result(make):
    box = {}

    async def keep():
        box["result"] = await make()

    run(keep())
    return box["result"]
