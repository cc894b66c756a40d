"""The live40 benchmark's arithmetic and report: reading the teacher's count, the delay until the teacher sees an
answer, duplicates, the flat keys, and a table with every required key and its verdict."""

from bench.live import TARGETS, answered_count, duplicates, live_keys, live_markdown, teacher_seen_delays

REQUIRED = ("live40_answers_expected", "live40_answers_accepted", "live40_answers_duplicated", "live40_ack_p95_ms",
            "live40_teacher_seen_p95_s", "live40_cpu_pct_per_phone", "live40_cluster2_ack_p95_ms")


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


def _results(**overrides) -> dict:
    single = {"answers_expected": 400, "answers_accepted": 400, "answers_duplicated": 0, "answers_lost": 0,
              "ack_p95_ms": 640.0, "teacher_seen_p95_s": 1.3, "cpu_pct_per_phone": 0.3, "phone_seen_p95_s": 2.1,
              "cpu_ms_per_poll": 2.5}
    double = {"ack_p95_ms": 1200.0, "answers_accepted": 400, "teacher_seen_p95_s": 1.5}
    return {"machine": {"cores": 2, "python": "3.11", "streamlit": "1.67.0", "date": "x", "load_before": 0.4,
                        "load_after": 0.9}, "mode": "live", **live_keys(single, double)} | overrides


def test_report_lists_every_required_key_with_its_verdict():
    table = live_markdown(_results())
    for key in (*REQUIRED, *TARGETS):
        assert f"`{key}`" in table
    assert "| `live40_ack_p95_ms` | 640.0 | ≤ 1000 ms | ya |" in table
    assert "| `live40_cluster2_ack_p95_ms` | 1200.0 | ≤ 1000 ms | belum |" in table
    assert "| `live40_answers_lost` | 0 | 0 | ya |" in table
    assert "beban sebelum/sesudah 0.4/0.9" in table


def test_missing_values_show_as_dashes_and_miss_their_target():
    table = live_markdown(_results(live40_teacher_seen_p95_s=None))
    assert "| `live40_teacher_seen_p95_s` | – | ≤ 2 s | belum |" in table
