"""The benchmark's arithmetic and report: percentiles, CPU second by second, the capacity search, and a table
with every required key."""

import asyncio
import contextlib
import os
import time

import bench.capacity
from bench.capacity import capacity, knee, search_capacity
from bench.classroom import first_think
from bench.measure import CpuSampler, busy_seconds, per_second_pct, percentile
from bench.report import CONTEXT, TARGETS, table_markdown

REQUIRED = ("class40_p95_ms", "class40_floor_p95_ms", "burst40_p95_ms", "capacity_students_p95_1s",
            "capacity_floor_students_p95_1s", "first_diagram_s", "lesson_js_mb", "loadgen_cpu_pct",
            "capacity_fresh_students_p95_1s", "server_cpu_peak_pct", "server_cpu_above_90_pct",
            "slow_first_text_s", "slow_first_diagram_s", "slow_next_stage_s", "slow_next_slide_s",
            "bytes_first_visit_kb", "bytes_next_stage_kb", "bytes_next_slide_kb")


def test_percentile_picks_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 51.0
    assert percentile(values, 95) == 95.0
    assert percentile([], 95) is None


def test_capacity_search_doubles_then_narrows_the_gap_and_is_never_capped_below_the_answer():
    for real in (130, 260, 900, 2500, 5000):
        tried = []

        def ok(students, real=real, tried=tried):
            tried.append(students)
            return students <= real

        found = search_capacity(ok)
        assert real * 0.8 <= found <= real, (real, found, tried)
        assert len(tried) <= 9
    assert search_capacity(lambda n: n <= 900, start=700) >= 720, "a later search may start higher"
    assert 320 <= search_capacity(lambda n: n <= 400, start=700) <= 400, "and still find a smaller answer"
    assert search_capacity(lambda n: False) == 0
    assert search_capacity(lambda n: True, limit=800) == 800


def test_cpu_per_second_is_the_share_of_a_core_between_samples():
    samples = [(0.0, 0.0), (1.0, 0.95), (2.0, 1.0), (2.0, 1.0), (4.0, 2.9)]
    assert per_second_pct(samples) == [95.0, 5.0, 95.0], "a repeated moment is skipped, a long gap averaged"
    assert per_second_pct(samples[:1]) == []


def test_busy_seconds_give_the_peak_and_the_share_above_90_that_an_average_hides():
    saturated_then_idle = [100.0, 98.0, 96.0, 5.0, 4.0, 6.0, 85.0, 92.0]  # averages 61 %
    assert busy_seconds(saturated_then_idle) == {"server_cpu_peak_pct": 100.0, "server_cpu_above_90_pct": 50}
    assert busy_seconds([]) == {"server_cpu_peak_pct": None, "server_cpu_above_90_pct": None}


def test_the_sampler_reads_a_process_cpu_every_interval_until_the_end():
    sampler = CpuSampler(os.getpid(), interval=0.05)
    asyncio.run(sampler.run(time.monotonic() + 0.3))
    assert len(sampler.samples) >= 4
    result = sampler.result()
    assert len(result["server_cpu_per_s"]) == len(sampler.samples) - 1
    assert result["server_cpu_peak_pct"] is not None


def test_a_late_first_page_does_not_line_up_the_first_actions():
    """Students who came in seconds apart but got their first page in the same second (a backlog) still act
    first at their own times, think seconds after they came in."""
    backlog_done = 10.0
    waits = [first_think(arrived, backlog_done, think=8.0) for arrived in (3.0, 4.0, 5.0, 6.0)]
    assert [backlog_done + w for w in waits] == [11.0, 12.0, 13.0, 14.0]
    assert first_think(1.0, backlog_done, think=5.0) == 0.0, "already past: act at once"


def test_capacity_runs_every_step_on_the_server_serve_gives(monkeypatch):
    served: list[str] = []

    @contextlib.contextmanager
    def fresh():
        served.append(f"http://server-{len(served)}")
        yield served[-1], 1234

    async def fake_class(url, count, seconds, floor, seed, pid):
        assert url == served[-1] and pid == 1234
        return {"students": count, "p95_ms": 100.0 if count <= 500 else 3000.0, "errors": 0}

    monkeypatch.setattr(bench.capacity, "run_class", fake_class)
    found, steps = capacity(fresh, 1, floor=False)
    assert 400 <= found <= 500
    assert len(served) == len(steps) >= 4, "a fresh server for every step"


