"""The ``live40`` workload: one teacher on the projector and a class of phones playing a 10-question Kuis Langsung.

Everything a person would do goes over Streamlit's protocol (``bench/loadgen.py``): the teacher signs in
with the password form on ``kuis-langsung-guru`` (the session stays signed in for that websocket), sees the
lobby of the session the benchmark made in the database, and drives it with the page's own buttons ("Mulai
kuis", "Lanjut"); the phones (40, or 200 on the cluster) open ``kuis-langsung?kuis=CODE``, type a nickname,
join, and learn of a new question the way a browser does (`Polling`: one fragment rerun a second, the
browser's ``run_every`` timer; the one class to swap when phones are pushed the news instead). Each phone
taps its scripted reaction time after *its own* screen showed the question, the key most of the time
(``bench/live_fair.py``), and measures the tap until ``script_finished`` (the acknowledgement).

"Seen" is counted from the server's open: after each click that opens a question, the benchmark reads the
question's ``opened_at`` from the database (the server's ``time.time()``, the same clock as the phones').
The teacher's screen is read from the same polls: the "N/M sudah menjawab" count its fragment draws (and the
reveal's "N dari M siswa menjawab"); for each stored answer, the wait from the moment the server accepted it
(``answered_at``) until the teacher's screen showed a count that includes it. Accepted and duplicated answers,
and the points of right answers per reaction time, are read from the database.

CPU per polling phone (one server process only): the server's CPU while the seated phones only poll in the
lobby, minus the CPU while only the teacher's page polls, divided by the phones. The load generator's own CPU
is reported for the lobby and for the game, so it is never the bottleneck unnoticed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bench.live_fair import RIGHT_SHARE, Key, pick, points_spread, question_on, reaction, right_answers, seen_delays
from bench.loadgen import StudentClient
from bench.measure import cpu_seconds, ms, own_cpu_seconds, percentile

ROOT = Path(__file__).resolve().parent.parent
PHONES = 40
QUESTIONS = 10
JOIN_BATCH = 10  # phones that join at the same moment (a class arrives in waves)
TEACHER = ("guru_bench", "Guru Tolok Ukur", "sandi-tolok-ukur-1")
READ_SECONDS = 2.0  # the class looks at the reveal, then at the leaderboard, before the teacher goes on
QUESTION_TIMEOUT = 60.0
UNANSWERED_POLL = 60.0  # seconds without a reply after which a poll is taken for lost (see `poll_or_reload`)
SCREENS = ("Mulai kuis", "Tutup soal sekarang", "Lanjutkan waktu", "Lanjut", "Lihat podium")  # the teacher's buttons
COUNT = re.compile(r"(\d+)\s*(?:/|dari)\s*(\d+)\s*(?:sudah|siswa) menjawab")


def answered_count(texts: list[str]) -> int | None:
    """The answered count a screen shows ("27/34 sudah menjawab", or "27 dari 34 siswa menjawab")."""
    for text in texts:
        if found := COUNT.search(text):
            return int(found.group(1))
    return None


def teacher_seen_delays(accepted: list[tuple[int, float]], seen: list[tuple[int, float, int]]) -> list[float]:
    """For each accepted answer ``(question, at)``, seconds until the teacher's screen showed a count that
    includes it: the first ``(question, at, count)`` seen after it with ``count`` at least the number of that
    question's answers accepted by then. Answers the teacher never saw are left out (and counted apart)."""
    delays = []
    done: dict[int, int] = {}
    for question, at in sorted(accepted, key=lambda a: a[1]):
        done[question] = done.get(question, 0) + 1
        later = (t for q, t, count in seen if q == question and t >= at and count >= done[question])
        if (first := min(later, default=None)) is not None:
            delays.append(first - at)
    return delays


def shows(client: StudentClient, label: str) -> bool:
    """The page (not the sidebar, whose "Lanjutkan" would match a prefix) has a button labelled ``label``."""
    return any(w.kind == "button" and w.label == label and not w.sidebar for w in client.widgets.values())


def duplicates(rows: list[tuple[int, str]]) -> int:
    """Rows beyond the first for the same (seat, question)."""
    return len(rows) - len(set(rows))


def nickname(phone: int) -> str:
    return f"Siswa {phone + 1:02d}"


