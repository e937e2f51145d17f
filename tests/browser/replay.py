"""Replay a live block's documented steps through the page's DOM, as a reader would, and check what the reader sees.

The pages and blocks come from the built site (each ``div.st-live`` carries its data in ``script.st-live-data``).
A step's widget is found the way a reader finds it: by its type and label in the block's output; a key in the
steps is turned into its label by a shadow session (streamlet's ``AppTest`` in CPython, driven with the same
steps), which also gives the value in the form the widget shows it (an option's index, an ISO date). The
shadow only locates widgets: every expectation is checked against the page.

What the DOM cannot show is counted, never silently skipped: ``state`` expectations, a button's value, and
step kinds the page offers no control for (``rerun``: the page has no Rerun button; a file upload).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from streamlet.config import Config
from streamlet.snippets.check import _as_widget_value, _find_widget, _held_by_a_form
from streamlet.snippets.model import Step
from streamlet.testing import AppTest, AppTestError

LANGS = ("en", "zh", "ja")

# Instrumentation only: counts requests in the page's worker so a step waits exactly for its reply.
TRACK_WORKER = """(() => {
  const Native = window.Worker;
  if (!Native || Native.__stTracked) return;
  const track = (window.__stTrack = { ready: false, pending: 0, workers: 0, fatal: null });
  class Tracked extends Native {
    constructor(...args) {
      super(...args);
      track.workers += 1;
      track.ready = false;
      track.pending = 0;
      this.addEventListener("message", (event) => {
        const m = event.data;
        if (!m || typeof m !== "object") return;
        if (m.type === "ready") track.ready = true;
        else if (m.type === "fatal") track.fatal = String(m.message);
        else if ("id" in m) track.pending -= 1;
      });
    }
    postMessage(message, transfer) {
      if (message && typeof message === "object" && "id" in message) track.pending += 1;
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
    }
  }
  Tracked.__stTracked = true;
  window.Worker = Tracked;
})();"""

SETTLED = """() => {
  const t = window.__stTrack;
  return Boolean(t && t.ready && t.pending === 0 && !document.querySelector(".st-live-status.st-busy"));
}"""

# What the reader sees in one block's output: texts by element type, exceptions, widgets, the log, notices.
VIEW = r"""(root) => {
  const out = root.querySelector(".st-output");
  const skip = ".st-help-icon, .st-html-note";
  const shown = (el) => {
    const parts = [];
    for (const c of el.childNodes) {
      if (c.nodeType === 1 && c.matches(skip)) continue;
      parts.push(c.nodeType === 1 ? c.innerText : c.textContent);
    }
    return parts.join("\n");
  };
  const labelOf = (w) => {
    const button = w.querySelector("button");
    if (button && /st-(button|form_submit_button|download_button)\b/.test(w.className)) {
      const c = button.cloneNode(true);
      c.querySelectorAll("[aria-hidden]").forEach((x) => x.remove());
      return c.textContent;
    }
    const l = w.querySelector(".st-label");
    if (!l) return null;
    const c = l.cloneNode(true);
    c.querySelectorAll(skip).forEach((x) => x.remove());
    return c.textContent;
  };
  const typeOf = (w) => [...w.classList].find((c) => c.startsWith("st-") && c !== "st-widget" && c !== "st-disabled").slice(3);
  const valueOf = (w, type) => {
    const inputs = [...w.querySelectorAll("input, textarea, select")];
    switch (type) {
      case "checkbox": case "toggle": return inputs[0].checked;
      case "text_input": case "text_area": case "number_input": return inputs[0].value;
      case "slider": case "select_slider":
        return { values: inputs.map((i) => i.value), readout: w.querySelector(".st-slider-value")?.textContent ?? "" };
      case "selectbox": {
        const s = inputs[0];
        return s.value === "" ? null : s.options[s.selectedIndex].textContent;
      }
      case "radio": {
        const r = inputs.find((i) => i.checked);
        return r ? r.closest("label").querySelector("span").firstChild?.textContent ?? r.closest("label").textContent : null;
      }
      case "multiselect": return inputs.filter((i) => i.checked).map((i) => i.closest("label").textContent);
      case "date_input": case "time_input": case "color_picker": return inputs.map((i) => i.value);
      case "data_editor":
        return [...w.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("input")].map((i) =>
          i.type === "checkbox" ? i.checked : i.value));
      default: return null;
    }
  };
  const texts = {};
  const add = (type, value) => (texts[type] ??= []).push(value);
  for (const el of out.querySelectorAll(".st-title, .st-header, .st-subheader, .st-markdown, .st-caption")) {
    add(el.classList[0].slice(3), shown(el));
  }
  for (const el of out.querySelectorAll(".st-text")) add("text", el.textContent);
  for (const el of out.querySelectorAll("pre.st-code")) add("code", el.textContent);
  for (const el of out.querySelectorAll("pre.st-json")) add("json", el.textContent);
  for (const el of out.querySelectorAll("hr.st-divider")) add("divider", "---");
  for (const el of out.querySelectorAll(".st-alert")) {
    add([...el.classList].find((c) => c.startsWith("st-alert-")).slice(9), shown(el.querySelector(".st-alert-body")));
  }
  const exceptions = [...out.querySelectorAll(".st-exception")].map((el) => ({
    type: el.querySelector(".st-exception-type")?.textContent ?? "",
    message: el.querySelector(".st-exception-message")?.innerText ?? "",
    raw: el.querySelector(".st-exception-message.st-plain")?.textContent ?? null,
  }));
  const widgets = [...out.querySelectorAll(".st-widget")].map((w, index) => {
    const type = typeOf(w);
    return { index, type, label: labelOf(w), value: valueOf(w, type), form: Boolean(w.closest(".st-form")) };
  });
  const log = root.querySelector(".st-live-log");
  const notice = root.querySelector(".st-live-notice");
  return {
    texts, exceptions, widgets,
    log: log && !log.hidden ? log.querySelector("pre")?.textContent ?? "" : null,
    sidebar: Boolean(out.querySelector(".st-sidebar")),
    notice: notice && !notice.hidden ? notice.textContent.trim() : "",
  };
}"""

TEXT_TYPES = {"markdown", "title", "header", "subheader", "caption", "text", "code", "divider",
              "error", "warning", "info", "success"}
VALUE_TYPES = {"checkbox", "toggle", "text_input", "text_area", "number_input", "slider", "select_slider",
               "selectbox", "radio", "multiselect", "date_input", "time_input", "color_picker", "data_editor"}
ALSO_LISTED = {"button": ("form_submit_button",)}
BUTTONS = {"button", "form_submit_button", "download_button"}


# ---- the built site ----------------------------------------------------------------------------

class _LiveData(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.blocks: list[dict[str, Any]] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        self.inside = tag == "script" and "st-live-data" in (a.get("class") or "").split()

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks.append(json.loads(data))


@dataclass
class LivePage:
    lang: str
    path: str  # the page's URL path under the site, e.g. "zh/guide/"
    blocks: list[dict[str, Any]]


def discover(site: Path) -> list[LivePage]:
    """Every built page with live blocks, with its language (from the URL) and its blocks in page order."""
    pages = []
    for file in sorted(site.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        path = "" if rel == "." else rel + "/"
        lang = path.split("/", 1)[0] if path.split("/", 1)[0] in LANGS[1:] else "en"
        parser = _LiveData()
        parser.feed(file.read_text(encoding="utf-8"))
        if parser.blocks:
            pages.append(LivePage(lang, path, parser.blocks))
    return pages


# ---- text as the reader sees it ---------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*", re.S)
_EM_UNDER = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])", re.S)
_LINE_MARK = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.M)
_FENCE_LINE = re.compile(r"^ {0,3}(?:```|~~~).*$", re.M)
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)


def plain(markdown: str) -> str:
    """Markdown as text, the markers a reader does not see removed (code spans keep their content as it is)."""
    spans: list[str] = []

    def keep(m: re.Match[str]) -> str:
        spans.append(m.group(2).strip(" ") if m.group(2).strip(" ") else m.group(2))
        return f"\x00{len(spans) - 1}\x00"

    text = _FENCE_LINE.sub("", markdown)
    text = _CODE_SPAN.sub(keep, text)
    text = _RULE.sub("", text)
    text = _LINE_MARK.sub("", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return re.sub("\x00(\\d+)\x00", lambda m: spans[int(m.group(1))], text)


def squash(text: str) -> str:
    return " ".join(str(text).split())


def same_text(seen: str, expected: str, *, markdown: bool = True) -> bool:
    wanted = plain(expected) if markdown else expected
    if squash(seen) == squash(wanted):
        return True
    return "".join(str(seen).split()) == "".join(wanted.split())


# ---- the tally of what was replayed ------------------------------------------------------------

@dataclass
class Tally:
    pages: int = 0
    blocks: int = 0
    steps: int = 0
    checks: int = 0
    exceptions: int = 0
    not_visible: Counter[str] = field(default_factory=Counter)
    not_driven: Counter[str] = field(default_factory=Counter)
    not_replayed: int = 0
    not_driven_where: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self, lang: str) -> str:
        line = (f"browser replay [{lang}]: {self.pages} pages, {self.blocks} live blocks, {self.steps} steps "
                f"replayed in the page ({self.checks} expectations checked in the DOM, "
                f"{self.exceptions} expected exceptions seen)")
        if self.not_visible:
            line += "; not visible in the DOM, counted: " + ", ".join(f"{k} {v}" for k, v in sorted(self.not_visible.items()))
        if self.not_driven:
            line += ("; steps with no control in the page: " + ", ".join(f"{k} {v}" for k, v in sorted(self.not_driven.items()))
                     + f" ({self.not_replayed} steps after them not replayed; in "
                     + ", ".join(self.not_driven_where) + ")")
        return line


class StepFailure(Exception):
    pass


class NotDriveable(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


# ---- one block ------------------------------------------------------------------------------------

def _settle(page: Any, timeout_ms: float) -> None:
    page.wait_for_function(SETTLED, timeout=timeout_ms)


def _shadow_widgets(at: AppTest) -> list[Any]:
    from streamlet.testing import Widget

    return [e for e in at if isinstance(e, Widget)]


def _slider_number(kind: str, text: Any) -> float:
    """A slider value in the client's form as the range input holds it (see values.js sliderScale)."""
    if kind == "date":
        return (date.fromisoformat(text) - date(1970, 1, 1)).days
    if kind == "datetime":
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.timestamp()
    if kind == "time":
        t = time.fromisoformat(text)
        return t.hour * 3600 + t.minute * 60 + t.second
    return text  # type: ignore[no-any-return]


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


