"""The code editor of a live block as a test sees it: CodeMirror once its chunk has loaded.

Its text is read from CodeMirror's own state, not from the lines it draws (it draws only the
lines in view, so a long text is not all in the DOM): the same lookup as CodeMirror's public
``EditorView.findFromDOM``, whose class the page does not expose (the version is pinned).
"""
from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

# CodeMirror's editor inside a block's editor area; its text is typed into the content.
CM = ".st-live-editor .cm-editor"
CONTENT = ".st-live-editor .cm-content"

_TEXT = """root => {
  const content = root.querySelector(".st-live-editor .cm-content");
  const view = content?.cmTile?.root?.view;
  return view ? view.state.doc.toString() : null;
}"""


def editor_text(block: Any) -> str | None:
    """The code in ``block``'s CodeMirror editor, or None while it has none."""
    return block.evaluate(_TEXT)


def expect_editor_text(block: Any, code: str, timeout: float = 30_000) -> None:
    """Wait until ``block``'s CodeMirror editor holds exactly ``code``."""
    block.page.wait_for_function(f"([root, code]) => ({_TEXT})(root) === code", arg=[block.element_handle(), code],
                                 timeout=timeout)


def open_editor(block: Any) -> Any:
    """Press Edit and wait for CodeMirror; return its content (where the reader types)."""
    block.locator("button.st-tool-edit").click()
    expect(block.locator(CM)).to_be_visible(timeout=30_000)
    return block.locator(CONTENT)


def replace_code(block: Any, code: str) -> None:
    """Replace the editor's text as a reader's paste would (the editor must be open)."""
    content = block.locator(CONTENT)
    content.fill(code)
    expect_editor_text(block, code)