@dataclass
class Run:
    """What one run saw, shared by the teacher and the phones."""

    question: int = 0  # 1-based number of the open question, 0 before the first
    opened: dict[int, float] = field(default_factory=dict)  # question -> the server's opened_at (time.time())
    answers_sent: int = 0
    ack_seconds: list[float] = field(default_factory=list)
    ack_by_question: dict[int, list[float]] = field(default_factory=dict)
    phone_seen: list[tuple[int, float]] = field(default_factory=list)  # (question, time.time() the phone had it)
    teacher_seen: list[tuple[int, float, int]] = field(default_factory=list)  # (question, time.time(), count)
    poll_seconds: list[float] = field(default_factory=list)
    errors: int = 0
    reloads: int = 0  # polls the server never answered, after which the page was loaded again
    polling: bool = True
    session_id: int = 0  # the session the phones follow (the push stream's ``sesi``)


@dataclass(frozen=True)
class Stored:
    """One answer as the server kept it."""

    seat: int
    question_id: str
    number: int  # the question's number in the session
    answered_at: float
    score: float
    points: int


class Database:
    """The app's database as the benchmark sees it: the session it prepares and what the server stored."""

    def __init__(self, url: str):
        self.url = url

    @cached_property
    def store(self):
        from lessonkit.storage import Store

        return Store.open(self.url)

    @cached_property
    def bank(self):
        from lessonkit.lesson.content import load_lesson
        from lessonkit.quiz import read_bank

        lesson = load_lesson(ROOT / "content")
        return read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)

    def make_session(self) -> tuple[str, int, list[Key]]:
        """A teacher, a class and a session of single-choice questions: (code, session id, the keys)."""
        from lessonkit.auth.passwords import hash_password
        from lessonkit.services import live_session as service

        bank = self.bank
        username, name, password = TEACHER
        teacher = self.store.add_teacher(name, username=username, password_hash=hash_password(password))
        klass = self.store.create_class(teacher.id, "XI IPS 2")
        ids = [q.id for q in bank.questions if q.type == "single"][:QUESTIONS]
        record = service.create(self.store, bank, teacher.id, ids, base_seconds=20, speed_bonus=True,
                                class_id=klass.id)
        return record.code, record.id, self.keys(record.id)

    def keys(self, session_id: int) -> list[Key]:
        from lessonkit.live import wire
        from lessonkit.quiz.types import module_of

        keys = []
        for number, live in enumerate(self.store.live_get(session_id).session.questions, start=1):
            question = self.bank.question(live.question_id)
            choices = wire.ADAPTERS[question.type].fields(question, live.order)["choices"]
            keys.append(Key(number, choices, wire.encode(question, live.order, module_of(question).perfect(question))))
        return keys

    def opened(self, session_id: int) -> tuple[int, float]:
        """The open question's number and when the server opened it."""
        session = self.store.live_get(session_id).session
        return session.index + 1, session.clock.opened_at

    def answers(self, session_id: int) -> list[Stored]:
        numbers = {q.question_id: n for n, q in enumerate(self.store.live_get(session_id).session.questions, start=1)}
        return [Stored(a.seat, a.question_id, numbers[a.question_id], a.answered_at, a.score, a.points)
                for a in self.store.live_answers(session_id)]

    def seats(self, session_id: int) -> dict[str, int]:
        """Nickname -> seat."""
        return {p.nickname: p.seat for p in self.store.live_players(session_id)}

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.engine.dispose()


async def poll_or_reload(client: StudentClient, run: Run, resume=None) -> float:
    """The page's automatic reruns; when the server does not answer one, the tab is opened again on a new
    connection (as a student whose screen froze would reload it), so that a late reply cannot be taken for the
    answer to a later action; ``resume(client)`` then gets back (a phone: its page and seat, from the address).
    Streamlit 1.67 drops, without any reply, a rerun of a fragment its session no longer has
    (``AppSession.request_rerun``); a client that waited for it would wait forever."""
    try:
        return await asyncio.wait_for(client.poll(), UNANSWERED_POLL)
    except TimeoutError:
        run.reloads += 1
        await client.close()
        await client.connect()
        if resume is not None:
            return await resume(client)
        return await client.open(client.page, client.query)


