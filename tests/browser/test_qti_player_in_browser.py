"""The QTI 3.0 export scored by a player we did not write: Cito's ``@citolab/qti-components`` (npm, GPL-3.0,
dev-only, ``tests/js/``) in the Chromium the browser tests use.

Every item of the shipped bank and of the edge-case quiz (``tests/fixtures/exchange/edge_cases.yaml``) is
exported with ``lessonkit.exchange.qti`` and served, with the player's own bundle, from a temporary folder by a
tiny HTTP server on 127.0.0.1 (nothing comes from the net). One page loads the items one after the other the way
the player does (its loader shuffles what says ``shuffle="true"``), and for each item the player's response
processing scores canned responses: the right one, partial ones where the type gives partial credit, a wrong one
and an empty one. Each SCORE must equal ``lessonkit.quiz.grade`` × the question's points, full credit must be
exactly MAXSCORE, and MAXSCORE the question's points; an essay is left to a human scorer. Skipped when Node's
package or Chromium is missing, unless REQUIRE_NODE=1 / REQUIRE_BROWSER=1 (CI installs the package with
``npm ci --prefix tests/js``).
"""

from __future__ import annotations

import functools
import io
import os
import threading
import zipfile
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from lxml import etree

from lessonkit.exchange import qti
from lessonkit.quiz import grade
from tests.conftest import ROOT
from tests.lessonkit.exchange.helpers import bank_selection
from tests.lessonkit.exchange.test_edge_cases import _selection as edge_cases

PLAYER = ROOT / "tests" / "js" / "node_modules" / "@citolab" / "qti-components" / "cdn" / "index.global.js"
NS = {"q": qti.NS}

if not PLAYER.is_file():
    if os.environ.get("REQUIRE_NODE") == "1":
        raise RuntimeError("REQUIRE_NODE=1 but @citolab/qti-components is missing: npm ci --prefix tests/js")
    pytest.skip("@citolab/qti-components missing (npm ci --prefix tests/js)", allow_module_level=True)

