"""The ``live40`` workload: one teacher on the projector and 40 phones playing a 10-question Kuis Langsung.

Everything a person would do goes over Streamlit's protocol (``bench/loadgen.py``): the teacher signs in
with the password form on ``kuis-langsung-guru`` (the session stays signed in for that websocket), sees the
lobby of the session the benchmark made in the database, and drives it with the page's own buttons ("Mulai
kuis", "Lanjut"); 40 phones open ``kuis-langsung?kuis=CODE``, type a nickname, join, and keep polling as the
browser's ``run_every`` timer does (one fragment rerun a second). Each phone answers each question at a random
moment 0.3-3 s after it opened (or as soon as its screen shows the question, if later), and measures the
click until ``script_finished`` (the acknowledgement). The teacher's screen is read from the same polls: the
"N/M sudah menjawab" count its fragment draws (and the reveal's "N dari M siswa menjawab"); for each stored
answer, the wait from the moment the server accepted it (``answered_at``, the same clock) until the teacher's
screen showed a count that includes it. Accepted and duplicated answers are counted in the database.

CPU per polling phone: the server's CPU while the 40 seated phones only poll in the lobby, minus the CPU
while only the teacher's page polls, divided by 40.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.loadgen import StudentClient
from bench.measure import cpu_seconds, ms, own_cpu_seconds, percentile, target_rows

PHONES = 40
QUESTIONS = 10
ANSWER_DELAY = (0.3, 3.0)  # seconds after the question opened
TEACHER = ("guru_bench", "Guru Tolok Ukur", "sandi-tolok-ukur-1")
READ_SECONDS = 2.0  # the class looks at the reveal, then at the leaderboard, before the teacher goes on
QUESTION_TIMEOUT = 60.0
COUNT = re.compile(r"(\d+)\s*(?:/|dari)\s*(\d+)\s*(?:sudah|siswa) menjawab")
CHOICE = re.compile(r"^[A-E]\. ")


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


@dataclass
class Run:
    """What one run saw, shared by the teacher and the phones."""

    opened_at: float = 0.0  # when the teacher's click opened the latest question (its acknowledgement)
    question: int = 0  # 1-based number of the open question, 0 before the first
    answers_sent: int = 0
    ack_seconds: list[float] = field(default_factory=list)
    ack_by_question: dict[int, list[float]] = field(default_factory=dict)
    phone_seen: list[float] = field(default_factory=list)  # opening -> the phone's screen shows the question
    teacher_seen: list[tuple[int, float, int]] = field(default_factory=list)  # (question, time.time(), count)
    poll_seconds: list[float] = field(default_factory=list)
    errors: int = 0
    polling: bool = True


def make_session(data_dir: Path) -> tuple[str, int]:
    """A teacher, a class and a 10-question session (single choice) in the app's database: (code, session id)."""
    from lessonkit import live_service as service
    from lessonkit.auth.passwords import hash_password
    from lessonkit.content import load_lesson
    from lessonkit.quiz import read_bank
    from lessonkit.storage import Store

    root = Path(__file__).resolve().parent.parent
    lesson = load_lesson(root / "content")
    bank = read_bank([root / "quizzes"], section_ids=lesson.section_ids)
    store = Store.open(f"sqlite:///{data_dir / 'lessonkit.db'}")
    username, name, password = TEACHER
    teacher = store.add_teacher(name, username=username, password_hash=hash_password(password))
    klass = store.create_class(teacher.id, "XI IPS 2")
    ids = [q.id for q in bank.questions if q.type == "single"][:QUESTIONS]
    record = service.create(store, bank, teacher.id, ids, base_seconds=20, speed_bonus=True, class_id=klass.id)
    return record.code, record.id


def stored_answers(data_dir: Path, session_id: int) -> list[tuple[int, str, int, float]]:
    """Every stored answer: (seat, question id, the question's number in the session, when it was accepted)."""
    from lessonkit.storage import Store

    store = Store.open(f"sqlite:///{data_dir / 'lessonkit.db'}")
    numbers = {q.question_id: n for n, q in enumerate(store.live_get(session_id).session.questions, start=1)}
    return [(a.seat, a.question_id, numbers[a.question_id], a.answered_at) for a in store.live_answers(session_id)]