class Pushed:
    """How a phone learns of a new question with the push, as its browser does: the page's
    ``lessonkit_live_push`` component keeps an ``EventSource`` on ``/_live/events?sesi=<id>`` (one connection
    per phone); an event whose version passes the one the page drew fires the component's "moved" trigger,
    which reruns only the fragment that shows the seat's screen. The page's slow ``run_every`` poll stays
    behind it (the fallback when a stream drops). ``next`` returns the seconds the rerun took."""

    DESCRIPTION = "push: aliran `/_live/events` (Server-Sent Events) dan fragmen layar; polling lambat sebagai cadangan"
    COMPONENT = "lessonkit_live_push"

    def __init__(self, client: StudentClient, run: Run):
        self.client, self.run = client, run
        self.versions: asyncio.Queue[int] = asyncio.Queue()
        self.listener: asyncio.Task | None = None
        self.began = time.monotonic()

    async def _listen(self) -> None:
        """Read the stream: each ``data: N`` line is a session version (the first is the current one)."""
        address = urllib.parse.urlsplit(self.client.url)
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        writer.write(f"GET /_live/events?sesi={self.run.session_id} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                     "Accept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        try:
            while line := await reader.readline():
                if line.startswith(b"data:"):
                    self.versions.put_nowait(int(line[5:].strip()))
        finally:
            writer.close()

    def drawn(self) -> int | None:
        """The version the page drew (the push component's data), None on a page without the component."""
        widget = next((w for w in self.client.widgets.values()
                       if w.kind == "bidi_component" and w.label == self.COMPONENT), None)
        return None if widget is None else json.loads(widget.data or "{}").get("version")

    async def next(self) -> float:
        if self.listener is None:
            self.listener = asyncio.create_task(self._listen())
        interval = min(self.client.auto_reruns.values(), default=3.0)
        while True:
            try:
                wait = max(0.0, self.began + interval - time.monotonic())
                version = await asyncio.wait_for(self.versions.get(), wait)
            except TimeoutError:
                self.began = time.monotonic()
                return await poll_or_reload(self.client, self.run)  # the slow poll behind the push
            drawn = self.drawn()
            if drawn is not None and version > drawn:  # as ui/live/live_push.js: only a version past the page's
                return await self.client.component_event(self.COMPONENT, "moved", version)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.cancel()


LEARN = Pushed


async def follow(client: StudentClient, run: Run, after_each=None) -> None:
    """Keep the screen current while the run lasts; ``after_each`` looks at it after every update."""
    news = LEARN(client, run)
    try:
        while run.polling:
            try:
                run.poll_seconds.append(await news.next())
                if after_each is not None:
                    await after_each()
            except (LookupError, TimeoutError):
                run.errors += 1
    finally:
        news.close()


async def teacher_signs_in(url: str) -> StudentClient:
    client = StudentClient(url)
    await client.connect()
    await sign_in(client)
    if not shows(client, "Mulai kuis"):
        raise RuntimeError("the teacher's page does not show the lobby after signing in")
    return client


async def sign_in(client: StudentClient) -> float:
    """The teacher signs in with the password form on a new connection and sees the session's screen."""
    username, _, password = TEACHER
    await client.open("kuis-langsung-guru")
    client.fill("Nama pengguna", username)
    client.fill("Kata sandi", password)
    seconds = await client.click("Masuk")
    if not any(shows(client, label) for label in SCREENS):
        seconds += await client.open("kuis-langsung-guru")
    return seconds


async def phone_joins(url: str, code: str, n: int) -> StudentClient:
    client = StudentClient(url)
    await client.connect()
    await client.open("kuis-langsung", f"kuis={code}")
    client.fill("Nama panggilan", nickname(n))
    await client.click("Gabung")
    if "kursi=" not in client.query:
        raise RuntimeError(f"phone {n + 1} did not get a seat")
    return client


async def class_joins(url: str, code: str, phones: int, seated: dict[int, StudentClient]) -> list[float]:
    """Every phone seated into ``seated`` (phone number -> its client), ``JOIN_BATCH`` at a time; the seconds each
    join took."""
    seconds: list[float] = []

    async def one(n: int) -> None:
        began = time.perf_counter()
        seated[n] = await phone_joins(url, code, n)
        seconds.append(time.perf_counter() - began)

    for first in range(0, phones, JOIN_BATCH):
        await asyncio.gather(*(one(n) for n in range(first, min(phones, first + JOIN_BATCH))))
    return seconds


async def play(client: StudentClient, run: Run, rng: random.Random, seconds: float, keys: Sequence[Key]) -> None:
    """A phone: when a new question shows, tap a choice ``seconds`` later (the key, most of the time)."""
    answered: set[int] = set()

    async def maybe_answer() -> None:
        labels = [w.label for w in client.widgets.values() if w.kind == "button" and not w.sidebar]
        key = question_on(labels, keys)
        if key is None or key.number in answered:
            return
        answered.add(key.number)
        run.phone_seen.append((key.number, time.time()))
        await asyncio.sleep(seconds)
        took = await client.click(pick(labels, key, rng.random() < RIGHT_SHARE, rng))
        run.ack_seconds.append(took)
        run.ack_by_question.setdefault(key.number, []).append(took)
        run.answers_sent += 1

    await follow(client, run, maybe_answer)


async def teach(client: StudentClient, run: Run, db: Database, session_id: int, questions: int) -> None:
    """The teacher: start, and after each question's reveal and leaderboard go on, reading the count meanwhile."""

    def look() -> None:
        count = answered_count(client.texts)
        if count is not None and run.question:
            run.teacher_seen.append((run.question, time.time(), count))  # the server's clock

    async def open_next(label: str) -> None:
        await client.click(label)
        number, at = await asyncio.to_thread(db.opened, session_id)
        run.opened[number], run.question = at, number
        look()

    await open_next("Mulai kuis")
    while True:
        deadline = time.monotonic() + QUESTION_TIMEOUT
        while not shows(client, "Lanjut") and time.monotonic() < deadline:  # the question is open
            began = time.monotonic()
            await poll_or_reload(client, run, sign_in)
            look()
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - began)))
        await asyncio.sleep(READ_SECONDS)
        await client.click("Lanjut")  # the reveal -> the leaderboard
        await asyncio.sleep(READ_SECONDS)
        if run.question == questions:
            await client.click("Lihat podium")
            return
        await open_next("Lanjut")


