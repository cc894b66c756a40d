"""Kuis Langsung pages with AppTest: the teacher's states from setup to podium, the phone's from joining to its rank,
wrong and finished codes, a phone back at its seat after a reload, the key never shown before the close, and a
teacher who cannot drive another teacher's session."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lessonkit.live import players, questions
from lessonkit.live.state import State
from lessonkit.quiz.types import type_name
from lessonkit.services import live_session as service
from lessonkit.storage import Store, default_url
from tests.pages.test_teacher_pages import HASH, fresh, page, sign_in, texts

TEACHER_PAGE = "app_pages/live_guru.py"
PHONE_PAGE = "app_pages/kuis_langsung.py"


@pytest.fixture
def store():
    opened = Store.open(default_url())
    opened.add_teacher("Sari", username="sari", password_hash=HASH)
    opened.add_teacher("Budi", username="budi", password_hash=HASH)
    yield opened
    opened.engine.dispose()


def teacher(username: str = "sari") -> AppTest:
    return sign_in(page(TEACHER_PAGE), username)


def phone(**query: str) -> AppTest:
    at = fresh()
    for name, value in query.items():
        at.query_params[name] = value
    return page(PHONE_PAGE, at)


def all_text(at: AppTest) -> str:
    return texts(at) + "\n" + "\n".join(b.label for b in at.button) + "\n" + "\n".join(t.value for t in at.text)


def press(at: AppTest, prefix: str) -> AppTest:
    return next(b for b in at.button if b.label.startswith(prefix)).click().run()


def joined(code: str, name: str) -> AppTest:
    """A phone that opened the join link and joined as ``name``."""
    at = phone(kuis=code)
    at.text_input(key="live_name").input(name)
    return press(at, "Gabung")


def test_a_teacher_runs_a_session_from_setup_to_podium_and_a_phone_follows(store):
    host = teacher()
    assert "Buka ruang tunggu" in all_text(host) and not host.exception
    next(s for s in host.selectbox if s.key == "live_quiz").set_value("konsep-dasar")
    host = press(host, "Buka ruang tunggu")
    (record,) = store.live_unfinished(1)
    assert f"{record.code[:3]} {record.code[3:]}" in "\n".join(str(h.proto) for h in host.get("html"))
    assert "0 siswa sudah bergabung" in all_text(host)

    ana = phone(kuis=record.code)
    assert ana.text_input(key="live_code").value == record.code
    ana.text_input(key="live_name").input("Ana")
    ana = press(ana, "Gabung")
    assert "Tunggu guru memulai kuis" in all_text(ana) and ana.query_params["kursi"]
    host.run()
    assert "1 siswa sudah bergabung" in all_text(host) and "Ana" in all_text(host)

    host = press(host, "Mulai kuis")
    ana.run()
    record = store.live_get(record.id)
    key = service.phone_view(store, _bank(), record, store.live_rejoin(record.id, ana.query_params["kursi"]))
    assert key.reveal is None and "Kunci" not in all_text(ana)  # nothing of the key before the close
    assert "Soal 1 dari" in all_text(ana)
    host = press(host, "Tutup soal sekarang")
    assert "Kunci" in all_text(host) and host.get("plotly_chart")
    ana.run()
    assert "Tidak menjawab" in all_text(ana) and "Peringkat 1 dari 1" in all_text(ana)
    host = press(host, "Lanjut")
    assert "Papan peringkat" in all_text(host)
    host = press(host, "Akhiri kuis")
    assert "Juara Kuis Langsung" in all_text(host) and "Ana" in all_text(host)
    assert store.live_get(record.id).session.state is State.FINISHED
    ana.run()
    assert "Kuis selesai" in all_text(ana)
    host = press(host, "Buat Kuis Langsung baru")
    assert "Buka ruang tunggu" in all_text(host)


def _bank():
    from ui import data

    return data.bank()


def test_a_phone_answers_sees_its_answer_locked_and_comes_back_to_its_seat_after_a_reload(store):
    bank = _bank()
    record = service.create(store, bank, 1, _two(bank), base_seconds=20, speed_bonus=True)
    ana = joined(record.code, "Ana")
    service.join(store, record.code, "Budi")  # a second phone, so one answer does not close the question
    service.command(store, 1, record.id, "start")
    ana.run()
    public = service.phone_view(store, bank, store.live_get(record.id),
                                store.live_rejoin(record.id, ana.query_params["kursi"])).public
    assert public.type == "single", "the test bank's first question is a single choice"
    keys = [b.key for b in ana.button if b.key and b.key.startswith("live-")]
    assert keys and all(k.startswith(f"live-{record.id}-1-") for k in keys), "keys carry the number, not the id"
    assert not [k for k in keys for q in bank.questions if q.id in k]
    ana = next(b for b in ana.button if b.key and b.key.endswith("-0")).click().run()
    assert "Jawaban terkirim" in all_text(ana)
    again = phone(kuis=record.code, kursi=ana.query_params["kursi"])  # the phone reloaded: same seat
    assert "Jawaban terkirim" in all_text(again) and "Ana" in all_text(again)


def _join_again(at: AppTest, name: str) -> AppTest:
    """The same browser session sends the join form once more (its seat dropped from the address)."""
    del at.query_params["kursi"]
    at.run()
    at.text_input(key="live_name").input(name)
    return press(at, "Gabung")


def test_one_browser_session_that_sends_the_join_form_again_keeps_its_one_seat(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    bot = joined(record.code, "Bot 1")
    for n in range(2, 6):
        bot = _join_again(bot, f"Bot {n}")
    assert [p.nickname for p in store.live_players(record.id)] == ["Bot 1"]


def test_a_removed_anonymous_phone_cannot_join_again_at_once(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    budi = joined(record.code, "Budi")
    host = teacher()
    host.multiselect(key="live_remove_pick").set_value([store.live_players(record.id)[0].seat])
    press(host, "Keluarkan")
    budi = _join_again(budi, "Budi Baru")
    assert "dikeluarkan" in all_text(budi) and not players.active(store.live_players(record.id))


def test_the_teacher_removes_several_names_at_once_and_locks_the_lobby(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    seats = [service.join(store, record.code, f"Bot {n}", browser=f"b{n}")[1].seat for n in range(3)]
    host = teacher()
    host.multiselect(key="live_remove_pick").set_value(seats[:2])
    host = press(host, "Keluarkan yang dipilih")
    assert "1 siswa sudah bergabung" in all_text(host)
    host = press(host, "Kunci ruang tunggu")
    assert store.live_get(record.id).session.locked and "Ruang tunggu dikunci" in all_text(host)
    late = phone(kuis=record.code)
    late.text_input(key="live_name").input("Siti")
    assert "mengunci kuis ini" in all_text(press(late, "Gabung"))
    host = press(host, "Buka kunci ruang tunggu")
    assert not store.live_get(record.id).session.locked
    assert "Tunggu guru memulai kuis" in all_text(press(late, "Gabung"))


def _two(bank) -> list[str]:
    return [q.id for q in bank.questions if q.type == "single"][:2]


def test_wrong_finished_and_malformed_codes_get_a_clear_message(store):
    ana = phone()
    ana.text_input(key="live_code").input("12")
    ana.text_input(key="live_name").input("Ana")
    assert "6 angka" in all_text(press(ana, "Gabung"))
    ana.text_input(key="live_code").input("100001")
    assert "tidak ditemukan" in all_text(press(ana, "Gabung"))
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=False)
    service.command(store, 1, record.id, "end")
    ana.text_input(key="live_code").input(record.code)
    assert "sudah selesai" in all_text(press(ana, "Gabung"))
    stale = phone(kuis=record.code, kursi="x" * 32)
    assert "tidak ditemukan" in all_text(stale) and not stale.exception


def test_a_removed_phone_is_told_so(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    _, ana = service.join(store, record.code, "Ana")
    host = teacher()
    host.multiselect(key="live_remove_pick").set_value([ana.seat])
    host = press(host, "Keluarkan")
    assert "0 siswa sudah bergabung" in all_text(host)
    assert "dikeluarkan" in all_text(phone(kuis=record.code, kursi=ana.token))


def test_another_teacher_sees_only_their_own_setup(store):
    service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    other = teacher("budi")
    assert "Buka ruang tunggu" in all_text(other) and "siswa sudah bergabung" not in all_text(other)
    other.session_state["live_host_session"] = 1  # a session id that is not Budi's
    other.run()
    assert "siswa sudah bergabung" not in all_text(other) and not other.exception


def test_the_teacher_page_without_sign_in_shows_no_session(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    at = page(TEACHER_PAGE)
    assert "Halaman ini khusus guru" in all_text(at) and record.code not in all_text(at)


def test_phones_from_one_address_get_a_few_seats_and_then_a_clear_refusal(store, monkeypatch):
    seen = []
    monkeypatch.setattr("ui.live.player.players.client_tag", lambda address: seen.append(address) or "satu-alamat")
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    for n in range(players.MAX_PER_CLIENT):
        joined(record.code, f"Bot {n}")
    refused = joined(record.code, "Bot lagi")
    assert "perangkat atau jaringan ini" in all_text(refused)
    assert len(store.live_players(record.id)) == players.MAX_PER_CLIENT and seen


def test_a_phone_behind_the_documented_nginx_is_counted_by_its_forwarded_address(monkeypatch):
    from ui.live import player

    monkeypatch.setattr(player.st, "context", type("Ctx", (), {
        "ip_address": "127.0.0.1", "headers": {"X-Forwarded-For": "192.168.1.23"}})())
    assert player._client() == "192.168.1.23"


def test_a_saved_student_joins_as_themselves_without_typing_a_name(store):
    record = service.create(store, _bank(), 1, _two(_bank()), base_seconds=20, speed_bonus=True)
    andi = store.create_student("Andi")
    at = phone(kuis=record.code, kode=andi.code)
    assert not [t for t in at.text_input if t.key == "live_name"]
    at = press(at, "Gabung sebagai Andi")
    assert not at.exception and "Tulis nama panggilanmu dulu" not in all_text(at)
    assert "kamu bermain sebagai **Andi**" in all_text(at)
    [seat] = store.live_players(record.id)
    assert (seat.nickname, seat.student_id) == ("Andi", andi.id)


def test_a_teacher_who_allows_no_anonymous_players_seats_only_saved_students(store):
    host = teacher()
    next(s for s in host.selectbox if s.key == "live_quiz").set_value("konsep-dasar")
    host.toggle(key="live_anonymous").set_value(False)
    host = press(host, "Buka ruang tunggu")
    (record,) = store.live_unfinished(1)
    assert record.session.anonymous is False
    guest = phone(kuis=record.code)
    guest.text_input(key="live_name").input("Tamu")
    assert "hanya untuk siswa yang sudah menyimpan kemajuan" in all_text(press(guest, "Gabung"))
    siti = store.create_student("Siti")
    saved = press(phone(kuis=record.code, kode=siti.code), "Gabung sebagai Siti")
    assert "kamu bermain sebagai **Siti**" in all_text(saved)
    assert [p.nickname for p in store.live_players(record.id)] == ["Siti"]


def test_a_phone_puts_a_live_ordering_question_in_order_with_the_up_buttons_and_sends_it(store):
    from lessonkit.quiz.types import ordering

    bank = _bank()
    question = next(q for q in bank.questions if isinstance(q, ordering.Question))
    record = service.create(store, bank, 1, [question.id, _two(bank)[0]], base_seconds=60, speed_bonus=False)
    ana = joined(record.code, "Ana")
    service.join(store, record.code, "Budi")
    service.command(store, 1, record.id, "start")
    ana.run()
    public = service.phone_view(store, bank, store.live_get(record.id),
                                store.live_rejoin(record.id, ana.query_params["kursi"])).public
    key = f"live-{record.id}-1-order"
    assert all(item in all_text(ana) for item in public.items), "every item is visible before any tap"
    wanted = [public.items.index(text) for text in question.items]
    for target, item in enumerate(wanted):
        shown = ana.session_state[key] if key in ana.session_state else list(range(len(public.items)))
        for position in range(shown.index(item), target, -1):
            ana = ana.button(key=f"{key}-up-{position}").click().run()
    if key not in ana.session_state:  # shown in the right order already
        ana = press(ana, "Urutan ini sudah benar")
    assert ana.session_state[key] == wanted
    ana = press(ana, "Kirim jawaban")
    assert "Jawaban terkirim" in all_text(ana)


def test_the_question_picker_shows_the_start_of_each_questions_text(store):
    host = teacher()
    host.segmented_control(key="live_source").set_value("Pilih soal").run()
    picker = host.multiselect(key="live_pick")
    first = next(q for q in _bank().questions if questions.usable(q))
    label = next(option for option in picker.options if option.startswith(f"{first.id} · "))
    assert label == f"{first.id} · {type_name(first)} · {label.split(' · ', 2)[2]}"
    assert first.prompt.split()[0] in label and first.prompt.split()[1] in label
    assert all(option.count(" · ") >= 2 for option in picker.options)
