"""What a student may send, enforced on the server: lengths, allowed characters, the shape of a resume code.

The browser's ``max_chars`` is only a convenience (a script can send anything
over the websocket), so the store and the question types clean every text
with these functions before using or saving it. Names and class codes lose
control and invisible formatting characters (zero-width, right-to-left
overrides: a name must look the same on a projector as it was typed) and
runs of spaces; answers keep their line breaks. Plain Python, no Streamlit.
"""

from __future__ import annotations

import re
import unicodedata

STUDENT_NAME_MAX = 60
JOIN_CODE_INPUT_MAX = 20  # the class code a student types (six letters, with room for spaces and dashes)
CODE_MIN, CODE_MAX = 22, 64
SHORT_ANSWER_MAX = 120
ESSAY_MAX = 3000
SEARCH_MAX = 60
RESPONSE_ITEMS_MAX = 50

_CODE = re.compile(rf"[A-Za-z0-9_-]{{{CODE_MIN},{CODE_MAX}}}")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
"""Characters that reorder text on screen: "\u202eanA" shows as "Ana". Dropped from everything shown."""


def is_resume_code(text: object) -> bool:
    """True when ``text`` has the shape of a resume code; checked before the database is asked."""
    return isinstance(text, str) and _CODE.fullmatch(text) is not None


def clean_line(text: object, limit: int) -> str:
    """One line of visible text (a name, a class code): no control or format characters, single spaces."""
    normal = unicodedata.normalize("NFC", str(text or "")[: limit * 4])
    visible = "".join(" " if unicodedata.category(c) == "Cc" else c for c in normal
                      if unicodedata.category(c) == "Cc" or unicodedata.category(c)[0] != "C")
    return " ".join(visible.split())[:limit].strip()


def clean_answer(text: object, limit: int) -> str:
    """A typed answer: line breaks and tabs kept, other control and direction-override characters removed."""
    normal = unicodedata.normalize("NFC", str(text or "")[: limit * 4]).replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in normal if c in "\n\t" or (c not in BIDI_CONTROLS and unicodedata.category(c)
                                                          not in ("Cc", "Cs", "Co", "Cn")))
    return kept[:limit]

