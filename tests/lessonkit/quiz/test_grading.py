"""Every scoring rule of every question type, to the last partial point, plus properties that must always hold."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.quiz import grade, quiz_score
from lessonkit.quiz.base import marked
from lessonkit.quiz.types import TYPES, module_of, scoring_note, short_answer
from lessonkit.quiz.types.essay import rated_score, self_score
from lessonkit.quiz.types.ordering import longest_increasing_run

from .factories import make, random_response

AUTO = [k for k in TYPES if k != "essay"]


def test_single_scores_one_only_for_the_correct_index():
    q = make("single")
    assert grade(q, 1).score == 1.0
    assert grade(q, 0).score == 0.0
    assert grade(q, None).score == 0.0


@pytest.mark.parametrize(("picked", "expected"), [
    ({0, 2, 4}, 1.0), ({0, 2}, 2 / 3), ({0}, 1 / 3), ({0, 1}, 0.0), ({0, 2, 1}, 1 / 3), ({1, 3}, 0.0), (set(), 0.0),
    ({0, 1, 2, 3, 4}, 1 / 3),
])
def test_multiple_is_right_minus_wrong_over_correct_count_never_below_zero(picked, expected):
    assert grade(make("multiple"), picked).score == pytest.approx(expected)


def test_multiple_all_or_nothing_needs_exactly_the_correct_set():
    q = make("multiple", scoring="all_or_nothing")
    assert grade(q, {0, 2, 4}).score == 1.0
    assert grade(q, {0, 2}).score == 0.0


def test_true_false_is_the_fraction_of_statements_right():
    q = make("true_false")
    assert grade(q, [True, False, True, False]).score == 1.0
    assert grade(q, [True, True, True, False]).score == 0.75
    assert grade(q, [True, None, None, None]).score == 0.25
    assert grade(q, None).score == 0.0
    assert grade(make("true_false", scoring="all_or_nothing"), [True, True, True, False]).score == 0.0


def test_matching_is_the_fraction_of_lefts_matched_right():
    q = make("matching")
    assert grade(q, {f"L{i}": f"R{i}" for i in range(4)}).score == 1.0
    assert grade(q, {"L0": "R0", "L1": "R2", "L2": "R1"}).score == 0.25
    assert grade(q, {}).score == 0.0


def test_matching_distractors_are_offered_but_match_nothing():
    q = make("matching", distractors=["X1", "X2"])
    order = module_of(q).shuffle(q, random.Random(3))
    assert sorted(order) == list(range(6))
    picked = {"k-0": 4, "k-1": 1}  # L0 -> the distractor X1, L1 -> R1
    response = module_of(q).read(q, "k", order, picked)
    assert response == {"L0": "X1", "L1": "R1"}
    assert grade(q, response).score == 0.25
    assert module_of(q).state(q, "k", order, response) == picked


def test_matching_distractor_that_repeats_a_right_or_another_distractor_is_refused():
    with pytest.raises(ValueError, match="sama dengan teks kanan"):
        make("matching", distractors=["r1"])
    with pytest.raises(ValueError, match="ditulis dua kali"):
        make("matching", distractors=["X", "x"])


@pytest.mark.parametrize(("order", "expected"), [
    (["satu", "dua", "tiga", "empat", "lima"], 1.0),
    (["lima", "empat", "tiga", "dua", "satu"], 0.0),
    (["dua", "satu", "tiga", "empat", "lima"], 0.75),    # LIS 4 -> 3/4
    (["lima", "satu", "dua", "tiga", "empat"], 0.75),
    (["tiga", "empat", "lima", "satu", "dua"], 0.5),     # LIS 3 -> 2/4
    (["satu", "satu", "satu"], 0.0),                     # duplicates count once
    ([], 0.0),
])
def test_ordering_is_longest_increasing_run_minus_one_over_n_minus_one(order, expected):
    assert grade(make("ordering"), order).score == pytest.approx(expected)


def test_ordering_all_or_nothing():
    q = make("ordering", scoring="all_or_nothing")
    assert grade(q, ["satu", "dua", "tiga", "empat", "lima"]).score == 1.0
    assert grade(q, ["dua", "satu", "tiga", "empat", "lima"]).score == 0.0


def test_longest_increasing_run():
    assert longest_increasing_run([3, 1, 2, 5, 4]) == 3
    assert longest_increasing_run([]) == 0


@pytest.mark.parametrize("answer", ["kode etik", "  KODE   Etik ", "Kode etik.", "kode-etik profesi!",
                                    "kode etik, profesi", "kode-etik", "kodeetik"])
def test_short_answer_ignores_case_spacing_and_punctuation(answer):
    assert grade(make("short_answer"), answer).score == 1.0
    assert short_answer.feedback(make("short_answer"), answer) == []  # as written: no note on spelling


def test_short_answer_accepts_a_typo_in_a_long_word_and_shows_the_right_spelling():
    q = make("short_answer", accept=["okupasional", "kelompok okupasional"])
    for typed in ("okupasionl", "okupasinoal", "Okupasionall"):
        assert grade(q, typed).score == 1.0, typed
        assert short_answer.feedback(q, typed) == [
            "Jawabanmu diterima walaupun ejaannya belum tepat. Tulisan yang benar: **okupasional**."]
    assert grade(q, "okupasi").score == 0.0


def test_short_answer_tolerates_two_typos_from_twelve_letters_and_none_below_six():
    assert grade(make("short_answer", accept=["kesetiakawanan"]), "kesetiakwnan").score == 1.0
    q = make("short_answer", accept=["mkek"])
    assert grade(q, "mkk").score == 0.0
    assert short_answer.feedback(q, "mkk") == [
        "Hampir tepat: jawabanmu berbeda 1 huruf dari jawaban yang diterima. Periksa lagi ejaannya."]


def test_short_answer_with_typos_zero_accepts_only_the_written_forms_and_says_how_close():
    q = make("short_answer", accept=["formal"], typos=0)
    assert grade(q, "normal").score == 0.0
    assert grade(q, "Formal!").score == 1.0
    assert "berbeda 1 huruf" in short_answer.feedback(q, "normal")[0]
    assert short_answer.feedback(q, "sangat jauh berbeda") == []


def test_short_answer_typos_above_three_is_refused():
    with pytest.raises(ValueError):
        make("short_answer", typos=4)


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
def test_an_all_or_nothing_question_that_could_score_in_part_says_so_before_it_is_answered(kind):
    expected = "Semua harus benar (tanpa skor sebagian)" if kind in {"multiple", "true_false", "matching",
                                                                    "ordering"} else None
    assert scoring_note(make(kind, scoring="all_or_nothing")) == expected
    assert scoring_note(make(kind)) is None


def test_marked_text_carries_a_mark_and_a_colour_never_colour_alone():
    assert marked("A. Teks", True) == ":green[✓ A. Teks]"
    assert marked("B. Teks", False, " (catatan)") == ":red[✗ B. Teks (catatan)]"
    assert marked("C. Teks", None) == "C. Teks"


def test_verdicts_mark_the_key_and_the_wrong_choice_on_each_option_statement_pair_and_item():
    assert module_of(make("single")).verdicts(make("single"), 3) == [None, True, None, False, None]
    assert module_of(make("multiple")).verdicts(make("multiple"), {0, 1}) == [True, False, True, None, True]
    tf = make("true_false")
    assert module_of(tf).verdicts(tf, [True, True, None]) == [True, False, False, False]
    pairs = make("matching")
    assert module_of(pairs).verdicts(pairs, {"L0": "R0", "L1": "R2"}) == [True, False, False, False]
    items = make("ordering")
    assert module_of(items).verdicts(items, ["satu", "tiga", "dua", "empat", "lima"]) == [True, False, False,
                                                                                         True, True]
    assert module_of(make("short_answer")).verdicts(make("short_answer"), "kode-etik") == [True]
