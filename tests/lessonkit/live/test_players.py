"""Join codes, seat tokens, nicknames, joining, rejoining with a token, and removal by the teacher."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessonkit.live import players, state
from lessonkit.live.errors import JoinRefused, LiveError, TransitionRefused
from lessonkit.live.players import NICKNAME_MAX, Player
from lessonkit.rules.limits import clean_line

from .factories import every_type_bank, new_session, seats

BANK = every_type_bank()


def lobby() -> state.Session:
    return new_session(BANK, ["q-single", "q-multiple"], now=0.0)


def test_join_codes_are_six_digits_without_a_leading_zero_and_skip_taken_ones():
    rng = random.Random(1)
    codes = [players.new_join_code(lambda code: False, rng) for _ in range(500)]
    assert all(players.JOIN_CODE_PATTERN.match(c) and c[0] != "0" for c in codes)
    first = players.new_join_code(lambda code: False, random.Random(5))
    assert players.new_join_code(lambda code: code == first, random.Random(5)) != first


def test_when_every_code_seems_taken_the_teacher_gets_a_message_not_a_loop():
    with pytest.raises(LiveError, match="Coba sebentar lagi"):
        players.new_join_code(lambda code: True)


@pytest.mark.parametrize(("typed", "code"), [("482913", "482913"), (" 482 913 ", "482913"), ("482-913", "482913"),
                                             ("４８２９１３", "482913"), ("082913", None), ("48291", None),
                                             ("48291a", None), ("", None), (None, None)])
def test_a_typed_join_code_is_read_leniently_but_must_be_six_digits(typed, code):
    assert players.read_join_code(typed) == code


def test_seat_tokens_are_random_url_safe_and_recognisable():
    tokens = {players.new_seat_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(players.TOKEN_PATTERN.match(t) for t in tokens)


@pytest.mark.parametrize(("typed", "shown"), [
    ("  Budi   Santoso ", "Budi Santoso"),
    ("Ani\u200b\u202e", "Ani"),
    ("Ｓｉｔｉ", "Siti"),
    ("a\tb\nc", "a b c"),
    ("x" * 50, "x" * NICKNAME_MAX),
    ("Nama yang panjang sekali", "Nama yang panjang se"),
    ("Sembilanbelas huru f", "Sembilanbelas huru f"),
    ("\x00\x07", ""),
])
def test_nicknames_are_cleaned_and_limited_on_the_server(typed, shown):
    assert players.clean_nickname(typed) == shown


def test_a_nickname_is_a_clean_line_after_nfkc_so_fullwidth_and_ligature_letters_turn_plain():
    """``clean_line`` alone keeps NFC (a class code or a name stays as typed); a projector name goes through NFKC."""
    assert clean_line("Ｓｉｔｉ ﬁ", NICKNAME_MAX) == "Ｓｉｔｉ ﬁ"
    assert players.clean_nickname("Ｓｉｔｉ ﬁ") == "Siti fi"
    assert players.clean_nickname("Ani\u202e\x07Budi") == clean_line("Ani\u202e\x07Budi", NICKNAME_MAX) == "Ani Budi"


@given(st.text(max_size=80))
def test_a_cleaned_nickname_is_short_trimmed_and_free_of_control_characters(text):
    name = players.clean_nickname(text)
    assert len(name) <= NICKNAME_MAX
    assert name == name.strip() and "  " not in name
    assert all(c == " " or c.isprintable() for c in name)


def test_a_name_taken_by_an_active_player_gets_a_number_ignoring_case():
    assert players.unique_nickname("Budi", ["Ani"]) == "Budi"
    assert players.unique_nickname("budi", ["Budi", "Budi 2"]) == "budi 3"
    long = "x" * NICKNAME_MAX
    assert players.unique_nickname(long, [long]) == "x" * (NICKNAME_MAX - 2) + " 2"


def test_joining_gives_seats_in_order_with_distinct_names():
    seated = seats(lobby(), "Budi", "budi", "Ani")
    assert [(p.seat, p.nickname) for p in seated] == [(1, "Budi"), (2, "budi 2"), (3, "Ani")]
    assert len({p.token for p in seated}) == 3


def test_a_removed_players_name_is_free_again():
    session = lobby()
    budi = players.join(session, [], "Budi", 0.0)
    _, removed = players.remove(session, budi, 1.0)
    assert players.join(session, [removed], "Budi", 2.0).nickname == "Budi"


def test_an_empty_name_a_finished_session_and_a_full_room_are_refused():
    session = lobby()
    with pytest.raises(JoinRefused, match="nama panggilan"):
        players.join(session, [], " \u200b ", 0.0)
    with pytest.raises(JoinRefused, match="sudah selesai"):
        players.join(state.end(session, 1.0), [], "Budi", 2.0)
    full = [Player(i, players.new_seat_token(), f"P{i}", 0.0) for i in range(1, players.MAX_PLAYERS + 1)]
    with pytest.raises(JoinRefused, match="penuh"):
        players.join(session, full, "Budi", 0.0)


def test_late_joiners_are_welcome_while_the_quiz_runs():
    session = state.start(lobby(), 5.0, players=1)
    assert players.join(session, [], "Telat", 9.0).seat == 1


def test_a_saved_student_joining_again_gets_the_same_seat():
    session = lobby()
    first = players.join(session, [], "Budi Santoso", 0.0, student_id=7)
    again = players.join(session, [first], "Nama lain", 5.0, student_id=7)
    assert again == first


def test_without_anonymous_players_only_saved_students_get_a_seat():
    session = replace(lobby(), anonymous=False)
    with pytest.raises(JoinRefused) as refused:
        players.join(session, [], "Tamu", 0.0)
    assert refused.value.message == players.SAVED_ONLY
    assert players.join(session, [], "Siti", 0.0, student_id=3).student_id == 3
    assert players.join(lobby(), [], "Tamu", 0.0).nickname == "Tamu", "anonymous players are welcome by default"


def test_rejoining_with_the_token_restores_the_seat():
    seated = seats(lobby(), "Budi", "Ani")
    assert players.rejoin(seated, seated[1].token) == seated[1]


@pytest.mark.parametrize("token", [None, "", "pendek", "x" * 32, "../../etc/passwd"])
def test_an_unknown_or_malformed_token_is_refused(token):
    with pytest.raises(JoinRefused, match="tidak ditemukan"):
        players.rejoin(seats(lobby(), "Budi"), token)


def test_a_removed_player_cannot_come_back_with_the_token_or_the_account():
    session = lobby()
    budi = players.join(session, [], "Budi", 0.0, student_id=7)
    new_session_state, removed = players.remove(session, budi, 3.0)
    assert new_session_state.version == session.version + 1 and new_session_state.state is session.state
    assert removed.removed_at == 3.0 and not removed.active
    with pytest.raises(JoinRefused, match="dikeluarkan"):
        players.rejoin([removed], budi.token)
    with pytest.raises(JoinRefused, match="dikeluarkan"):
        players.join(session, [removed], "Budi", 4.0, student_id=7)


def test_removing_twice_or_after_the_end_is_refused():
    session = lobby()
    budi = players.join(session, [], "Budi", 0.0)
    _, removed = players.remove(session, budi, 1.0)
    with pytest.raises(TransitionRefused, match="sudah dikeluarkan"):
        players.remove(session, removed, 2.0)
    with pytest.raises(TransitionRefused, match="sudah selesai"):
        players.remove(state.end(session, 2.0), budi, 3.0)


def _seated(count: int, *, client: str | None = None, session=None) -> list[Player]:
    """``count`` anonymous players, each from its own browser session (and address, unless ``client``)."""
    session = session or lobby()
    found: list[Player] = []
    for n in range(count):
        found.append(players.join(session, found, f"P{n}", 1.0, browser=f"b{n}", client=client or f"c{n}"))
    return found


def test_only_active_seats_count_toward_the_cap_so_a_student_gets_in_after_a_bot_is_removed():
    session = lobby()
    room = _seated(players.MAX_PLAYERS, session=session)
    with pytest.raises(JoinRefused, match="penuh"):
        players.join(session, room, "Siti", 2.0, browser="siti", client="siti")
    _, gone = players.remove(session, room[0], 3.0)
    assert players.join(session, [gone, *room[1:]], "Siti", 4.0, browser="siti", client="siti").nickname == "Siti"


def test_one_browser_session_holds_one_seat_whatever_names_it_sends():
    session = lobby()
    first = players.join(session, [], "Bot 1", 1.0, browser="tab")
    again = players.join(session, [first], "Bot 2", 2.0, browser="tab")
    assert again.seat == first.seat and again.nickname == "Bot 1"


def test_one_client_address_takes_a_few_seats_and_no_more():
    session = lobby()
    room = _seated(players.MAX_PER_CLIENT, client="kantin", session=session)
    with pytest.raises(JoinRefused, match="perangkat atau jaringan ini"):
        players.join(session, room, "Bot", 2.0, browser="lain", client="kantin")
    assert players.join(session, room, "Siti", 2.0, browser="siti", client="kelas").seat == len(room) + 1


def test_a_removed_anonymous_player_cannot_rejoin_at_once_from_the_same_browser_or_address():
    session = lobby()
    budi = players.join(session, [], "Budi", 1.0, browser="tab", client="hp-budi")
    _, gone = players.remove(session, budi, 10.0)
    with pytest.raises(JoinRefused, match="dikeluarkan"):
        players.join(session, [gone], "Budi lagi", 11.0, browser="tab", client="hp-budi")
    with pytest.raises(JoinRefused, match="baru saja dikeluarkan"):
        players.join(session, [gone], "Budi lagi", 11.0, browser="tab-baru", client="hp-budi")
    later = 10.0 + players.REJOIN_WAIT
    assert players.join(session, [gone], "Budi", later, browser="tab-baru", client="hp-budi").seat == 2


def test_a_locked_lobby_takes_no_new_seat_but_keeps_the_seated():
    session = lobby()
    ani = players.join(session, [], "Ani", 1.0, browser="ani")
    locked = state.lock(session, 2.0)
    assert locked.locked and locked.version == session.version + 1
    with pytest.raises(JoinRefused, match="mengunci"):
        players.join(locked, [ani], "Budi", 3.0, browser="budi")
    assert players.join(locked, [ani], "Ani", 3.0, browser="ani").seat == ani.seat
    with pytest.raises(TransitionRefused, match="sudah dikunci"):
        state.lock(locked, 4.0)
    assert not state.lock(locked, 5.0, locked=False).locked


def test_removing_several_players_is_one_step():
    session = lobby()
    room = _seated(3, session=session)
    new, gone = players.remove_all(session, room[:2], 5.0)
    assert new.version == session.version + 1 and [p.removed_at for p in gone] == [5.0, 5.0]
    with pytest.raises(TransitionRefused):
        players.remove_all(new, [gone[0], room[2]], 6.0)


@pytest.mark.parametrize(("address", "tagged"), [("192.168.1.23", True), ("2001:db8::5", True), ("127.0.0.1", False),
                                                 ("::1", False), ("localhost", False), ("", False),
                                                 (None, False)])
def test_a_client_is_remembered_as_a_hash_and_the_servers_own_address_is_no_client(address, tagged):
    tag = players.client_tag(address)
    assert (tag is not None) == tagged
    if tag is not None:
        assert address not in tag and tag == players.client_tag(address) and len(tag) == 32
