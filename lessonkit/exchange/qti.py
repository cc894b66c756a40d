"""QTI 3.0 content package: a zip with ``imsmanifest.xml``, one item file per question,
shared stimuli as ``qti-assessment-stimulus`` files, and one assessment test whose
sections are the quizzes' sections.

Interactions and response processing (scores in points; ``MAXSCORE`` is the question's points):

- single -> ``qti-choice-interaction`` (max 1), score when the response matches the key;
- multiple -> ``qti-choice-interaction`` with a mapping: +1 per key, -1 per wrong option, bounded
  by 0 and k (k keys), and SCORE = mapped / k x MAXSCORE (the app's rule, exact at full credit:
  no 6-decimal shares that add up to 1.999998 of 2);
- true_false -> ``qti-match-interaction`` statements x the item's two column labels (Benar,
  Salah by default; columns fixed, in that order), 1 per right pair, SCORE = pairs / n x MAXSCORE;
- matching -> ``qti-match-interaction`` as true_false, but ``shuffle="true"`` with no choice
  ``fixed`` (a player that meets fixed left-hand texts may shuffle nothing at all: Cito's
  qti-components does so), and the right-hand choices, distractors included, written in a
  scrambled order (a player that does not shuffle gives nothing away);
- ordering -> ``qti-order-interaction`` with the app's partial credit, (L - 1) / (n - 1) x MAXSCORE for
  the longest run L of items in the right relative order, unrolled into response conditions (QTI has no
  loops; see `_longest_run`); all or nothing when the question says so;
- short_answer -> ``qti-text-entry-interaction`` mapped case-insensitively to every accepted answer
  (QTI cannot drop punctuation the way the app does);
- essay -> ``qti-extended-text-interaction`` scored by a person (``external-scored="human"``), the
  model answer and rubric in a ``qti-rubric-block`` for the scorer.

A mapped or run score gives an empty response (NULL) 0 in a branch of its own (`_share_of_maximum`).
The assessment test sums its items' SCORE and MAXSCORE (test-level outcome processing).
Option feedback and the explanation are ``qti-modal-feedback`` shown through a ``FEEDBACK``
outcome. Text is this project's Markdown rendered to XHTML in the QTI namespace.
"""

from __future__ import annotations

import functools
import io
import random
import re
import xml.etree.ElementTree as ET
import zipfile

from ..quiz.base import QuestionBase
from ..quiz.types import of_type
from . import markup, metadata
from .moodle_xml import question_name
from .selection import Item, Selection

NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
EXPLANATION = "PEMBAHASAN"
ET.register_namespace("xsi", XSI)


def identifier(text: str) -> str:
    """A QTI identifier (an XML NCName) for one of this project's slugs."""
    return text if re.match(r"^[A-Za-z_]", text) else f"q-{text}"


