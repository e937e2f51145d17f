'''Scenarios: a script and the steps a user takes, run by both engines and compared.

Each scenario has a short name. A step is a list of operations (see ``driver.py``)
followed by a run; ``RERUN`` is a plain rerun. No expected values are written
here: real Streamlit is the expectation. Scripts avoid what is not repeatable
(the clock, memory addresses, temporary file names).
'''
from __future__ import annotations

import textwrap
from typing import Any

Op = dict[str, Any]
SCENARIOS: list[dict[str, Any]] = []
RERUN: list[Op] = []


def scenario(name: str, script: str, *steps: Op | list[Op], config: dict[str, Any] | None = None) -> None:
    assert all(s["name"] != name for s in SCENARIOS), name
    body = textwrap.dedent(script).strip("\n") + "\n"
    entry: dict[str, Any] = {"name": name, "script": "import streamlit as st\n" + body,
                             "steps": [s if isinstance(s, list) else [s] for s in steps]}
    if config:
        entry["config"] = config
    SCENARIOS.append(entry)


def call(widgets: str, method: str, *args: Any, index: int = 0, key: str | None = None) -> Op:
    """``at.<widgets>[index].<method>(*args)``, or ``at.<widgets>(key=key)...``."""
    op: Op = {"op": "call", "list": widgets, "method": method, "args": list(args)}
    if key is None:
        op["index"] = index
    else:
        op["key"] = key
    return op


def click(widgets: str = "button", index: int = 0, key: str | None = None) -> Op:
    return call(widgets, "click", index=index, key=key)


def set_value(widgets: str, value: Any, index: int = 0, key: str | None = None) -> Op:
    return call(widgets, "set_value", value, index=index, key=key)


def set_state(key: str, value: Any) -> Op:
    return {"op": "set_state", "key": key, "value": value}


def del_state(key: str) -> Op:
    return {"op": "del_state", "key": key}


def get_state(key: str, attr: bool = False) -> Op:
    return {"op": "get_state", "key": key, "attr": attr}


def read(widgets: str, *attrs: str, index: int = 0) -> Op:
    """Read ``at.<widgets>[index].<attr>`` for each attribute (display attributes, not values)."""
    return {"op": "read", "list": widgets, "index": index, "attrs": list(attrs)}


def date(iso: str) -> dict[str, str]:
    return {"$date": iso}


def time(iso: str) -> dict[str, str]:
    return {"$time": iso}


def datetime(iso: str) -> dict[str, str]:
    return {"$datetime": iso}


def tup(*items: Any) -> dict[str, list[Any]]:
    return {"$tuple": list(items)}


# == The docs' examples ===========================================================

scenario("counter-plain-rerun", """
    count = 0
    increment = st.button("Increment")
    if increment:
        count += 1
    st.write("Count = ", count)
""", click(), click(), RERUN)

scenario("counter-session-state", """
    st.title("Counter Example")
    if "count" not in st.session_state:
        st.session_state.count = 0
    increment = st.button("Increment")
    if increment:
        st.session_state.count += 1
    st.write("Count = ", st.session_state.count)
""", click(), click(), RERUN, click())

scenario("counter-callback", """
    st.title("Counter Example using Callbacks")
    if "count" not in st.session_state:
        st.session_state.count = 0
    def increment_counter():
        st.session_state.count += 1
    st.button("Increment", on_click=increment_counter)
    st.write("Count = ", st.session_state.count)
""", click(), click(), RERUN)

scenario("counter-callback-args-kwargs", """
    st.title("Counter Example using Callbacks with args")
    if "count" not in st.session_state:
        st.session_state.count = 0
    increment_value = st.number_input("Enter a value", value=0, step=1)
    def increment_counter(increment_value):
        st.session_state.count += increment_value
    def decrement_counter(decrement_value=0):
        st.session_state.count -= decrement_value
    increment = st.button("Increment", on_click=increment_counter, args=(increment_value,))
    st.button("Decrement", on_click=decrement_counter, kwargs=dict(decrement_value=increment_value))
    st.write("Count = ", st.session_state.count)
""", set_value("number_input", 5), click(index=0), click(index=1), call("number_input", "increment"),
    click(index=0), click(index=1))

scenario("counter-form-callback", """
    import datetime
    st.title("Counter Example")
    if "count" not in st.session_state:
        st.session_state.count = 0
        st.session_state.last_updated = datetime.time(0, 0)
    def update_counter():
        st.session_state.count += st.session_state.increment_value
        st.session_state.last_updated = st.session_state.update_time
    with st.form(key="my_form"):
        st.time_input(label="Enter the time", value=datetime.time(8, 45), key="update_time")
        st.number_input("Enter a value", value=0, step=1, key="increment_value")
        submit = st.form_submit_button(label="Update", on_click=update_counter)
    st.write("Current Count = ", st.session_state.count)
    st.write("Last Updated = ", st.session_state.last_updated)
""", set_value("number_input", 3), [set_value("time_input", time("09:30:00")), click("form_submit_button")],
    click("form_submit_button"), RERUN)

scenario("celsius-fahrenheit", """
    if "celsius" not in st.session_state:
        st.session_state.celsius = 0.0
        st.session_state.fahrenheit = 32.0
    def celsius_to_fahrenheit():
        st.session_state.fahrenheit = st.session_state.celsius * 9 / 5 + 32
    def fahrenheit_to_celsius():
        st.session_state.celsius = (st.session_state.fahrenheit - 32) * 5 / 9
    st.slider("Celsius", min_value=-100.0, max_value=100.0, key="celsius", on_change=celsius_to_fahrenheit)
    st.number_input("Fahrenheit", key="fahrenheit", on_change=fahrenheit_to_celsius)
    st.write(st.session_state.celsius, "°C is", st.session_state.fahrenheit, "°F")
""", set_value("slider", 100.0), set_value("number_input", 50.0), call("number_input", "decrement"),
    set_value("slider", -40.0), set_value("number_input", 500.0))

scenario("pounds-kilograms-columns", """
    def lbs_to_kg():
        st.session_state.kg = st.session_state.lbs / 2.2046
    def kg_to_lbs():
        st.session_state.lbs = st.session_state.kg * 2.2046
    st.header("Input")
    col1, spacer, col2 = st.columns([2, 1, 2])
    with col1:
        pounds = st.number_input("Pounds:", key="lbs", on_change=lbs_to_kg)
    with col2:
        kilogram = st.number_input("Kilograms:", key="kg", on_change=kg_to_lbs)
    st.header("Output")
    st.write("st.session_state object:", st.session_state)
""", set_value("number_input", 22.046, index=0), set_value("number_input", 1.5, index=1))

scenario("widget-initialised-through-state", """
    if "name" not in st.session_state:
        st.session_state.name = "Ada"
    if "level" not in st.session_state:
        st.session_state["level"] = 7
    st.text_input("Your name", key="name")
    st.slider("Level", 0, 10, key="level")
    st.write(st.session_state.name, st.session_state.level)
""", call("text_input", "input", "Grace"), set_value("slider", 2), RERUN)

scenario("default-value-and-state-write", """
    st.session_state.setdefault("x", 5)
    x = st.slider("X", 0, 10, 3, key="x")
    st.write("x is", x)
""", set_value("slider", 9), RERUN)

# == Widgets that take callbacks ===================================================

scenario("button-callback-and-disabled", """
    st.session_state.setdefault("log", [])
    def clicked(name, times=1):
        st.session_state.log.append((name, times))
    a = st.button("A", key="a", on_click=clicked, args=("a",), kwargs={"times": 2}, help="press me")
    b = st.button("B", disabled=True, on_click=clicked, args=("b",))
    st.write(a, b, st.session_state.log)
""", click(key="a"), RERUN, click(index=1))

scenario("download-button", """
    st.session_state.setdefault("downloads", 0)
    def downloaded():
        st.session_state.downloads += 1
    d = st.download_button("Download", data="hello", file_name="hello.txt", key="dl", on_click=downloaded)
    st.write("clicked:", d, "downloads:", st.session_state.downloads)
""", click("download_button"), RERUN, click("download_button", key="dl"))

scenario("checkbox-callback", """
    st.session_state.setdefault("seen", [])
    def changed(tag):
        st.session_state.seen.append((tag, st.session_state.agree))
    agree = st.checkbox("I agree", key="agree", on_change=changed, args=("cb",))
    st.write("agree:", agree, st.session_state.seen)
""", call("checkbox", "check"), RERUN, call("checkbox", "uncheck"), call("checkbox", "uncheck"))

scenario("toggle", """
    def changed():
        st.session_state.flips = st.session_state.get("flips", 0) + 1
    on = st.toggle("Activate", value=True, key="on", on_change=changed)
    st.write("on:", on, st.session_state.get("flips"))
""", set_value("toggle", False), set_value("toggle", True), RERUN)

scenario("color-picker", """
    def changed():
        st.session_state.history = st.session_state.get("history", []) + [st.session_state.color]
    color = st.color_picker("Pick a colour", "#00f900", key="color", on_change=changed)
    st.write("The current color is", color)
""", call("color_picker", "pick", "#ff0000"), set_value("color_picker", "#123456"), RERUN)

