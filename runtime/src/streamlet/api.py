"""What ``import streamlit as st`` gives a script run by streamlet."""
from __future__ import annotations

from typing import NoReturn

from . import context, errors
from .generator import DeltaGenerator
from .state import SessionState, SessionStateProxy


class RerunException(BaseException):
    """Raised by ``st.rerun()``; a BaseException so the script's ``except Exception`` cannot catch it."""


class StopException(BaseException):
    """Raised by ``st.stop()``."""


def _current_state() -> SessionState:
    ctx = context.current()
    if ctx is None:
        raise errors.StreamlitAPIException("st.session_state is only available while a script runs.")
    return ctx.state


session_state = SessionStateProxy(_current_state)
_main = DeltaGenerator(root="main")
sidebar = DeltaGenerator(root="sidebar")

title = _main.title
header = _main.header
subheader = _main.subheader
markdown = _main.markdown
caption = _main.caption
text = _main.text
code = _main.code
divider = _main.divider
json = _main.json
error = _main.error
warning = _main.warning
info = _main.info
success = _main.success
exception = _main.exception
write = _main.write
button = _main.button
form_submit_button = _main.form_submit_button
download_button = _main.download_button
checkbox = _main.checkbox
toggle = _main.toggle
text_input = _main.text_input
text_area = _main.text_area
number_input = _main.number_input
slider = _main.slider
select_slider = _main.select_slider
selectbox = _main.selectbox
radio = _main.radio
multiselect = _main.multiselect
color_picker = _main.color_picker
date_input = _main.date_input
time_input = _main.time_input
file_uploader = _main.file_uploader
data_editor = _main.data_editor
form = _main.form
columns = _main.columns
container = _main.container
expander = _main.expander


def rerun() -> NoReturn:
    """Stop this run and start the script again from the top."""
    raise RerunException()


def stop() -> NoReturn:
    """Stop this run here; what was drawn so far stays."""
    raise StopException()

