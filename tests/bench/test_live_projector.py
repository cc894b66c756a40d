"""The projector run's CPU accounting: reading ``/proc/<pid>/stat`` and finding the browser's processes below
the benchmark (and not the app servers it also started)."""

import os

from bench.live_projector import browser_cpu_seconds, descendants, parse_stat


def test_a_stat_line_gives_the_name_the_parent_and_the_cpu_ticks_even_with_odd_names():
    line = "4242 (chromium (gpu)) S 4200 4242 4242 0 -1 4194560 100 0 0 0 70 30 0 0 20 0 1 0 5 0 0"
    assert parse_stat(line) == ("chromium (gpu)", 4200, 100)


def test_descendants_are_every_process_below_the_root_and_nothing_beside_it():
    parents = {10: 1, 11: 10, 12: 11, 13: 10, 20: 1, 21: 20}
    assert descendants(10, parents) == {11, 12, 13}
    assert descendants(12, parents) == set()


def test_without_a_browser_the_browser_cpu_is_zero():
    assert browser_cpu_seconds(os.getpid()) == 0.0