scenario("date-input", """
    import datetime
    def changed():
        st.session_state.last = str(st.session_state.day)
    d = st.date_input("When is your birthday", datetime.date(2019, 7, 6), key="day", on_change=changed,
                      min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31))
    st.write("Your birthday is:", d)
    r = st.date_input("Trip", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 7)))
    st.write(r, type(r).__name__)
""", set_value("date_input", date("2021-02-03")), set_value("date_input", tup(date("2024-02-01"), date("2024-02-09")), index=1),
    RERUN)

scenario("time-input", """
    import datetime
    def changed():
        st.session_state.alarm_log = str(st.session_state.alarm)
    t = st.time_input("Set an alarm for", datetime.time(8, 45), key="alarm", on_change=changed)
    st.write("Alarm is set for", t, st.session_state.get("alarm_log"))
""", set_value("time_input", time("10:15:00")), call("time_input", "increment"), call("time_input", "decrement"))

scenario("file-uploader-empty", """
    def changed():
        st.session_state.uploads = st.session_state.get("uploads", 0) + 1
    f = st.file_uploader("Choose a file", key="upload", on_change=changed)
    many = st.file_uploader("Choose files", accept_multiple_files=True)
    st.write(f is None, many, "upload" in st.session_state, st.session_state.upload)
""", RERUN)

scenario("multiselect", """
    def changed():
        st.session_state.picked = list(st.session_state.colors)
    colors = st.multiselect("Colours", ["Green", "Yellow", "Red", "Blue"], ["Yellow", "Red"],
                            key="colors", on_change=changed, max_selections=3)
    st.write("You selected:", colors)
""", call("multiselect", "select", "Blue"), call("multiselect", "unselect", "Yellow"),
    set_value("multiselect", ["Green"]), RERUN)

scenario("number-input-int-and-float", """
    def changed(which):
        st.session_state.changed = which
    n = st.number_input("Int", min_value=0, max_value=10, value=9, step=1, key="n", on_change=changed, args=("n",))
    f = st.number_input("Float", value=0.5, step=0.25, format="%.2f", key="f", on_change=changed, args=("f",))
    st.write(n, type(n).__name__, f, type(f).__name__, st.session_state.get("changed"))
""", call("number_input", "increment", key="n"), call("number_input", "increment", key="n"),
    call("number_input", "decrement", key="f"), set_value("number_input", 3, index=0))

scenario("number-input-none", """
    v = st.number_input("Maybe", value=None, placeholder="Type a number", key="maybe")
    st.write("value:", v)
""", set_value("number_input", 4), set_value("number_input", None))

scenario("radio", """
    def changed():
        st.session_state.genre_log = st.session_state.genre
    genre = st.radio("Favourite genre", ["Comedy", "Drama", "Documentary"], index=1,
                     key="genre", on_change=changed, horizontal=True)
    none = st.radio("Nothing yet", ["a", "b"], index=None)
    st.write("You selected:", genre, none)
""", set_value("radio", "Documentary"), set_value("radio", "b", index=1), RERUN)

scenario("select-slider", """
    def changed():
        st.session_state.changes = st.session_state.get("changes", 0) + 1
    color = st.select_slider("Colour", options=["red", "orange", "yellow", "green", "blue"], value="yellow",
                             key="color", on_change=changed)
    lo, hi = st.select_slider("Range", options=[1, 2, 3, 4, 5], value=(2, 4))
    st.write(color, lo, hi, st.session_state.get("changes"))
""", set_value("select_slider", "blue"), call("select_slider", "set_range", 1, 5, index=1), RERUN)

scenario("selectbox", """
    def changed():
        st.session_state.contact_log = st.session_state.contact
    option = st.selectbox("How would you like to be contacted?", ("Email", "Home phone", "Mobile phone"),
                          key="contact", on_change=changed)
    maybe = st.selectbox("Optional", ["x", "y"], index=None, placeholder="Choose")
    st.write("You selected:", option, maybe)
""", call("selectbox", "select", "Mobile phone"), call("selectbox", "select_index", 1, index=1),
    call("selectbox", "select", None, index=1))

scenario("slider-int-float", """
    def changed(name):
        st.session_state.moved = name
    age = st.slider("How old are you?", 0, 130, 25, key="age", on_change=changed, args=("age",))
    f = st.slider("Float", 0.0, 1.0, 0.5, step=0.1, on_change=changed, kwargs={"name": "f"})
    st.write(age, type(age).__name__, f, type(f).__name__, st.session_state.get("moved"))
""", set_value("slider", 40), set_value("slider", 0.9, index=1), RERUN)

scenario("slider-ranges", """
    values = st.slider("Select a range of values", 0.0, 100.0, (25.0, 75.0), key="r")
    ints = st.slider("Ints", 0, 10, (2, 3))
    st.write("Values:", values, type(values).__name__, ints)
""", call("slider", "set_range", 10.0, 20.0), call("slider", "set_range", 0, 10, index=1), RERUN)

scenario("slider-dates-and-times", """
    import datetime
    d = st.slider("Date", min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2020, 12, 31),
                  value=datetime.date(2020, 6, 1), key="d")
    t = st.slider("Schedule", value=(datetime.time(11, 30), datetime.time(12, 45)), key="t")
    dt = st.slider("When", value=datetime.datetime(2020, 1, 1, 9, 30), format="MM/DD/YY - hh:mm", key="dt")
    st.write(d, t, dt)
""", set_value("slider", date("2020-07-04"), key="d"),
    call("slider", "set_range", time("09:00:00"), time("17:00:00"), key="t"),
    set_value("slider", datetime("2020-01-02T10:00:00"), key="dt"))

scenario("text-area", """
    def changed():
        st.session_state.chars = len(st.session_state.story)
    txt = st.text_area("Text to analyze", "It was the best of times", key="story", on_change=changed)
    st.write(f"You wrote {len(txt)} characters.", st.session_state.get("chars"))
""", call("text_area", "input", "Call me Ishmael."), set_value("text_area", ""), RERUN)

scenario("text-input", """
    def changed(prefix, suffix=""):
        st.session_state.greeting = prefix + st.session_state.title + suffix
    title = st.text_input("Movie title", "Life of Brian", key="title", max_chars=20,
                          on_change=changed, args=("<",), kwargs={"suffix": ">"})
    st.write("The current movie title is", title, st.session_state.get("greeting"))
""", call("text_input", "input", "Brazil"), call("text_input", "input", "Brazil"), set_value("text_input", "Alien"))

scenario("data-editor-list-of-dicts", """
    rows = [{"command": "st.selectbox", "rating": 4, "is_widget": True},
            {"command": "st.balloons", "rating": 5, "is_widget": False}]
    def changed():
        st.session_state.edits = st.session_state.editor
    edited = st.data_editor(rows, key="editor", on_change=changed)
    st.write(type(edited).__name__, edited)
""", set_state("editor", {"edited_rows": {"0": {"rating": 1}}, "added_rows": [], "deleted_rows": []}), RERUN)

scenario("data-editor-dict-of-lists", """
    table = {"name": ["a", "b", "c"], "score": [1, 2, 3]}
    edited = st.data_editor(table, num_rows="dynamic")
    st.write(type(edited).__name__, edited)
""", RERUN)

# == Display elements ===============================================================

scenario("display-text-elements", """
    st.title("A title")
    st.header("A header")
    st.subheader("A subheader")
    st.caption("A caption")
    st.text("Fixed width")
    st.markdown("*Some* **markdown**")
    st.divider()
    st.code("a = 1", language="python")
    st.code("plain")
""")

scenario("write-several-arguments", """
    st.write("Count = ", 1)
    st.write("a", "b", 3, 4.5, True, None)
    st.write(1, 2)
    st.write("Hello, *World!* :sunglasses:")
    st.write("one", {"k": [1, 2]}, "two")
""")

scenario("write-single-values", """
    st.write(1234)
    st.write(3.5)
    st.write(True)
    st.write(None)
    st.write([1, "two", 3.0])
    st.write({"a": 1, "b": {"c": [1, 2]}})
    st.write((1, 2))
    st.write({1, 2})
    st.write(ValueError("this is an error"))
""")

scenario("json-and-code", """
    st.json({"foo": "bar", "baz": "boz", "stuff": ["stuff 1", "stuff 2", 3]})
    st.json('{"already": "text"}', expanded=False)
    st.json([1, 2, 3])
    st.code("for i in range(3):\\n    print(i)", language="python")
    st.code("SELECT 1", language="sql")
""")

scenario("alerts-and-exception", """
    st.error("This is an error", icon="🚨")
    st.warning("This is a warning")
    st.info("This is a purely informational message", icon="ℹ️")
    st.success("This is a success message!")
    try:
        raise RuntimeError("This is an exception of type RuntimeError")
    except RuntimeError as e:
        st.exception(e)
""")

scenario("magic", """
    "Hello **magic**"
    42
    x = {"a": 1}
    x
    [1, 2]
    st.session_state.k = 1
    st.session_state
""")

scenario("uncaught-exceptions", """
    st.write("before")
    d = {}
    if st.button("Break"):
        d["missing"]
    raise ValueError("bad value")
""", click())

# == Layout ===========================================================================

