"""Hostile question files: remote images and script links are dropped, deep nesting and huge files are refused
with an Indonesian message, quickly and without an uncaught RecursionError."""

from __future__ import annotations

import time

import pytest

from lessonkit.exchange import markup
from lessonkit.exchange.imported import MAX_QUESTIONS, Defaults
from lessonkit.exchange.upload import UploadError, preview, read_any
from lessonkit.rules.remote import REMOTE_IMAGE


def moodle(question_html: str) -> bytes:
    return (f"""<?xml version="1.0" encoding="UTF-8"?><quiz><question type="multichoice"><name><text>Satu</text>
    </name><questiontext format="html"><text><![CDATA[{question_html}]]></text></questiontext><single>true</single>
    <answer fraction="100" format="html"><text>PGRI</text></answer>
    <answer fraction="0" format="html"><text>IDI</text></answer></question></quiz>""").encode()


def test_a_moodle_image_from_the_internet_never_reaches_the_yaml(tmp_path):
    found = preview(moodle('<p>Lihat <img src="http://example.invalid/x.png" alt="peta"> gambar</p>'),
                    "serangan.xml", Defaults("L1", "satu"), tmp_path, None)
    assert "example.invalid" not in found.yaml_text and "Lihat" in found.yaml_text
    assert not REMOTE_IMAGE.search(found.yaml_text)


def test_links_other_than_http_become_their_text_and_web_links_stay():
    markdown = markup.to_markdown('<p><a href="javascript:alert(1)">klik</a> <a href="file:///etc/passwd">f</a> '
                                  '<a href="https://kemdikbud.go.id">situs</a></p>')
    assert markdown == "klik f [situs](https://kemdikbud.go.id)"


@pytest.mark.parametrize("text", ["![x](http://example.invalid/x.png)", "![x](//example.invalid/x.png)",
                                  "![![](http://a.invalid/)](http://b.invalid/)", "[klik](javascript:alert(1))",
                                  "<javascript:alert(1)>"])
def test_markdown_written_in_a_gift_file_loses_remote_images_and_script_links(text):
    _, imported = read_any(f"::Satu:: [markdown]Organisasi guru? {text} {{=PGRI ~IDI}}\n".encode())
    prompt = imported.questions[0]["prompt"]
    assert not REMOTE_IMAGE.search(prompt) and "](javascript" not in prompt and "<javascript" not in prompt
    assert "Organisasi guru?" in prompt


def test_an_image_inside_the_text_itself_is_kept():
    assert markup.offline("![peta](data:image/png;base64,AAAA)") == "![peta](data:image/png;base64,AAAA)"


def test_twenty_thousand_nested_tags_are_an_indonesian_error_not_a_recursion_error():
    with pytest.raises(UploadError, match="bersarang terlalu dalam"):
        read_any(moodle("<b>" * 20_000 + "x" + "</b>" * 20_000))


def test_a_gift_file_with_twenty_thousand_questions_is_refused_quickly():
    data = "".join(f"::S{i}:: Organisasi guru? {{=PGRI ~IDI}}\n\n" for i in range(20_000)).encode()
    started = time.perf_counter()
    with pytest.raises(UploadError, match=f"lebih dari batas {MAX_QUESTIONS} soal"):
        read_any(data)
    assert time.perf_counter() - started < 2


def test_a_moodle_file_with_too_many_questions_is_refused():
    one = moodle("Organisasi guru?").decode().split("<quiz>")[1].split("</quiz>")[0]
    data = f"<?xml version='1.0'?><quiz>{one * (MAX_QUESTIONS + 1)}</quiz>".encode()
    with pytest.raises(UploadError, match="bagi soalnya ke beberapa file"):
        read_any(data)
