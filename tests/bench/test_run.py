"""The benchmark's arithmetic and report: percentiles, and a table with every required key."""

from bench.run import TARGETS, percentile, table_markdown


def test_percentile_picks_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 51.0
    assert percentile(values, 95) == 95.0
    assert percentile([], 95) is None


def test_report_lists_every_target_with_its_verdict():
    results = {"machine": {"cores": 2, "python": "3.11", "streamlit": "1.67.0", "date": "x"}, "mode": "quick",
               "page_floor_ratio_max": 1.2, "class40_p95_ms": 400.0, "capacity_students_p95_1s": 160,
               "mem_per_session_mb": 0.5, "cold_start_s": None, "page_floor_ratio": {"materi": 1.2}}
    table = table_markdown(results)
    for key in TARGETS:
        assert f"`{key}`" in table
    assert "| `class40_p95_ms` | 400.0 | ≤ 300 ms | belum |" in table
    assert "| `capacity_students_p95_1s` | 160 | ≥ 150 | ya |" in table
