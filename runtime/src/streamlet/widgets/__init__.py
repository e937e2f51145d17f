"""The widget commands, one module per family, each a mixin of :class:`.base.WidgetBase`.

| module | commands |
|---|---|
| ``button`` | ``button``, ``download_button`` (and the press ``form_submit_button`` shares) |
| ``checkbox`` | ``checkbox``, ``toggle`` |
| ``text`` | ``text_input``, ``text_area`` |
| ``number_input`` | ``number_input`` |
| ``slider`` | ``slider`` |
| ``choice`` | ``selectbox``, ``radio``, ``multiselect``, ``select_slider`` |
| ``dates`` | ``date_input``, ``time_input`` |
| ``color_picker`` | ``color_picker`` |
| ``file_uploader`` | ``file_uploader`` |
| ``data_editor`` | ``data_editor`` |

:mod:`streamlet.generator` combines them side by side into the ``DeltaGenerator``, with
:mod:`streamlet.layout` (``form`` and ``form_submit_button``, as in Streamlit's ``FormMixin``) and the
display commands of :mod:`streamlet.delta`. Each mixin bears the name of Streamlit's own.
"""