class BlockReplay:
    def __init__(self, page: Any, data: dict[str, Any], where: str, tally: Tally) -> None:
        self.page = page
        self.data = data
        self.where = where
        self.tally = tally
        self.root = page.locator(f'.st-live[data-id="{data["id"]}"]').first
        self.output = self.root.locator(".st-output")
        self.limit_ms = max(30_000.0, 3 * 1000 * float(data.get("timeout") or 10))
        self.shadow = AppTest(data["code"], config=Config.from_toml(data["config"]) if data.get("config") else None)
        self.shadow.run()

    # -- driving -----------------------------------------------------------------------------------

    def _locate(self, widget: Any) -> Any:
        """The reader's widget: same type and label in the block's output (the n-th of its kind if repeated)."""
        node = widget.node
        same = [w for w in _shadow_widgets(self.shadow) if w.type == node["type"] and w.label == widget.label]
        occurrence = next(i for i, w in enumerate(same) if w.node is node)
        view = self.view()
        seen = [w for w in view["widgets"] if w["type"] == node["type"] and w["label"] is not None
                and same_text(w["label"], widget.label)]
        if len(seen) <= occurrence:
            raise StepFailure(f"no {node['type']} labelled {widget.label!r} in the page "
                              f"(widgets seen: {[(w['type'], w['label']) for w in view['widgets']]})")
        return self.output.locator(".st-widget").nth(seen[occurrence]["index"])

    def _drive(self, step: Step) -> None:
        if step.action == "rerun":
            raise NotDriveable("rerun")
        widget = _find_widget(self.shadow, str(step.target))
        if widget is None:
            raise StepFailure(f"no single widget with key or label {step.target!r} (in CPython either)")
        kind = widget.type
        element = self._locate(widget)
        in_form = bool(widget.form_id)
        commit = "Tab" if in_form else "Enter"
        if step.action == "click":
            if kind in BUTTONS:
                element.locator("button").click()
            elif kind in ("checkbox", "toggle"):
                element.locator("input").check()
            else:
                raise NotDriveable(f"click on a {kind}")
            return
        value = _as_widget_value(widget, step.value)
        meta = widget._meta()
        shown = meta.serialize(value) if meta is not None else value
        if kind in ("checkbox", "toggle"):
            element.locator("input").set_checked(bool(shown))
        elif kind in ("text_input", "text_area"):
            box = element.locator("input, textarea").first
            box.fill("" if shown is None else str(shown))
            box.press("Tab" if kind == "text_area" else commit)
        elif kind == "number_input":
            box = element.locator("input")
            box.fill("" if shown is None else _number_text(shown))
            box.press(commit)
        elif kind in ("slider", "select_slider"):
            data_type = widget.node.get("data_type", "int") if kind == "slider" else "index"
            ranges = element.locator("input[type=range]")
            targets = shown if isinstance(shown, list) else [shown]
            numbers = [_slider_number(data_type, v) for v in targets]
            order = list(range(len(numbers)))
            if len(numbers) == 2:
                current = [float(ranges.nth(i).input_value()) for i in range(2)]
                if float(numbers[0]) > current[1]:
                    order = [1, 0]  # move the upper thumb first, so the two never cross
            for i in order:
                ranges.nth(i).fill(_number_text(numbers[i]))
                _settle(self.page, self.limit_ms)
        elif kind == "selectbox":
            if shown is None:
                raise NotDriveable("set a selectbox back to no choice")
            element.locator("select").select_option(value=str(shown))
        elif kind == "radio":
            if shown is None:
                raise NotDriveable("set a radio back to no choice")
            element.locator("input[type=radio]").nth(int(shown)).check()
        elif kind == "multiselect":
            # A reader clicks the chips (their boxes are hidden); each click is a change of its own.
            chips = element.locator("label.st-chip")
            current = list(widget.widget_state() or [])
            wanted = list(shown or [])
            keep = current if current == wanted[:len(current)] else []
            for i in [i for i in current if i not in keep] + wanted[len(keep):]:
                chips.nth(i).click()
                _settle(self.page, self.limit_ms)
        elif kind in ("date_input", "time_input", "color_picker"):
            boxes = element.locator("input")
            values = shown if isinstance(shown, list) else [shown]
            for i, v in enumerate(values):
                boxes.nth(i).fill("" if v is None else str(v))
                _settle(self.page, self.limit_ms)
        else:
            raise NotDriveable(f"set a {kind}")

    # -- seeing ----------------------------------------------------------------------------------------

    def view(self) -> dict[str, Any]:
        return self.root.evaluate(VIEW)  # type: ignore[no-any-return]

    def _check(self, number: int, step: Step) -> list[str]:
        view = self.view()
        problems = []
        if view["notice"]:
            problems.append(f"the block shows a notice: {view['notice']!r}")
        expect = dict(step.expect)
        raised = expect.pop("exception", None)
        problems += self._check_exception(view, raised)
        for key, wanted in expect.items():
            if key == "state":
                self.tally.not_visible["state keys"] += len(wanted or {})
                continue
            if key == "log":
                self.tally.checks += 1
                seen = view["log"]
                lines = [] if seen is None else seen.split("\n")
                if lines != list(wanted or []):
                    problems.append(f"log: expected {wanted!r}, the page shows {lines!r}")
                continue
            values = wanted if isinstance(wanted, list) else [wanted]
            problem = self._check_kind(view, key, values)
            if problem:
                problems.append(problem)
        return problems

    def _check_exception(self, view: dict[str, Any], raised: Any) -> list[str]:
        shown = view["exceptions"]
        if raised is None:
            self.tally.checks += 1
            return [f"unexpected exception in the page: {e['type']}: {e['message']}" for e in shown[:1]]
        self.tally.checks += 1
        spec = raised if isinstance(raised, dict) else {"type": raised}
        for e in shown:
            if "type" in spec and e["type"].rpartition(".")[2] != str(spec["type"]).rpartition(".")[2]:
                continue
            if "message" in spec:
                message = str(spec["message"])
                if e["raw"] is not None:
                    ok = e["raw"] == message or same_text(e["raw"], message, markdown=False)
                else:
                    ok = same_text(e["message"], message)
                if not ok:
                    continue
            self.tally.exceptions += 1
            return []
        return [f"exception: expected {spec!r}, the page shows {[(e['type'], e['message']) for e in shown] or 'none'}"]

    def _check_kind(self, view: dict[str, Any], kind: str, values: list[Any]) -> str | None:
        if kind in TEXT_TYPES or kind == "json":
            self.tally.checks += 1
            seen = view["texts"].get(kind, [])
            if kind == "json":
                try:
                    parsed = [json.loads(s) for s in seen]
                except ValueError:
                    return f"json: the page shows text that is not JSON: {seen!r}"
                ok = parsed == values or (view["sidebar"] and sorted(map(repr, parsed)) == sorted(map(repr, values)))
            else:
                markdown = kind not in ("code", "text", "divider")
                ok = len(seen) == len(values) and all(
                    same_text(s, str(v), markdown=markdown) for s, v in zip(seen, values))
                if not ok and view["sidebar"] and len(seen) == len(values):
                    rest = list(seen)
                    for v in values:
                        match = next((s for s in rest if same_text(s, str(v), markdown=markdown)), None)
                        if match is None:
                            break
                        rest.remove(match)
                    ok = not rest
            return None if ok else f"{kind}: expected {values!r}, the page shows {seen!r}"
        if kind in BUTTONS or kind in ("file_uploader", "data_editor"):
            self.tally.not_visible[f"{kind} values"] += len(values)
            return None
        if kind in VALUE_TYPES:
            self.tally.checks += 1
            types = {kind, *ALSO_LISTED.get(kind, ())}
            seen = [w["value"] for w in view["widgets"] if w["type"] in types]
            if len(seen) != len(values) or not all(_same_value(kind, s, v) for s, v in zip(seen, values)):
                return f"{kind}: expected {values!r}, the page shows {seen!r}"
            return None
        self.tally.not_visible[f"{kind} elements"] += len(values)
        return None

    # -- the whole block ---------------------------------------------------------------------------

    def replay(self) -> None:
        steps = [Step.from_dict(s) for s in self.data.get("steps") or []] or [Step()]
        self.tally.blocks += 1
        self.root.scroll_into_view_if_needed()
        for number, step in enumerate(steps, 1):
            label = f"{self.where} block {self.data['id']!r} step {number} ({step.describe()})"
            try:
                if step.action or number > 1:
                    held = _held_by_a_form(self.shadow, step)
                    self._drive(step)
                    self._advance_shadow(step, held)
                _settle(self.page, self.limit_ms)
            except NotDriveable as err:
                self.tally.not_driven[err.kind] += 1
                self.tally.not_driven_where.append(f"{self.where}#{self.data['id']} step {number}")
                self.tally.not_replayed += len(steps) - number
                return
            except StepFailure as err:
                self.tally.failures.append(f"{label}: {err}")
                return
            except Exception as err:  # a Playwright timeout: the page never answered
                self.tally.failures.append(f"{label}: {type(err).__name__}: {str(err).splitlines()[0]}")
                return
            self.tally.steps += 1
            problems = self._check(number, step)
            if problems:
                self.tally.failures.extend(f"{label}: {p}" for p in problems)
                return

    def _advance_shadow(self, step: Step, held: bool) -> None:
        widget = _find_widget(self.shadow, str(step.target)) if step.action in ("click", "set") else None
        try:
            if widget is not None:
                widget.set_value(True if step.action == "click" else _as_widget_value(widget, step.value))
        except AppTestError as err:
            raise StepFailure(str(err)) from None
        if not held:
            self.shadow.run()


