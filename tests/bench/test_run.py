"""The benchmark's arithmetic and report: percentiles, the capacity search, and a table with every required key."""

from bench.run import CONTEXT, TARGETS, percentile, search_capacity, table_markdown

REQUIRED = ("class40_p95_ms", "class40_floor_p95_ms", "burst40_p95_ms", "capacity_students_p95_1s",
            "capacity_floor_students_p95_1s", "first_diagram_s", "lesson_js_mb", "loadgen_cpu_pct")


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
