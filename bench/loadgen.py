"""A small load generator that speaks Streamlit's own protocol, so one process can play hundreds of students.

Each simulated student opens the websocket ``/_stcore/stream`` (subprotocol
``streamlit``), sends ``BackMsg.rerun_script`` messages carrying the page and
widget states, and reads ``ForwardMsg`` messages until ``script_finished``.
Latency is measured from sending to the final ``script_finished`` (a run that
ends early for ``st.rerun()`` is followed by the run it asked for). Widgets are found by
reading the elements the server sends (ids, labels, options, the fragment they
belong to), as the browser does; a click is a ``trigger_value``, a radio choice
a ``string_value``, a component event a ``json_trigger_value``. An action on a
widget inside an ``st.fragment`` is sent as the browser sends it: a rerun of
that fragment only (``fragment_id``), which replaces only that fragment's widgets.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

WIDGETS = ("button", "radio", "selectbox", "checkbox", "text_input", "multiselect", "button_group",
           "bidi_component")
INTERNAL_KEY = "$$STREAMLIT_INTERNAL_KEY"  # prefix of a component's event widget (streamlit.components.v2)


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str] = field(default_factory=list)
    fragment: str = ""


class StudentClient:
    """One browser tab, minus the browser."""

    def __init__(self, base_url: str):
        self.url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.socket = None
        self.page = ""
        self.query = ""
        self.widgets: dict[str, Widget] = {}
        self.state: dict[str, tuple[str, object]] = {}
        self.errors = 0
        self.last_action = ""  # what the latest rerun was, e.g. "open materi", "click Periksa", "choose"

    async def connect(self) -> None:
        # every browser has its own _streamlit_xsrf cookie; a sticky proxy hashes it to pick a worker
        cookie = f"_streamlit_xsrf={secrets.token_hex(16)}"
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**26,
                                               open_timeout=60, ping_interval=None,
                                               additional_headers={"Cookie": cookie})

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def open(self, page: str, query: str = "") -> float:
        """Load a page (as typing its URL would), forgetting the previous page's widgets."""
        self.page, self.query = page, query
        self.state.clear()
        self.last_action = f"open {page or '/'}"
        return await self._rerun()

    async def click(self, label_start: str) -> float:
        widget = self._find("button", label_start)
        self.last_action = f"click {label_start.strip()}"
        return await self._rerun(trigger=widget, fragment=widget.fragment)

    async def choose(self, label_start: str, option_index: int = 0) -> float:
        widget = self._find("radio", label_start)
        return await self.set_value(widget, widget.options[option_index % len(widget.options)])

    async def set_value(self, widget: Widget, option: str) -> float:
        """Pick an option of a radio (or another string-valued widget), rerunning its fragment if it has one."""
        self.state[widget.id] = ("string_value", option)
        self.last_action = "choose"
        return await self._rerun(fragment=widget.fragment)

    async def component_event(self, name: str, event: str, value: object) -> float:
        """Send one event of a ``st.components.v2`` component (the JavaScript's ``setTriggerValue``)."""
        widget = next((w for w in self.widgets.values() if w.kind == "bidi_component" and w.label == name), None)
        if widget is None:
            raise LookupError(f"no component {name!r} on {self.page}")
        payload = json.dumps([{"event": event, "value": value}])
        events = f"{INTERNAL_KEY}_{widget.id}__events"
        self.last_action = f"{name} {event}"
        return await self._rerun(extra=[(events, "json_trigger_value", payload)], fragment=widget.fragment)

    def has(self, kind: str, label_start: str) -> bool:
        return any(w.kind == kind and w.label.startswith(label_start) for w in self.widgets.values())

    def _find(self, kind: str, label_start: str) -> Widget:
        for widget in self.widgets.values():
            if widget.kind == kind and widget.label.startswith(label_start):
                return widget
        raise LookupError(f"no {kind} starting with {label_start!r} on {self.page}")

    async def _rerun(self, trigger: Widget | None = None, fragment: str = "",
                     extra: list[tuple[str, str, object]] = ()) -> float:
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query
        client.page_name = self.page
        if fragment:
            client.fragment_id = fragment
        for widget_id, (kind, value) in self.state.items():
            state = client.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        if trigger is not None:
            extra = [*extra, (trigger.id, "trigger_value", True)]
        for widget_id, kind, value in extra:
            state = client.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        self._forget(fragment)
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), timeout=120)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._remember(forward.delta.new_element, forward.delta.fragment_id)
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): the next run follows
                    self._forget(fragment)
                    continue
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors += 1
                return time.perf_counter() - started

    def _forget(self, fragment: str) -> None:
        """Drop the widgets a rerun replaces: all of them, or only those of the fragment that reruns."""
        if fragment:
            self.widgets = {k: w for k, w in self.widgets.items() if w.fragment != fragment}
        else:
            self.widgets.clear()

    def _remember(self, element, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors += 1
        if kind not in WIDGETS:
            return
        proto = getattr(element, kind)
        label = proto.component_name if kind == "bidi_component" else getattr(proto, "label", "")
        self.widgets[proto.id] = Widget(proto.id, kind, label, list(getattr(proto, "options", [])), fragment)
