"""The benchmark's protocol client really drives the app: pages load, widgets are found, clicks rerun, and an
action inside a fragment reruns only that fragment, as a browser does."""

from __future__ import annotations

from bench.loadgen import StudentClient
from tests.conftest import run_async


def test_loadgen_opens_pages_and_clicks_like_a_browser(server):
    async def scenario():
        client = StudentClient(server.url)
        await client.connect()
        try:
            await client.open("materi", "bagian=pengantar")
            assert client.has("button", "Berikutnya: ")
            await client.click("Berikutnya: ")
            await client.open("latihan")
            await client.click("Mulai latihan")
            assert client.has("radio", "Pilih satu jawaban")
            seconds = await client.choose("Pilih satu jawaban", 0)
            await client.click("Periksa")
            assert client.has("button", "Coba lagi")
            return seconds, client.errors
        finally:
            await client.close()

    seconds, errors = run_async(scenario())
    assert seconds > 0 and errors == 0


def test_a_diagram_action_reruns_only_its_fragment_and_the_page_keeps_its_other_widgets(server):
    async def scenario():
        client = StudentClient(server.url)
        await client.connect()
        try:
            await client.open("diagram", "diagram=volunteer-siklus")
            stepper = client._find("button", "Tahap berikutnya")
            assert stepper.fragment, "the diagram is a fragment"
            page_widgets = {w.id for w in client.widgets.values() if not w.fragment}
            assert page_widgets, "the diagram picker is outside the fragment"
            await client.click("Tahap berikutnya")
            assert page_widgets <= set(client.widgets), "a fragment rerun does not resend the rest of the page"
            await client.component_event("lessonkit_diagram", "select", "penggalangan-sukarelawan")
            assert client._find("button", "← Tahap sebelumnya").fragment == stepper.fragment
            return client.errors
        finally:
            await client.close()

    assert run_async(scenario()) == 0


def test_a_phone_types_its_name_joins_follows_the_address_and_polls_only_the_fragment(server):
    from bench.live import Database, phone_joins

    code, _, _ = Database(f"sqlite:///{server.data_dir / 'lessonkit.db'}").make_session()

    async def scenario():
        client = await phone_joins(server.url, code, 0)  # fill "Nama panggilan", then the form's "Gabung"
        try:
            assert "kursi=" in client.query, "the seat the app put in the address is sent back on every rerun"
            assert len(client.auto_reruns) == 1, "the page announced its run_every fragment"
            seconds = await client.poll()
            assert client.page_hash and client.auto_reruns, "a poll keeps the page (and its fragment)"
            return seconds, client.errors
        finally:
            await client.close()

    seconds, errors = run_async(scenario())
    assert seconds > 0 and errors == 0
