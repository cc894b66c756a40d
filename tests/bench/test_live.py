"""The live workload's arithmetic: reading the teacher's count, the delay until the teacher sees an answer,
duplicates, how a phone learns of news (the swappable `Polling`), and the keys one run reports."""

import asyncio
import time

from bench.live import (
    LEARN,
    Polling,
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


def test_a_polling_phone_reruns_its_fragment_one_interval_after_the_previous_poll_began():
    client = FakeClient()

    async def three_polls() -> list[float]:
        news = LEARN(client, Run())
        return [await news.next() for _ in range(3)]

    assert LEARN is Polling, "the one place that says how a phone learns of a new question"
    assert run_async(three_polls()) == [0.001] * 3
    gaps = [b - a for a, b in zip(client.polled, client.polled[1:], strict=False)]
    assert all(0.045 <= gap < 0.2 for gap in gaps), gaps


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
