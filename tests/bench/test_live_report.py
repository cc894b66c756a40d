"""The live benchmark's report: every run's keys, every target with its verdict, the load generator's share,
and each missed target with its cause in numbers."""

from bench.live_report import CONTEXT, TARGETS, live_keys, live_markdown, misses

REQUIRED = ("live40_answers_expected", "live40_answers_accepted", "live40_answers_duplicated", "live40_ack_p95_ms",
            "live40_teacher_seen_p95_s", "live40_cpu_pct_per_phone", "live40_cluster2_ack_p95_ms",
            "live40_phone_seen_p95_s", "live40_points_spread", "live40_projector_phone_seen_p95_s",
            "live40_projector_ack_p95_ms", "live200_cluster2_answers_expected", "live200_cluster2_answers_accepted",
            "live200_cluster2_answers_duplicated", "live200_cluster2_ack_p95_ms", "live200_cluster2_phone_seen_p95_s")
MACHINE = {"cores": 2, "python": "3.11", "streamlit": "1.67.0", "date": "x", "load_before": 0.4, "load_after": 0.9}


def _run(**overrides) -> dict:
    return {"answers_expected": 400, "answers_sent": 400, "answers_accepted": 400, "answers_duplicated": 0,
            "answers_lost": 0, "ack_p50_ms": 90.0, "ack_p95_ms": 250.0, "ack_max_ms": 420.0,
            "ack_max_ms_by_question": [420.0], "teacher_seen_p95_s": 1.3, "cpu_pct_per_phone": 0.3,
            "phone_seen_min_s": 0.1, "phone_seen_p50_s": 0.3, "phone_seen_p95_s": 0.45, "phone_seen_max_s": 0.5,
            "points_spread": 12, "game_loadgen_cpu_pct": 9.5, "game_cpu_pct": 40.0, "errors": 0} | overrides


def _results(**overrides) -> dict:
    runs = {"live40": _run(), "live40_cluster2": _run(ack_p95_ms=1200.0),
            "live40_projector": _run(chromium_cpu_pct=35.0), "live200_cluster2": _run(answers_expected=2000)}
    return {"machine": MACHINE, "mode": "live", "live_learn": "polling", **live_keys(runs)} | overrides


def test_every_run_gets_its_own_prefix_and_a_run_that_did_not_happen_adds_nothing():
    keys = live_keys({"live40": {"ack_p95_ms": 1.0, "nested": {"x": 1}}, "live200_cluster2": None})
    assert keys == {"live40_ack_p95_ms": 1.0}


def test_report_lists_every_required_key_with_its_verdict():
    table = live_markdown(_results())
    for key in (*REQUIRED, *TARGETS, *CONTEXT):
        assert f"`{key}`" in table
    assert "| `live40_ack_p95_ms` | 250.0 | ≤ 300 ms | ya |" in table
    assert "| `live40_cluster2_ack_p95_ms` | 1200.0 | ≤ 1000 ms | belum |" in table
    assert "| `live200_cluster2_answers_duplicated` | 0 | 0 | ya |" in table
    assert "beban sebelum/sesudah 0.4/0.9" in table


def test_missing_values_show_as_dashes_and_miss_their_target():
    table = live_markdown(_results(live40_teacher_seen_p95_s=None))
    assert "| `live40_teacher_seen_p95_s` | – | ≤ 2 s | belum |" in table
    assert "- `live40_teacher_seen_p95_s` = None (target ≤ 2 s): tidak terukur" in table


def test_a_run_that_broke_says_why_at_each_of_its_targets():
    results = {k: v for k, v in _results().items() if not k.startswith("live200_cluster2")}
    text = "\n".join(misses(results | {"live200_cluster2_failed": "TimeoutError: timed out during opening handshake"}))
    assert "- `live200_cluster2_ack_p95_ms` = None (target ≤ 1000 ms): run ini berhenti dengan galat: " \
           "TimeoutError" in text


def test_every_missed_target_gets_a_line_with_its_cause_in_numbers():
    lines = misses(_results(live40_points_spread=60, live40_phone_seen_min_s=0.2, live40_phone_seen_max_s=2.6,
                            live40_projector_ack_p95_ms=900.0, live40_projector_game_cpu_pct=88.0))
    text = "\n".join(lines)
    assert "`live40_points_spread` = 60 (target ≤ 20 poin)" in text
    assert "antara 0.2 dan 2.6 s" in text and "sekitar 60 poin" in text, "2.4 s × 25 points a second"
    assert "`live40_projector_ack_p95_ms` = 900.0 (target ≤ 500 ms)" in text and "88.0 % satu inti" in text
    assert "`live40_cluster2_ack_p95_ms` = 1200.0" in text
    assert misses(_results(live40_cluster2_ack_p95_ms=200.0)) == [], "nothing missed, no section"


def test_a_miss_on_a_loaded_machine_says_the_server_waited_for_a_core():
    loaded = "\n".join(misses(_results(live40_ack_p95_ms=900.0, live40_game_machine_load=13.0,
                                        live40_game_cpu_pct=24.0)))
    assert "Beban mesin 13.0 pada 2 inti" in loaded and "24.0 % satu inti" in loaded
    quiet = "\n".join(misses(_results(live40_ack_p95_ms=900.0, live40_game_machine_load=1.5)))
    assert "Beban mesin" not in quiet


def test_the_load_generators_share_is_reported_and_flagged_when_it_may_be_the_bottleneck():
    quiet = live_markdown(_results())
    assert "live200_cluster2 9.5 %" in quiet and "Chromium proyektor 35.0 %" in quiet
    assert "bukan penghambat" in quiet
    busy = live_markdown(_results(live200_cluster2_game_loadgen_cpu_pct=75.0))
    assert "paling tinggi 75.0 %" in busy and "sebagian karena generator" in busy
