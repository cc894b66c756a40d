"""Result charts are built from plain data: one bar per label, values in percent, long labels wrapped."""

from datetime import datetime, timedelta

import pytest

from lessonkit.charts import MAX_DATE_TICKS, score_bars, scores_over_time


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
