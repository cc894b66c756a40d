"""Server CPU of Kuis Langsung's reruns: per phone for a question shown, per answer, per poll (issue #22, part 2).

    python bench/live_rerun_cpu.py [--phones 10] [--rounds 3]

One ``streamlit run app.py`` of this checkout (its own SQLite file), one teacher and ``--phones`` phones
(``bench/loadgen.py``). For each round the teacher opens a question, then the phones learn it one after the
other, as their browsers would: with the push (``ui/live/poll.py``), the ``lessonkit_live_push`` component's
"moved" event, which reruns the screen's fragment; on a checkout without it, the 1 s poll, which reruns the
page. Then each phone taps a choice. The server's CPU (``/proc``) over each step is divided by the phones;
steps run one phone at a time, so the numbers are CPU, not queueing. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.live import CHOICE, make_session, shows, teacher_signs_in  # noqa: E402
from bench.loadgen import StudentClient  # noqa: E402
from bench.measure import cpu_seconds  # noqa: E402
from tools.harness import Server  # noqa: E402

PUSH = "lessonkit_live_push"
SNAPSHOT_SECONDS = 1.2


def pushes(client: StudentClient) -> bool:
    return any(w.kind == "bidi_component" and w.label == PUSH for w in client.widgets.values())


async def learn(client: StudentClient) -> None:
    """What the phone's browser does when the teacher opens a question."""
    if pushes(client):
        await client.component_event(PUSH, "moved", 1_000_000)
    else:
        await client.poll()


async def measure(pid: int, clients: list[StudentClient], step) -> float:
    """Server CPU milliseconds per phone for ``step(client)`` run phone after phone."""
    before = cpu_seconds(pid)
    for client in clients:
        await step(client)
    return 1000 * (cpu_seconds(pid) - before) / len(clients)


async def tap(client: StudentClient) -> None:
    choices = sorted(w.label for w in client.widgets.values() if w.kind == "button" and CHOICE.match(w.label))
    if not choices:
        raise RuntimeError("the phone does not show the question")
    await client.click(choices[0])


async def main(phones: int, rounds: int) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix="live-rerun-cpu-"))
    code, _ = make_session(data_dir)
    server = Server(data_dir).start()
    try:
        pid = server.process.pid
        teacher = await teacher_signs_in(server.url)
        clients = []
        for n in range(phones):
            client = StudentClient(server.url)
            await client.connect()
            await client.open("kuis-langsung", f"kuis={code}")
            client.fill("Nama panggilan", f"Siswa {n + 1:02d}")
            await client.click("Gabung")
            clients.append(client)
        shown, answered, polls = [], [], []
        polls.append(await measure(pid, clients, lambda c: c.poll()))
        for round_ in range(rounds):
            await teacher.click("Mulai kuis" if round_ == 0 else "Lanjut")
            await asyncio.sleep(SNAPSHOT_SECONDS)  # a poll sees the move only once the shared snapshot expired
            shown.append(await measure(pid, clients, learn))
            answered.append(await measure(pid, clients, tap))
            while not shows(teacher, "Lanjut"):  # the last answer closed the question
                await asyncio.sleep(SNAPSHOT_SECONDS)
                await learn(teacher)
            await teacher.click("Lanjut")  # the reveal -> the leaderboard
            for client in clients:
                await learn(client)
        return {"push": pushes(clients[0]), "phones": phones, "rounds": rounds,
                "cpu_ms_per_phone_question_shown": round(statistics.median(shown), 2),
                "cpu_ms_per_answer": round(statistics.median(answered), 2),
                "cpu_ms_per_idle_poll": round(polls[0], 2),
                "idle_polls_per_phone_per_s": 1 / min(clients[0].auto_reruns.values(), default=1.0),
                "full_page_runs": sum(c.full_runs for c in clients)}
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.phones, args.rounds)), indent=1))