scenario("layout-columns-container-expander", """
    col1, col2, col3 = st.columns(3)
    with col1:
        st.header("A cat")
    col2.write("A dog")
    with col3:
        st.button("Owl")
    outer = st.container()
    st.write("after the container")
    outer.write("written later, shown first")
    with st.container(border=True, key="box"):
        st.text("inside the box")
    with st.expander("See explanation", expanded=True):
        st.write("explained")
        st.checkbox("Inside")
""", click(), call("checkbox", "check"))

scenario("layout-sidebar", """
    choice = st.sidebar.selectbox("Contact", ("Email", "Phone"), key="contact")
    with st.sidebar:
        st.title("Side")
        rad = st.radio("Method", ("Standard", "Express"))
    st.write(choice, rad)
""", call("selectbox", "select", "Phone"), set_value("radio", "Express"))

scenario("layout-form-in-sidebar-and-columns", """
    with st.sidebar.form("side"):
        s = st.text_input("Search", key="q")
        st.form_submit_button("Go")
    left, right = st.columns(2)
    with left:
        with st.form("inner", border=False):
            n = st.number_input("N", 0, 5, key="n")
            st.form_submit_button()
    st.write(s, n)
""", [call("text_input", "input", "cats"), click("form_submit_button", index=1)],
    [set_value("number_input", 4), click("form_submit_button", index=0)],
    [call("text_input", "input", "dogs"), set_value("number_input", 1), click("form_submit_button", index=1)])

# == Execution flow ===================================================================

scenario("rerun-until-three", """
    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    st.write("run", st.session_state.runs)
    if st.session_state.runs % 3:
        st.rerun()
    st.write("settled at", st.session_state.runs)
""", RERUN)

scenario("rerun-from-callback", """
    st.session_state.setdefault("n", 0)
    def go():
        st.session_state.n += 1
        st.rerun()
    st.button("Go", on_click=go)
    st.write("n =", st.session_state.n)
""", click())

scenario("stop", """
    st.write("always")
    name = st.text_input("Name", key="name")
    if not name:
        st.warning("Please input a name.")
        st.stop()
    st.success("Thank you for inputting a name.")
    st.checkbox("Shown only with a name", key="later")
""", call("text_input", "input", "Ann"), call("text_input", "input", ""), RERUN)

scenario("sys-exit", """
    import sys
    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    st.write("before", st.session_state.runs)
    st.checkbox("Kept", key="kept")
    if st.button("Exit"):
        st.text_input("Only in the exiting run", key="only")
        sys.exit()
    st.write("after")
    st.radio("Later", ["a", "b"], key="later")
""", set_value("checkbox", True), click(), RERUN, set_value("radio", "b"), click(), call("text_input", "input", "x"))

# == Rules and their errors ================================================================

scenario("rule-button-value-through-state", """
    st.session_state.b = True
    st.button("B", key="b")
""")

scenario("rule-download-button-value-through-state", """
    st.session_state.dl = True
    st.download_button("Get", data="x", key="dl")
""")

scenario("rule-file-uploader-value-through-state", """
    st.session_state.up = None
    st.file_uploader("Upload", key="up")
""")

scenario("rule-form-submit-value-through-state", """
    st.session_state.sub = True
    with st.form("f"):
        st.text_input("T")
        st.form_submit_button("Send", key="sub")
""")

scenario("rule-button-state-from-apptest", """
    st.button("B", key="b")
    st.write("ran")
""", set_state("b", True))

scenario("rule-widget-already-instantiated", """
    st.write("top")
    st.slider("S", 0, 10, key="s")
    st.session_state.s = 5
    st.write("not reached")
""")

scenario("rule-form-widget-on-change", """
    def cb():
        pass
    with st.form("f"):
        st.text_input("T", on_change=cb)
        st.form_submit_button()
""")

scenario("rule-button-in-form", """
    with st.form("f"):
        st.button("Inside")
        st.form_submit_button()
""")

scenario("rule-submit-outside-form", """
    st.write("x")
    st.form_submit_button("Orphan")
""")

scenario("rule-duplicate-auto-id", """
    st.button("Same")
    st.button("Same")
""")

scenario("rule-duplicate-key", """
    st.button("A", key="k")
    st.checkbox("B", key="k")
""")

scenario("rule-invalid-number-input-out-of-range", """
    st.number_input("N", min_value=0, max_value=10, value=20)
""")

scenario("rule-invalid-mixed-types", """
    st.slider("S", 0, 10.5)
""")

scenario("rule-text-input-value-made-str", """
    st.write("first")
    st.text_input("T", value=["not", "text"])
""")

scenario("rule-invalid-slider-value-type", """
    st.slider("S", 0, 10, "3")
""")

scenario("rule-invalid-number-input-mixed-types", """
    st.number_input("N", min_value=0, max_value=10, value=5.5)
""")

scenario("rule-invalid-number-input-value-type", """
    st.number_input("N", value="five")
""")

scenario("rule-invalid-selectbox-index-type", """
    st.selectbox("S", ["a"], index="0")
""")

scenario("rule-invalid-date-input-value-type", """
    st.date_input("D", value=5)
""")

scenario("rule-invalid-callback-type", """
    st.button("B", on_click="nope")
""")

scenario("rule-invalid-multiselect-too-many-defaults", """
    st.multiselect("M", ["a", "b", "c"], ["a", "b"], max_selections=1)
""")

scenario("rule-invalid-number-input-min-above-max", """
    st.number_input("N", min_value=10, max_value=1)
""")

scenario("rule-invalid-date-input-below-min", """
    import datetime
    st.date_input("D", value=datetime.date(2020, 1, 1), min_value=datetime.date(2021, 1, 1))
""")

scenario("rule-invalid-select-slider-value", """
    st.select_slider("S", ["a", "b"], value="c")
""")

scenario("rule-invalid-radio-index", """
    st.radio("R", ["a", "b"], index=2)
""")

scenario("rule-invalid-time-input-value-type", """
    st.time_input("T", value="noon")
""")

scenario("rule-invalid-color", """
    st.color_picker("C", "red")
""")

scenario("rule-slider-bounds-not-checked", """
    a = st.slider("Swapped", min_value=10, max_value=1)
    b = st.slider("Widened", 0, 10, 15)
    st.write(a, b)
""")

scenario("rule-invalid-default-not-in-options", """
    st.multiselect("M", ["a", "b"], default=["c"])
""")

scenario("rule-invalid-selectbox-index", """
    st.selectbox("S", ["a", "b"], index=5)
""")

scenario("rule-invalid-empty-key", """
    st.session_state[""] = 1
""")

scenario("rule-callbacks-before-script-see-new-values", """
    st.session_state.setdefault("events", [])
    def on_text():
        st.session_state.events.append(("callback sees", st.session_state.t))
    st.session_state.events.append(("script starts with", st.session_state.get("t")))
    t = st.text_input("T", "start", key="t", on_change=on_text)
    st.session_state.events.append(("widget returns", t))
    st.write(st.session_state.events)
""", call("text_input", "input", "changed"), RERUN)

scenario("rule-args-captured-at-previous-run", """
    st.session_state.setdefault("run", 0)
    st.session_state.run += 1
    st.session_state.setdefault("seen", [])
    st.button("Record", on_click=lambda n: st.session_state.seen.append(n), args=(st.session_state.run,))
    st.write(st.session_state.run, st.session_state.seen)
""", RERUN, click(), click())

scenario("rule-form-values-held-until-submit", """
    with st.form("f"):
        name = st.text_input("Name", key="name")
        age = st.slider("Age", 0, 100, 30, key="age")
        ok = st.form_submit_button("Submit")
    st.write("name:", name, "age:", age, "submitted:", ok)
""", call("text_input", "input", "Ann"), [set_value("slider", 40)], click("form_submit_button"), RERUN)

scenario("rule-form-clear-on-submit", """
    def saved():
        st.session_state.saved = (st.session_state.item, st.session_state.qty)
    with st.form("add", clear_on_submit=True):
        st.text_input("Item", key="item")
        st.number_input("Qty", 1, 10, key="qty")
        st.form_submit_button("Add", on_click=saved)
    st.write(st.session_state.get("saved"), st.session_state.item, st.session_state.qty)
""", [call("text_input", "input", "pen"), set_value("number_input", 3), click("form_submit_button")],
    click("form_submit_button"))

scenario("rule-submit-button-key-in-state", """
    with st.form("my_form"):
        st.text_input("T")
        submitted = st.form_submit_button("Save")
    with st.form("keyed"):
        st.form_submit_button("Send", key="send")
    st.write(submitted, sorted(st.session_state.keys()))
""", click("form_submit_button"), RERUN)

scenario("rule-button-true-for-one-run", """
    clicked = st.button("Click", key="c")
    st.write("clicked:", clicked, "state:", st.session_state.c)
""", click(), RERUN, click(), click())

scenario("rule-unrendered-widget-dropped", """
    show = st.checkbox("Show the slider", value=True, key="show")
    if show:
        st.slider("S", 0, 10, 4, key="s")
    st.write(sorted(st.session_state.keys()))
""", set_value("slider", 8), call("checkbox", "uncheck"), call("checkbox", "check"))

