"""The report of `bench/run.py` (Markdown for docs/kinerja.md, Indonesian): targets, context rows, actions
and capacity steps."""

from __future__ import annotations

from bench import slow
from bench.measure import (
    cell,
    target_rows,
)

TARGETS = {
    "class40_p95_ms": ("≤ 250 ms", lambda r, v: v is not None and v <= 250),
    "burst40_p95_ms": ("≤ 1000 ms, tanpa galat",
                       lambda r, v: v is not None and v <= 1000 and not r.get("burst40", {}).get("errors")),
    "capacity_students_p95_1s": ("≥ 200 dan ≥ 50 % pembanding", lambda r, v: v is not None and v >= 200
                                 and (r.get("capacity_of_floor_pct") or 0) >= 50),
    "first_diagram_s": ("≤ 2 s", lambda r, v: v is not None and v <= 2),
    "lesson_js_mb": ("≤ 2 MB", lambda r, v: v is not None and v <= 2),
    "mem_per_session_mb": ("≤ 3 MB", lambda r, v: v is not None and v <= 3),
    "cold_start_s": ("≤ 3 s", lambda r, v: v is not None and v <= 3),
}


CONTEXT = {
    "class40_floor_p95_ms": "kelas 40, pembanding",
    "class40_arrival_p95_ms": "kelas 40, halaman pertama saat masuk",
    "capacity_fresh_students_p95_1s": "kapasitas, server baru tiap langkah",
    "capacity_floor_students_p95_1s": "kapasitas pembanding, median 3 kali, server baru tiap langkah",
    "capacity_of_floor_pct": "kapasitas aplikasi (server baru) / pembanding (%)",
    "server_cpu_peak_pct": "CPU server pada detik tersibuk di titik jenuh (% satu inti)",
    "server_cpu_above_90_pct": "detik dengan CPU server > 90 % di titik jenuh (%)",
    "loadgen_cpu_pct": "CPU generator beban, maks. (% satu inti)",
    "bank_load_ms": "memuat materi + bank soal + diagram",
    **slow.CONTEXT,
}


ACTION_NAMES = {
    "open_beranda": "buka Beranda", "open_materi": "buka bagian Materi", "open_diagram": "buka Diagram Proses",
    "open_glosarium": "buka Glosarium", "open_latihan": "buka Latihan", "open_ujian": "buka Ujian",
    "open_kartu": "buka Kartu Istilah", "open_kemajuan": "buka Kemajuan", "open_presentasi": "buka Presentasi",
    "diagram_step": "tahap berikutnya di diagram", "practice_choose": "memilih jawaban latihan",
    "practice_check": "Periksa (latihan)", "exam_start": "Mulai ujian", "exam_answer": "menjawab soal ujian",
}


def table_markdown(results: dict) -> str:
    m = results["machine"]
    load = f", beban sebelum/sesudah {m['load_before']}/{m.get('load_after')}" if "load_before" in m else ""
    lines = [f"Mesin: {m['cores']} inti, Python {m['python']}, Streamlit {m['streamlit']} ({m['date']}, "
             f"mode {results['mode']}{load})", "",
             *target_rows(results, TARGETS, CONTEXT, lambda ok, value: ok(results, value))]
    lines.append(f"| klik di Chromium / di generator (ms) | {cell(results.get('browser_click_ms'))} / "
                 f"{cell(results.get('loadgen_click_ms'))} | | |")
    cpu, floor_cpu = results.get("cpu_ms_per_action") or {}, results.get("cpu_ms_per_action_floor") or {}
    stock = results.get("floor_stock") or {}
    if cpu:
        lines += ["", "CPU server per tindakan (ms, satu siswa; `cpu_ms_per_action`):", "",
                  "| Tindakan | Aplikasi | Pembanding |", "| --- | --- | --- |"]
        lines += [f"| {ACTION_NAMES.get(kind, kind)} | {value} | |" for kind, value in cpu.items()]
        lines.append(f"| pembanding: satu `st.markdown` | | {cell(floor_cpu.get('open'))} |")
        if stock:
            lines.append(f"| pembanding dengan Streamlit bawaan (GC paksa) | | "
                         f"{cell((stock.get('cpu_ms_per_action') or {}).get('open'))} |")
    slowest = (results.get("class40") or {}).get("slowest_actions_p95_ms") or {}
    if slowest:
        lines += ["", "Tindakan paling lambat di kelas 40 (p95 ms): "
                  + ", ".join(f"{kind} {value}" for kind, value in slowest.items())]
    burst = results.get("burst40") or {}
    if burst.get("steps"):
        lines += ["", "Serentak 40 siswa dalam 2 detik (p95 ms): " + ", ".join(
            f"{step} {s['p95_ms']}" for step, s in burst["steps"].items()) + f"; galat {burst.get('errors')}"]
    steps = results.get("capacity_steps") or []
    fresh_steps = results.get("capacity_fresh_steps") or []
    floor_steps = results.get("capacity_floor_steps") or []
    if steps or floor_steps:
        lines += ["", "Langkah kapasitas (siswa: p95 ms, CPU server rata-rata / detik tersibuk %): aplikasi "
                  + _steps(steps) + "; aplikasi, server baru tiap langkah " + _steps(fresh_steps)
                  + "; pembanding " + _steps(floor_steps)]
    return "\n".join(lines) + "\n"


def _steps(steps: list[dict]) -> str:
    return ", ".join(f"{s['students']}: {s['p95_ms']} ({s.get('server_cpu_pct', '–')} / "
                     f"{s.get('server_cpu_peak_pct', '–')} %)" for s in steps) or "–"
