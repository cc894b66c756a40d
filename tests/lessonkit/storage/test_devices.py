"""A device that remembers a student: a one-time ticket traded once for a token, only hashes kept, Keluar revokes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lessonkit.auth.tokens import DEVICE_LIFETIME, token_hash
from lessonkit.storage.common import utcnow
from lessonkit.storage.models import StudentDevice


def test_a_ticket_is_traded_once_for_a_token_that_names_the_student_and_only_hashes_are_kept(store):
    siti = store.create_student("Siti")
    ticket = store.device_ticket(siti.id)
    token = store.redeem_device_ticket(ticket)
    assert token and store.redeem_device_ticket(ticket) is None
    assert store.student_for_device(token) == siti
    with store._session() as session:
        [row] = session.scalars(select(StudentDevice))
        assert row.token_hash == token_hash(token) and row.ticket_hash is None
    assert token not in repr(row.__dict__) and siti.code != token


def test_a_stale_ticket_an_expired_or_revoked_device_and_a_forged_token_remember_nobody(store):
    siti = store.create_student("Siti")
    assert store.redeem_device_ticket(store.device_ticket(siti.id, now=utcnow() - timedelta(minutes=5))) is None
    token = store.redeem_device_ticket(store.device_ticket(siti.id))
    assert store.student_for_device(token, now=utcnow() + DEVICE_LIFETIME + timedelta(days=1)) is None
    assert store.student_for_device("x" * 43) is None and store.student_for_device(siti.code) is None
    other = store.redeem_device_ticket(store.device_ticket(siti.id))
    store.forget_device(token)
    assert store.student_for_device(token) is None and store.student_for_device(other) == siti


def test_deleting_the_student_forgets_their_devices(store):
    siti = store.create_student("Siti")
    token = store.redeem_device_ticket(store.device_ticket(siti.id))
    store.delete_student(siti.id)
    assert store.student_for_device(token) is None
