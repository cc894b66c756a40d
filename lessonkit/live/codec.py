"""JSON for the live quiz's dataclasses, so storage can keep them in JSON columns and read them back.

``dump(obj)`` gives plain JSON values (dicts, lists, strings, numbers, booleans, None);
``load(cls, data)`` validates them back into the frozen dataclass, with pydantic doing the checking.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


@cache
def _adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


def dump(obj: Any) -> Any:
    """``obj`` (a dataclass of this package) as JSON values."""
    return _adapter(type(obj)).dump_python(obj, mode="json")


def load(cls: type[T], data: Any) -> T:
    """The dataclass ``cls`` from JSON values; raises ``pydantic.ValidationError`` on malformed data."""
    return _adapter(cls).validate_python(data)
