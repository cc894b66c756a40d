"""Edit distance for spelling slips and the typos a word's length allows."""

from __future__ import annotations

import pytest

from lessonkit.spelling import edit_distance, typos_allowed


@pytest.mark.parametrize(("a", "b", "distance"), [("okupasionl", "okupasional", 1), ("ab", "ba", 1),
                                                  ("", "abc", 3), ("kitten", "sitting", 3), ("sama", "sama", 0)])
def test_edit_distance_counts_added_dropped_changed_and_swapped_letters(a, b, distance):
    assert edit_distance(a, b) == distance


def test_short_answer_rejects_other_words_and_blank():
    q = make("short_answer")
    assert grade(q, "etika").score == 0.0
    assert grade(q, "   ").score == 0.0
    assert grade(q, None).score == 0.0


def test_essay_is_not_auto_graded_and_self_assessment_weights_points():
    q = make("essay")
    assert grade(q, "jawaban").score is None
    assert grade(q, "jawaban").label == "Dinilai sendiri"
    assert self_score(q, {1}) == 0.75


def test_essay_rated_self_score_adds_the_points_of_the_levels_picked():
    levels = [{"label": "Baik", "points": 2, "descriptor": "a"}, {"label": "Cukup", "points": 1, "descriptor": "b"},
              {"label": "Kurang", "points": 0, "descriptor": "c"}]
    q = make("essay", rubric=[{"criterion": "A", "points": 2, "levels": levels},
                              {"criterion": "B", "points": 2, "levels": levels}])
    assert rated_score(q, {0: 0, 1: 1}) == 0.75
    assert rated_score(q, {1: 2}) == 0.0


def test_quiz_score_weights_points_and_skips_essays():
    single = make("single", points=3)
    tf = make("true_false")
    essay = make("essay")
    total = quiz_score([(single, grade(single, 1)), (tf, grade(tf, [True, True, True, True])),
                        (essay, grade(essay, "x"))])
    assert total == pytest.approx((3 * 1 + 1 * 0.5) / 4)


# ---- properties -------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(AUTO), scoring=st.sampled_from(["partial", "all_or_nothing"]), data=st.data())
def test_every_score_stays_between_zero_and_one(kind, scoring, data):
    q = make(kind, scoring=scoring)
    score = grade(q, random_response(kind, q, data)).score
    assert 0.0 <= score <= 1.0


@pytest.mark.parametrize("kind", AUTO)
@pytest.mark.parametrize("scoring", ["partial", "all_or_nothing"])
def test_a_perfect_answer_scores_one(kind, scoring):
    q = make(kind, scoring=scoring)
    assert grade(q, module_of(q).perfect(q)).score == 1.0


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["single", "multiple", "matching", "ordering"]), seed=st.integers(0, 10_000),
       data=st.data())
def test_shuffling_the_displayed_order_never_changes_a_score(kind, seed, data):
    """A student picks by what they see; whatever order it was shown in, the same picks score the same."""
    q = make(kind)
    module = module_of(q)
    order = module.shuffle(q, random.Random(seed))
    assert sorted(order) == list(range(len(order)))
    state: dict = {}
    key = "k"
    if kind == "single":
        picked = data.draw(st.sampled_from(order))
        state[key] = picked
        expected = grade(q, picked).score
    elif kind == "multiple":
        picked = data.draw(st.sets(st.sampled_from(order)))
        state.update({f"{key}-{order.index(i)}": True for i in picked})  # the boxes are keyed as shown
        expected = grade(q, picked).score
    elif kind == "matching":
        choices = {i: data.draw(st.sampled_from(order)) for i in range(len(q.pairs))}
        state.update({f"{key}-{i}": j for i, j in choices.items()})
        expected = grade(q, {q.pairs[i].left: q.pairs[j].right for i, j in choices.items()}).score
    else:
        picked = data.draw(st.permutations(order))
        state[key] = list(picked)
        expected = grade(q, [q.items[i] for i in picked]).score
    assert grade(q, module.read(q, key, order, state)).score == expected


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(AUTO), seed=st.integers(0, 10_000), data=st.data())
def test_widget_state_round_trips_a_saved_answer(kind, seed, data):
    """Resuming an exam puts each saved answer back into its widgets exactly."""
    q = make(kind)
    module = module_of(q)
    order = module.shuffle(q, random.Random(seed))
    response = module.perfect(q) if data.draw(st.booleans()) else random_response(kind, q, data)
    if kind == "ordering":
        response = list(dict.fromkeys(response))
    if kind == "true_false":
        response = list(response) + [None] * (len(q.statements) - len(response))
    if kind == "single" and response is None:
        response = 0
    restored = module.read(q, "k", order, module.state(q, "k", order, response))
    assert grade(q, restored).score == grade(q, response).score


def test_multiple_answer_widget_keys_carry_the_shown_position_not_the_file_position():
    """Two students with different orders get the same keys, and the same key is a different option for each."""
    q = make("multiple")
    module = module_of(q)
    first, second = list(range(len(q.options))), list(reversed(range(len(q.options))))
    keys = [set(module.state(q, "k", order, set()).keys()) for order in (first, second)]
    assert keys[0] == keys[1] == {f"k-{shown}" for shown in range(len(q.options))}
    assert module.read(q, "k", first, {"k-0": True}) != module.read(q, "k", second, {"k-0": True})
    assert module.read(q, "k", second, {"k-0": True}) == {second[0]}


def test_widgets_that_show_raw_text_get_it_without_markdown_emphasis():
    from lessonkit.quiz.base import unmarked

    assert unmarked("Kelompok *volunteer* dan **kode etik**") == "Kelompok volunteer dan kode etik"
    assert unmarked("a * b, nama_berkas_ini") == "a * b, nama_berkas_ini"


@pytest.mark.parametrize("kind", AUTO)


def test_typos_allowed_takes_the_first_step_a_length_reaches():
    steps = ((12, 2), (6, 1))
    assert [typos_allowed(n, steps) for n in (3, 6, 11, 12, 20)] == [0, 1, 1, 2, 2]