async def _every_second(client: StudentClient, run: Run, after_each=None) -> None:
    """The browser's ``run_every`` timer: a poll each interval (from its start), while the run polls."""
    while run.polling:
        began = time.monotonic()
        try:
            run.poll_seconds.append(await client.poll())
            if after_each is not None:
                await after_each()
        except (LookupError, TimeoutError):
            run.errors += 1
        interval = min(client.auto_reruns.values(), default=1.0)
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - began)))


async def teacher_signs_in(url: str) -> StudentClient:
    username, _, password = TEACHER
    client = StudentClient(url)
    await client.connect()
    await client.open("kuis-langsung-guru")
    client.fill("Nama pengguna", username)
    client.fill("Kata sandi", password)
    await client.click("Masuk")
    if not shows(client, "Mulai kuis"):
        await client.open("kuis-langsung-guru")
    if not shows(client, "Mulai kuis"):
        raise RuntimeError("the teacher's page does not show the lobby after signing in")
    return client


async def phone_joins(url: str, code: str, n: int) -> StudentClient:
    client = StudentClient(url)
    await client.connect()
    await client.open("kuis-langsung", f"kuis={code}")
    client.fill("Nama panggilan", f"Siswa {n + 1:02d}")
    await client.click("Gabung")
    if "kursi=" not in client.query:
        raise RuntimeError(f"phone {n + 1} did not get a seat")
    return client


async def play(client: StudentClient, run: Run, rng: random.Random) -> None:
    """A phone: poll every second; when a new question shows, tap a choice at its moment."""
    answered: set[frozenset] = set()

    async def maybe_answer() -> None:
        choices = [w for w in client.widgets.values() if w.kind == "button" and CHOICE.match(w.label)]
        question = frozenset(w.id for w in choices)
        if not choices or question in answered:
            return
        answered.add(question)
        number, opened = run.question, run.opened_at
        run.phone_seen.append(time.monotonic() - opened)
        await asyncio.sleep(max(0.0, opened + rng.uniform(*ANSWER_DELAY) - time.monotonic()))
        seconds = await client.click(rng.choice(choices).label)
        run.ack_seconds.append(seconds)
        run.ack_by_question.setdefault(number, []).append(seconds)
        run.answers_sent += 1

    await _every_second(client, run, maybe_answer)


async def teach(client: StudentClient, run: Run) -> None:
    """The teacher: start, and after each question's reveal and leaderboard go on, reading the count meanwhile."""

    def look() -> None:
        count = answered_count(client.texts)
        if count is not None and run.question:
            run.teacher_seen.append((run.question, time.time(), count))  # the server's clock

    async def open_next(label: str) -> None:
        await client.click(label)
        run.question += 1
        run.opened_at = time.monotonic()
        look()

    await open_next("Mulai kuis")
    while True:
        deadline = time.monotonic() + QUESTION_TIMEOUT
        while not shows(client, "Lanjut") and time.monotonic() < deadline:  # the question is open
            began = time.monotonic()
            await client.poll()
            look()
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - began)))
        await asyncio.sleep(READ_SECONDS)
        await client.click("Lanjut")  # the reveal -> the leaderboard
        await asyncio.sleep(READ_SECONDS)
        if run.question == QUESTIONS:
            await client.click("Lihat podium")
            return
        await open_next("Lanjut")


