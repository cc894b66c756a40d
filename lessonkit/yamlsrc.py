"""YAML parsing that remembers where every key and value came from.

Teachers edit YAML by hand, so an error message must name the line. This
module parses a document once into plain Python data plus a map from each
path (``("questions", 3, "options", 0, "text")``) to its 1-based line, and
reports syntax errors and duplicate keys as `Problem` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem

Path = tuple
# libyaml's C parser when PyYAML was built with it (it usually is): same results, many times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Parsed:
    """A parsed YAML document with its line map; ``data`` is None when unusable."""

    data: object
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    line_offset: int = 0

    def line_of(self, path: Path) -> int:
        """Line of the deepest existing prefix of ``path`` (a missing key points at its parent)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1 + self.line_offset)


def _walk(node: yaml.Node, path: Path, lines: dict, dupes: list, offset: int) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                dupes.append((path + (key,), line))
            seen.add(key)
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, dupes, offset)
            # a value's own line is where the key is, unless it is a block on later lines
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, dupes, offset)


def parse_yaml(text: str, file: str, *, line_offset: int = 0, item_id: str = "") -> Parsed:
    """Parse ``text``; never raises. ``line_offset`` shifts lines (front matter inside a file)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = (exc.problem or "sintaks tidak valid").strip()
        if exc.context_mark is not None and mark is not exc.context_mark:
            reason += f" (periksa juga baris {exc.context_mark.line + 1 + line_offset})"
        return Parsed(None, problems=[Problem(file, line, item_id, "yaml", f"YAML tidak valid: {reason}")],
                      line_offset=line_offset)
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        return Parsed(None, problems=[Problem(file, 1 + line_offset, item_id, "yaml", f"YAML tidak valid: {exc}")],
                      line_offset=line_offset)
    parsed = Parsed(data, line_offset=line_offset)
    if node is None:
        return parsed
    dupes: list = []
    _walk(node, (), parsed.lines, dupes, line_offset)
    for path, line in dupes:
        parsed.problems.append(
            Problem(file, line, item_id, ".".join(str(p) for p in path),
                    "kunci ini ditulis dua kali; hapus salah satunya"))
    return parsed
