"""ui.text: what plain() and chart_label() produce (what Streamlit then shows is proved in Chromium)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from lessonkit.rules.limits import BIDI_CONTROLS
from ui.text import WORD_JOINER, chart_label, plain


def _unescaped(markdown: str) -> str:
    """What CommonMark makes of the escaped text: backslash escapes resolved, invisible joiners dropped."""
    text = re.sub(r"\\(.)", r"\1", markdown.replace("  \n", "\n"))
    return text.replace(WORD_JOINER, "").replace("\u00a0", " ")


def test_markdown_html_maths_and_colours_are_escaped():
    escaped = plain("![x](http://example.invalid/p.png) **b** <img> $x$ :red[y]")
    for raw in ("![", "](", "**", "<img>", "$x$", "[y]"):
        assert raw not in escaped
    assert "\\!\\[x\\]\\(" in escaped and "\\$x\\$" in escaped


def test_shortcodes_and_bare_links_are_broken_by_an_invisible_joiner():
    escaped = plain(":material/home: :smile: www.example.invalid ana@example.invalid http://x")
    assert ":material/" not in escaped and ":smile:" not in escaped
    assert "www\\." not in escaped and "@example" not in escaped and "http:/" not in escaped


def test_line_breaks_are_kept_and_leading_spaces_cannot_start_a_code_block():
    assert plain("satu\r\ndua") == "satu  \ndua"
    assert plain("    kode").startswith("\u00a0\u00a0\u00a0\u00a0")


def test_none_is_empty():
    assert plain(None) == "" and chart_label(None) == ""


@given(st.text(max_size=200))
def test_plain_loses_nothing_a_reader_sees(text):
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = re.sub(r"^[ \t]+", lambda m: " " * len(m.group().expandtabs(4)), expected, flags=re.MULTILINE)
    expected = "".join(c for c in expected if c not in BIDI_CONTROLS)
    assert _unescaped(plain(text)) == expected.replace(WORD_JOINER, "").replace("\u00a0", " ")


def test_chart_labels_cannot_make_tags_or_links():
    assert chart_label('<a href="http://example.invalid">x</a> & <b>') == \
        '&lt;a href="http://example.invalid"&gt;x&lt;/a&gt; &amp; &lt;b&gt;'


def test_direction_overrides_are_dropped_so_text_looks_as_it_reads():
    assert plain("\u202eanA") == "anA" and chart_label("\u2067x\u2069") == "x"


def test_a_sentence_ending_in_a_name_with_a_title_gets_one_full_stop_not_two():
    from ui.text import full_stop

    assert full_stop("Sari Dewi, S.Pd.") == "" and full_stop("Budi") == "." and full_stop("XI IPS 2") == "."
