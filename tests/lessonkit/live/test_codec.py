"""Every dataclass the storage will keep goes to JSON and back unchanged; malformed JSON is rejected."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from lessonkit.live import codec, leaderboard, players, questions, scoring, state, summary
from lessonkit.live.state import Session, State

from .factories import every_type_bank, opened, seats

BANK = every_type_bank()


def round_trip(obj):
    data = json.loads(json.dumps(codec.dump(obj)))
    back = codec.load(type(obj), data)
    assert back == obj
    return data


def test_a_session_in_every_phase_survives_json():
    session = opened(BANK, at=10.0)
    for step in (lambda s: s, lambda s: state.extend(state.pause(s, 12.0), 12.5),
                 lambda s: state.close(s, 15.0), lambda s: state.advance(s, 16.0), lambda s: state.end(s, 20.0)):
        session = step(session)
        data = round_trip(session)
        assert data["state"] == session.state.value and data["version"] == session.version


def test_the_session_json_is_plain_and_names_its_fields():
    data = codec.dump(opened(BANK, ["q-single", "q-short-answer"], at=10.0))
    assert set(data) == {"code", "questions", "speed_bonus", "state", "version", "index", "clock", "created_at",
                         "finished_at", "locked", "anonymous"}
    assert data["questions"][1] == {"question_id": "q-short-answer", "limit": 30, "order": None}
    assert set(data["clock"]) == {"opened_at", "limit", "extra", "paused_at", "paused_total", "closed_at"}


def test_a_session_stored_before_the_anonymous_setting_loads_with_anonymous_players_allowed():
    data = codec.dump(opened(BANK, ["q-single"], at=10.0))
    del data["anonymous"]
    assert codec.load(state.Session, data).anonymous is True


def test_players_answers_views_and_results_survive_json():
    session = opened(BANK, ["q-matching", "q-multiple"], at=10.0)
    budi = seats(session, "Budi")[0]
    kept = scoring.accept(BANK, session, budi, "q-matching", [0, 1, None, 2], 12.0, already_answered=False)
    assert isinstance(kept.response, dict)
    for obj in (budi, kept, questions.public_view(BANK, session.questions, 0),
                questions.reveal(BANK, session.current), summary.distribution(BANK, session, 0, [budi], [kept]),
                *leaderboard.standings([budi], [kept]), *summary.student_results(session, [budi], [kept]),
                *summary.class_scores(session, [budi], [kept])):
        round_trip(obj)
    assert codec.dump(players.remove(session, budi, 13.0)[1])["removed_at"] == 13.0


def test_malformed_session_json_is_rejected():
    data = codec.dump(opened(BANK, at=10.0))
    with pytest.raises(ValidationError):
        codec.load(Session, {**data, "state": "melayang"})
    with pytest.raises(ValidationError):
        codec.load(Session, {**data, "version": "satu"})
    assert codec.load(Session, data).state is State.QUESTION_OPEN
