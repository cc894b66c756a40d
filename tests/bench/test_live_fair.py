"""What a simulated phone recognises and taps, and the fairness arithmetic: seen from the server's open, the
points spread among right answers with the same reaction time."""

import random

from bench.live_fair import REACTIONS, Key, pick, points_spread, question_on, reaction, right_answers, seen_delays

KEY = Key(3, ("Profesi", "Relawan", "Paguyuban"), right=1)


def test_forty_phones_make_ten_reaction_groups_of_four():
    groups = [reaction(n) for n in range(40)]
    assert sorted(set(groups)) == list(REACTIONS) and len(REACTIONS) == 10
    assert all(groups.count(seconds) == 4 for seconds in REACTIONS)
    assert min(REACTIONS) == 0.5 and max(REACTIONS) == 2.75


def test_a_question_is_recognised_by_its_choice_texts_whatever_decorates_the_labels():
    labels = ["▲ A. Profesi", "◆ B. Relawan", "● C. Paguyuban", "Keluar"]
    assert question_on(labels, [Key(1, ("X", "Y"), 0), KEY]) is KEY
    assert question_on(["A. Profesi", "B. Relawan"], [KEY]) is None, "a choice missing: not this question"
    assert question_on(["Gabung"], [KEY]) is None


def test_a_phone_taps_the_key_or_another_choice():
    labels = ["A. Profesi", "B. Relawan", "C. Paguyuban"]
    assert pick(labels, KEY, right=True, rng=random.Random(1)) == "B. Relawan"
    wrong = {pick(labels, KEY, right=False, rng=random.Random(seed)) for seed in range(20)}
    assert wrong == {"A. Profesi", "C. Paguyuban"}


def test_seen_is_counted_from_the_servers_open_of_that_question():
    opened = {1: 100.0, 2: 200.0}
    seen = [(1, 100.4), (1, 101.5), (2, 200.2), (3, 300.0)]
    assert [round(d, 2) for d in seen_delays(seen, opened)] == [0.4, 1.5, 0.2], "an unread open is left out"


def test_points_spread_is_the_largest_gap_within_one_question_and_reaction_time():
    answers = [(1, 0.5, 990), (1, 0.5, 960), (1, 0.75, 900), (1, 0.75, 905), (2, 0.5, 700), (2, 1.0, 999)]
    assert points_spread(answers) == (30, 2), "different questions or reaction times are never compared"
    assert points_spread([(1, 0.5, 990)]) == (None, 0)


def test_only_fully_right_answers_of_scripted_seats_count():
    stored = [(1, 1, 1.0, 980), (2, 1, 0.0, 0), (3, 1, 1.0, 950), (9, 1, 1.0, 10)]
    assert right_answers(stored, {1: 0.5, 2: 0.5, 3: 0.5}) == [(1, 0.5, 980), (1, 0.5, 950)]