# The player keeps an outcome value as the text ``Number.toLocaleString()`` writes, which has at most 3 decimals
# (4/3 is kept as "1.333"); the page makes that text exact, so the test sees the score the player computed.
PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Pemutar QTI</title>
<script>Number.prototype.toLocaleString = function () { return String(this); };</script>
<script src="qti-components.js"></script></head>
<body><main id="butir"></main></body></html>
"""

# Load one item with the player's loader, then, for each response, set it and run response processing.
SCORE_ITEM = """async ({href, responses}) => {
  const api = await QtiComponents.qtiTransformItem().load(href);
  const host = document.getElementById('butir');
  host.replaceChildren(api.htmlDoc());
  const item = host.querySelector('qti-assessment-item');
  await item.updateComplete;
  const rights = [...item.querySelectorAll(
    'qti-match-interaction qti-simple-match-set:last-of-type > qti-simple-associable-choice')];
  const scored = [];
  for (const value of responses) {
    item.variables = [{identifier: 'RESPONSE', value}];
    item.processResponse();
    const found = Object.fromEntries(item.variables.map(v => [v.identifier, v]));
    scored.push({score: found.SCORE.value, max: found.MAXSCORE.value, external: found.SCORE.externalScored ?? null});
  }
  return {scored, shown: rights.map(choice => choice.getAttribute('identifier'))};
}"""


# Canned responses, in the app's shape (see each type module of lessonkit.quiz.types), by kind.

def _single(q):
    wrong = next(i for i in range(len(q.options)) if i != q.answer)
    return [("right", q.answer), ("wrong", wrong), ("empty", None)]


def _multiple(q):
    keys = sorted(q.answers)
    others = [i for i in range(len(q.options)) if i not in q.answers]
    canned = [("right", set(keys)), ("partial: one key and one wrong", {keys[0], others[0]}),
              ("wrong", set(others)), ("empty", set())]
    if len(keys) > 1:
        canned.append(("partial: all keys but the last", set(keys[:-1])))
    return canned


def _true_false(q):
    right = [s.answer for s in q.statements]
    canned = [("right", right), ("wrong", [not a for a in right]), ("empty", None)]
    if len(right) > 1:
        canned += [("partial: first statement wrong", [not right[0]] + right[1:]),
                   ("partial: only the first statement answered", [right[0]] + [None] * (len(right) - 1))]
    return canned


def _matching(q):
    lefts, rights = [p.left for p in q.pairs], [p.right for p in q.pairs]
    right = dict(zip(lefts, rights, strict=True))
    swapped = dict(right, **{lefts[0]: rights[1], lefts[1]: rights[0]})
    canned = [("right", right), ("partial: two answers swapped", swapped),
              ("partial: one left unanswered", dict(zip(lefts[:-1], rights[:-1], strict=True))),
              ("wrong", dict(zip(lefts, rights[1:] + rights[:1], strict=True))), ("empty", {})]
    if q.distractors:
        canned.append(("partial: a distractor chosen", dict(right, **{lefts[0]: q.distractors[0]})))
    return canned


def _ordering(q):
    items = list(q.items)
    return [("right", items), ("partial: first two swapped", [items[1], items[0]] + items[2:]),
            ("partial: first item last", items[1:] + items[:1]), ("partial: only two items placed", items[:2]),
            ("wrong", items[::-1]), ("empty", None)]


def _short_answer(q):
    return ([("right", answer) for answer in q.accept]
            + [("right, in capitals", q.accept[0].upper()), ("wrong", "bukan jawabannya"), ("empty", None)])


def _essay(q):
    return [("model answer", q.model_answer), ("empty", None)]


CANNED = {"single": _single, "multiple": _multiple, "true_false": _true_false, "matching": _matching,
          "ordering": _ordering, "short_answer": _short_answer, "essay": _essay}


def _as_qti(q, response):
    """An app response as the value of the item's RESPONSE variable (identifiers as the exporter writes them)."""
    if q.type in ("short_answer", "essay"):
        return response
    if q.type == "single":
        return None if response is None else f"P{response + 1}"
    if q.type == "multiple":
        values = [f"P{i + 1}" for i in sorted(response)]
    elif q.type == "true_false":
        values = [f"K{i + 1} J{1 if given else 2}" for i, given in enumerate(response or []) if given is not None]
    elif q.type == "matching":
        written = {original: place for place, original in enumerate(qti.scrambled(len(q.rights), q.id), start=1)}
        lefts = [p.left for p in q.pairs]
        values = [f"K{lefts.index(left) + 1} J{written[q.rights.index(right)]}" for left, right in response.items()]
    else:
        values = [f"U{q.items.index(text) + 1}" for text in response or []]
    return values or None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The player's bundle, a page and the exported packages (``bank/``, ``tepi/``) on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("qti")
    (folder / "qti-components.js").write_bytes(PLAYER.read_bytes())
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    selections = {"bank": bank_selection(), "tepi": edge_cases()}
    for name, selection in selections.items():
        with zipfile.ZipFile(io.BytesIO(qti.export(selection))) as package:
            package.extractall(folder / name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", folder, selections
    httpd.shutdown()
    httpd.server_close()


def _matching_as_written(path: Path) -> tuple[str, list[str], list[str]]:
    """A matching item's ``shuffle`` attribute, its right-hand choices in the file's order and its key."""
    item = etree.parse(str(path))
    interaction = item.find(".//q:qti-match-interaction", NS)
    rights = interaction.findall("q:qti-simple-match-set", NS)[1]
    key = [value.text for value in item.iterfind(".//q:qti-correct-response/q:qti-value", NS)]
    return interaction.get("shuffle"), [choice.get("identifier") for choice in rights], key


def _differences(question, canned, result, tally: Counter) -> list[str]:
    """Where the player's scores for ``canned`` differ from the app's (``tally`` counts them by kind)."""
    found = []
    for (label, response), scored in zip(canned, result["scored"], strict=True):
        tally["scored"] += 1
        where = f"{question.id} ({label})"
        expected = grade(question, response).score
        if float(scored["max"]) != question.points:
            found.append(f"{where}: MAXSCORE {scored['max']} != {question.points} points")
        if expected is None:
            if scored["external"] != "human":
                found.append(f"{where}: not left to a human scorer")
            continue
        tally["partial" if 0 < expected < 1 else "whole"] += 1
        score = float(scored["score"])
        if expected == 1 and score != float(scored["max"]):
            found.append(f"{where}: full credit {score} != MAXSCORE {scored['max']}")
        if abs(score - expected * question.points) > 1e-9:
            found.append(f"{where}: player {score}, app {expected * question.points}")
    return found


def _shuffle_differences(question, path: Path, shown: list[str]) -> list[str]:
    """What gives a matching item's answer away: no shuffle attribute, a key in pair order, no shuffle by the
    player (it shows the right-hand choices as written)."""
    shuffle, written, key = _matching_as_written(path)
    found = [] if shuffle == "true" else [f"{question.id}: shuffle={shuffle!r}"]
    if key == [f"K{i} J{i}" for i in range(1, len(key) + 1)]:
        found.append(f"{question.id}: right-hand choices written in pair order")
    if shown == written:
        found.append(f"{question.id}: the player did not shuffle the right-hand choices")
    return found


def test_citos_player_scores_every_canned_response_like_the_app(browser, served):
    origin, folder, selections = served
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{origin}/index.html")
    page.wait_for_function("() => window.QtiComponents && customElements.get('qti-assessment-item')")
    differences, tally = [], Counter()
    try:
        for name, selection in selections.items():
            for question in selection.questions:
                canned = CANNED[question.type](question)
                href = f"{name}/items/{qti.identifier(question.id)}.xml"
                result = page.evaluate(SCORE_ITEM, {"href": f"{origin}/{href}",
                                                    "responses": [_as_qti(question, r) for _, r in canned]})
                differences += _differences(question, canned, result, tally)
                if question.type == "matching":
                    differences += _shuffle_differences(question, folder / href, result["shown"])
    finally:
        context.close()
    print(f"\n@citolab/qti-components scored {tally['scored']} responses: {tally['whole']} whole (0 or full), "
          f"{tally['partial']} partial, the rest left to a human scorer")
    assert differences == [], "\n".join(differences)
    assert errors == []
    assert all(urlparse(url).netloc == urlparse(origin).netloc for url in requests), requests
    assert tally["partial"] > 100
