"""What ``import streamlit as st`` gives a script run by streamlet."""
from __future__ import annotations

from typing import Any, NoReturn

from . import context as _context
from . import errors
from .generator import DeltaGenerator
from .state import SessionState, SessionStateProxy


class RerunException(BaseException):
    """Raised by ``st.rerun()``; a BaseException so the script's ``except Exception`` cannot catch it."""


class StopException(BaseException):
    """Raised by ``st.stop()``."""


def _current_state() -> SessionState:
    ctx = _context.ACTIVE.run
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
help = _main.help
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


def rerun(scope: str = "app") -> NoReturn:
    """Stop this run and start the script again from the top.

    Live examples have no fragments: ``scope="fragment"`` and a fragment's key are errors here, as they are in
    Streamlit outside a fragment's rerun or a callback.
    """
    if scope == "fragment":
        raise errors.StreamlitInvalidLayoutContextError(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions during '
            "fragment reruns.")
    if scope != "app":
        raise errors.StreamlitAPIException(
            "Passing a fragment key to `st.rerun()` is only allowed from a widget callback (e.g. `on_change` / "
            "`on_click`). Calling it from the main script body or a fragment body would abort the current run. "
            "If you meant to rerun the whole app or the current fragment, use `scope='app'` or "
            "`scope='fragment'`.")
    raise RerunException()


def stop() -> NoReturn:
    """Stop this run here; what was drawn so far stays."""
    raise StopException()



# Every public name of Streamlit 1.67.0's ``streamlit`` module (its ``__init__.py``). Those this
# runtime lacks raise an error that names the command instead of Python's AttributeError.
STREAMLIT_NAMES = frozenset("""
    App Page altair_chart area_chart audio audio_input badge balloons bar_chart button cache_data
    cache_resource camera_input caption chat_input chat_message checkbox code color_picker
    column_config columns components connection container context data_editor dataframe date_input
    datetime_input dialog divider download_button echarts_chart echo empty error exception expander
    feedback file_uploader form form_submit_button fragment get_option graphviz_chart grid header help
    html iframe image info json latex line_chart link_button login logo logout map markdown menu_button
    mermaid_chart metric multiselect number_input page_link pagination pdf pills plotly_chart popover
    progress pydeck_chart pyplot query_params radio rerun scatter_chart secrets segmented_control
    select_slider selectbox session_state set_option set_page_config skeleton slider snow space spinner
    status stop subheader success switch_page table tabs text text_area text_input time_input title
    toast toggle user vega_lite_chart video warning write write_stream
""".split())


def __getattr__(name: str) -> Any:
    if name in STREAMLIT_NAMES:
        raise errors.StreamlitUnavailableCommandError(name)
    raise AttributeError(f"module 'streamlit' has no attribute {name!r}", name=name)