scenario("rule-delete-every-key-in-callback", """
    st.session_state.setdefault("a", 1)
    st.session_state.setdefault("b", 2)
    def reset():
        for key in st.session_state.keys():
            del st.session_state[key]
    st.text_input("T", "x", key="t")
    st.button("Reset", on_click=reset)
    st.write(sorted(st.session_state.keys()))
""", call("text_input", "input", "typed"), click(), RERUN)

scenario("rule-delete-every-key-before-widgets", """
    if st.session_state.get("reset"):
        for key in st.session_state.keys():
            del st.session_state[key]
    st.session_state.setdefault("a", 1)
    st.checkbox("Reset on the next run", key="reset")
    st.write(sorted(st.session_state.keys()))
""", call("checkbox", "check"), RERUN, RERUN)

scenario("rule-ids-and-values-across-reruns", """
    st.session_state.setdefault("n", 0)
    st.session_state.n += 1
    a = st.slider("Unkeyed", 0, 10, 1)
    b = st.slider(f"Label {st.session_state.n % 2}", 0, 10, 1)
    c = st.slider(f"Keyed label {st.session_state.n % 2}", 0, 10, 1, key="c")
    st.write(a, b, c)
""", [set_value("slider", 5, index=0), set_value("slider", 6, index=1), set_value("slider", 7, index=2)], RERUN)

scenario("rule-session-state-written-and-magic", """
    st.session_state.number = 1
    st.session_state["text"] = "t"
    st.checkbox("C", key="check")
    st.write(st.session_state)
    st.session_state
    st.write("number" in st.session_state, len(st.session_state))
""", call("checkbox", "check"))

scenario("rule-missing-key-item", """
    st.write("before")
    st.write(st.session_state["nope"])
""")

scenario("rule-missing-key-attribute", """
    st.write(st.session_state.nope)
""")

scenario("rule-missing-key-delete", """
    del st.session_state.nope
""")

scenario("rule-missing-key-from-apptest", """
    st.session_state.there = 1
""", [get_state("there"), get_state("nope"), get_state("nope", attr=True), get_state("there", attr=True)])

scenario("rule-state-write-from-apptest", """
    s = st.slider("S", 0, 10, 1, key="s", on_change=lambda: st.session_state.update(called=True))
    st.write(s, st.session_state.get("called", False), st.session_state.get("extra"))
""", [set_state("s", 7), set_state("extra", "hi")], RERUN, [del_state("extra")])

scenario("rule-enforce-serializable", """
    st.session_state.fine = [1, 2]
    st.write("wrote fine")
    st.session_state.bad = lambda: 1
    st.write("wrote bad")
""", config={"runner.enforceSerializableSessionState": True})

scenario("rule-enforce-serializable-off", """
    st.session_state.bad = lambda: 1
    st.write("stored", callable(st.session_state.bad))
""")

scenario("rule-callback-exception", """
    def boom():
        raise ZeroDivisionError("callback failed")
    st.button("Boom", on_click=boom)
    st.write("script body ran")
""", click(), RERUN)

scenario("rule-key-changes-reset-value", """
    st.session_state.setdefault("v", 0)
    version = st.session_state.v
    x = st.text_input("X", "default", key=f"x{version}")
    if st.button("New key"):
        st.session_state.v += 1
    st.write(x, sorted(st.session_state.keys()))
""", call("text_input", "input", "typed"), click(), RERUN)

scenario("rule-disabled-widget-interaction", """
    c = st.checkbox("Off", disabled=True, key="off")
    st.write(c)
""", call("checkbox", "check"))

scenario("rule-state-proxy-methods", """
    st.session_state.setdefault("n", 1)
    st.session_state.update({"m": 2})
    st.write(st.session_state.get("n"), st.session_state.get("zz", "dflt"), "m" in st.session_state,
             sorted(st.session_state.to_dict().items()))
    del st.session_state["m"]
    st.write(list(st.session_state.keys()))
""", RERUN)

# == Values through session state, AppTest's setters, deletion and callbacks =================

scenario("no-spurious-callback-for-widget-shown-later", """
    st.session_state.setdefault("log", [])
    def changed(name):
        st.session_state.log.append(name)
    if "x" not in st.session_state:
        st.session_state.x = 5
    show = st.checkbox("show", key="show")
    if show:
        st.slider("X", 0, 10, key="x", on_change=changed, args=("x",))
        st.text_input("T", key="t", on_change=changed, args=("t",))
        st.date_input("D", key="d", on_change=changed, args=("d",))
    st.write(st.session_state.log)
""", call("checkbox", "check"), RERUN, RERUN, set_value("slider", 6), call("checkbox", "uncheck"),
    call("checkbox", "check"), RERUN, [set_state("x", 9)], RERUN, call("checkbox", "uncheck"),
    [set_state("t", "hello"), call("checkbox", "check")], RERUN)

scenario("no-spurious-callback-after-key-preset-from-apptest", """
    st.session_state.setdefault("log", [])
    def changed(name):
        st.session_state.log.append(name)
    if st.session_state.get("show"):
        st.number_input("N", key="n", on_change=changed, args=("n",))
        st.selectbox("S", ["a", "b"], key="s", on_change=changed, args=("s",))
    st.write(st.session_state.log)
""", [set_state("n", 3), set_state("s", "b")], [set_state("show", True)], RERUN, RERUN,
    set_value("number_input", 4), [set_state("show", False)], [set_state("show", True)], RERUN)

scenario("preset-every-widget-without-value", """
    import datetime
    presets = {"cb": True, "tg": True, "ti": "typed", "ta": "long text", "ni": 7, "nf": 2.5, "sl": 42,
               "slr": (10, 20), "ss": "c", "sb": "y", "ra": "z", "ms": ["q"], "cp": "#123456",
               "di": datetime.date(2020, 5, 17), "tm": datetime.time(13, 37)}
    for k, v in presets.items():
        if k not in st.session_state:
            st.session_state[k] = v
    got = [st.checkbox("cb", key="cb"), st.toggle("tg", key="tg"), st.text_input("ti", key="ti"),
           st.text_area("ta", key="ta"), st.number_input("ni", key="ni"),
           st.number_input("nf", min_value=0.0, key="nf"), st.slider("sl", key="sl"), st.slider("slr", key="slr"),
           st.select_slider("ss", ["a", "b", "c", "d"], key="ss"), st.selectbox("sb", ["x", "y"], key="sb"),
           st.radio("ra", ["w", "z"], key="ra"), st.multiselect("ms", ["p", "q"], key="ms"),
           st.color_picker("cp", key="cp"), st.date_input("di", key="di"), st.time_input("tm", key="tm")]
    st.write(repr(got))
""", RERUN, [set_value("checkbox", False), set_value("number_input", 8, key="ni"),
             set_value("time_input", time("14:00:00"))], RERUN)

scenario("preset-every-widget-with-value", """
    import datetime
    presets = {"cb": True, "ti": "typed", "ni": 7, "sl": 42, "slr": (10, 20), "ss": "c", "ssr": ("b", "d"),
               "sb": "y", "ra": "z", "ms": ["q"], "cp": "#123456", "di": datetime.date(2020, 5, 17),
               "dir": (datetime.date(2020, 5, 1), datetime.date(2020, 5, 9)), "tm": datetime.time(13, 37)}
    for k, v in presets.items():
        if k not in st.session_state:
            st.session_state[k] = v
    got = [st.checkbox("cb", False, key="cb"), st.text_input("ti", "v", key="ti"),
           st.number_input("ni", value=3, key="ni"), st.slider("sl", 0, 100, 5, key="sl"),
           st.slider("slr", 0, 100, (1, 2), key="slr"),
           st.select_slider("ss", ["a", "b", "c", "d"], value="a", key="ss"),
           st.select_slider("ssr", ["a", "b", "c", "d"], value=("a", "b"), key="ssr"),
           st.selectbox("sb", ["x", "y"], index=0, key="sb"), st.radio("ra", ["w", "z"], index=0, key="ra"),
           st.multiselect("ms", ["p", "q"], ["p"], key="ms"), st.color_picker("cp", "#000000", key="cp"),
           st.date_input("di", datetime.date(2021, 1, 1), key="di"),
           st.date_input("dir", (datetime.date(2021, 1, 1), datetime.date(2021, 1, 2)), key="dir"),
           st.time_input("tm", datetime.time(1, 0), key="tm")]
    st.write(repr(got))
""", RERUN, [set_value("date_input", tup(date("2020-05-02"), date("2020-05-03")), key="dir")], RERUN)

scenario("preset-none-where-allowed", """
    for k in ("ni", "ti", "ta", "sb", "ra", "di", "tm"):
        st.session_state.setdefault(k, None)
    got = [st.number_input("ni", key="ni"), st.text_input("ti", "x", key="ti"), st.text_area("ta", key="ta"),
           st.selectbox("sb", ["x", "y"], key="sb"), st.radio("ra", ["w", "z"], key="ra"),
           st.date_input("di", key="di"), st.time_input("tm", key="tm")]
    st.write(repr(got))
""", RERUN, [set_value("number_input", 4), call("text_input", "input", "now"), call("selectbox", "select", "y"),
             set_value("radio", "z")], RERUN)

