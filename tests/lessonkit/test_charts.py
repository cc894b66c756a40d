"""Result charts are built from plain data: one bar per label, values in percent, long labels wrapped."""

from lessonkit.charts import score_bars


def test_score_bars_has_one_bar_per_label_in_percent():
    figure = score_bars(["Pengantar", "Proses Terjadinya Kelompok Volunteer di Masyarakat"], [1.0, 0.3333])
    bar = figure.data[0]
    assert list(bar.x) == [100, 33]
    assert bar.y[0] == "Pengantar"
    assert "<br>" in bar.y[1]
    assert figure.layout.xaxis.range == (0, 100)