def _same_value(kind: str, seen: Any, wanted: Any) -> bool:
    if kind in ("checkbox", "toggle"):
        return bool(seen) is bool(wanted)
    if kind in ("text_input", "text_area"):
        return seen == ("" if wanted is None else str(wanted))
    if kind == "number_input":
        if wanted is None:
            return seen == ""
        try:
            return float(seen) == float(wanted)
        except ValueError:
            return False
    if kind == "slider":
        wanted_list = list(wanted) if isinstance(wanted, (list, tuple)) else [wanted]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in wanted_list):
            return [float(v) for v in seen["values"]] == [float(v) for v in wanted_list]
        parts = seen["readout"].split(" – ")
        return len(parts) == len(wanted_list) and all(_same_moment(p, v) for p, v in zip(parts, wanted_list))
    if kind == "select_slider":
        wanted_list = list(wanted) if isinstance(wanted, (list, tuple)) else [wanted]
        return seen["readout"] == " – ".join(str(v) for v in wanted_list)
    if kind in ("selectbox", "radio"):
        return (seen is None) if wanted is None else seen is not None and same_text(seen, str(wanted))
    if kind == "multiselect":
        return sorted(squash(s) for s in seen) == sorted(squash(str(v)) for v in wanted or [])
    if kind in ("date_input", "time_input"):
        wanted_list = list(wanted) if isinstance(wanted, (list, tuple)) else [wanted]
        shown = [s for s in seen if s]
        return len(shown) == len([v for v in wanted_list if v is not None]) and all(
            _same_moment(s, v) for s, v in zip(shown, wanted_list))
    if kind == "color_picker":
        return str(seen[0]).lower() == str(wanted).lower()
    return bool(seen == wanted)


