"""The worker's side of the page protocol: JSON messages in, JSON replies out.

The Web Worker stays a few lines: it hands every request to :func:`handle` and posts back
what it returns. Each live block on a page is its own session, named by the page. The
messages and their fields are defined once, in ``protocol.json`` (see
:mod:`streamlet_site.protocol`, outside the wheel); tests/runtime/test_protocol.py holds this module to it.
"""
from __future__ import annotations

import json
from typing import Any

from .client import ClientState
from .config import Config
from .elements import json_safe
from .runner import Session


class LiveSession:
    """A session and what its reader's tab holds between runs (:class:`streamlet.client.ClientState`,
    the same model AppTest drives)."""

    def __init__(self, code: str, config: Config | None = None) -> None:
        self.session = Session(code, config=config)
        self.client = ClientState(self.session.state)
        self.report = False
        """The page's timeline is open or was: each run's reply carries its report (``run_report``)."""

    def run(self, trigger: str | None = None, changed: dict[str, Any] | None = None) -> dict[str, Any]:
        """Rerun after the reader's action: ``changed`` values (a form's come with its submit), a click of ``trigger``."""
        for widget_id, value in (changed or {}).items():
            self.client.change(widget_id, value)
        if trigger is not None:
            self.client.click(trigger)
        values = self.client.values()
        result = self.session.run(values, report=self.report)
        self.client.show(result.elements)
        reply: dict[str, Any] = {"elements": result.elements, "log": result.log}
        if result.log_dropped:
            reply["log_dropped"] = result.log_dropped
        if result.interrupted:
            reply["interrupted"] = True
        if result.report is not None:
            reply["report"] = result.report
        return reply


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
    return isinstance(widget, str) and live.session.state.widget_meta(widget) is not None


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
