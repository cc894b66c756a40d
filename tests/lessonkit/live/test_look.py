"""Answer tiles (colour, shape and letter, readable text on every colour) and the reveal chart's short bar names."""

from __future__ import annotations

from lessonkit.live import look
from lessonkit.live.wire import Bar
from lessonkit.quiz.types.single import LETTERS


def test_every_tile_has_its_own_colour_shape_and_letter():
    tiles = look.TILES
    assert [t.letter for t in tiles] == list(LETTERS[:len(tiles)])
    assert len({t.shape for t in tiles}) == len({t.background for t in tiles}) == len(tiles)
    assert [t.shape for t in tiles[:4]] == ["▲", "◆", "●", "■"]


def test_every_tiles_text_reaches_wcag_aa_contrast_on_its_colour():
    for t in look.TILES:
        assert look.contrast(t.text, t.background) >= 4.5, t


def test_contrast_is_the_wcag_ratio():
    assert round(look.contrast("#FFFFFF", "#000000"), 1) == 21.0
    assert look.contrast("#777777", "#777777") == 1.0
    assert round(look.contrast("#FFFFFF", "#767676"), 2) == 4.54  # the grey WCAG's own examples use


def test_tiles_past_the_sixth_keep_their_letters_and_reuse_colours_and_shapes():
    seventh = look.tile(6)
    assert seventh.letter == "G" and (seventh.shape, seventh.background) == (look.TILES[0].shape,
                                                                              look.TILES[0].background)
    assert look.tile(1).label("Profesi") == "◆ B. Profesi" and look.tile(1).label() == "◆ B"


def test_choice_bars_are_named_by_their_tiles_in_the_tiles_colours():
    bars = [Bar(f"{letter}. pilihan yang cukup panjang untuk menabrak batang", 2, letter == "B") for letter in "ABCDE"]
    drawn = look.chart("single", bars)
    assert drawn.names == ("▲ A", "◆ B", "● C", "■ D", "★ E")
    assert drawn.colours == tuple(t.background for t in look.TILES[:5]) and drawn.legend == ()


def test_long_statements_become_numbered_bars_with_their_texts_beside_the_chart():
    bars = [Bar("1. Profesi menuntut keahlian yang diperoleh lewat pendidikan (Benar)", 3, True),
            Bar("2. Relawan selalu dibayar (Salah)", 1, True)]
    drawn = look.chart("true_false", bars)
    assert drawn.names == ("1", "2") and drawn.colours is None
    assert drawn.legend == ("1. Profesi menuntut keahlian yang diperoleh lewat pendidikan (Benar)",
                            "2. Relawan selalu dibayar (Salah)")
    assert drawn.legend_is_key, "the lines name the key, so no second key line is needed"


def test_short_bar_names_are_drawn_as_they_are():
    bars = [Bar("Urutan tepat", 4, True), Bar("Sebagian tepat", 1, False), Bar("Belum tepat", 0, False)]
    assert look.chart("ordering", bars) == look.Chart(("Urutan tepat", "Sebagian tepat", "Belum tepat"), None, ())
