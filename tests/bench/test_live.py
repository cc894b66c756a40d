"""The live workload's arithmetic: reading the teacher's count, the delay until the teacher sees an answer,
duplicates, how a phone learns of news (the push, `Pushed`, with its slow poll), and the keys one run reports."""

import asyncio
import time
from types import SimpleNamespace

from bench.live import (
    LEARN,
    Pushed,
    Run,
    Stored,
    answered_count,
    duplicates,
    outcome,
    poll_or_reload,
    teacher_seen_delays,
)
from tests.conftest import run_async


def test_the_teacher_count_is_read_from_the_live_line_and_from_the_reveal_caption():
    assert answered_count(["## Soal 3", "## 27/34 sudah menjawab"]) == 27
    assert answered_count(["40 dari 40 siswa menjawab. Batang hijau bertanda ✓ adalah kunci."]) == 40
    assert answered_count(["# Papan peringkat"]) is None


def test_an_answer_is_seen_by_the_first_teacher_count_after_it_that_includes_it():
    acks = [(1, 10.0), (1, 10.5), (2, 20.0)]
    seen = [(1, 10.2, 0), (1, 11.0, 1), (1, 11.9, 2), (2, 20.4, 1), (2, 19.0, 5)]
    assert [round(d, 2) for d in teacher_seen_delays(acks, seen)] == [1.0, 1.4, 0.4]
    assert teacher_seen_delays([(3, 1.0)], seen) == [], "an answer the teacher never saw has no delay"


def test_duplicates_count_rows_beyond_the_first_per_seat_and_question():
    assert duplicates([(1, "a"), (2, "a"), (1, "b")]) == 0
    assert duplicates([(1, "a"), (1, "a"), (1, "a")]) == 2


class FakeClient:
    """A client whose fragment reruns every 0.05 s and whose polls take no time."""

    def __init__(self):
        self.auto_reruns = {"watch": 0.05}
        self.polled: list[float] = []

    async def poll(self) -> float:
        self.polled.append(time.monotonic())
        return 0.001


class PushClient(FakeClient):
    """A phone page with the push component; its fallback poll runs every 0.3 s."""

    def __init__(self, url: str):
        super().__init__()
        self.url, self.auto_reruns = url, {"watch": 0.3}
        self.widgets = {"push": SimpleNamespace(kind="bidi_component", label=Pushed.COMPONENT, data='{"version": 3}')}
        self.events: list[tuple[float, str, int]] = []

    async def component_event(self, name: str, event: str, value: int) -> float:
        self.events.append((time.monotonic(), event, value))
        return 0.002


def test_a_pushed_phone_reruns_its_fragment_when_the_stream_moves_and_polls_only_when_it_stays_quiet():
    async def scenario() -> None:
        versions: asyncio.Queue[int] = asyncio.Queue()

        async def stream(reader, writer) -> None:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: 3\n\n")
            while True:
                writer.write(f"data: {await versions.get()}\n\n".encode())
                await writer.drain()

        server = await asyncio.start_server(stream, "127.0.0.1", 0)
        client = PushClient(f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/_stcore/stream")
        news = Pushed(client, Run(session_id=7))
        try:
            first = asyncio.create_task(news.next())
            await asyncio.sleep(0.05)
            moved_at = time.monotonic()
            versions.put_nowait(4)
            assert await first == 0.002 and client.polled == []
            (at, event, version), = client.events
            assert (event, version) == ("moved", 4) and at - moved_at < 0.1
            assert await news.next() == 0.001 and len(client.polled) == 1, "a quiet stream: the slow poll"
        finally:
            news.close()
            server.close()

    assert LEARN is Pushed, "the one place that says how a phone learns of a new question"
    run_async(scenario())


class SilentClient(FakeClient):
    """A client whose poll names a fragment the server no longer has: no reply ever comes."""

    page, query = "kuis-langsung", "kuis=123456&kursi=abc"

    def __init__(self):
        super().__init__()
        self.opened: list[tuple[str, str]] = []
        self.connections = 1

    async def poll(self) -> float:
        await asyncio.sleep(3600)

    async def close(self) -> None:
        self.connections -= 1

    async def connect(self) -> None:
        self.connections += 1

    async def open(self, page: str, query: str) -> float:
        self.opened.append((page, query))
        return 0.002


def test_a_poll_the_server_never_answers_reloads_the_page_instead_of_waiting_forever(monkeypatch):
    monkeypatch.setattr("bench.live.UNANSWERED_POLL", 0.05)
    client, run = SilentClient(), Run()
    assert run_async(poll_or_reload(client, run)) == 0.002
    assert client.opened == [("kuis-langsung", "kuis=123456&kursi=abc")], "back to the same seat"
    assert client.connections == 1, "on a new connection: a late reply cannot pass for a later action's"
    assert run.reloads == 1


def test_one_runs_outcome_has_every_key_the_report_needs():
    run = Run(opened={1: 100.0}, phone_seen=[(1, 100.3), (1, 100.9)], ack_seconds=[0.1, 0.2], answers_sent=2,
              ack_by_question={1: [0.1, 0.2]}, teacher_seen=[(1, 101.5, 2)])
    stored = [Stored(1, "kd-01", 1, 101.0, 1.0, 980), Stored(2, "kd-01", 1, 101.2, 1.0, 955)]
    result = outcome(run, stored, {1: 0.5, 2: 0.5}, phones=2)
    assert result["phone_seen_p95_s"] == 0.9 and result["phone_seen_min_s"] == 0.3
    assert result["points_spread"] == 25 and result["points_spread_groups"] == 1
    assert result["answers_lost"] == 18, "2 phones × 10 questions expected, 2 kept"
    assert result["answers_duplicated"] == 0 and result["teacher_not_seen"] == 0 and result["unanswered_polls"] == 0
