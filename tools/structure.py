"""The import structure of the app's own code: circles and arrows running back up (ast-based, nothing imported).

Every ``import`` counts, those inside functions and under ``TYPE_CHECKING`` too: a loop hidden in a function
is still a loop. Two findings:

- a *circle*: modules that import each other, directly or through others (a strongly connected component of
  the module graph);
- an *arrow running back up*: an import between packages (``lessonkit.live``, ``lessonkit.storage``, ``ui.learn``,
  ``bench`` …) that closes a loop between those packages, or that goes from a lower layer of `LAYERS` to a
  higher one (the core never imports the shell).

    python -m tools.structure        # prints both lists; exit 1 when either is not empty
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("lessonkit", "server", "ui", "bench")
# lowest first: a module may import its own layer or a lower one (the tests are above everything)
LAYERS = ("lessonkit", "server", "ui", "bench", "tests")


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _resolved(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``path`` (module ``module``) imports, wherever the import statement is;
    ``tests`` for anything from the test tree."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):  # ``from package import module`` imports the module, not the package
            target = _resolved(module, _is_package(path), node)
            names = [f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target
                     for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] == "tests":
                found.add("tests")
                continue
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def graph(root: Path = ROOT, folders: Iterable[str] = FOLDERS) -> dict[str, set[str]]:
    paths = {module_name(path, root): path for folder in folders for path in sorted((root / folder).rglob("*.py"))
             if "results" not in path.relative_to(root).parts}
    known = set(paths)
    return {module: imports(module, path, known) for module, path in paths.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan), each sorted, the list sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


GROUPED = ("lessonkit", "ui")  # folders whose packages (and top modules) are judged against each other


def package(module: str) -> str:
    """The unit an import is judged between: ``lessonkit.live`` for ``lessonkit.live.state`` and ``ui.learn``
    for ``ui.learn.quiz_view`` (a package or a module directly in ``lessonkit/`` or ``ui/``), the top folder
    elsewhere (``server`` for ``server.uploads``)."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] in GROUPED else parts[0]


def _package_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    packages: dict[str, set[str]] = {}
    for module, targets in edges.items():
        for target in targets:
            if package(module) != package(target):
                packages.setdefault(package(module), set()).add(package(target))
    return packages


def arrows_back_up(edges: dict[str, set[str]]) -> list[str]:
    """Imports between packages that close a loop between them, and imports from a lower layer to a higher."""
    packages = _package_graph(edges)
    loops = [set(component) for component in cycles(packages)]
    found = []
    for module, targets in sorted(edges.items()):
        for target in sorted(targets):
            here, there = package(module), package(target)
            if here == there:
                continue
            if any(here in loop and there in loop for loop in loops):
                found.append(f"{module} -> {target} (packages {here} and {there} import each other)")
            layer_here, layer_there = module.split(".")[0], target.split(".")[0]
            if LAYERS.index(layer_there) > LAYERS.index(layer_here):
                found.append(f"{module} -> {target} ({layer_here} imports {layer_there}, a layer above it)")
    return found


def main() -> int:
    edges = graph()
    circles, arrows = cycles(edges), arrows_back_up(edges)
    for circle in circles:
        print("circle:", " <-> ".join(circle))
    for arrow in arrows:
        print("back up:", arrow)
    print(f"{len(circles)} circles, {len(arrows)} arrows running back up")
    return 1 if circles or arrows else 0


if __name__ == "__main__":
    sys.exit(main())
