"""A small load generator that speaks Streamlit's own protocol, so one process can play hundreds of students.

Each simulated student opens the websocket ``/_stcore/stream`` (subprotocol
``streamlit``), sends ``BackMsg.rerun_script`` messages carrying the page and
widget states, and reads ``ForwardMsg`` messages until ``script_finished``.
Latency is measured from sending to the final ``script_finished`` (a run that
ends early for ``st.rerun()`` is followed by the run it asked for). Widgets are found by
reading the elements the server sends (ids, labels, options), as the browser
does; a click is a ``trigger_value``, a radio choice a ``string_value``.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

WIDGETS = ("button", "radio", "selectbox", "checkbox", "text_input", "multiselect", "button_group")


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str] = field(default_factory=list)


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
        return await self._rerun()

    async def click(self, label_start: str) -> float:
        widget = self._find("button", label_start)
        return await self._rerun(trigger=widget)

    async def choose(self, label_start: str, option_index: int = 0) -> float:
        widget = self._find("radio", label_start)
        self.state[widget.id] = ("string_value", widget.options[option_index % len(widget.options)])
        return await self._rerun()

    def has(self, kind: str, label_start: str) -> bool:
        return any(w.kind == kind and w.label.startswith(label_start) for w in self.widgets.values())

    def _find(self, kind: str, label_start: str) -> Widget:
        for widget in self.widgets.values():
            if widget.kind == kind and widget.label.startswith(label_start):
                return widget
        raise LookupError(f"no {kind} starting with {label_start!r} on {self.page}")

    async def _rerun(self, trigger: Widget | None = None) -> float:
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query
        client.page_name = self.page
        for widget_id, (kind, value) in self.state.items():
            state = client.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        if trigger is not None:
            state = client.widget_states.widgets.add()
            state.id = trigger.id
            state.trigger_value = True
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        self.widgets.clear()
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), timeout=120)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._remember(forward.delta.new_element)
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): the next run follows
                    self.widgets.clear()
                    continue
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors += 1
                return time.perf_counter() - started
            elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
                self.errors += 1

    def _remember(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors += 1
        if kind not in WIDGETS:
            return
        proto = getattr(element, kind)
        self.widgets[proto.id] = Widget(proto.id, kind, getattr(proto, "label", ""),
                                        list(getattr(proto, "options", [])))
