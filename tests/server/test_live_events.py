"""The live event stream: a subscriber gets the session's current version at once and a transition's new version
within a moment, carries only numbers, and refuses what is not a session."""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.applications import Starlette

from lessonkit.live import notify
from lessonkit.live.notify import Hub
from lessonkit.services import live_session as service
from lessonkit.storage import Store
from server import live_events
from tests.lessonkit.live.factories import every_type_bank
from tests.server.asgi import run


@pytest.fixture
def live(tmp_path, monkeypatch):
    """A store with a session of Sari's in the lobby (one seated phone), a fresh notification hub, the app."""
    store = Store.open(f"sqlite:///{tmp_path / 'live.db'}")
    monkeypatch.setattr("server.teacher_session._source", lambda: store)
    hub = Hub()
    monkeypatch.setattr(notify, "publish", hub.publish)
    monkeypatch.setattr(live_events, "HUB", hub)
    sari = store.add_teacher("Sari", username="sari").id
    record = service.create(store, every_type_bank(), sari, ["q-single"], base_seconds=20, speed_bonus=True)
    service.join(store, record.code, "Ana")
    yield store, sari, record, Starlette(routes=live_events.routes())
    store.engine.dispose()


def request(query: str) -> dict:
    return {"type": "http", "method": "GET", "path": live_events.PATH, "headers": [], "query_string": query.encode(),
            "scheme": "http", "server": ("test", 80), "root_path": ""}


async def subscribe(app, query: str):
    """Open the stream; returns the queue of what it sends and the function that hangs up."""
    sent: asyncio.Queue = asyncio.Queue()
    left = asyncio.Event()

    async def receive():
        await left.wait()
        return {"type": "http.disconnect"}

    task = asyncio.create_task(app(request(query), receive, sent.put))

    async def hang_up():
        left.set()
        await asyncio.wait_for(task, 2)

    return sent, hang_up


async def body(sent: asyncio.Queue) -> str:
    return (await asyncio.wait_for(sent.get(), 2))["body"].decode()


def test_a_subscriber_gets_the_current_version_then_a_transitions_version_within_half_a_second(live):
    store, sari, record, app = live
    seen = {}

    async def scenario():
        sent, hang_up = await subscribe(app, f"sesi={record.id}")
        start = await asyncio.wait_for(sent.get(), 2)
        seen["headers"] = dict(start["headers"])
        assert (await body(sent)).startswith("retry:")
        seen["first"] = await body(sent)
        moved = await asyncio.to_thread(service.command, store, sari, record.id, "start")
        committed = time.monotonic()
        seen["bump"] = await body(sent)
        seen["delay"] = time.monotonic() - committed
        seen["version"] = moved.version
        await hang_up()

    run(scenario())
    assert seen["headers"][b"content-type"].startswith(b"text/event-stream")
    assert seen["headers"][b"cache-control"] == b"no-store" and seen["headers"][b"x-accel-buffering"] == b"no"
    assert seen["first"] == f"id: {record.version}\ndata: {record.version}\n\n"
    assert seen["bump"] == f"id: {seen['version']}\ndata: {seen['version']}\n\n" and seen["delay"] < 0.5


def test_a_quiet_stream_sends_a_comment_to_keep_the_connection(live, monkeypatch):
    _, _, record, app = live
    monkeypatch.setattr(live_events, "HEARTBEAT_SECONDS", 0.05)
    seen = []

    async def scenario():
        sent, hang_up = await subscribe(app, f"sesi={record.id}")
        await sent.get()
        seen.extend([await body(sent), await body(sent), await body(sent)])
        await hang_up()

    run(scenario())
    assert seen[2] == ": \n\n"


@pytest.mark.parametrize(("query", "status"), [("sesi=abc", 400), ("", 400), ("sesi=" + "9" * 13, 400),
                                               ("sesi=999", 404)])
def test_what_is_not_a_session_is_refused(live, query, status):
    _, _, _, app = live
    seen = []

    async def scenario():
        sent, _ = await subscribe(app, query)
        seen.append(await asyncio.wait_for(sent.get(), 2))

    run(scenario())
    assert seen[0]["status"] == status


def test_the_stream_is_one_of_the_apps_routes():
    from server import routes

    assert live_events.PATH in {route.path for route in routes()}
