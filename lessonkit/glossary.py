"""Searching the glossary: case- and accent-insensitive match on term and definition."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .content import GlossaryTerm
from .limits import SEARCH_MAX


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def search(terms: Sequence[GlossaryTerm], query: str | None) -> list[GlossaryTerm]:
    """Terms whose name or definition contains every word of the query; name matches first."""
    words = _fold((query or "")[:SEARCH_MAX]).split()
    if not words:
        return list(terms)
    in_name, in_definition = [], []
    for term in terms:
        name = _fold(term.term)
        if all(w in name for w in words):
            in_name.append(term)
        elif all(w in name + " " + _fold(term.definition) for w in words):
            in_definition.append(term)
    return in_name + in_definition
