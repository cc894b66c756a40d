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
MAX_DEPTH = 100  # nesting a teacher's file never needs; far below where a parser could run out of stack


def _marked(construct):
    """A constructor whose bad values (``2026-13-01``, ``!!int abc``) become errors that name their line."""

    def guarded(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError, TypeError) as exc:
            raise yaml.constructor.ConstructorError(None, None, "nilai tidak dapat dibaca", node.start_mark) from exc

    return guarded


# libyaml's C parser when PyYAML was built with it (it usually is): same results, many times faster
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


for _tag in ("timestamp", "int", "float"):
    _full = f"tag:yaml.org,2002:{_tag}"
    _Loader.add_constructor(_full, _marked(_Loader.yaml_constructors[_full]))

_LOADER = _Loader

# PyYAML/libyaml messages, in words a teacher understands (first match wins; the text is lower-cased)
_PROBLEMS = (
    ("mapping values are not allowed", "tanda titik dua ':' tidak boleh di sini; teks yang berisi ': ' harus "
                                       "diberi tanda kutip, dan kunci di bawah satu kunci harus sejajar"),
    ("could not find expected ':'", "tanda titik dua ':' setelah kunci tidak ditemukan"),
    ("did not find expected key", "kunci berikutnya tidak ditemukan; periksa indentasi (jumlah spasi di awal baris)"),
    ("did not find expected '-' indicator", "setiap butir daftar harus diawali '- ' dengan indentasi yang sama"),
    ("did not find expected ',' or ']'", "daftar dalam kurung siku '[ ]' belum ditutup atau kurang tanda koma"),
    ("did not find expected ',' or '}'", "isi kurung kurawal '{ }' belum ditutup atau kurang tanda koma"),
    ("did not find expected node content", "nilai yang diharapkan tidak ditemukan"),
    ("did not find expected <document start>", "ada teks setelah isi dokumen selesai; periksa tanda kutip dan kurung"),
    ("but found another document", "file hanya boleh berisi satu dokumen; hapus baris '---' di tengah file"),
    ("did not find expected comment or line break", "setelah nilai ini hanya boleh ada komentar (#) atau baris baru"),
    ("found unexpected end of stream", "file berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unknown escape character", "garis miring terbalik '\\' di dalam tanda kutip ganda tidak dikenal; "
                                       "pakai tanda kutip tunggal atau tulis '\\\\'"),
    ("cannot start any token", "ada karakter yang tidak boleh mengawali nilai (misalnya tab, '@', '`' atau '%'); "
                               "pakai spasi untuk indentasi dan beri tanda kutip pada teksnya"),
    ("found a tab character", "tab tidak boleh dipakai untuk indentasi; pakai spasi"),
    ("block sequence entries are not allowed", "butir daftar '- ' tidak boleh di sini; periksa indentasi"),
    ("block mapping", "indentasi tidak sejajar; periksa jumlah spasi di awal baris"),
    ("found undefined alias", "alias '*' merujuk ke jangkar '&' yang tidak ada; beri tanda kutip pada teks yang "
                              "diawali '*'"),
    ("duplicate anchor", "nama jangkar '&' dipakai dua kali"),
    ("second occurrence", "nama jangkar '&' dipakai dua kali"),
    ("alphabetic or numeric character", "nama jangkar '&' atau alias '*' hanya boleh berisi huruf dan angka; beri "
                                        "tanda kutip pada teksnya"),
    ("constructor for the tag", "tanda '!' (tag YAML) tidak didukung; beri tanda kutip pada teks yang diawali '!'"),
    ("undefined tag handle", "tanda '!' (tag YAML) tidak didukung; beri tanda kutip pada teks yang diawali '!'"),
    ("unhashable", "kunci tidak boleh berupa daftar atau pemetaan"),
    ("merging", "kunci gabungan '<<' tidak didukung"),
    ("incompatible yaml document", "versi YAML ini tidak didukung; hapus baris '%YAML'"),
    ("base64", "data biner (!!binary) tidak valid"),
    ("nilai tidak dapat dibaca", "nilai ini tidak dapat dibaca (misalnya tanggal yang tidak ada); beri tanda kutip "
                                 "bila maksudnya teks"),
    ("control characters are not allowed", "ada karakter kontrol tak terlihat di file; hapus karakter itu"),
    ("special characters are not allowed", "ada karakter khusus tak terlihat di file; hapus karakter itu"),
    ("unacceptable character", "ada karakter tak terlihat yang tidak boleh ada di file; hapus karakter itu"),
)
_CONTEXTS = (
    ("quoted scalar", "teks bertanda kutip"),
    ("block scalar", "teks blok ('|' atau '>')"),
    ("flow sequence", "daftar '[ ]'"),
    ("flow mapping", "kurung kurawal '{ }'"),
    ("block mapping", "kunci dan nilai"),
    ("block collection", "daftar '- '"),
    ("simple key", "kunci"),
    ("anchor", "jangkar '&'"),
    ("alias", "alias '*'"),
    ("tag", "tag '!'"),
    ("mapping", "kunci dan nilai"),
)