scenario("preset-from-apptest-before-widget-shows", """
    import datetime
    show = st.checkbox("show", key="show")
    if show:
        st.write(repr([st.date_input("d", key="d"), st.time_input("t", key="t"), st.slider("s", key="s"),
                       st.multiselect("m", ["a", "b"], key="m")]))
""", [set_state("d", date("2022-02-22")), set_state("t", time("07:15:00")), set_state("s", tup(3, 9)),
      set_state("m", ["b"]), call("checkbox", "check")], RERUN)

scenario("date-input-without-value-in-clear-on-submit-form", """
    import datetime
    with st.form("f", clear_on_submit=True):
        d = st.date_input("D", key="d")
        r = st.date_input("R", value=None, key="r")
        t = st.time_input("T", value=None, key="t")
        st.form_submit_button("Go")
    st.write(d == datetime.date.today(), type(d).__name__, r, t)
""", [set_value("date_input", date("2020-01-02"), key="d"), set_value("date_input", date("2020-01-03"), key="r"),
      click("form_submit_button")], click("form_submit_button"), click("form_submit_button"), RERUN)

scenario("wrong-state-time-input-string", """
    st.session_state.t = "noon"
    st.time_input("T", key="t")
""")

scenario("wrong-state-checkbox-none", """
    st.session_state.c = None
    st.write(repr(st.checkbox("C", key="c")))
""", RERUN)

scenario("wrong-state-color-name", """
    st.session_state.c = "red"
    st.write(repr(st.color_picker("C", key="c")))
""", RERUN)

scenario("wrong-state-range-slider-int", """
    st.session_state.s = 5
    st.write(repr(st.slider("S", 0, 10, (1, 2), key="s")))
""", RERUN)

scenario("wrong-state-option-not-in-list", """
    for k, v in {"sb": "nope", "ra": "nope", "ms": ["a", "nope"]}.items():
        st.session_state.setdefault(k, v)
    st.write(repr([st.selectbox("SB", ["a", "b"], key="sb"), st.radio("RA", ["a", "b"], key="ra")]))
    st.write(repr(st.multiselect("MS", ["a", "b"], key="ms")))
""", RERUN)

scenario("wrong-state-number-out-of-range", """
    st.session_state.setdefault("n", 50)
    st.write(repr(st.number_input("N", 0, 10, key="n")))
""", RERUN)

scenario("wrong-state-slider-out-of-range", """
    st.session_state.s = 50
    st.write(repr(st.slider("S", 0, 10, key="s")))
""")

scenario("wrong-state-text-too-long", """
    st.session_state.setdefault("t", "abcdefgh")
    st.write(repr(st.text_input("T", max_chars=3, key="t")))
""", RERUN, call("text_input", "input", "ab"))

scenario("wrong-state-date-string-and-number-string", """
    st.session_state.setdefault("d", "2024-01-01")
    st.session_state.setdefault("n", "5")
    st.write(repr(st.date_input("D", key="d")))
    st.write(repr(st.number_input("N", key="n")))
""", RERUN)

scenario("apptest-setters-every-form", """
    import datetime
    got = [st.slider("a", 0, 100, (10, 20), key="a"),
           st.select_slider("b", ["x", "y", "z", "w"], value=("x", "z"), key="b"),
           st.date_input("c", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 5)), key="c"),
           st.date_input("d", datetime.date(2024, 1, 1), key="d"),
           st.time_input("e", datetime.time(8, 0), key="e"),
           st.selectbox("f", [1, 2, 3], key="f"), st.radio("g", ["p", "q"], key="g"),
           st.multiselect("h", ["m", "n", "o"], key="h"),
           st.slider("i", value=datetime.date(2024, 1, 10), key="i")]
    st.write(repr(got))
""", [set_value("slider", [30, 40], key="a"), set_value("select_slider", ["y", "w"]),
      set_value("date_input", [date("2024-01-02"), date("2024-01-03")], key="c"),
      set_value("date_input", datetime("2024-01-09T10:11:12"), key="d"),
      set_value("time_input", datetime("2024-01-09T10:11:12")), set_value("selectbox", 3), set_value("radio", "q"),
      call("multiselect", "select", "n"), set_value("slider", datetime("2024-01-11T00:00:00"), key="i")],
    [set_value("slider", tup(1, 2), key="a"), set_value("select_slider", tup("x", "y")),
     set_value("date_input", tup(date("2024-01-04")), key="c"), set_value("date_input", date("2024-01-05"), key="d"),
     set_value("time_input", time("09:30:00")), call("selectbox", "select_index", 0), call("radio", "set_value", "p"),
     call("multiselect", "select", "o"), call("multiselect", "unselect", "n")],
    [call("slider", "set_range", 5, 6, key="a"), call("select_slider", "set_range", "z", "w"),
     set_value("date_input", date("2024-01-04"), key="c"), set_value("multiselect", tup("m",)),
     set_value("date_input", [date("2024-01-06")], key="d")],
    RERUN)

scenario("apptest-setters-more-forms", """
    import datetime
    got = [st.date_input("r", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 5)), key="r"),
           st.date_input("d", datetime.date(2024, 1, 1), key="d"),
           st.time_input("t", datetime.time(8, 0), key="t"),
           st.number_input("f", value=1.5, key="f"),
           st.multiselect("m", ["a", "b", "c"], ["a"], key="m"),
           st.select_slider("s", ["x", "y", "z"], value="x", key="s"),
           st.radio("o", ["p", "q"], key="o"),
           st.selectbox("b", ["u", "v"], key="b"),
           st.slider("l", 0.0, 1.0, (0.2, 0.4), key="l")]
    st.write(repr(got))
""", [set_value("date_input", tup(datetime("2024-01-02T05:00:00"), datetime("2024-01-03T06:00:00")), key="r"),
      set_value("date_input", None, key="d"), set_value("time_input", None), set_value("number_input", 3),
      set_value("multiselect", tup("b", "c")), set_value("select_slider", "z"), set_value("radio", None),
      call("selectbox", "select", None), set_value("slider", [0.5, 0.7])],
    [set_value("date_input", [datetime("2024-01-04T05:00:00")], key="r"), call("multiselect", "unselect", "a"),
     call("multiselect", "select", "b"), set_value("select_slider", ["y"]), call("selectbox", "select_index", 1)],
    RERUN)

scenario("element-value-shapes", """
    import datetime
    st.date_input("R", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 3)), key="r")
    st.select_slider("S", [1, 2, 3, 4], value=[1, 3], key="s")
    st.multiselect("M", ["a", "b"], ("a",), key="m")
    st.slider("L", 0, 9, [2, 4], key="l")
    st.time_input("T", datetime.datetime(2024, 1, 1, 10, 30), key="t")
    st.date_input("D", datetime.datetime(2024, 1, 1, 10, 30), key="d")
""", [set_value("date_input", date("2024-01-02"), key="r"), set_value("select_slider", [2, 4])],
    [set_value("date_input", tup(), key="r")], RERUN)

scenario("delete-widget-key-in-the-same-run", """
    v = st.slider("S", 0, 10, 3, key="s", on_change=lambda: st.session_state.update(moved=True))
    if st.button("Forget"):
        del st.session_state["s"]
    st.write(v, "s" in st.session_state, sorted(st.session_state.keys()))
""", set_value("slider", 7), click(), RERUN, RERUN, set_value("slider", 2), RERUN)

scenario("delete-widget-key-from-apptest", """
    def typed():
        st.session_state.typed = st.session_state.get("typed", 0) + 1
    v = st.text_input("T", "start", key="t", on_change=typed)
    d = st.multiselect("M", ["a", "b"], ["a"], key="m")
    st.write(v, d, sorted(st.session_state.keys()))
""", call("text_input", "input", "typed"), [del_state("t"), get_state("t")], RERUN,
    [call("multiselect", "select", "b"), del_state("m")], RERUN, [del_state("t"), call("text_input", "input", "again")],
    RERUN)

scenario("preset-ranges-and-none-without-value", """
    import datetime
    presets = {"dr": (datetime.date(2020, 5, 1), datetime.date(2020, 5, 9)), "ssr": ("b", "d"),
               "tsl": (datetime.time(9, 0), datetime.time(10, 0)), "ms0": None, "cp0": None, "sl0": None,
               "ss0": None, "ta": "area", "tg": True}
    for k, v in presets.items():
        st.session_state.setdefault(k, v)
    got = [st.date_input("dr", key="dr"), st.select_slider("ssr", ["a", "b", "c", "d"], key="ssr"),
           st.slider("tsl", value=(datetime.time(1, 0), datetime.time(2, 0)), key="tsl"),
           st.text_area("ta", key="ta"), st.toggle("tg", key="tg")]
    st.write(repr(got))
    for k, make in [("ms0", lambda: st.multiselect("ms0", ["p", "q"], key="ms0")),
                    ("cp0", lambda: st.color_picker("cp0", key="cp0")),
                    ("sl0", lambda: st.slider("sl0", key="sl0")),
                    ("ss0", lambda: st.select_slider("ss0", ["a", "b"], key="ss0"))]:
        try:
            st.write(k, repr(make()))
        except Exception as e:
            st.write(k, type(e).__name__, str(e))
""", RERUN, [set_value("date_input", tup(date("2020-05-03"), date("2020-05-04")))], RERUN)

