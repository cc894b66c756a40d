"""The live benchmark's keys and its report (Indonesian): the flat ``live*`` keys of every run, the table of
targets (issue #22), and for every missed target a sentence with its cause in numbers.

Runs and their key prefixes: ``live40`` (40 phones, one process), ``live40_cluster2`` (40 phones, two
processes behind nginx, SQLite), ``live40_projector`` (40 phones, one process, the teacher's live page open in
Chromium on the same machine), ``live200_cluster2`` (200 phones, two processes behind nginx, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable

POINTS_PER_SECOND = 25  # speed bonus: 500 points over a single-choice question's 20 s (lessonkit/live/scoring.py)
LOADGEN_BUSY_PCT = 50  # above this share of a core the load generator itself may be what is slow
RUNS = ("live40", "live40_cluster2", "live40_projector", "live200_cluster2")

TARGETS = {
    "live40_answers_lost": ("0", lambda v: v == 0),
    "live40_answers_duplicated": ("0", lambda v: v == 0),
    "live40_phone_seen_p95_s": ("≤ 0,5 s", lambda v: v is not None and v <= 0.5),
    "live40_ack_p95_ms": ("≤ 300 ms", lambda v: v is not None and v <= 300),
    "live40_points_spread": ("≤ 20 poin", lambda v: v is not None and v <= 20),
    "live40_cpu_pct_per_phone": ("< 1 % satu inti", lambda v: v is not None and v < 1),
    "live40_teacher_seen_p95_s": ("≤ 2 s", lambda v: v is not None and v <= 2),
    "live40_cluster2_ack_p95_ms": ("≤ 1000 ms", lambda v: v is not None and v <= 1000),
    "live40_projector_phone_seen_p95_s": ("≤ 1 s", lambda v: v is not None and v <= 1),
    "live40_projector_ack_p95_ms": ("≤ 500 ms", lambda v: v is not None and v <= 500),
    "live200_cluster2_answers_lost": ("0", lambda v: v == 0),
    "live200_cluster2_answers_duplicated": ("0", lambda v: v == 0),
    "live200_cluster2_ack_p95_ms": ("≤ 1000 ms", lambda v: v is not None and v <= 1000),
    "live200_cluster2_phone_seen_p95_s": ("≤ 1 s", lambda v: v is not None and v <= 1),
}
CONTEXT = {
    "live40_answers_expected": "jawaban yang seharusnya masuk (40 × 10)",
    "live40_answers_accepted": "jawaban tersimpan di `live_answers`",
    "live40_phone_seen_p50_s": "soal dibuka di server → tampil di ponsel, p50",
    "live40_points_spread_groups": "kelompok (soal, waktu reaksi) dengan ≥ 2 jawaban benar",
    "live40_cpu_ms_per_poll": "CPU server per polling satu ponsel (ms)",
    "live40_game_cpu_pct": "CPU server selama kuis (% satu inti)",
    "live40_game_loadgen_cpu_pct": "CPU generator beban selama kuis (% satu inti)",
    "live40_game_machine_load": "beban mesin di akhir kuis (rata-rata 1 menit, semua proses)",
    "live40_teacher_seen_max_s": "hitungan di layar guru, paling lama",
    "live40_teacher_not_seen": "jawaban yang tidak pernah terlihat di hitungan guru",
    "live40_unanswered_polls": "polling yang tidak pernah dijawab server (ponsel memuat ulang setelah 20 s)",
    "live40_cluster2_answers_accepted": "2 proses: jawaban tersimpan",
    "live40_cluster2_teacher_seen_p95_s": "2 proses: hitungan di layar guru, p95",
    "live40_projector_points_spread": "dengan proyektor: selisih poin untuk waktu reaksi sama",
    "live40_projector_game_cpu_pct": "dengan proyektor: CPU server selama kuis (% satu inti)",
    "live40_projector_chromium_cpu_pct": "dengan proyektor: CPU Chromium selama kuis (% satu inti)",
    "live40_projector_game_loadgen_cpu_pct": "dengan proyektor: CPU generator beban selama kuis (% satu inti)",
    "live40_projector_game_machine_load": "dengan proyektor: beban mesin di akhir kuis",
    "live200_cluster2_answers_expected": "200 ponsel: jawaban yang seharusnya masuk (200 × 10)",
    "live200_cluster2_answers_accepted": "200 ponsel: jawaban tersimpan",
    "live200_cluster2_points_spread": "200 ponsel: selisih poin untuk waktu reaksi sama",
    "live200_cluster2_game_cpu_pct": "200 ponsel: CPU kedua proses selama kuis (% satu inti)",
    "live200_cluster2_game_loadgen_cpu_pct": "200 ponsel: CPU generator beban selama kuis (% satu inti)",
    "live200_cluster2_join_p95_ms": "200 ponsel: bergabung, p95 (ms)",
    "live200_cluster2_unanswered_polls": "200 ponsel: polling yang tidak pernah dijawab server",
    "live200_cluster2_game_machine_load": "200 ponsel: beban mesin di akhir kuis",
}


def live_keys(runs: dict[str, dict | None]) -> dict:
    """The flat keys of every run that happened: ``{prefix}_{key}`` (nested values stay in the run's own entry)."""
    return {f"{prefix}_{k}": v for prefix, run in runs.items() if run is not None
            for k, v in run.items() if not isinstance(v, dict)}


def live_markdown(results: dict) -> str:
    from bench.measure import target_rows

    m = results["machine"]
    lines = [f"Mesin: {m['cores']} inti, Python {m['python']}, Streamlit {m['streamlit']} ({m['date']}, mode live, "
             f"beban sebelum/sesudah {m.get('load_before')}/{m.get('load_after')})", "",
             "Kuis Langsung: satu guru dan 40 ponsel tersimulasi lewat protokol Streamlit, 10 soal pilihan ganda. "
             "Guru masuk dengan formulir sandi dan menjalankan kuis dengan tombolnya sendiri; tiap ponsel "
             "mengetuk jawaban pada waktu reaksinya sendiri (0,5–2,75 detik) setelah soal tampil di layarnya, "
             "80 % benar. “Tampil di ponsel” dihitung sejak server membuka soal (`opened_at` di basis data). "
             f"Ponsel mengetahui soal baru lewat: {results.get('live_learn', '–')}. Hitungan “N/M sudah "
             "menjawab” dibaca dari halaman guru, diukur sejak server menerima jawaban. CPU per ponsel: CPU "
             "server saat 40 ponsel hanya polling di ruang tunggu, dikurangi CPU saat hanya halaman guru yang "
             "polling, dibagi 40. Selisih poin: poin terbesar dikurangi terkecil di antara jawaban benar untuk "
             "soal yang sama dengan waktu reaksi yang sama. Proyektor: halaman guru terbuka di Chromium "
             "(1920×1080) di mesin yang sama. 200 ponsel: 2 proses di belakang nginx dengan PostgreSQL.", "",
             *target_rows(results, TARGETS, CONTEXT, lambda ok, value: ok(value))]
    return "\n".join(lines + loadgen_note(results) + where_cpu_goes(results) + misses(results)) + "\n"


def loadgen_note(r: dict) -> list[str]:
    """The load generator's (and Chromium's) CPU in every run, and whether it may have been the bottleneck."""
    used = {p: r[f"{p}_game_loadgen_cpu_pct"] for p in RUNS if r.get(f"{p}_game_loadgen_cpu_pct") is not None}
    if not used:
        return []
    busiest = max(used.values())
    verdict = (f"di bawah {LOADGEN_BUSY_PCT} %, jadi generator bukan penghambat" if busiest < LOADGEN_BUSY_PCT
               else f"di atas {LOADGEN_BUSY_PCT} %: generator ikut berebut dua inti dengan server, jadi hasil itu "
                    "sebagian karena generator")
    chromium = r.get("live40_projector_chromium_cpu_pct")
    extra = f"; Chromium proyektor {chromium} % satu inti" if chromium is not None else ""
    parts = ", ".join(f"{p} {v} %" for p, v in used.items())
    return ["", f"CPU generator beban selama kuis (% satu inti): {parts}{extra}; paling tinggi {busiest} %, "
                f"{verdict}."]


def where_cpu_goes(r: dict) -> list[str]:
    """Where the server's time goes, in numbers (the cause to look at when a target is missed)."""
    get = r.get
    if get("live40_cpu_ms_per_poll") is None or get("live40_cpu_ms_per_full_run") is None or _pushed(r):
        return []  # with the push most reruns are the question's fragment, not polls or whole pages
    return ["", f"Ke mana CPU server pergi: satu polling yang tidak menemukan perubahan memakan "
            f"{get('live40_cpu_ms_per_poll')} ms; 40 ponsel dan layar guru mengirim {get('live40_polls_per_s')} "
            f"polling per detik, jadi {get('live40_polling_cpu_pct')} % satu inti (tanpa ponsel "
            f"{get('live40_idle_cpu_pct')} %). Satu jalannya seluruh halaman (jawaban terkirim, atau soal baru "
            f"tampil) memakan {get('live40_cpu_ms_per_full_run')} ms; selama kuis ada "
            f"{get('live40_game_full_runs')} kali dalam {get('live40_game_s')} detik "
            f"({get('live40_game_cpu_pct')} % satu inti)."]


def _pushed(r: dict) -> bool:
    """Whether the phones of this run learned of a new question by the push (`bench.live.Pushed`)."""
    return r.get("live_learn", "").startswith("push")


def _machine(r: dict, prefix: str) -> str:
    """The machine's share of a miss: a server far from one core while the load is above the cores waits for
    a core, not for its own work."""
    load, cpu = r.get(f"{prefix}_game_machine_load"), r.get(f"{prefix}_game_cpu_pct")
    cores = r.get("machine", {}).get("cores") or 1
    if load is None or load <= cores:
        return ""
    return (f" Beban mesin {load} pada {cores} inti (semua proses di mesin ini: server, basis data, nginx, generator "
            f"beban, dan pekerjaan lain bila ada): server hanya mendapat "
            f"{cpu} % satu inti, jadi sebagian besar waktu tunggu adalah menunggu giliran CPU.")


def _unanswered(r: dict, prefix: str) -> str:
    """Polls the server never answered: each cost its phone 20 s and a reload (bench/live.py `poll_or_reload`)."""
    lost = r.get(f"{prefix}_unanswered_polls")
    if not lost:
        return ""
    return (f" {lost} polling tidak pernah dijawab server (fragmen yang ditanyakan sudah tidak ada di sesi itu; "
            "Streamlit diam saja), jadi ponsel itu baru melihat soal setelah 20 detik dan memuat ulang halaman.")


def _seen_cause(r: dict, prefix: str) -> str:
    how = ("ponsel masih mengetahui soal baru dengan polling: fragmen `run_every` tiap detik menunggu rata-rata "
           "setengah detik dan paling lama satu detik, lalu soal baru menjalankan seluruh halaman"
           if not _pushed(r) else "ponsel diberi tahu lewat aliran dari server, lalu menjalankan ulang fragmen soal")
    return (f"{how}. Terukur sejak server membuka soal: p50 {r.get(f'{prefix}_phone_seen_p50_s')} s, paling lama "
            f"{r.get(f'{prefix}_phone_seen_max_s')} s; polling p95 {r.get(f'{prefix}_poll_p95_ms')} ms, CPU server "
            f"selama kuis {r.get(f'{prefix}_game_cpu_pct')} % satu inti." + _unanswered(r, prefix)
            + _machine(r, prefix))


def _ack_cause(r: dict, prefix: str) -> str:
    redraw = "menjalankan ulang layar soalnya" if _pushed(r) else "menjalankan seluruh halaman"
    return (f"jawaban menunggu di antrean server: selama kuis {r.get(f'{prefix}_game_full_runs')} jalannya seluruh "
            f"halaman dalam {r.get(f'{prefix}_game_s')} detik, CPU server {r.get(f'{prefix}_game_cpu_pct')} % satu "
            f"inti; saat soal dibuka semua ponsel {redraw} bersamaan, tepat saat jawaban "
            f"pertama datang (p50 {r.get(f'{prefix}_ack_p50_ms')} ms, paling lama {r.get(f'{prefix}_ack_max_ms')} "
            f"ms; paling lama per soal {r.get(f'{prefix}_ack_max_ms_by_question')})." + _machine(r, prefix))


def _spread_cause(r: dict, prefix: str) -> str:
    low, high = r.get(f"{prefix}_phone_seen_min_s"), r.get(f"{prefix}_phone_seen_max_s")
    if low is None or high is None:
        return "waktu tampil di ponsel tidak terukur."
    explained = round((high - low) * POINTS_PER_SECOND)
    return (f"soal tampil di ponsel antara {low} dan {high} s setelah dibuka di server; bila poin dihitung sejak "
            f"soal dibuka, selisih itu bernilai sekitar {explained} poin ({POINTS_PER_SECOND} poin per detik), "
            f"terukur {r.get(f'{prefix}_points_spread')}. Sisanya antrean jawaban (tanda terima paling lama "
            f"{r.get(f'{prefix}_ack_max_ms')} ms).")


def _lost_cause(r: dict, prefix: str) -> str:
    return (f"{r.get(f'{prefix}_answers_sent')} jawaban terkirim, {r.get(f'{prefix}_answers_accepted')} tersimpan, "
            f"galat {r.get(f'{prefix}_errors')}.")


CAUSES: dict[str, Callable[[dict, str], str]] = {
    "phone_seen_p95_s": _seen_cause, "ack_p95_ms": _ack_cause, "points_spread": _spread_cause,
    "answers_lost": _lost_cause, "answers_duplicated": _lost_cause,
    "cpu_pct_per_phone": lambda r, p: f"satu polling memakan {r.get(f'{p}_cpu_ms_per_poll')} ms CPU server.",
    "teacher_seen_p95_s": lambda r, p: f"layar guru juga polling; polling p95 {r.get(f'{p}_poll_p95_ms')} ms.",
}


def _split(key: str) -> tuple[str, str]:
    """``live40_projector_ack_p95_ms`` -> (``live40_projector``, ``ack_p95_ms``)."""
    for prefix in sorted(RUNS, key=len, reverse=True):
        if key.startswith(prefix + "_"):
            return prefix, key[len(prefix) + 1:]
    return "", key


def misses(results: dict) -> list[str]:
    """One line per missed target: the number against the target, and the cause in numbers."""
    lines = []
    for key, (target, ok) in TARGETS.items():
        value = results.get(key)
        if ok(value):
            continue
        prefix, name = _split(key)
        if value is None and results.get(f"{prefix}_failed"):
            cause = f"run ini berhenti dengan galat: {results[f'{prefix}_failed']}"
        elif value is None:
            cause = "tidak terukur pada run ini (lihat keluaran `python bench/run.py --live`)."
        else:
            cause = CAUSES.get(name, lambda r, p: "penyebabnya belum diukur.")(results, prefix)
        lines.append(f"- `{key}` = {value} (target {target}): {cause}")
    return ["", "Target yang belum tercapai dan penyebabnya:", "", *lines] if lines else []
