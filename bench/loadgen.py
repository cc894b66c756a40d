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
that fragment only (``fragment_id``), which replaces only that fragment's widgets. A fragment with
``run_every`` announces itself (``auto_rerun``); ``poll`` sends the rerun the browser's timer would send.
Typing into a text box (``fill``) only changes the state the next rerun carries, as in a form; when the app
changes the address (``st.query_params``), later reruns carry the new query string, as the browser's would.
One client sends one rerun at a time (a poll waits for a click to finish, and the other way round).
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
SIDEBAR = 1  # the first number of an element's delta path: 0 the page's main area, 1 the sidebar
INTERNAL_KEY = "$$STREAMLIT_INTERNAL_KEY"  # prefix of a component's event widget (streamlit.components.v2)


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str] = field(default_factory=list)
    fragment: str = ""
    sidebar: bool = False
    data: str = ""  # a ``st.components.v2`` component's JSON data (what its JavaScript receives)


class StudentClient:
    """One browser tab, minus the browser."""

    def __init__(self, base_url: str):
        self.url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.socket = None
        self.page = ""
        self.page_hash = ""  # the page st.navigation ran (its script hash); later reruns send it, as a browser does
        self.query = ""
        self.widgets: dict[str, Widget] = {}
        self.state: dict[str, tuple[str, object]] = {}
        self.errors = 0
        self.last_action = ""  # what the latest rerun was, e.g. "open materi", "click Periksa", "choose"
        self.auto_reruns: dict[str, float] = {}  # fragment id -> seconds between the browser's automatic reruns
        self.full_runs = 0  # runs of the whole page so far (a poll that found news ends in one)
        self.texts: list[str] = []  # the Markdown the latest rerun drew (captions included), in order
        self._busy = asyncio.Lock()

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
        self.page, self.query, self.page_hash = page, query, ""
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

    def fill(self, label_start: str, text: str) -> None:
        """Type into a text box; the next rerun (a form's submit button, say) sends it."""
        self.state[self._find("text_input", label_start).id] = ("string_value", text)

    async def poll(self) -> float:
        """The automatic reruns of the page's ``run_every`` fragments, one after the other (0 when none)."""
        seconds = 0.0
        for fragment in list(self.auto_reruns):
            self.last_action = "poll"
            seconds += await self._rerun(fragment=fragment, auto=True)
        return seconds

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
        """The first widget of ``kind`` whose label starts so, the page's own before the sidebar's."""
        for widget in sorted(self.widgets.values(), key=lambda w: w.sidebar):
            if widget.kind == kind and widget.label.startswith(label_start):
                return widget
        raise LookupError(f"no {kind} starting with {label_start!r} on {self.page}")

    async def _rerun(self, trigger: Widget | None = None, fragment: str = "",
                     extra: list[tuple[str, str, object]] = (), auto: bool = False) -> float:
        async with self._busy:
            return await self._send_and_wait(trigger, fragment, extra, auto)

    async def _send_and_wait(self, trigger: Widget | None, fragment: str, extra: list[tuple[str, str, object]],
                             auto: bool) -> float:
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query
        client.page_name = self.page
        client.page_script_hash = self.page_hash
        if fragment:
            client.fragment_id = fragment
        client.is_auto_rerun = auto
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
        self.texts = []
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), timeout=120)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._remember(forward.delta.new_element, forward.delta.fragment_id,
                               sidebar=forward.metadata.delta_path[:1] == [SIDEBAR])
            elif kind == "navigation":  # the page st.navigation chose; the browser sends it back from now on
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "new_session":
                if not forward.metadata.run.fragment_ids:  # a full run redraws everything
                    self.full_runs += 1
                    self.widgets.clear()
                    self.auto_reruns.clear()
            elif kind == "auto_rerun":
                self.auto_reruns[forward.auto_rerun.fragment_id] = forward.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for stopped in forward.stop_auto_rerun.fragment_ids:
                    self.auto_reruns.pop(stopped, None)
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
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

    def _remember(self, element, fragment: str, sidebar: bool = False) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors += 1
        if kind == "markdown":
            self.texts.append(element.markdown.body)
        if kind not in WIDGETS:
            return
        proto = getattr(element, kind)
        label = proto.component_name if kind == "bidi_component" else getattr(proto, "label", "")
        self.widgets[proto.id] = Widget(proto.id, kind, label, list(getattr(proto, "options", [])), fragment,
                                      sidebar, proto.json if kind == "bidi_component" else "")