async def live_class(url: str, data_dir: Path, pid: int | None, seed: int = 13, poll_seconds: float = 20,
                     idle_seconds: float = 10) -> dict:
    """One live quiz of 40 phones; ``pid`` (one server process) adds the polling CPU measurement."""
    code, session_id = make_session(data_dir)
    run = Run()
    teacher = await teacher_signs_in(url)
    result: dict = {"phones": PHONES, "questions": QUESTIONS}
    phones: list[StudentClient] = []
    try:
        if pid is not None:  # the teacher's projector alone, polling
            idle = asyncio.create_task(_every_second(teacher, run))
            before, wall = cpu_seconds(pid), time.monotonic()
            await asyncio.sleep(idle_seconds)
            idle_pct = 100 * (cpu_seconds(pid) - before) / (time.monotonic() - wall)
            run.polling = False
            await idle
        join_times = []
        for n in range(PHONES):  # a class arrives over a few seconds
            began = time.perf_counter()
            phones.append(await phone_joins(url, code, n))
            join_times.append(time.perf_counter() - began)
        result["join_p95_ms"] = ms(percentile(join_times, 95))
        rngs = [random.Random(seed * 1000 + n) for n in range(PHONES)]
        run.polling = True
        if pid is not None:  # everyone seated, waiting in the lobby: only polls
            waiting = [asyncio.create_task(_every_second(c, run)) for c in (teacher, *phones)]
            await asyncio.sleep(3)
            polls = len(run.poll_seconds)
            before, own, wall = cpu_seconds(pid), own_cpu_seconds(), time.monotonic()
            await asyncio.sleep(poll_seconds)
            elapsed = time.monotonic() - wall
            busy = 100 * (cpu_seconds(pid) - before) / elapsed
            polled = len(run.poll_seconds) - polls
            result.update({"idle_cpu_pct": round(idle_pct, 1), "polling_cpu_pct": round(busy, 1),
                           "polls_per_s": round(polled / elapsed, 1),
                           "cpu_ms_per_poll": round(10 * (busy - idle_pct) / (polled / elapsed), 2) if polled else None,
                           "cpu_pct_per_phone": round((busy - idle_pct) / PHONES, 2),
                           "loadgen_cpu_pct": round(100 * (own_cpu_seconds() - own) / elapsed, 1)})
            run.polling = False
            await asyncio.gather(*waiting)
            run.polling = True
        run.poll_seconds.clear()
        clients = (teacher, *phones)
        runs_before = sum(c.full_runs for c in clients)
        before, wall = (cpu_seconds(pid) if pid else 0.0), time.monotonic()
        players = [asyncio.create_task(play(c, run, rngs[n])) for n, c in enumerate(phones)]
        await teach(teacher, run)
        await asyncio.sleep(2)
        run.polling = False
        await asyncio.gather(*players)
        full_runs = sum(c.full_runs for c in clients) - runs_before
        result["game_s"], result["game_full_runs"] = round(time.monotonic() - wall), full_runs
        result["game_polls"] = len(run.poll_seconds)
        if pid is not None:
            spent = cpu_seconds(pid) - before
            result["game_cpu_pct"] = round(100 * spent / (time.monotonic() - wall), 1)
            if result.get("cpu_ms_per_poll") is not None and full_runs:  # what is left after the polls
                rest = 1000 * spent - result["cpu_ms_per_poll"] * len(run.poll_seconds)
                result["cpu_ms_per_full_run"] = round(rest / full_runs, 1)
    finally:
        for client in (teacher, *phones):
            run.errors += client.errors
            await client.close()
    stored = stored_answers(data_dir, session_id)
    rows = [(seat, question) for seat, question, _, _ in stored]
    seen = teacher_seen_delays([(number, at) for _, _, number, at in stored], run.teacher_seen)
    result.update({
        "answers_expected": PHONES * QUESTIONS, "answers_sent": run.answers_sent, "answers_accepted": len(rows),
        "answers_duplicated": duplicates(rows), "answers_lost": PHONES * QUESTIONS - len(set(rows)),
        "ack_p50_ms": ms(percentile(run.ack_seconds, 50)), "ack_p95_ms": ms(percentile(run.ack_seconds, 95)),
        "ack_max_ms": ms(max(run.ack_seconds, default=None)),
        "ack_max_ms_by_question": [ms(max(v)) for _, v in sorted(run.ack_by_question.items())],
        "phone_seen_p95_s": _s(percentile(run.phone_seen, 95)),
        "teacher_seen_p50_s": _s(percentile(seen, 50)), "teacher_seen_p95_s": _s(percentile(seen, 95)),
        "teacher_seen_max_s": _s(max(seen, default=None)), "teacher_not_seen": len(stored) - len(seen),
        "poll_p95_ms": ms(percentile(run.poll_seconds, 95)), "errors": run.errors})
    return result