def _same_moment(text: str, wanted: Any) -> bool:
    for cls in (datetime, date, time):
        if isinstance(wanted, cls):
            try:
                return cls.fromisoformat(text) == wanted  # type: ignore[attr-defined]
            except ValueError:
                return False
    if isinstance(wanted, str):
        for cls in (datetime, date, time):
            try:
                return bool(cls.fromisoformat(text) == cls.fromisoformat(wanted))  # type: ignore[attr-defined]
            except ValueError:
                continue
    return text == str(wanted)


# ---- one page ---------------------------------------------------------------------------------------

def replay_page(page: Any, url: str, blocks: list[dict[str, Any]], where: str, tally: Tally,
                load_timeout_ms: float = 180_000) -> None:
    """Load ``url`` once, let Python run every block's code, then replay each block's steps in page order."""
    page.goto(url)
    tally.pages += 1
    page.locator(".st-live.st-live-active").first.wait_for(state="attached", timeout=30_000)
    page.locator(".st-live").first.scroll_into_view_if_needed()
    try:
        _settle(page, load_timeout_ms)
    except Exception as err:  # noqa: BLE001
        fatal = page.evaluate("window.__stTrack && window.__stTrack.fatal")
        tally.failures.append(f"{where}: Python did not get ready ({fatal or type(err).__name__})")
        return
    for data in blocks:
        BlockReplay(page, data, where, tally).replay()
