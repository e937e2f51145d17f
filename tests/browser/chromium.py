"""Which Chromium the browser tests drive: one lookup for the tests and for tools/ensure-browser.sh.

In order:
1. ``CHROME_PATH``, then ``CHROMIUM``: an executable (or a command on PATH) chosen by hand;
   if set, it must work, nothing else is tried.
2. On PATH: ``chromium`` (Debian's package; GitHub's Ubuntu runners link their own build
   there too), ``chromium-browser``, ``google-chrome``, ``google-chrome-stable``. Ubuntu's
   snap stubs (what ``apt-get install chromium`` gives there) are skipped.
3. Playwright's own Chromium, when ``python -m playwright install chromium`` fetched it.

Standard library only: ``python tests/browser/chromium.py [--bundled]`` prints the path, or
says what to do and exits with 1 (``--bundled`` asks Playwright where its own would be).
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence

ENV_VARS = ("CHROME_PATH", "CHROMIUM")
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class NoChromium(Exception):
    """No usable Chromium; the message says how to get one."""


def is_snap_stub(path: str) -> bool:
    """A snap's launcher or Ubuntu's transitional script that only asks for the snap."""
    real = os.path.realpath(path)
    if real.startswith("/snap/") or real == "/usr/bin/snap":
        return True
    try:
        with open(real, "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and b"/snap/bin/" in head


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium(environ: Mapping[str, str] | None = None, which: Callable[[str], str | None] = shutil.which,
                  bundled: str | None = None, is_stub: Callable[[str], bool] = is_snap_stub) -> str:
    """The executable to launch; raises ``NoChromium`` with a clear message when there is none."""
    environ = os.environ if environ is None else environ
    for var in ENV_VARS:
        value = environ.get(var, "").strip()
        if not value:
            continue
        path = value if os.sep in value else which(value)
        if path is None or not _executable(path):
            raise NoChromium(f"{var}={value} is not an executable Chromium or Chrome: fix it or unset it.")
        return path
    stubs: list[str] = []
    for name in NAMES:
        path = which(name)
        if path is None:
            continue
        if is_stub(path):
            stubs.append(path)
            continue
        return path
    if bundled and _executable(bundled):
        return bundled
    raise NoChromium(message(stubs))


def message(stubs: Sequence[str] = ()) -> str:
    lines = ["No Chromium for the browser tests. Any one of these works:",
             "  - set CHROME_PATH (or CHROMIUM) to a Chromium or Chrome executable;",
             f"  - put one of {', '.join(NAMES)} on PATH (Debian: apt-get install chromium;"
             " tools/ensure-browser.sh does it as root);",
             "  - let Playwright fetch its own: .venv/bin/python -m playwright install chromium"]
    if stubs:
        lines.append(f"Skipped as snap stubs (Ubuntu's apt package is one): {', '.join(stubs)}")
    return "\n".join(lines)


def playwright_chromium() -> str | None:
    """Where Playwright's own Chromium is (or would be), or None without Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        return p.chromium.executable_path


def main(argv: Sequence[str]) -> int:
    bundled = playwright_chromium() if "--bundled" in argv else None
    try:
        print(find_chromium(bundled=bundled))
    except NoChromium as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