def test_the_knee_is_the_smallest_step_that_failed_else_the_largest():
    steps = [{"students": n, "p95_ms": p, "errors": e} for n, p, e in
             ((100, 50.0, 0), (200, 90.0, 0), (400, 2500.0, 0), (300, 400.0, 2), (250, 300.0, 0))]
    assert knee(steps)["students"] == 300, "errors fail a step too"
    assert knee(steps[:2])["students"] == 200
    assert knee([]) == {}


def _results(**overrides) -> dict:
    results = {"machine": {"cores": 2, "python": "3.11", "streamlit": "1.67.0", "date": "x", "load_before": 0.5,
                           "load_after": 0.7}, "mode": "quick",
               "class40_p95_ms": 120.0, "class40_floor_p95_ms": 20.0, "burst40_p95_ms": 800.0,
               "burst40": {"errors": 0, "steps": {"exam_start": {"p95_ms": 700.0}}},
               "capacity_students_p95_1s": 400, "capacity_floor_students_p95_1s": 1000, "capacity_of_floor_pct": 40,
               "first_diagram_s": 1.2, "lesson_js_mb": 0.9, "loadgen_cpu_pct": 30.0, "mem_per_session_mb": 0.5,
               "cold_start_s": 2.5, "cpu_ms_per_action": {"open_materi": 9.0, "exam_answer": 3.1},
               "cpu_ms_per_action_floor": {"open": 2.5}, "floor_stock": {"cpu_ms_per_action": {"open": 51.0}},
               "capacity_steps": [{"students": 100, "p95_ms": 50.0, "server_cpu_pct": 20.0}],
               "capacity_floor_steps": []}
    return results | overrides


def test_report_lists_every_required_key_with_its_verdict():
    table = table_markdown(_results())
    for key in (*REQUIRED, *TARGETS):
        assert f"`{key}`" in table
    assert "| `class40_p95_ms` | 120.0 | ≤ 250 ms | ya |" in table
    assert "| `capacity_students_p95_1s` | 400 | ≥ 200 dan ≥ 50 % pembanding | belum |" in table, "40 % of floor"
    assert "| `first_diagram_s` | 1.2 | ≤ 2 s | ya |" in table
    assert "| buka bagian Materi | 9.0 | |" in table and "| 51.0 |" in table
    assert "beban sebelum/sesudah 0.5/0.7" in table


def test_a_burst_with_errors_misses_its_target_and_missing_values_show_as_dashes():
    table = table_markdown(_results(burst40={"errors": 3, "steps": {}}, first_diagram_s=None))
    assert "| `burst40_p95_ms` | 800.0 | ≤ 1000 ms, tanpa galat | belum |" in table
    assert "| `first_diagram_s` | – | ≤ 2 s | belum |" in table
    assert set(CONTEXT) <= {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}


def test_a_run_is_its_named_steps_in_order_and_writes_one_result_file(monkeypatch, tmp_path):
    import json

    import bench.measure
    import bench.run

    done = []

    def step(title):
        return lambda run: done.append(title) or run.results.setdefault("seen", []).append(title)

    monkeypatch.setattr(bench.run, "STEPS", tuple((title, step(title)) for title, _ in bench.run.STEPS))
    monkeypatch.setattr(bench.run, "table_markdown", lambda results: "# tabel\n")
    monkeypatch.setattr(bench.run, "write_results",
                        lambda name, results, markdown=None: bench.measure.write_results(name, results, markdown,
                                                                                         tmp_path))
    assert bench.run.main(["--quick"]) == 0
    assert done == [title for title, _ in bench.run.STEPS]
    written = json.loads((tmp_path / "quick.json").read_text(encoding="utf-8"))
    assert written["seen"] == done and written["mode"] == "quick" and "duration_s" in written
    assert (tmp_path / "quick.md").read_text(encoding="utf-8") == "# tabel\n"