def indonesian(problem: str | None, context: str | None = None) -> tuple[str, str | None]:
    """The parser's English message about a syntax error in Indonesian, and where it was (or None)."""
    text = (problem or "").lower()
    reason = next((said for sign, said in _PROBLEMS if sign in text), "penulisan YAML tidak valid di sini")
    where = next((said for sign, said in _CONTEXTS if sign in (context or "").lower()), None)
    return reason, where


def _nesting_bound(text: str) -> int:
    """A cheap upper bound of how deeply ``text`` nests (brackets, indentation, '- ' and ': ' on a line)."""
    flow = deepest = 0
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        for char in stripped:
            if char in "[{":
                flow += 1
                deepest = max(deepest, flow)
            elif char in "]}":
                flow = max(0, flow - 1)
        deepest = max(deepest, len(line) - len(stripped) + stripped.count("- ") + stripped.count(": "))
    return deepest


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


def _walk(root: yaml.Node, lines: dict, dupes: list, offset: int) -> bool:
    """Fill ``lines`` with the line of every path; False when a node is reached twice (an alias)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            return False
        seen.add(id(node))
        lines.setdefault(path, node.start_mark.line + 1 + offset)
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                line = key_node.start_mark.line + 1 + offset
                if key in keys:
                    dupes.append((path + (key,), line))
                keys.add(key)
                # a value's line is where its key is, even when the value is a block on later lines
                lines[path + (key,)] = line
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (index,)) for index, item in enumerate(node.value))
    return True


def parse_yaml(text: str, file: str, *, line_offset: int = 0, item_id: str = "") -> Parsed:
    """Parse ``text``; never raises. ``line_offset`` shifts lines (front matter inside a file)."""

    def unusable(line: int, message: str) -> Parsed:
        problem = Problem(file, line + line_offset, item_id, "yaml", f"YAML tidak valid: {message}")
        return Parsed(None, problems=[problem], line_offset=line_offset)

    if _nesting_bound(text) > MAX_DEPTH:
        return unusable(1, f"isinya bertingkat terlalu dalam (lebih dari {MAX_DEPTH} tingkat kurung atau "
                           "indentasi)")
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason, inside = indonesian(exc.problem, exc.context)
        if inside:
            reason += f" (di dalam {inside}"
            if exc.context_mark is not None and mark is not exc.context_mark:
                reason += f" yang dimulai di baris {exc.context_mark.line + 1 + line_offset}"
            reason += ")"
        return unusable(mark.line + 1 if mark else 1, reason)
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        return unusable(line, indonesian(str(exc))[0])
    parsed = Parsed(data, line_offset=line_offset)
    if node is None:
        return parsed
    dupes: list = []
    if not _walk(node, parsed.lines, dupes, line_offset):
        return unusable(1, "jangkar '&' dan alias '*' tidak dipakai di file ini; tulis isinya langsung, dan beri "
                           "tanda kutip pada teks yang diawali '&' atau '*'")
    for path, line in dupes:
        parsed.problems.append(
            Problem(file, line, item_id, ".".join(str(p) for p in path),
                    "kunci ini ditulis dua kali; hapus salah satunya"))
    return parsed
