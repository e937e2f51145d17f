"""The docs' scripts the benchmarks click through, with the steps of one click-and-rerun."""
from __future__ import annotations

COUNTER = '''
import streamlit as st
st.title("Counter Example using Callbacks")
if "count" not in st.session_state:
    st.session_state.count = 0
def increment():
    st.session_state.count += 1
st.button("Increment", on_click=increment)
st.write("Count = ", st.session_state.count)
'''

FORM = '''
import streamlit as st
if "count" not in st.session_state:
    st.session_state.count = 0
def update_counter():
    st.session_state.count += st.session_state.increment_value
with st.form(key="my_form"):
    st.number_input("Enter a value", value=0, step=1, key="increment_value")
    st.form_submit_button(label="Update", on_click=update_counter)
st.write("Current Count = ", st.session_state.count)
'''

CELSIUS = '''
import streamlit as st
def celsius_to_fahrenheit():
    st.session_state.fahrenheit = st.session_state.celsius * 9 / 5 + 32
st.slider("Celsius", -100.0, 100.0, key="celsius", on_change=celsius_to_fahrenheit)
st.session_state.setdefault("fahrenheit", 32.0)
st.write("Fahrenheit = ", st.session_state.fahrenheit)
'''


def click_counter(at):  # type: ignore[no-untyped-def]
    at.button[0].click().run()


def submit_form(at):  # type: ignore[no-untyped-def]
    at.number_input[0].set_value(at.number_input[0].value + 1)
    at.button[0].click().run()


def slide_celsius(at):  # type: ignore[no-untyped-def]
    value = at.slider[0].value
    at.slider[0].set_value(-value if value else 25.0).run()