def _el(parent: ET.Element | None, tag: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    """An element of the QTI namespace (declared once, as the root's default namespace)."""
    element = ET.Element(tag, attrs or {}) if parent is None else ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        element.text = text
    return element


def _root(tag: str, attrs: dict, namespace: str = NS) -> ET.Element:
    return ET.Element(tag, {"xmlns": namespace, **attrs})


def _blocks(parent: ET.Element, markdown: str) -> None:
    """Append the XHTML of a Markdown text (block elements) to ``parent``."""
    wrapper = ET.fromstring(f"<div>{markup.to_html(markdown)}</div>")
    for child in list(wrapper):
        parent.append(child)


def _inline(parent: ET.Element, markdown: str) -> ET.Element:
    wrapper = ET.fromstring(f"<span>{markup.to_inline_html(markdown)}</span>")
    parent.text = wrapper.text
    for child in list(wrapper):
        parent.append(child)
    return parent


def _value(parent: ET.Element, base_type: str, value: str) -> None:
    _el(parent, "qti-base-value", {"base-type": base_type}, value)


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


class _Item:
    """One ``qti-assessment-item`` under construction."""

    def __init__(self, item: Item):
        self.q: QuestionBase = item.question
        self.root = _root("qti-assessment-item", {
            "identifier": identifier(self.q.id), "title": question_name(self.q), "adaptive": "false",
            "time-dependent": "false", XML_LANG: "id", f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
        self.declarations = self.root
        self.feedback: list[tuple[str, str]] = []

    def response(self, cardinality: str, base_type: str, correct: list[str],
                 mapping: dict[str, float] | None = None, bounds: tuple[float, float] | None = None,
                 case_sensitive: bool = True) -> None:
        declaration = _el(self.root, "qti-response-declaration", {
            "identifier": "RESPONSE", "cardinality": cardinality, "base-type": base_type})
        if correct:
            holder = _el(declaration, "qti-correct-response")
            for value in correct:
                _el(holder, "qti-value", None, value)
        if mapping:
            attrs = {"default-value": "0"}
            if bounds:
                attrs |= {"lower-bound": _number(bounds[0]), "upper-bound": _number(bounds[1])}
            holder = _el(declaration, "qti-mapping", attrs)
            for key, value in mapping.items():
                entry = {"map-key": key, "mapped-value": _number(value)}
                if base_type == "string":
                    entry["case-sensitive"] = "true" if case_sensitive else "false"
                _el(holder, "qti-map-entry", entry)

    def outcomes(self, human: bool = False) -> None:
        score = {"identifier": "SCORE", "cardinality": "single", "base-type": "float"}
        if human:
            score |= {"external-scored": "human", "normal-maximum": _number(self.q.points)}
        _el(self.root, "qti-outcome-declaration", score)
        maximum = _el(self.root, "qti-outcome-declaration",
                      {"identifier": "MAXSCORE", "cardinality": "single", "base-type": "float"})
        _el(_el(maximum, "qti-default-value"), "qti-value", None, _number(self.q.points))
        _el(self.root, "qti-outcome-declaration",
            {"identifier": "FEEDBACK", "cardinality": "multiple", "base-type": "identifier"})

    def body(self, stimulus: str | None) -> ET.Element:
        if self.q.stimulus and stimulus:
            _el(self.root, "qti-assessment-stimulus-ref", {
                "identifier": identifier(self.q.stimulus), "href": f"../stimuli/{identifier(self.q.stimulus)}.xml",
                "title": self.q.stimulus})
        body = _el(self.root, "qti-item-body")
        _blocks(body, self.q.prompt)
        return body

    def processing(self, scoring: str, feedback_from_response: bool, units: int = 1) -> None:
        """``scoring``: "match" (MAXSCORE when the response is the key, else 0), "map" (the mapping,
        in whole ``units``, as a share of MAXSCORE), "run" (an order of ``units`` items, see `_longest_run`)
        or "human" (not scored here). FEEDBACK always holds the explanation, plus the chosen options'
        identifiers when ``feedback_from_response``."""
        processing = _el(self.root, "qti-response-processing")
        if scoring == "match":
            condition = _el(processing, "qti-response-condition")
            when = _el(condition, "qti-response-if")
            match = _el(when, "qti-match")
            _el(match, "qti-variable", {"identifier": "RESPONSE"})
            _el(match, "qti-correct", {"identifier": "RESPONSE"})
            _el(_el(when, "qti-set-outcome-value", {"identifier": "SCORE"}), "qti-variable",
                {"identifier": "MAXSCORE"})
            otherwise = _el(_el(condition, "qti-response-else"), "qti-set-outcome-value", {"identifier": "SCORE"})
            _value(otherwise, "float", "0")
        elif scoring == "map":
            _share_of_maximum(processing, _el(None, "qti-map-response", {"identifier": "RESPONSE"}), units)
        elif scoring == "run":
            _longest_run(processing, units)
        feedback = _el(_el(processing, "qti-set-outcome-value", {"identifier": "FEEDBACK"}), "qti-multiple")
        if feedback_from_response:
            _el(feedback, "qti-variable", {"identifier": "RESPONSE"})
        _value(feedback, "identifier", EXPLANATION)
        for ident, text in self.feedback + [(EXPLANATION, self.q.explanation)]:
            modal = _el(self.root, "qti-modal-feedback", {
                "outcome-identifier": "FEEDBACK", "identifier": ident, "show-hide": "show",
                "title": "Pembahasan" if ident == EXPLANATION else "Umpan balik"})
            _blocks(_el(modal, "qti-content-body"), text)


def _share_of_maximum(processing: ET.Element, numerator: ET.Element, units: int) -> None:
    """``SCORE := numerator / units x MAXSCORE``: whole units divided once, so full credit is exactly MAXSCORE.

    An empty response scores 0 in its own branch, not through the mapping of NULL: a player that cannot map NULL
    (Cito's qti-components drops the failed share from the product and gives MAXSCORE) still gives nothing."""
    condition = _el(processing, "qti-response-condition")
    empty = _el(condition, "qti-response-if")
    _el(_el(empty, "qti-is-null"), "qti-variable", {"identifier": "RESPONSE"})
    _value(_el(empty, "qti-set-outcome-value", {"identifier": "SCORE"}), "float", "0")
    answered = _el(condition, "qti-response-else")
    product = _el(_el(answered, "qti-set-outcome-value", {"identifier": "SCORE"}), "qti-product")
    share = _el(product, "qti-divide")
    share.append(numerator)
    _value(share, "float", _number(units))
    _el(product, "qti-variable", {"identifier": "MAXSCORE"})


def _run_outcomes(item: _Item, count: int) -> None:
    """The working outcomes of `_longest_run`: POSk and RUNk for each of the ``count`` positions, 0 by default."""
    for position in range(1, count + 1):
        for name in ("POS", "RUN"):
            declaration = _el(item.root, "qti-outcome-declaration", {
                "identifier": f"{name}{position}", "cardinality": "single", "base-type": "integer"})
            _el(_el(declaration, "qti-default-value"), "qti-value", None, "0")


def _compare(parent: ET.Element, operator: str, left: str, right: str) -> None:
    compare = _el(parent, operator)
    _el(compare, "qti-variable", {"identifier": left})
    _el(compare, "qti-variable", {"identifier": right})


def _longest_run(processing: ET.Element, count: int) -> None:
    """The app's ordering credit, (L - 1) / (n - 1) x MAXSCORE, L the longest run of items in the right relative
    order (the longest increasing subsequence of their places in the key ``U1`` … ``Un``), as QTI rules: QTI has
    no loops, so the dynamic programme is unrolled. For the k-th item of the response, POSk := its place in the
    key and RUNk := 1, then RUNk := RUNm + 1 for every earlier m with POSm < POSk and RUNm >= RUNk. Positions the
    response leaves empty keep POSk = RUNk = 0 and never extend a run."""
    for k in range(1, count + 1):
        condition = _el(processing, "qti-response-condition")
        for place in range(1, count + 1):
            branch = _el(condition, "qti-response-if" if place == 1 else "qti-response-else-if")
            match = _el(branch, "qti-match")
            _el(_el(match, "qti-index", {"n": str(k)}), "qti-variable", {"identifier": "RESPONSE"})
            _value(match, "identifier", f"U{place}")
            _value(_el(branch, "qti-set-outcome-value", {"identifier": f"POS{k}"}), "integer", str(place))
            _value(_el(branch, "qti-set-outcome-value", {"identifier": f"RUN{k}"}), "integer", "1")
        for m in range(1, k):
            when = _el(_el(processing, "qti-response-condition"), "qti-response-if")
            both = _el(when, "qti-and")
            _compare(both, "qti-lt", f"POS{m}", f"POS{k}")
            _compare(both, "qti-gte", f"RUN{m}", f"RUN{k}")
            longer = _el(_el(when, "qti-set-outcome-value", {"identifier": f"RUN{k}"}), "qti-sum")
            _el(longer, "qti-variable", {"identifier": f"RUN{m}"})
            _value(longer, "integer", "1")
    above_zero = _el(None, "qti-max")
    run_less_one = _el(above_zero, "qti-subtract")
    longest = _el(run_less_one, "qti-max")
    for k in range(1, count + 1):
        _el(longest, "qti-variable", {"identifier": f"RUN{k}"})
    _value(run_less_one, "integer", "1")
    _value(above_zero, "integer", "0")
    _share_of_maximum(processing, above_zero, count - 1)


def _choice_ids(count: int) -> list[str]:
    return [f"P{i}" for i in range(1, count + 1)]


def _choices(item: _Item, stimulus: str | None, *, single: bool) -> None:
    q = item.q
    ids = _choice_ids(len(q.options))
    keys = [i for i, o in zip(ids, q.options, strict=True) if o.correct]
    if single:
        item.response("single", "identifier", keys)
    else:
        mapping = {i: 1 if o.correct else -1 for i, o in zip(ids, q.options, strict=True)}
        item.response("multiple", "identifier", keys, mapping, (0, len(keys)))
    item.outcomes()
    body = item.body(stimulus)
    interaction = _el(body, "qti-choice-interaction", {
        "response-identifier": "RESPONSE", "shuffle": "true",
        "max-choices": "1" if single else "0", "min-choices": "0"})
    for ident, option in zip(ids, q.options, strict=True):
        _inline(_el(interaction, "qti-simple-choice", {"identifier": ident}), option.text)
        if option.feedback:
            item.feedback.append((ident, option.feedback))
    if single or q.scoring == "all_or_nothing":
        item.processing("match", feedback_from_response=True)
    else:
        item.processing("map", feedback_from_response=True, units=len(keys))


def scrambled(count: int, seed: str) -> list[int]:
    """A fixed order of ``count`` positions that is never the identity (for two or more)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order[1:] + order[:1] if count > 1 and order == sorted(order) else order


def _pairs(item: _Item, stimulus: str | None, lefts: list[str], rights: list[str], correct: list[tuple[int, int]],
           right_max: int, *, shuffle: bool) -> None:
    """A match interaction; with ``shuffle`` the right-hand choices are scrambled and both sets shuffled."""
    q = item.q
    order = scrambled(len(rights), q.id) if shuffle else list(range(len(rights)))
    position = {original: written for written, original in enumerate(order)}
    left_ids = [f"K{i}" for i in range(1, len(lefts) + 1)]
    right_ids = [f"J{i}" for i in range(1, len(rights) + 1)]
    keys = [f"{left_ids[a]} {right_ids[position[b]]}" for a, b in correct]
    item.response("multiple", "directedPair", keys, dict.fromkeys(keys, 1), (0, len(keys)))
    item.outcomes()
    body = item.body(stimulus)
    interaction = _el(body, "qti-match-interaction", {
        "response-identifier": "RESPONSE", "shuffle": "true" if shuffle else "false",
        "max-associations": str(len(lefts))})
    for ids, texts, most in ((left_ids, lefts, 1), (right_ids, [rights[i] for i in order], right_max)):
        match_set = _el(interaction, "qti-simple-match-set")
        for ident, text in zip(ids, texts, strict=True):
            _inline(_el(match_set, "qti-simple-associable-choice", {"identifier": ident, "match-max": str(most)}),
                    text)
    item.processing("match" if q.scoring == "all_or_nothing" else "map", feedback_from_response=False,
                    units=len(keys))


def _true_false(item: _Item, stimulus: str | None) -> None:
    q = item.q
    correct = [(i, 0 if s.answer else 1) for i, s in enumerate(q.statements)]
    _pairs(item, stimulus, [s.text for s in q.statements], list(q.labels), correct, len(q.statements),
           shuffle=False)


def _matching(item: _Item, stimulus: str | None) -> None:
    q = item.q
    _pairs(item, stimulus, [p.left for p in q.pairs], q.rights, [(i, i) for i in range(len(q.pairs))], 1,
           shuffle=True)


def _ordering(item: _Item, stimulus: str | None) -> None:
    q = item.q
    ids = [f"U{i}" for i in range(1, len(q.items) + 1)]
    item.response("ordered", "identifier", ids)
    item.outcomes()
    partial = q.scoring != "all_or_nothing"
    if partial:
        _run_outcomes(item, len(ids))
    interaction = _el(item.body(stimulus), "qti-order-interaction",
                      {"response-identifier": "RESPONSE", "shuffle": "true"})
    for ident, text in zip(ids, q.items, strict=True):
        _inline(_el(interaction, "qti-simple-choice", {"identifier": ident}), text)
    item.processing("run" if partial else "match", feedback_from_response=False, units=len(ids))


def _short_answer(item: _Item, stimulus: str | None) -> None:
    q = item.q
    item.response("single", "string", [q.accept[0]], dict.fromkeys(q.accept, 1), (0, 1), case_sensitive=False)
    item.outcomes()
    line = _el(item.body(stimulus), "p", None, "Jawaban: ")
    longest = max(len(a) for a in q.accept)
    _el(line, "qti-text-entry-interaction", {"response-identifier": "RESPONSE",
                                             "expected-length": str(max(20, longest + 5))})
    item.processing("map", feedback_from_response=False)


def _essay(item: _Item, stimulus: str | None) -> None:
    q = item.q
    item.response("single", "string", [])
    item.outcomes(human=True)
    body = item.body(stimulus)
    _el(body, "qti-extended-text-interaction", {"response-identifier": "RESPONSE", "expected-lines": "10"})
    rubric = _el(body, "qti-rubric-block", {"use": "scoring", "view": "scorer"})
    _blocks(_el(rubric, "qti-content-body"), metadata.essay_key(q))
    item.processing("human", feedback_from_response=False)


WRITERS = {"single": functools.partial(_choices, single=True), "multiple": functools.partial(_choices, single=False),
           "true_false": _true_false, "matching": _matching, "ordering": _ordering, "short_answer": _short_answer,
           "essay": _essay}


def item_xml(item: Item) -> bytes:
    built = _Item(item)
    of_type(WRITERS, item.question.type, "QTI writer")(built, item.stimulus)
    return _document(built.root)


def stimulus_xml(ident: str, title: str, text: str) -> bytes:
    root = _root("qti-assessment-stimulus", {
        "identifier": identifier(ident), "title": title, XML_LANG: "id",
        f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
    _blocks(_el(root, "qti-stimulus-body"), text)
    return _document(root)


def _document(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def test_xml(selection: Selection, title: str) -> bytes:
    root = _root("qti-assessment-test", {
        "identifier": "lessonkit-test", "title": title, f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
    for total in ("SCORE", "MAXSCORE"):
        _el(root, "qti-outcome-declaration", {"identifier": total, "cardinality": "single", "base-type": "float"})
    part = _el(root, "qti-test-part", {"identifier": "bagian-ujian", "navigation-mode": "nonlinear",
                                        "submission-mode": "individual"})
    for number, group in enumerate(selection.groups(), start=1):
        section = _el(part, "qti-assessment-section", {
            "identifier": f"S{number}", "title": f"{group.quiz.title} — {group.section_title}", "visible": "true"})
        for item in group.items:
            ident = identifier(item.question.id)
            _el(section, "qti-assessment-item-ref", {"identifier": ident, "href": f"items/{ident}.xml"})
    processing = _el(root, "qti-outcome-processing")
    for total in ("SCORE", "MAXSCORE"):
        _el(_el(_el(processing, "qti-set-outcome-value", {"identifier": total}), "qti-sum"), "qti-test-variables",
            {"variable-identifier": total})
    return _document(root)


def manifest_xml(selection: Selection, title: str) -> bytes:
    def cp(parent, tag, attrs=None, text=None):
        return _el(parent, tag, attrs, text)

    root = _root("manifest", {"identifier": "lessonkit-paket", f"{{{XSI}}}schemaLocation": f"{CP_NS} {CP_SCHEMA}"},
                 CP_NS)
    meta = cp(root, "metadata")
    cp(meta, "schema", text="QTI Package")
    cp(meta, "schemaversion", text="3.0.0")
    cp(root, "organizations")
    resources = cp(root, "resources")
    test = cp(resources, "resource", {"identifier": "lessonkit-test", "type": "imsqti_test_xmlv3p0",
                                      "href": "assessment.xml"})
    cp(test, "file", {"href": "assessment.xml"})
    for item in selection.items:
        cp(test, "dependency", {"identifierref": identifier(item.question.id)})
    stimuli: dict[str, str] = {}
    for item in selection.items:
        ident = identifier(item.question.id)
        resource = cp(resources, "resource", {"identifier": ident, "type": "imsqti_item_xmlv3p0",
                                              "href": f"items/{ident}.xml"})
        cp(resource, "file", {"href": f"items/{ident}.xml"})
        if item.question.stimulus and item.stimulus:
            stimuli[identifier(item.question.stimulus)] = item.question.stimulus
            cp(resource, "dependency", {"identifierref": f"stimulus-{identifier(item.question.stimulus)}"})
    for ident in stimuli:
        resource = cp(resources, "resource", {"identifier": f"stimulus-{ident}", "type": "imsqti_stimulus_xmlv3p0",
                                              "href": f"stimuli/{ident}.xml"})
        cp(resource, "file", {"href": f"stimuli/{ident}.xml"})
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def export(selection: Selection, title: str = "Kelompok Profesi dan Kelompok Volunteer") -> bytes:
    """The selection as a QTI 3.0 package (zip bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", manifest_xml(selection, title))
        package.writestr("assessment.xml", test_xml(selection, title))
        written: set[str] = set()
        for item in selection.items:
            package.writestr(f"items/{identifier(item.question.id)}.xml", item_xml(item))
            q = item.question
            if q.stimulus and item.stimulus and q.stimulus not in written:
                written.add(q.stimulus)
                package.writestr(f"stimuli/{identifier(q.stimulus)}.xml",
                                 stimulus_xml(q.stimulus, q.stimulus, item.stimulus))
    return buffer.getvalue()
