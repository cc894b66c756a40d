"""Sign-in limits of one process: who the client is, attempts per client, and password checks at once."""

from __future__ import annotations

from lessonkit.auth.throttle import SignInGate, client_key


def test_the_client_is_the_peer_and_x_forwarded_for_counts_only_from_the_local_nginx():
    assert client_key("192.168.1.23", "10.9.9.9") == "192.168.1.23", "a phone cannot pick its own address"
    assert client_key("127.0.0.1", "192.168.1.23") == "192.168.1.23"
    assert client_key("127.0.0.1", "1.2.3.4, 192.168.1.23") == "192.168.1.23", "the address nginx saw is last"
    assert client_key(None, "192.168.1.23") == "192.168.1.23", "Streamlit reports no address for localhost"
    assert client_key("127.0.0.1", None) == "127.0.0.1"
    assert client_key(None, None) == "localhost"


def test_a_client_gets_its_attempts_back_after_the_window():
    now = [0.0]
    gate = SignInGate(per_client=2, window=60, clock=lambda: now[0])
    admitted = []
    for _ in range(3):
        with gate.attempt("10.0.0.66") as ok:
            admitted.append(ok)
    assert admitted == [True, True, False]
    now[0] = 61.0
    with gate.attempt("10.0.0.66") as ok:
        assert ok


def test_past_the_concurrent_checks_an_attempt_is_refused_and_a_finished_check_frees_its_place():
    gate = SignInGate(concurrent=1)
    with gate.attempt("a") as first:
        with gate.attempt("b") as second:
            assert first and not second
    with gate.attempt("c") as third:
        assert third
