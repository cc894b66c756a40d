"""Every table the pages show goes through ``safe_frame``: its toolbar's "Download as CSV" is formula-safe.

Streamlit's table toolbar writes the cells it holds as they are; a student
named ``=HYPERLINK(...)`` would become a live formula in the teacher's
spreadsheet. The AST walk catches a new ``st.dataframe``/``st.table`` that
forgets it; ``tests/pages/test_teacher_pages.py`` proves the cells really
are escaped.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

TABLES = {"dataframe", "table", "data_editor"}
SOURCES = sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "app_pages").rglob("*.py"), ROOT / "app.py"])


def _imported(tree: ast.AST) -> set[str]:
    """Names the file imports, except Streamlit itself: ``gradebook.table(...)`` is not a shown table."""
    names = {(alias.asname or alias.name).split(".")[0] for node in ast.walk(tree)
             if isinstance(node, ast.Import | ast.ImportFrom) for alias in node.names}
    return names - {"st"}


def _table_calls(tree: ast.AST):
    modules = _imported(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TABLES:
            receiver = node.func.value
            if not (isinstance(receiver, ast.Name) and receiver.id in modules):
                yield node


def _data_argument(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "data"), None)


def _is_safe(argument: ast.expr | None) -> bool:
    return (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name)
            and argument.func.id == "safe_frame")


def test_the_walk_finds_the_tables_of_the_class_pages():
    found = {path.name for path in SOURCES for _ in _table_calls(ast.parse(path.read_text(encoding="utf-8")))}
    assert {"class_admin.py", "class_results.py", "class_live_results.py"} <= found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shown_table_is_given_a_safe_frame(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    unsafe = [call.lineno for call in _table_calls(tree) if not _is_safe(_data_argument(call))]
    assert not unsafe, f"{path.relative_to(ROOT)}: wrap the table in safe_frame(...) on lines {unsafe}"