scenario("preset-in-callback-before-widget-shows", """
    import datetime
    def reveal():
        st.session_state.d = datetime.date(2021, 3, 3)
        st.session_state.t = datetime.time(3, 3)
        st.session_state.c = "#abcdef"
        st.session_state.show = True
    st.button("Reveal", on_click=reveal)
    if st.session_state.get("show"):
        st.write(repr([st.date_input("d", key="d"), st.time_input("t", key="t"), st.color_picker("c", key="c")]))
""", click(), RERUN, set_value("color_picker", "#000000"), RERUN)

scenario("no-spurious-callback-every-widget-shown-later", """
    import datetime
    st.session_state.setdefault("log", [])
    def changed(name):
        st.session_state.log.append(name)
    presets = {"cb": True, "ms": ["q"], "dr": (datetime.date(2020, 5, 1), datetime.date(2020, 5, 2)),
               "cp": "#111111", "ra": "z", "ss": "c", "ti": "hi", "ni": 4.5, "tm": datetime.time(6, 30)}
    if st.session_state.get("preset", True):
        for k, v in presets.items():
            st.session_state.setdefault(k, v)
    show = st.toggle("show", key="show")
    if show:
        st.checkbox("cb", key="cb", on_change=changed, args=("cb",))
        st.multiselect("ms", ["p", "q"], key="ms", on_change=changed, args=("ms",))
        st.date_input("dr", key="dr", on_change=changed, args=("dr",))
        st.color_picker("cp", key="cp", on_change=changed, args=("cp",))
        st.radio("ra", ["w", "z"], key="ra", on_change=changed, args=("ra",))
        st.select_slider("ss", ["a", "b", "c"], key="ss", on_change=changed, args=("ss",))
        st.text_input("ti", key="ti", on_change=changed, args=("ti",))
        st.number_input("ni", key="ni", on_change=changed, args=("ni",))
        st.time_input("tm", key="tm", on_change=changed, args=("tm",))
        st.text_area("ta", key="ta", on_change=changed, args=("ta",))
    st.write(st.session_state.log)
""", set_value("toggle", True), RERUN, set_value("radio", "w"), set_value("toggle", False), set_value("toggle", True),
    RERUN, [set_state("preset", False), set_value("toggle", False)], set_value("toggle", True), RERUN)

scenario("no-spurious-callback-in-form-shown-later", """
    st.session_state.setdefault("log", [])
    st.session_state.setdefault("x", 3)
    def changed():
        st.session_state.log.append("submitted")
    if st.checkbox("show", key="show"):
        with st.form("f"):
            st.slider("X", 0, 10, key="x")
            st.form_submit_button("Go", on_click=changed)
    st.write(st.session_state.log, st.session_state.x)
""", call("checkbox", "check"), RERUN, click("form_submit_button"), [set_value("slider", 9), click("form_submit_button")],
    RERUN)

scenario("wrong-state-more-types", """
    st.session_state.setdefault("mode", 0)
    cases = [
        ("toggle str", lambda: st.toggle("A", key="a"), "yes"),
        ("checkbox int", lambda: st.checkbox("B", key="b"), 1),
        ("color int", lambda: st.color_picker("C", key="c"), 5),
        ("text int", lambda: st.text_input("D", key="d"), 5),
        ("area too long", lambda: st.text_area("E", max_chars=2, key="e"), "abcdef"),
        ("slider str", lambda: st.slider("F", 0, 10, key="f"), "3"),
        ("select_slider missing", lambda: st.select_slider("G", ["a", "b"], key="g"), "z"),
        ("number float on int", lambda: st.number_input("H", 0, 10, key="h"), 2.5),
        ("time datetime", lambda: st.time_input("I", key="i"), __import__("datetime").datetime(2020, 1, 1, 5, 6)),
        ("date datetime", lambda: st.date_input("J", key="j"), __import__("datetime").datetime(2020, 1, 1, 5, 6)),
        ("multiselect str", lambda: st.multiselect("K", ["ab", "a"], key="k"), "ab"),
        ("radio index", lambda: st.radio("L", ["a", "b"], key="l"), 1),
    ]
    name, make, bad = cases[st.session_state.mode]
    st.session_state[chr(ord("a") + st.session_state.mode)] = bad
    st.write(name)
    st.write(repr(make()))
""", *[[set_state("mode", i)] for i in range(1, 12)])

scenario("wrong-state-kept-from-earlier-run", """
    import datetime
    st.session_state.setdefault("s", 50)
    st.session_state.setdefault("n", 50)
    st.session_state.setdefault("o", "nope")
    st.session_state.setdefault("m", ["a", "nope"])
    st.session_state.setdefault("t", "abcdefgh")
    st.session_state.setdefault("d", datetime.date(1999, 1, 1))
    got = []
    for make in (lambda: st.slider("S", 0, 10, key="s"), lambda: st.number_input("N", 0, 10, key="n"),
                 lambda: st.selectbox("O", ["a", "b"], key="o"), lambda: st.multiselect("M", ["a", "b"], key="m"),
                 lambda: st.text_input("T", max_chars=3, key="t"),
                 lambda: st.date_input("D", min_value=datetime.date(2020, 1, 1), key="d")):
        try:
            got.append(repr(make()))
        except Exception as e:
            got.append(type(e).__name__ + ": " + str(e))
    st.write(got)
""", RERUN, RERUN)

scenario("delete-widget-key-in-its-own-callback", """
    def forget():
        del st.session_state["n"]
        st.session_state.forgot = st.session_state.get("forgot", 0) + 1
    v = st.number_input("N", 0, 10, 2, key="n", on_change=forget)
    st.write(v, "n" in st.session_state, st.session_state.get("forgot"))
""", set_value("number_input", 5), RERUN, set_value("number_input", 6), [get_state("n")], RERUN)

scenario("delete-then-set-widget-key", """
    if st.session_state.get("again"):
        st.session_state.c = "#00ff00"
    c = st.color_picker("C", "#ff0000", key="c")
    st.write(c, sorted(st.session_state.keys()))
""", set_value("color_picker", "#0000ff"), [del_state("c"), set_state("again", True)], RERUN,
    [del_state("again"), del_state("c")], [set_state("c", "#123123")], RERUN)

scenario("delete-form-widget-key-from-apptest", """
    with st.form("f"):
        t = st.text_input("T", "x", key="t")
        s = st.form_submit_button("Go")
    st.write(t, s, sorted(st.session_state.keys()))
""", call("text_input", "input", "y"), [call("text_input", "input", "z"), click("form_submit_button")],
    [del_state("t")], [call("text_input", "input", "w"), click("form_submit_button")], RERUN)

scenario("delete-unrendered-widget-key", """
    show = st.checkbox("show", True, key="show")
    if show:
        st.selectbox("S", ["a", "b"], key="s")
    st.write(sorted(st.session_state.keys()), st.session_state.get("s"))
""", call("selectbox", "select", "b"), call("checkbox", "uncheck"), [get_state("s"), del_state("s")],
    call("checkbox", "check"), RERUN)

scenario("clear-on-submit-form-widgets-without-value", """
    import datetime
    presets = {"d": datetime.date(2021, 6, 1), "dr": (datetime.date(2021, 6, 1), datetime.date(2021, 6, 3)),
               "s": 7, "ss": "b", "n": 4, "c": "#222222", "t": "pre", "m": ["y"], "r": "y",
               "tm": datetime.time(4, 5)}
    for k, v in presets.items():
        st.session_state.setdefault(k, v)
    with st.form("f", clear_on_submit=True):
        got = [st.date_input("d", key="d"), st.date_input("dr", key="dr"), st.slider("s", key="s"),
               st.select_slider("ss", ["a", "b", "c"], key="ss"), st.number_input("n", key="n"),
               st.color_picker("c", key="c"), st.text_input("t", key="t"), st.multiselect("m", ["x", "y"], key="m"),
               st.radio("r", ["x", "y"], key="r"), st.time_input("tm", key="tm")]
        st.form_submit_button("Go")
    st.write(repr(got))
""", [set_value("date_input", date("2021-06-02"), key="d"), set_value("slider", 9), set_value("text_input", "typed"),
      set_value("multiselect", ["x"]), set_value("time_input", time("05:05:00")), click("form_submit_button")],
    click("form_submit_button"), click("form_submit_button"), RERUN)

scenario("preset-in-form-sidebar-and-columns", """
    import datetime
    st.session_state.setdefault("a", datetime.time(7, 7))
    st.session_state.setdefault("b", (datetime.date(2022, 1, 1), datetime.date(2022, 1, 2)))
    st.session_state.setdefault("c", ["q"])
    with st.sidebar.form("f"):
        a = st.time_input("a", key="a")
        st.form_submit_button()
    left, right = st.columns(2)
    b = left.date_input("b", key="b")
    c = right.multiselect("c", ["p", "q"], key="c")
    st.write(repr([a, b, c]))
""", RERUN, [set_value("time_input", time("08:08:00")), click("form_submit_button")], RERUN)

