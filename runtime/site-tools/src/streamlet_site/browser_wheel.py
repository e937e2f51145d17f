"""The runtime wheel as the browser gets it: the same modules, made to compress well as one stream.

A wheel compresses file by file (deflate starts afresh for each entry), so its modules share nothing.
The browser's copy stores its entries uncompressed, and the site serves it gzipped as one stream
(``<wheel>.gz``, which the worker inflates): about a quarter fewer bytes. On the way:

- comments are dropped, a line at a time: a line that held only a comment stays, empty, so every
  line keeps its number and every statement its column (tracebacks and ``st.help`` read the same;
  docstrings, which ``st.help`` shows, are code and stay);
- ``RECORD`` is left out: nothing installs from this copy with pip, and its hashes would name the
  wheel's files, not these.

``tests/docs/test_wheel_contents.py`` holds the copy to the wheel: the same files, and each module's
syntax tree, positions included, the same.

    python -m streamlet_site.browser_wheel WHEEL OUT_DIR     (writes OUT_DIR/<the wheel's name>)
"""
from __future__ import annotations

import io
import sys
import tokenize
import zipfile
from pathlib import Path


def without_comments(source: str) -> str:
    """``source`` with its comments dropped and the spaces before them; lines and columns keep their place."""
    cuts: dict[int, int] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            cuts[token.start[0]] = token.start[1]
    lines = io.StringIO(source).readlines()  # split at "\n" only, as the tokenizer counts rows
    for row, column in cuts.items():
        line = lines[row - 1]
        ending = line[len(line.rstrip("\r\n")):]
        lines[row - 1] = line[:column].rstrip() + ending
    return "".join(lines)


def _dropped(name: str) -> bool:
    return name.endswith(".dist-info/RECORD")


def browser_wheel(wheel: Path, out_dir: Path) -> Path:
    """Writes the browser's copy of ``wheel`` into ``out_dir`` under the wheel's name; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as copy:
        for info in source.infolist():
            if _dropped(info.filename):
                continue
            data = source.read(info)
            if info.filename.endswith(".py"):
                data = without_comments(data.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, info.date_time)  # the wheel's fixed times: the same bytes each build
            entry.external_attr = info.external_attr
            copy.writestr(entry, data, zipfile.ZIP_STORED)
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m streamlet_site.browser_wheel WHEEL OUT_DIR", file=sys.stderr)
        return 2
    target = browser_wheel(Path(argv[0]), Path(argv[1]))
    print(f"{target}: {target.stat().st_size} bytes, entries stored (the site serves it gzipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
