"""The benchmark's protocol client really drives the app: pages load, widgets are found, clicks rerun."""

from __future__ import annotations

import asyncio

from bench.loadgen import StudentClient


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

    seconds, errors = asyncio.run(scenario())
    assert seconds > 0 and errors == 0
