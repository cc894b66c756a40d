"""Searching the glossary: case- and accent-insensitive, forgiving small misspellings.

Every word of the query must be found in the term or its definition, as part of a word ("etik" finds "kode etik")
or misspelled by a letter or two ("voluntir" and "volunter" find "volunteer"; one typo from 4 letters, two from 7).
Order: terms whose name holds the words as typed, then those whose definition does, then the misspelled matches
(names before definitions), so a near match never pushes an exact one down.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..rules.limits import SEARCH_MAX
from ..rules.spelling import edit_distance, typos_allowed
from .content import GlossaryTerm

QUERY_TYPOS = ((7, 2), (4, 1))  # (letters at least, typos tolerated) in one query word


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _near(word: str, text: str) -> bool:
    """Whether ``word`` is a misspelling of a word of ``text`` or of how one starts (a word still being typed)."""
    typos = typos_allowed(len(word), QUERY_TYPOS)
    return typos > 0 and any(edit_distance(word, other) <= typos or edit_distance(word, other[:len(word)]) <= typos
                             for other in text.replace("-", " ").split())


def search(terms: Sequence[GlossaryTerm], query: str | None) -> list[GlossaryTerm]:
    """Terms matching every word of the query, as typed first, then misspelled (see the module's docstring)."""
    words = _fold((query or "")[:SEARCH_MAX]).split()
    if not words:
        return list(terms)
    ranked: list[list[GlossaryTerm]] = [[], [], [], []]  # name, definition, name misspelled, definition misspelled
    for term in terms:
        name = _fold(term.term)
        whole = name + " " + _fold(term.definition)
        if all(w in name for w in words):
            ranked[0].append(term)
        elif all(w in whole for w in words):
            ranked[1].append(term)
        elif all(w in name or _near(w, name) for w in words):
            ranked[2].append(term)
        elif all(w in whole or _near(w, whole) for w in words):
            ranked[3].append(term)
    return [term for rank in ranked for term in rank]