scenario("wrong-state-choice-widgets-more", """
    st.session_state.setdefault("mode", 0)
    cases = [
        ("selectbox format_func", lambda: st.selectbox("A", [1, 2], format_func=lambda o: f"#{o}", key="a"), 3),
        ("radio index None", lambda: st.radio("B", ["x", "y"], index=None, key="b"), "z"),
        ("multiselect too many", lambda: st.multiselect("C", ["x", "y", "z"], max_selections=1, key="c"), ["x", "y"]),
        ("multiselect tuple", lambda: st.multiselect("D", ["x", "y"], key="d"), ("y",)),
        ("selectbox None", lambda: st.selectbox("E", ["x", "y"], key="e"), None),
        ("select_slider range bad end", lambda: st.select_slider("F", [1, 2, 3], value=(1, 2), key="f"), (1, 9)),
        ("date out of explicit bounds", lambda: st.date_input("G", min_value=__import__("datetime").date(2020, 1, 1),
                                                             key="g"), __import__("datetime").date(2019, 1, 1)),
        ("number float too big", lambda: st.number_input("H", 0.0, 1.0, key="h"), 5.0),
    ]
    name, make, bad = cases[st.session_state.mode]
    st.session_state[chr(ord("a") + st.session_state.mode)] = bad
    st.write(name)
    st.write(repr(make()))
    st.write(repr(st.session_state[chr(ord("a") + st.session_state.mode)]))
""", *[[set_state("mode", i)] for i in range(1, 8)])

scenario("preset-data-editor-key", """
    st.session_state.ed = {"edited_rows": {0: {"a": 5}}, "added_rows": [], "deleted_rows": []}
    st.write(st.data_editor({"a": [1, 2]}, key="ed"))
""")

scenario("preset-widgets-in-later-run-through-apptest-none", """
    import datetime
    if st.session_state.get("show"):
        st.write(repr([st.number_input("n", 0, 10, 3, key="n"), st.date_input("d", datetime.date(2020, 1, 1), key="d"),
                       st.time_input("t", datetime.time(1, 1), key="t"), st.text_input("x", "v", key="x"),
                       st.selectbox("s", ["a", "b"], key="s"), st.radio("r", ["a", "b"], key="r")]))
""", [set_state("n", None), set_state("d", None), set_state("t", None), set_state("x", None), set_state("s", None),
      set_state("r", None), set_state("show", True)], RERUN, RERUN)

scenario("wrong-state-dates-and-times", """
    import datetime
    st.session_state.setdefault("mode", 0)
    d = datetime.date
    cases = [
        ("date no value int", lambda: st.date_input("A", key="a"), 5),
        ("date value int", lambda: st.date_input("B", d(2020, 1, 1), key="b"), 5),
        ("date no value three", lambda: st.date_input("C", key="c"), (d(2020, 1, 1), d(2020, 1, 2), d(2020, 1, 3))),
        ("date range given one", lambda: st.date_input("D", (d(2020, 1, 1), d(2020, 1, 2)), key="d"), d(2020, 1, 5)),
        ("time int", lambda: st.time_input("E", key="e"), 5),
        ("date empty tuple", lambda: st.date_input("F", key="f"), ()),
        ("date str bad", lambda: st.date_input("G", key="g"), "not a date"),
        ("date range given list", lambda: st.date_input("H", (d(2020, 1, 1), d(2020, 1, 2)), key="h"), [d(2020, 1, 5)]),
    ]
    name, make, bad = cases[st.session_state.mode]
    st.session_state[chr(ord("a") + st.session_state.mode)] = bad
    st.write(name)
    st.write(repr(make()))
""", *[[set_state("mode", i)] for i in range(1, 8)])

scenario("wrong-state-set-by-the-test-while-shown", """
    import datetime
    st.session_state.setdefault("log", [])
    def changed(name):
        st.session_state.log.append(name)
    st.selectbox("S", ["p", "q"], key="s", on_change=changed, args=("s",))
    st.radio("R", ["p", "q"], key="r", on_change=changed, args=("r",))
    st.multiselect("M", ["p", "q"], key="m", on_change=changed, args=("m",))
    st.date_input("D", datetime.date(2020, 1, 1), key="d", on_change=changed, args=("d",))
    st.write(st.session_state.log)
""", [set_state("m", ["p", "zz"])], RERUN, [set_state("s", "zz")], [set_state("s", "q"), set_state("r", date("2020-01-01"))],
    [set_state("r", "q"), set_state("d", "x")], [set_state("d", date("2020-02-02"))], RERUN)

scenario("wrong-state-types-named-as-python-does", """
    import datetime
    st.session_state.setdefault("mode", 0)
    cases = [
        ("checkbox time", lambda: st.checkbox("A", key="a"), datetime.time(1, 0)),
        ("number str with bounds", lambda: st.number_input("B", 0, 10, key="b"), "#fff"),
        ("number date", lambda: st.number_input("C", key="c"), datetime.date(2020, 1, 1)),
        ("toggle date", lambda: st.toggle("D", key="d"), datetime.date(2020, 1, 1)),
    ]
    name, make, bad = cases[st.session_state.mode]
    st.session_state[chr(ord("a") + st.session_state.mode)] = bad
    st.write(name)
    st.write(repr(make()))
""", *[[set_state("mode", i)] for i in range(1, 4)])

scenario("state-set-by-the-test-goes-through-the-widget", """
    st.session_state.setdefault("log", [])
    def changed(name):
        st.session_state.log.append(name)
    if st.session_state.get("show", True):
        st.color_picker("C", key="c", on_change=changed, args=("c",))
        st.select_slider("S", ["a", "b", "c"], value=("a", "b"), key="s", on_change=changed, args=("s",))
        st.select_slider("T", ["a", "b", "c"], key="t", on_change=changed, args=("t",))
    st.write(st.session_state.log, repr(st.session_state.get("c")), repr(st.session_state.get("s")))
""", [set_state("c", "p")], RERUN, [set_state("s", True), set_state("t", "zz")], RERUN, [set_state("c", "abc")], RERUN,
    [set_state("show", False)], [set_state("c", "q"), set_state("s", tup("c", "a"))], [set_state("show", True)], RERUN, RERUN)

scenario("wrong-state-date-input-with-bounds", """
    import datetime
    d = datetime.date
    st.session_state.setdefault("mode", 0)
    cases = [
        ("single tuple", lambda: st.date_input("A", d(2021, 5, 5), d(2021, 1, 1), d(2021, 12, 31), key="a"), (d(2021, 2, 2),)),
        ("single below", lambda: st.date_input("B", d(2021, 5, 5), d(2021, 1, 1), key="b"), d(2020, 1, 1)),
        ("range above", lambda: st.date_input("C", (d(2021, 5, 5), d(2021, 5, 6)), max_value=d(2021, 12, 31), key="c"),
         (d(2021, 5, 5), d(2022, 1, 1))),
        ("range empty", lambda: st.date_input("D", (d(2021, 5, 5), d(2021, 5, 6)), d(2021, 1, 1), key="d"), ()),
        ("range ints", lambda: st.date_input("E", (d(2021, 5, 5), d(2021, 5, 6)), d(2021, 1, 1), key="e"), (1, 2)),
        ("single datetime inside", lambda: st.date_input("F", d(2021, 5, 5), d(2021, 1, 1), key="f"),
         datetime.datetime(2021, 3, 3, 3)),
        ("no value, state out", lambda: st.date_input("G", min_value=d(2021, 1, 1), key="g"), d(2019, 1, 1)),
        ("none value, below", lambda: st.date_input("H", None, d(2021, 1, 1), key="h"), d(2019, 1, 1)),
    ]
    name, make, bad = cases[st.session_state.mode]
    st.session_state[chr(ord("a") + st.session_state.mode)] = bad
    st.write(name)
    st.write(repr(make()))
    st.write(repr(st.session_state[chr(ord("a") + st.session_state.mode)]))
""", *[[set_state("mode", i)] for i in range(1, 8)])

scenario("date-input-with-bounds-state-before-shown", """
    import datetime
    if st.session_state.get("show"):
        with st.form("f"):
            st.date_input("dt", datetime.date(2021, 5, 5), min_value=datetime.date(2021, 1, 1),
                          max_value=datetime.date(2021, 12, 31), key="dt")
            st.form_submit_button()
    st.write(repr(st.session_state.get("dt")))
""", [set_state("dt", tup(1, 2))], RERUN, [set_state("show", True)], RERUN, click("form_submit_button"))

scenario("delete-button-and-toggle-keys", """
    st.session_state.setdefault("log", [])
    b = st.button("B", key="b", on_click=lambda: st.session_state.log.append("b"))
    t = st.toggle("T", key="t", on_change=lambda: st.session_state.log.append("t"))
    d = st.download_button("D", "data", key="d")
    if st.session_state.get("drop"):
        st.session_state.drop = False
        for k in ("b", "t", "d"):
            if k in st.session_state:
                del st.session_state[k]
    st.write(b, t, d, st.session_state.log, sorted(st.session_state.keys()))
""", click(key="b"), [del_state("b"), del_state("d")], RERUN, [set_state("drop", True), set_value("toggle", True)],
    RERUN, click(key="b"), set_value("toggle", False), RERUN)

