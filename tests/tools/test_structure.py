"""The structure tool: no import circles and no arrow running back up in lessonkit/, server/, ui/ and bench/."""

from __future__ import annotations

from tools.structure import arrows_back_up, cycles, graph


def test_the_app_has_no_import_circle_and_no_arrow_running_back_up():
    edges = graph()
    assert cycles(edges) == []
    assert arrows_back_up(edges) == []


def _tree(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return graph(root)


def test_a_circle_hidden_inside_a_function_is_found(tmp_path):
    edges = _tree(tmp_path, {"ui/__init__.py": "", "ui/a.py": "from ui import b\n",
                             "ui/b.py": "def f():\n    from ui.a import g\n"})
    assert cycles(edges) == [["ui.a", "ui.b"]]


def test_packages_that_import_each_other_and_the_core_importing_the_shell_or_the_tests_run_back_up(tmp_path):
    edges = _tree(tmp_path, {
        "lessonkit/__init__.py": "", "lessonkit/live/__init__.py": "", "lessonkit/storage/__init__.py": "",
        "lessonkit/live/service.py": "from ..storage import Store\n",
        "lessonkit/storage/live.py": "from ..live import service\n",
        "lessonkit/pages.py": "import ui.data\n", "ui/__init__.py": "", "ui/data.py": "",
        "bench/__init__.py": "", "bench/run.py": "from tests.browser.harness import Server\n"})
    found = arrows_back_up(edges)
    assert "lessonkit.live.service -> lessonkit.storage (packages lessonkit.live and lessonkit.storage import each " \
           "other)" in found
    assert "lessonkit.pages -> ui.data (lessonkit imports ui, a layer above it)" in found
    assert "bench.run -> tests (bench imports tests, a layer above it)" in found
    assert cycles(edges) == []


def test_importing_a_module_from_its_package_is_not_a_circle_with_the_package(tmp_path):
    edges = _tree(tmp_path, {"server/__init__.py": "from server import a\n", "server/a.py": "from server import b\n",
                             "server/b.py": ""})
    assert cycles(edges) == []


def test_screens_of_ui_that_import_each_other_run_back_up(tmp_path):
    edges = _tree(tmp_path, {"ui/__init__.py": "", "ui/learn/__init__.py": "", "ui/teacher/__init__.py": "",
                             "ui/learn/quiz_view.py": "from ui.teacher import results\n",
                             "ui/teacher/results.py": "from ui.learn import quiz_view\n"})
    assert "ui.learn.quiz_view -> ui.teacher.results (packages ui.learn and ui.teacher import each other)" \
        in arrows_back_up(edges)
