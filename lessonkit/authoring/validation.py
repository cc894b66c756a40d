"""Turning pydantic validation errors into Indonesian `Problem` lines.

Schemas in lessonkit are pydantic models with ``extra="forbid"``; this module
translates each error into a message a teacher understands, placed on the
line of the offending key or value.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yamlsrc import Parsed

_MESSAGES = {
    "missing": "wajib diisi",
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "float_type": "harus berupa angka",
    "float_parsing": "harus berupa angka",
    "bool_type": "harus true atau false (tanpa tanda kutip)",
    "bool_parsing": "harus true atau false (tanpa tanda kutip)",
    "list_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "dict_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_attributes_type": "harus berupa pemetaan 'kunci: nilai'",
    "string_too_short": "tidak boleh kosong",
}


def _message(error: dict, allowed: Iterable[str]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        guess = difflib.get_close_matches(key, list(allowed), n=1)
        hint = f" (maksudnya '{guess[0]}'?)" if guess else ""
        return f"kunci '{key}' tidak dikenal{hint}"
    if kind in ("value_error", "located"):
        return str(ctx.get("error", error["msg"]))
    if kind in ("greater_than", "greater_than_equal"):
        sign = ">" if kind == "greater_than" else "≥"
        return f"harus {sign} {ctx.get('gt', ctx.get('ge'))}"
    if kind == "too_short":
        return f"minimal {ctx.get('min_length')} butir"
    if kind == "too_long":
        return f"maksimal {ctx.get('max_length')} butir"
    if kind == "string_too_long":
        return f"terlalu panjang; maksimal {ctx.get('max_length')} karakter"
    if kind == "literal_error":
        return f"harus salah satu dari: {ctx.get('expected')}"
    if kind == "enum":
        return f"harus salah satu dari: {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        return "hanya boleh huruf kecil, angka dan tanda '-' (contoh: proses-profesi)"
    return _MESSAGES.get(kind, error["msg"])


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model at ``loc`` (best effort, for 'did you mean' hints)."""
    current: object = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            break
        annotation = info.annotation
        args = getattr(annotation, "__args__", ()) or ()
        candidates = [annotation, *args]
        for candidate in list(candidates):
            candidates.extend(getattr(candidate, "__args__", ()) or ())
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def translate(
    exc: ValidationError,
    parsed: Parsed,
    file: str,
    model: type[BaseModel],
    *,
    base: tuple = (),
    item_id: Callable[[tuple], str] | str = "",
) -> list[Problem]:
    """One `Problem` per pydantic error; ``base`` is the path of the validated object in the file."""
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        loc += tuple((error.get("ctx") or {}).get("at", ())) if error["type"] == "located" else ()
        path = base + loc
        ident = item_id(path) if callable(item_id) else item_id
        field = ".".join(str(p) for p in loc) or "-"
        problems.append(Problem(file, parsed.line_of(path), ident, field,
                                _message(error, _allowed_keys(model, loc))))
    return problems