scenario("slider-setters-other-types", """
    import datetime
    got = [st.slider("i", 0, 10, 3, key="i"), st.slider("f", 0.0, 10.0, 3.0, key="f"),
           st.slider("t", value=(datetime.time(9, 0), datetime.time(10, 0)), key="t"),
           st.slider("dr", value=(datetime.date(2020, 1, 1), datetime.date(2020, 1, 5)), key="dr"),
           st.slider("dt", value=datetime.datetime(2020, 1, 1, 9, 0), key="dt")]
    st.write(repr(got))
""", [set_value("slider", 2.7, key="i"), set_value("slider", 4, key="f")],
    [call("slider", "set_range", datetime("2020-01-01T09:30:00"), datetime("2020-01-01T11:00:00"), key="t")],
    [call("slider", "set_range", time("09:30:00"), time("11:00:00"), key="t"),
     call("slider", "set_range", datetime("2020-01-02T05:00:00"), date("2020-01-03"), key="dr")],
    [set_value("slider", date("2020-01-02"), key="dt")], [set_value("slider", datetime("2020-01-02T10:00:00"), key="dt")],
    [set_value("slider", 11, key="i"), set_value("slider", tup(1, 2), key="f")], RERUN)

scenario("apptest-setters-wrong-types", """
    import datetime
    got = [st.checkbox("c", key="c"), st.color_picker("p", key="p"), st.number_input("n", key="n"),
           st.text_input("t", key="t"), st.date_input("d", datetime.date(2020, 1, 1), key="d"),
           st.time_input("i", datetime.time(1, 0), key="i"), st.selectbox("s", ["a", "b"], key="s"),
           st.multiselect("m", ["pq", "p", "q"], key="m"), st.radio("r", [1, 2], key="r"),
           st.select_slider("l", ["a", "b"], key="l")]
    st.write(repr(got))
""", set_value("checkbox", "yes"), set_value("checkbox", 2), set_value("color_picker", 5), call("color_picker", "pick", "abc"),
    set_value("number_input", "5"), set_value("number_input", True), set_value("text_input", 5),
    set_value("date_input", 5), set_value("time_input", "10:00"), set_value("time_input", time("10:07:00")),
    set_value("selectbox", "zz"), set_value("multiselect", "pq"), set_value("radio", "2"), set_value("radio", 3),
    set_value("select_slider", "zz"), RERUN)

scenario("date-input-without-value-unkeyed-in-clear-on-submit-form", """
    import datetime
    with st.form("f", clear_on_submit=True):
        d = st.date_input("D")
        r = st.date_input("R", key="r")
        st.form_submit_button("Go")
    st.write(d == datetime.date.today(), r == datetime.date.today(), repr(st.session_state.get("r")) if r != datetime.date.today() else "today")
""", [set_value("date_input", date("2020-01-02"), index=0), set_value("date_input", tup(date("2020-01-03"), date("2020-01-04")), index=1),
      click("form_submit_button")], click("form_submit_button"), [set_value("date_input", date("2020-01-05"), index=1), click("form_submit_button")],
    click("form_submit_button"), RERUN)

scenario("apptest-setters-edge-forms", """
    import datetime
    got = [st.number_input("i", 0, 10, 1, key="i"), st.text_input("t", max_chars=3, key="t"),
           st.select_slider("s", [1, 2, 3, 4], value=(1, 2), key="s"), st.slider("l", 0, 10, (1, 2), key="l"),
           st.date_input("d", datetime.date(2024, 1, 1), key="d"), st.checkbox("c", key="c"),
           st.multiselect("m", ["a", "b", "c"], ["a", "b"], key="m")]
    st.write(repr(got))
""", [set_value("number_input", 2.7), call("text_input", "input", "toolong"), call("select_slider", "set_range", 4, 3),
      call("slider", "set_range", 7, 3), set_value("date_input", "2024-02-03"), set_value("checkbox", 1),
      call("multiselect", "unselect", "z")],
    [set_value("number_input", 11), call("text_input", "set_value", "toolong"), set_value("select_slider", 2),
     call("slider", "set_value", 5), call("multiselect", "select", "a")],
    RERUN)


# == Signatures and display parameters ============================================

scenario("unknown-keyword-argument", """
    try:
        st.button("Go", on_clik=print)
    except TypeError as err:
        st.write(str(err))
    try:
        st.sidebar.title("T", ancor="x")
    except TypeError as err:
        st.write(str(err))
    with st.form("f"):
        st.form_submit_button("Send", on_clik=print)
""", RERUN)

HEADING_ATTRS = ("value", "tag", "anchor", "hide_anchor", "divider", "help", "icon")

scenario("display-parameters-text", """
    st.title("Title", anchor="top", help="About the title")
    st.header("Header", anchor=False, divider="blue", help="About the header")
    st.subheader("Sub", divider=True)
    st.header("Plain")
    st.markdown("**m**", unsafe_allow_html=True, help="About m")
    st.caption("c", help="About c")
    st.text("t", help="About t")
    st.code("x = 1", line_numbers=True)
    st.code("y", language=None)
    st.divider()
    st.error("e", icon="🚨")
    st.json({"a": 1}, expanded=False)
""", [read("title", *HEADING_ATTRS), read("header", *HEADING_ATTRS), read("header", *HEADING_ATTRS, index=1),
      read("subheader", *HEADING_ATTRS), read("markdown", "help", "allow_html", "is_caption"),
      read("caption", "help", "allow_html", "is_caption"), read("text", "help"),
      read("code", "language", "show_line_numbers"), read("code", "language", "show_line_numbers", index=1),
      read("divider", "value", "help", "allow_html"), read("error", "icon"), read("json", "expanded")])

scenario("display-parameters-widgets", """
    st.button("Go", help="Starts it", icon="🔥", type="primary")
    st.checkbox("Tick", help="Ticks", label_visibility="hidden")
    st.toggle("Flip", label_visibility="collapsed")
    st.text_input("Name", placeholder="Your name", help="Who", label_visibility="collapsed", icon="🔍",
                  autocomplete="name", max_chars=10)
    st.text_area("Notes", placeholder="Write here", height=200)
    st.number_input("N", placeholder="A number", value=None, icon="🔢")
    st.selectbox("Pick", ["a", "b"], index=None, placeholder="Choose", icon="🍎")
    st.multiselect("Many", ["a", "b"], placeholder="Choose some", label_visibility="hidden")
    st.radio("R", ["a", "b"], horizontal=True, captions=["first", "second"], help="One")
    st.slider("S", 0, 10, 3, help="Drag", label_visibility="collapsed")
    st.color_picker("C", help="Colour")
    with st.form("f"):
        st.form_submit_button("Send", icon="✅", help="Sends")
""", [read("button", "help", "icon", index=0), read("button", "help", "icon", index=1),
      read("checkbox", "help", "label_visibility"), read("toggle", "help", "label_visibility"),
      read("text_input", "placeholder", "help", "label_visibility", "icon", "autocomplete", "max_chars"),
      read("text_area", "placeholder", "help", "label_visibility"),
      read("number_input", "placeholder", "icon", "label_visibility"),
      read("selectbox", "placeholder", "icon", "label_visibility"),
      read("multiselect", "placeholder", "label_visibility"),
      read("radio", "horizontal", "captions", "help", "label_visibility"),
      read("slider", "help", "label_visibility"), read("color_picker", "help", "label_visibility")])

# == Found by random scripts (random_scripts.py, fuzz.py) ==========================

scenario("apptest-toggle-set-value-only", """
    on = st.toggle("Dark mode", key="dark")
    st.write("on" if on else "off")
""", call("toggle", "check"), call("toggle", "uncheck", key="dark"), set_value("toggle", True), RERUN)

scenario("apptest-number-input-steps-in-doubles", """
    low = st.number_input("Low", min_value=0, value=None)
    high = st.number_input("High", min_value=-5, max_value=0, value=-3)
    free = st.number_input("Free", step=2, key="free")
    st.text_input("Note", key="note")
    st.write(repr(low), repr(high), repr(free))
""", [set_value("number_input", 0), call("number_input", "decrement")],
    call("number_input", "increment", index=1), call("number_input", "decrement", index=1),
    del_state("note"), call("number_input", "increment", key="free"))

scenario("apptest-choice-widgets-by-option-text", """
    n = st.selectbox("Number", [1, 2, 3], key="n")
    c = st.radio("Colour", ["red", "blue"], key="c")
    m = st.multiselect("Many", ["x", "y"], key="m")
    st.text_input("Note", key="note")
    st.write(repr(n), repr(c), repr(m))
""", call("selectbox", "select_index", 2), call("radio", "select", "blue"), call("radio", "select_index", 1),
    call("multiselect", "select_index", 0), call("selectbox", "select", "2"), call("selectbox", "select", 9),
    del_state("note"), call("selectbox", "select_index", 0), RERUN)

scenario("apptest-multiselect-select-of-selected-sets-nothing", """
    m = st.multiselect("Letters", ["x", "y", "z"], default=["x"], key="m")
    with st.form("f", clear_on_submit=True):
        f = st.multiselect("In form", ["x", "y", "z"], key="f")
        st.form_submit_button("Send")
    st.write(repr(m), repr(f))
""", [call("multiselect", "select", "x", key="m"), set_state("m", ["x", "y", "z"])],
    [call("multiselect", "unselect", "q", key="m"), set_state("m", ["y"])],
    [call("multiselect", "select", "y", key="f"), click("form_submit_button")],
    [call("multiselect", "unselect", "z", key="f"), click("form_submit_button")])