def cpu_of(pids: Sequence[int]) -> float:

    return sum(cpu_seconds(pid) for pid in pids)


async def idle_cpu(teacher: StudentClient, run: Run, pid: int, seconds: float) -> float:
    """The server's CPU (% of a core) while only the teacher's projector polls."""
    idle = asyncio.create_task(follow(teacher, run))
    before, wall = cpu_of([pid]), time.monotonic()
    await asyncio.sleep(seconds)
    pct = 100 * (cpu_of([pid]) - before) / (time.monotonic() - wall)
    run.polling = False
    await idle
    run.polling = True
    return pct


async def lobby_cpu(clients: Sequence[StudentClient], run: Run, pid: int, idle_pct: float, seconds: float) -> dict:
    """Everyone seated, waiting in the lobby, only polling: the server's CPU per polling phone."""

    waiting = [asyncio.create_task(follow(c, run)) for c in clients]
    await asyncio.sleep(3)
    polls = len(run.poll_seconds)
    before, own, wall = cpu_of([pid]), own_cpu_seconds(), time.monotonic()
    await asyncio.sleep(seconds)
    elapsed = time.monotonic() - wall
    busy = 100 * (cpu_of([pid]) - before) / elapsed
    polled = len(run.poll_seconds) - polls
    phones = len(clients) - 1
    run.polling = False
    await asyncio.gather(*waiting)
    run.polling = True
    return {"idle_cpu_pct": round(idle_pct, 1), "polling_cpu_pct": round(busy, 1),
            "polls_per_s": round(polled / elapsed, 1),
            "cpu_ms_per_poll": round(10 * (busy - idle_pct) / (polled / elapsed), 2) if polled else None,
            "cpu_pct_per_phone": round((busy - idle_pct) / phones, 2),
            "loadgen_cpu_pct": round(100 * (own_cpu_seconds() - own) / elapsed, 1)}


class GameMeter:
    """CPU over the game (% of one core): the server processes, the load generator, and the projector's browser."""

    def __init__(self, pids: Sequence[int], browser: bool):
        from bench.live_projector import browser_cpu_seconds

        self.pids, self.browser = pids, browser_cpu_seconds if browser else None
        self.own = own_cpu_seconds
        self.at = self._now()

    def _now(self) -> tuple[float, float, float, float]:
        return cpu_of(self.pids), self.own(), self.browser() if self.browser else 0.0, time.monotonic()

    def read(self) -> dict:
        (server, own, browser, wall), (server0, own0, browser0, wall0) = self._now(), self.at
        elapsed = wall - wall0
        out = {"game_s": round(elapsed), "game_loadgen_cpu_pct": round(100 * (own - own0) / elapsed, 1),
               "game_machine_load": round(os.getloadavg()[0], 1)}  # every process on the machine, 1-minute average
        if self.pids:
            out.update(game_cpu_s=round(server - server0, 2), game_cpu_pct=round(100 * (server - server0) / elapsed, 1))
        if self.browser:
            out["chromium_cpu_pct"] = round(100 * (browser - browser0) / elapsed, 1)
        return out


