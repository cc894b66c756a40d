"""How both Kuis Langsung pages look: the stylesheet, the answer tiles, the lobby's name chips.

Answer tiles (``lessonkit.live.look``) are containers keyed ``live-tile-<position>`` (Streamlit turns a container
key into the class ``st-key-<key>``): the stylesheet gives each its colour, its text colour and its shape (drawn
before the label, so a label stays "A. text" for tests, screen readers and the benchmark's client). The phone's
tiles hold buttons, the projector's the same texts; a multiple-answer question's pills get the same colours.

The projector view (``live-projector``) has large type: at 1920x1080 no text below 28 px, so the back row reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import streamlit as st

from lessonkit.live import look
from lessonkit.quiz.types.single import LETTERS

TILES_KEY, COMPACT_KEY, PICK_KEY, CHIPS_KEY, PROJECTOR_KEY, ANSWER_KEY = (
    "live-tiles", "live-tiles-compact", "live-pick", "live-chips", "live-projector", "live-answer")


def _tile_rules() -> str:
    rules = []
    for position in range(len(LETTERS)):
        tile = look.tile(position)
        colours = f"background:{tile.background} !important;color:{tile.text} !important;"
        shape = f'content:"{tile.shape}";'
        rules += [f".st-key-live-tile-{position}{{{colours}}}",
                  f".st-key-live-tile-{position} p:first-child::before{{{shape}}}",
                  f".st-key-{PICK_KEY} button:nth-of-type({position + 1}){{{colours}}}",
                  f".st-key-{PICK_KEY} button:nth-of-type({position + 1}) p::before{{{shape}}}"]
    return "\n".join(rules)


STYLE = f"""<style>
.live-code {{font: 700 150px/1.05 'Source Code Pro', ui-monospace, monospace; letter-spacing: .12em;
            color: #0B3D91; white-space: nowrap; margin: 0;}}
[class*="st-key-live-push-"] {{display: none;}}
.st-key-{ANSWER_KEY} button, .st-key-{ANSWER_KEY} input,
.st-key-{ANSWER_KEY} [data-baseweb="select"] > div {{min-height: 3.4rem; font-size: 1.15rem;}}
.st-key-{TILES_KEY}, .st-key-{COMPACT_KEY} {{display: grid !important; grid-template-columns: repeat(2, minmax(0, 1fr));
                                           gap: .6rem;}}
.st-key-{PROJECTOR_KEY} .st-key-{COMPACT_KEY} p {{font-size: 1.4rem; line-height: 1.3;}}
[class*="st-key-live-tile-"] [data-testid="stMarkdownContainer"] {{margin-bottom: 0 !important;}}
[class*="st-key-live-tile-"] {{border-radius: .6rem; padding: .6rem .9rem; min-height: 3.4rem;
                               justify-content: center;}}
[class*="st-key-live-tile-"] p, .st-key-{PICK_KEY} button p {{color: inherit; font-weight: 600; margin: 0;}}
[class*="st-key-live-tile-"] p:first-child::before, .st-key-{PICK_KEY} button p::before {{
    display: inline-block; min-width: 1.4em; font-size: 1.15em;}}
[class*="st-key-live-tile-"]:has(button) {{padding: 0;}}
[class*="st-key-live-tile-"] button {{background: transparent !important; color: inherit !important;
                                      border: 0 !important; min-height: 4.2rem; justify-content: flex-start;
                                      text-align: left; padding: .5rem .8rem;}}
[class*="st-key-live-tile-"] button:hover, .st-key-{PICK_KEY} button:hover {{filter: brightness(1.12);}}
[class*="st-key-live-tile-"] button:focus-visible, .st-key-{PICK_KEY} button:focus-visible {{
    outline: 4px solid #111318; outline-offset: 3px; box-shadow: 0 0 0 3px #FFFFFF;}}
.st-key-{PICK_KEY} [data-testid="stButtonGroup"] > div {{
    display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .6rem;}}
.st-key-{PICK_KEY} button {{min-height: 4.2rem; border: 3px solid transparent; border-radius: .6rem;
                             justify-content: flex-start; text-align: left; white-space: normal; height: auto;}}
.st-key-{PICK_KEY} button[aria-pressed="true"] {{border-color: #111318 !important;
                                                  box-shadow: 0 0 0 3px #FFFFFF inset;}}
.st-key-{PICK_KEY} button[aria-pressed="true"] p::after {{content: "\\00a0✓ dipilih";}}
{_tile_rules()}
.st-key-{CHIPS_KEY} {{flex-wrap: wrap !important; gap: .6rem !important;}}
.st-key-{CHIPS_KEY} [data-testid="stText"] {{font-size: 2rem; font-weight: 600; line-height: 1.2; padding: .3rem 1.1rem;
                                            border-radius: 999px; background: rgba(8, 64, 125, .12);
                                            white-space: nowrap;}}
.st-key-{PROJECTOR_KEY} p, .st-key-{PROJECTOR_KEY} li, .st-key-{PROJECTOR_KEY} [data-testid="stCaptionContainer"] {{
    font-size: 1.75rem; line-height: 1.35;}}
.st-key-{PROJECTOR_KEY} h1 {{font-size: 3rem;}}
.st-key-{PROJECTOR_KEY} h2 {{font-size: 2.4rem;}}
.st-key-{PROJECTOR_KEY} h3 {{font-size: 2rem;}}
</style>"""

def style() -> None:
    st.html(STYLE)


def tiles(texts: Sequence[str], keys: Iterable[bool] = (), compact: bool = False) -> None:
    """The answer texts as the projector's tiles; ``keys`` marks the answer key after the close; ``compact``
    (beside the reveal's chart) sets them in smaller type."""
    marked = list(keys)
    with st.container(key=COMPACT_KEY if compact else TILES_KEY):
        for position, text in enumerate(texts):
            mark = " ✓ **Kunci**" if position < len(marked) and marked[position] else ""
            with st.container(key=f"live-tile-{position}"):
                st.markdown(f"{LETTERS[position]}. {text}{mark}")


def tile(position: int):
    """The container of a phone's answer tile ``position`` (a button goes inside)."""
    return st.container(key=f"live-tile-{position}")


def tile_grid():
    return st.container(key=TILES_KEY)


def pick_area():
    """Where a multiple-answer question's pills go: tiles of the same colours and shapes, chosen ones ticked."""
    return st.container(key=PICK_KEY)


def chips(names: Iterable[str]) -> None:
    """Names as large chips that wrap: plain text (``st.text``), never markup."""
    with st.container(key=CHIPS_KEY, horizontal=True):
        for name in names:
            st.text(name)
