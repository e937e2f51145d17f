"""Helpers the widget tests share: run a body, or drive one widget with raw client values."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from streamlet.runner import Session
from streamlet.testing import AppTest


class WidgetHelpers(NamedTuple):
    app: Callable[[str], AppTest]
    client_session: Callable[[str], tuple[Session, str]]
    value_after: Callable[[Session, str, Any], Any]
    replies: Callable[[str, list[tuple[Any, Any]]], list[tuple[Any, Any]]]
    messages: Callable[[dict[str, str], str], dict[str, str]]


def widget_helpers(prelude: str) -> WidgetHelpers:
    """Helpers for scripts that start with ``prelude`` (its length fixes the scripts' line numbers)."""

    def app(body: str) -> AppTest:
        return AppTest.from_string(prelude + body).run()

    def client_session(widget_line: str) -> tuple[Session, str]:
        """A session whose script stores the widget's return value in ``st.session_state.out``."""
        session = Session(f"{prelude}v = {widget_line}\nst.session_state['out'] = v\n")
        session.run()
        (meta,) = session.state.meta.values()
        return session, meta.id

    def value_after(session: Session, widget_id: str, client_value: Any) -> Any:
        result = session.run({widget_id: client_value})
        assert [e for e in result.elements if e["type"] == "exception"] == []
        return session.state["out"]

    def replies(widget_line: str, cases: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """(client value, value the script got) for each case, in one session; compare with ``cases``."""
        session, wid = client_session(widget_line)
        return [(client, value_after(session, wid, client)) for client, _ in cases]

    def messages(cases: dict[str, str], call: str) -> dict[str, str]:
        """The message of the exception each argument list raises; compare with ``cases``."""
        return {args: app(call.format(args=args)).exception[0].message for args in cases}

    return WidgetHelpers(app, client_session, value_after, replies, messages)