async def game(teacher: StudentClient, seated: dict[int, StudentClient], run: Run, db: Database, session_id: int,
               keys: Sequence[Key], meter: GameMeter, seed: int) -> dict:
    """The quiz itself, from "Mulai kuis" to the podium, with every phone playing."""
    everyone = (teacher, *seated.values())
    runs_before = sum(c.full_runs for c in everyone)
    players = [asyncio.create_task(play(c, run, random.Random(seed * 1000 + n), reaction(n), keys))
               for n, c in seated.items()]
    await teach(teacher, run, db, session_id, QUESTIONS)
    await asyncio.sleep(2)
    run.polling = False
    await asyncio.gather(*players)
    return {"game_full_runs": sum(c.full_runs for c in everyone) - runs_before, "game_polls": len(run.poll_seconds),
            **meter.read()}


async def live_class(url: str, db_url: str, pids: Sequence[int] = (), phones: int = PHONES, seed: int = 13,
                     per_phone: bool = False, screen=None, poll_seconds: float = 20, idle_seconds: float = 10) -> dict:
    """One live quiz of ``phones`` phones on the app at ``url`` (its database at ``db_url``). ``pids`` (the server
    processes) add the server's CPU during the game, ``per_phone`` (one process) the CPU per polling phone in the
    lobby; ``screen(url)`` (e.g. `bench.live_projector.Projector`) is open from before the class joins to the end."""

    db = Database(db_url)
    code, session_id, keys = db.make_session()
    run = Run(session_id=session_id)
    teacher = await teacher_signs_in(url)
    result: dict = {"phones": phones, "questions": QUESTIONS}
    seated: dict[int, StudentClient] = {}
    try:
        async with screen(url) if screen else contextlib.nullcontext():
            idle_pct = await idle_cpu(teacher, run, pids[0], idle_seconds) if per_phone else 0.0
            join_times = await class_joins(url, code, phones, seated)
            result["join_p95_ms"] = ms(percentile(join_times, 95))
            if per_phone:
                result.update(await lobby_cpu((teacher, *seated.values()), run, pids[0], idle_pct, poll_seconds))
            run.poll_seconds.clear()
            seats = db.seats(session_id)
            reactions = {seats[nickname(n)]: reaction(n) for n in seated}
            meter = GameMeter(pids, browser=screen is not None)
            result.update(await game(teacher, seated, run, db, session_id, keys, meter, seed))
    finally:
        for client in (teacher, *seated.values()):
            run.errors += client.errors
            await client.close()
    if result.get("cpu_ms_per_poll") is not None and result["game_full_runs"]:  # what is left after the polls
        rest = 1000 * result["game_cpu_s"] - result["cpu_ms_per_poll"] * result["game_polls"]
        result["cpu_ms_per_full_run"] = round(rest / result["game_full_runs"], 1)
    stored = db.answers(session_id)
    db.close()
    result.update(outcome(run, stored, reactions, phones))
    return result


def outcome(run: Run, stored: list[Stored], reactions: dict[int, float], phones: int) -> dict:
    """What one run measured: answers kept, acknowledgements, when phones and teacher saw, points fairness."""

    expected = phones * QUESTIONS
    rows = [(s.seat, s.question_id) for s in stored]
    seen = teacher_seen_delays([(s.number, s.answered_at) for s in stored], run.teacher_seen)
    phone_seen = seen_delays(run.phone_seen, run.opened)
    spread, groups = points_spread(right_answers(((s.seat, s.number, s.score, s.points) for s in stored),
                                                 reactions))
    return {
        "answers_expected": expected, "answers_sent": run.answers_sent, "answers_accepted": len(rows),
        "answers_duplicated": duplicates(rows), "answers_lost": expected - len(set(rows)),
        "ack_p50_ms": ms(percentile(run.ack_seconds, 50)), "ack_p95_ms": ms(percentile(run.ack_seconds, 95)),
        "ack_max_ms": ms(max(run.ack_seconds, default=None)),
        "ack_max_ms_by_question": [ms(max(v)) for _, v in sorted(run.ack_by_question.items())],
        "phone_seen_min_s": _s(min(phone_seen, default=None)), "phone_seen_p50_s": _s(percentile(phone_seen, 50)),
        "phone_seen_p95_s": _s(percentile(phone_seen, 95)), "phone_seen_max_s": _s(max(phone_seen, default=None)),
        "points_spread": spread, "points_spread_groups": groups,
        "teacher_seen_p50_s": _s(percentile(seen, 50)), "teacher_seen_p95_s": _s(percentile(seen, 95)),
        "teacher_seen_max_s": _s(max(seen, default=None)), "teacher_not_seen": len(stored) - len(seen),
        "poll_p95_ms": ms(percentile(run.poll_seconds, 95)), "unanswered_polls": run.reloads, "errors": run.errors}


def _s(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
