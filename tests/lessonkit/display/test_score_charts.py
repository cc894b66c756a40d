"""Result charts are built from plain data: one bar per label, values in percent, long labels wrapped."""

from datetime import datetime, timedelta

import pytest

from lessonkit.display import score_charts
from lessonkit.display.score_charts import MAX_DATE_TICKS, score_bars, scores_over_time


def test_score_bars_has_one_bar_per_label_in_percent():
    figure = score_bars(["Pengantar", "Proses Terjadinya Kelompok Volunteer di Masyarakat"], [1.0, 0.3333])
    bar = figure.data[0]
    assert list(bar.x) == [100, 33]
    assert bar.y[0] == "Pengantar"
    assert "<br>" in bar.y[1]
    assert figure.layout.xaxis.range == (0, 100)


def test_scores_over_time_writes_its_dates_in_indonesian_on_the_server():
    times = [datetime(2026, 12, 7, 9, 5), datetime(2026, 12, 7, 14, 30), datetime(2026, 8, 17, 8, 0)]
    figure = scores_over_time(times, [0.5, 0.75, 1.0], ["Latihan", "Latihan", "Ujian"])
    axis = figure.layout.xaxis
    assert axis.tickmode == "array" and list(axis.ticktext) == ["17 Agu 2026", "7 Des 2026"]
    hovers = [text for trace in figure.data for text in trace.customdata]
    assert "7 Des 2026 pukul 14.30" in hovers
    assert all("%b" not in (trace.hovertemplate or "") for trace in figure.data), "no browser-formatted months"


def test_answer_bars_tick_the_key_keep_tile_colours_fade_the_rest_and_put_counts_outside():
    figure = score_charts.answer_bars(["▲ A", "◆ B"], [3, 1], [False, True], "Banyak siswa yang memilih",
                         colours=["#C62828", "#1565C0"], height=300)
    bar = figure.data[0]
    assert list(bar.y) == ["▲ A", "✓ ◆ B"] and list(bar.marker.color) == ["#C62828", "#1565C0"]
    assert list(bar.marker.opacity) == [0.35, 1.0] and bar.textposition == "outside"
    assert figure.layout.height == 300 and figure.layout.xaxis.range[1] > 3  # room for the count beside the bar
    plain = score_charts.answer_bars(["1", "2"], [0, 0], [True, False], "Banyak siswa")
    assert list(plain.data[0].marker.color) == [score_charts.GREEN, score_charts.GREY]


def test_a_projected_chart_is_a_copy_with_every_text_at_28_px_and_the_original_is_left_alone():
    original = score_bars(["Soal 1", "Soal 2"], [0.5, 1.0])
    big = score_charts.for_projector(original)
    assert big is not original and original.layout.font.size is None
    assert big.layout.font.size == big.layout.xaxis.tickfont.size == big.layout.yaxis.tickfont.size == 28
    assert big.data[0].textfont.size == 28 and big.data[0].textposition == "outside"


@pytest.mark.parametrize("times", [
    [datetime(2026, 12, 7, 14, 30)],
    [datetime(2026, 12, 7, 14, 30), datetime(2026, 12, 7, 14, 30, 1)],
    [datetime(2026, 12, 7, 23, 59), datetime(2026, 12, 8, 0, 1)],
    [datetime(2026, 9, 1, 10) + timedelta(days=3 * n, hours=n) for n in range(30)],
], ids=["one", "two-a-second-apart", "two-days", "many"])
def test_the_time_axis_spans_whole_days_with_dated_ticks_inside_it(times):
    axis = scores_over_time(times, [0.5] * len(times), ["Latihan"] * len(times)).layout.xaxis
    start, end = (datetime.fromisoformat(str(edge)) for edge in axis.range)
    assert end - start >= timedelta(days=1), "one result spans a day, not milliseconds"
    assert start <= min(times) and max(times) <= end
    ticks = [datetime.fromisoformat(str(tick)) for tick in axis.tickvals]
    assert 1 <= len(ticks) <= MAX_DATE_TICKS and all(start < tick < end for tick in ticks)
    assert len(axis.ticktext) == len(ticks)
