"""The worker's side of the page protocol: JSON messages in, JSON replies out.

The Web Worker stays a few lines: it hands every request to :func:`handle` and posts back
what it returns. Each live block on a page is its own session, named by the page. The
messages and their fields are defined once, in ``protocol.json`` beside this module (see
:mod:`streamlet.protocol`); tests/runtime/test_protocol.py holds this module to it.
"""
from __future__ import annotations

import json
from typing import Any

from .config import Config
from .elements import json_safe
from .runner import Session
from .widget_meta import WidgetMeta


def iter_widgets(elements: list[dict[str, Any]]) -> Any:
    for node in elements:
        if "id" in node and node["type"] != "exception":
            yield node
        yield from iter_widgets(node.get("children", []))


class LiveSession:
    """A session plus what the page shows: the client side of Streamlit's widget state."""

    def __init__(self, code: str, config: Config | None = None) -> None:
        self.session = Session(code, config=config)
        self.client: dict[str, Any] = {}
        self.report = False
        """The page's timeline is open or was: each run's reply carries its report (``run_report``)."""

    def _meta(self, widget_id: str) -> WidgetMeta | None:
        return self.session.state.meta.get(widget_id)

    def run(self, trigger: str | None = None, changed: dict[str, Any] | None = None) -> dict[str, Any]:
        """Rerun with what the page shows, the reader's change applied (client values, not Python ones)."""
        values: dict[str, Any] = {}
        for widget_id, shown in {**self.client, **(changed or {})}.items():
            meta = self._meta(widget_id)
            if meta is not None:
                values[widget_id] = meta.trigger_reset if meta.trigger else shown
        if trigger is not None and self._meta(trigger) is not None:
            values[trigger] = True
        result = self.session.run(values, report=self.report)
        self.client = {node["id"]: node.get("value") for node in iter_widgets(result.elements)}
        if trigger is not None:
            self._clear_submitted_form(trigger, result.elements)
        reply: dict[str, Any] = {"elements": result.elements, "log": result.log}
        if result.log_dropped:
            reply["log_dropped"] = result.log_dropped
        if result.interrupted:
            reply["interrupted"] = True
        if result.report is not None:
            reply["report"] = result.report
        return reply

    def _clear_submitted_form(self, trigger: str, elements: list[dict[str, Any]]) -> None:
        """``clear_on_submit``: after the run that saw the submitted values, the form shows defaults again."""
        meta = self._meta(trigger)
        if meta is None or not meta.form_id:
            return
        for form in iter_blocks(elements, "form"):
            if form.get("form_id") == meta.form_id and form.get("clear_on_submit"):
                for node in iter_widgets(form["children"]):
                    widget = self._meta(node["id"])
                    if widget is not None and not widget.trigger:
                        node["value"] = self.client[node["id"]] = widget.serialize(widget.default)


def iter_blocks(elements: list[dict[str, Any]], kind: str) -> Any:
    for node in elements:
        if node["type"] == kind:
            yield node
        yield from iter_blocks(node.get("children", []), kind)


class Bridge:
    def __init__(self) -> None:
        self.sessions: dict[str, LiveSession] = {}

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        kind = message.get("type")
        reply_id = message.get("id")
        try:
            if kind == "run":
                config = Config.from_toml(message["config"]) if message.get("config") else None
                fresh = self.sessions[message["session"]] = LiveSession(message["code"], config)
                fresh.report = message.get("report") is True
                out = fresh.run()
                if "events" in message:
                    out = self._replay(fresh, message["events"] or [], out)
                return {"type": "render", "id": reply_id, "session": message["session"], **out}
            if kind == "event":
                live = self.sessions.get(message["session"])
                if live is None:
                    return {"type": "error", "id": reply_id, "code": "no-session",
                            "message": f"No session {message['session']!r}: run the code first."}
                if not _knows(live, message.get("widget")):
                    return {"type": "error", "id": reply_id, "code": "unknown-widget",
                            "message": f"The page and Python disagree about widget {message['widget']!r}; "
                                       "press Run to start this example again."}
                live.report = message.get("report") is True
                return {"type": "render", "id": reply_id, "session": message["session"], **_apply(live, message)}
            if kind == "check":
                from .snippets.check import check_steps
                from .snippets.model import Step

                steps = [Step.from_dict(s) for s in message["steps"]]
                lang = message.get("lang")  # the page's language; a page that does not say gets English
                failures = check_steps(message["code"], steps, config_toml=message.get("config"),
                                       lang=lang if lang in ("en", "zh", "ja") else "en")
                return {"type": "checked", "id": reply_id, "ok": not failures, "failures": failures}
            return {"type": "error", "id": reply_id, "message": f"unknown message type {kind!r}"}
        except Exception as err:  # the page shows it; one bad message must not stop the worker
            return {"type": "error", "id": reply_id, "message": f"{type(err).__name__}: {err}"}

    @staticmethod
    def _replay(live: LiveSession, events: list[Any], out: dict[str, Any]) -> dict[str, Any]:
        """Apply a restarted session's events in order; ``out`` is the first run's reply."""
        replayed = 0
        for index, event in enumerate(events):
            if not isinstance(event, dict) or not _knows(live, event.get("widget")):
                out["replay_stopped"] = index
                break
            try:
                step = _apply(live, event)
            except Exception:  # noqa: BLE001 - keep the session and the state reached so far
                out["replay_stopped"] = index
                break
            out = step
            replayed += 1
            if step.get("interrupted"):  # Stop during the replay: the rest is not replayed
                if index + 1 < len(events):
                    out["replay_stopped"] = index + 1
                break
        out["replayed"] = replayed
        return out


def _knows(live: LiveSession, widget: Any) -> bool:
    return isinstance(widget, str) and live.session.state.meta.get(widget) is not None


def _apply(live: LiveSession, event: dict[str, Any]) -> dict[str, Any]:
    """One reader's action (an ``event`` message or a replayed event) on a widget the session knows."""
    changed = dict(event.get("values") or {})
    if event.get("trigger"):
        return live.run(trigger=event["widget"], changed=changed)
    changed[event["widget"]] = event.get("value")
    return live.run(changed=changed)


_bridge = Bridge()


def handle(message_json: str) -> str:
    """The worker's single entry point: one JSON message in, one JSON reply out."""
    reply = _bridge.handle(json.loads(message_json))
    try:
        return json.dumps(reply, default=repr, allow_nan=False)
    except ValueError:
        return json.dumps(json_safe(reply), default=repr, allow_nan=False)