def _s(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# -- the report (Indonesian) ---------------------------------------------------------------------------------------

TARGETS = {
    "live40_answers_lost": ("0", lambda v: v == 0),
    "live40_answers_duplicated": ("0", lambda v: v == 0),
    "live40_ack_p95_ms": ("≤ 1000 ms", lambda v: v is not None and v <= 1000),
    "live40_teacher_seen_p95_s": ("≤ 2 s", lambda v: v is not None and v <= 2),
    "live40_cpu_pct_per_phone": ("< 1 % satu inti", lambda v: v is not None and v < 1),
    "live40_cluster2_ack_p95_ms": ("≤ 1000 ms", lambda v: v is not None and v <= 1000),
}
CONTEXT = {
    "live40_answers_expected": "jawaban yang seharusnya masuk (40 × 10)",
    "live40_answers_accepted": "jawaban tersimpan di `live_answers`",
    "live40_phone_seen_p95_s": "soal dibuka guru → tampil di ponsel, p95",
    "live40_cpu_ms_per_poll": "CPU server per polling satu ponsel (ms)",
    "live40_cpu_ms_per_full_run": "CPU server per jalannya seluruh halaman: jawaban, soal baru (ms)",
    "live40_game_cpu_pct": "CPU server selama kuis (% satu inti)",
    "live40_teacher_seen_max_s": "hitungan di layar guru, paling lama",
    "live40_teacher_not_seen": "jawaban yang tidak pernah terlihat di hitungan guru",
    "live40_cluster2_answers_accepted": "2 proses: jawaban tersimpan",
    "live40_cluster2_teacher_seen_p95_s": "2 proses: hitungan di layar guru, p95",
}


def live_keys(single: dict, cluster: dict | None) -> dict:
    """The flat ``live40_*`` keys of a run on one process and (optionally) of one on two behind nginx."""
    keys = {f"live40_{k}": v for k, v in single.items() if not isinstance(v, dict)}
    if cluster is not None:
        keys.update({f"live40_cluster2_{k}": v for k, v in cluster.items() if not isinstance(v, dict)})
    return keys


def live_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Mesin: {m['cores']} inti, Python {m['python']}, Streamlit {m['streamlit']} ({m['date']}, mode live, "
             f"beban sebelum/sesudah {m.get('load_before')}/{m.get('load_after')})", "",
             "Kuis Langsung `live40`: satu guru di proyektor dan 40 ponsel tersimulasi lewat protokol Streamlit, "
             "10 soal; tiap ponsel menjawab 0,3–3 detik setelah soal dibuka. Guru masuk dengan formulir sandi dan "
             "menjalankan kuis dengan tombolnya sendiri; hitungan “N/M sudah menjawab” dibaca dari polling "
             "halaman guru (websocket sungguhan di halaman Kuis Langsung (Guru)), diukur sejak server menerima "
             "jawaban. CPU per ponsel: CPU server saat 40 ponsel hanya polling di ruang tunggu, dikurangi CPU "
             "saat hanya halaman guru yang polling, dibagi 40.", "",
             *target_rows(results, TARGETS, CONTEXT, lambda ok, value: ok(value))]
    return "\n".join(lines + _notes(results)) + "\n"


def _notes(r: dict) -> list[str]:
    """Where the server's time goes, in numbers (the cause to look at when a target is missed)."""
    get = r.get
    if get("live40_cpu_ms_per_poll") is None or get("live40_cpu_ms_per_full_run") is None:
        return []
    return ["", f"Ke mana CPU server pergi: satu polling yang tidak menemukan perubahan memakan "
            f"{get('live40_cpu_ms_per_poll')} ms; 40 ponsel dan layar guru mengirim {get('live40_polls_per_s')} "
            f"polling per detik, jadi {get('live40_polling_cpu_pct')} % satu inti (tanpa ponsel "
            f"{get('live40_idle_cpu_pct')} %). Satu jalannya seluruh halaman (jawaban terkirim, atau soal baru "
            f"tampil) memakan {get('live40_cpu_ms_per_full_run')} ms; selama kuis ada "
            f"{get('live40_game_full_runs')} kali dalam {get('live40_game_s')} detik "
            f"({get('live40_game_cpu_pct')} % satu inti). Saat soal dibuka, "
            f"40 ponsel melihat versi baru dalam detik yang sama (p95 {get('live40_phone_seen_p95_s')} s sejak "
            f"guru membuka soal) dan menjalankan seluruh halaman bersamaan (sekitar 40 × "
            f"{get('live40_cpu_ms_per_full_run')} ms CPU), tepat saat jawaban pertama datang: itulah ekor tanda "
            f"terima (p50 {get('live40_ack_p50_ms')} ms, p95 {get('live40_ack_p95_ms')} ms, paling lama "
            f"{get('live40_ack_max_ms')} ms). Dengan 2 proses di belakang nginx beban itu terbagi: p95 "
            f"{get('live40_cluster2_ack_p95_ms')} ms."]

