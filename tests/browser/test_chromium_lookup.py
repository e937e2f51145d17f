"""The order in which the browser tests look for Chromium (no browser needed)."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .chromium import NoChromium, find_chromium, is_snap_stub


def executable(path: Path, text: str = "#!/bin/sh\nexec true\n") -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def on_path(**found: str) -> Callable[[str], str | None]:
    return lambda name: found.get(name)


def never_stub(path: str) -> bool:
    return False


def test_the_environment_comes_first_then_path_then_playwrights_own(tmp_path: Path) -> None:
    chosen = executable(tmp_path / "chosen")
    other = executable(tmp_path / "other")
    debian = executable(tmp_path / "chromium")
    chrome = executable(tmp_path / "google-chrome")
    bundled = executable(tmp_path / "playwright-chrome")
    path = on_path(chromium=debian, **{"google-chrome": chrome})

    assert find_chromium({"CHROME_PATH": chosen, "CHROMIUM": other}, path, bundled, never_stub) == chosen
    assert find_chromium({"CHROMIUM": other}, path, bundled, never_stub) == other
    # A name in the variable is looked up on PATH.
    assert find_chromium({"CHROMIUM": "google-chrome"}, path, bundled, never_stub) == chrome
    # Debian's package before the others; Chrome when it is all the runner has; Playwright's last.
    assert find_chromium({}, path, bundled, never_stub) == debian
    assert find_chromium({}, on_path(**{"google-chrome": chrome}), bundled, never_stub) == chrome
    assert find_chromium({}, on_path(), bundled, never_stub) == bundled


def test_snap_stubs_are_skipped_and_named(tmp_path: Path) -> None:
    stub = executable(tmp_path / "chromium-browser",
                      "#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n  echo 'needs the snap' >&2\n  exit 1\nfi\n"
                      "exec /snap/bin/chromium \"$@\"\n")
    launcher = executable(tmp_path / "chromium", "#!/bin/sh\n# Chromium launcher\nexec /usr/lib/chromium/chromium \"$@\"\n")
    chrome = executable(tmp_path / "google-chrome")
    assert is_snap_stub(stub) and not is_snap_stub(launcher)
    assert find_chromium({}, on_path(**{"chromium-browser": stub, "google-chrome": chrome})) == chrome
    assert find_chromium({}, on_path(chromium=launcher, **{"chromium-browser": stub})) == launcher
    with pytest.raises(NoChromium, match="snap stubs") as raised:
        find_chromium({}, on_path(**{"chromium-browser": stub}), bundled=str(tmp_path / "not-fetched"))
    assert stub in str(raised.value)
    assert "playwright install chromium" in str(raised.value)


def test_a_wrong_variable_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    debian = executable(tmp_path / "chromium")
    with pytest.raises(NoChromium, match="CHROME_PATH=.*is not an executable"):
        find_chromium({"CHROME_PATH": str(tmp_path / "missing")}, on_path(chromium=debian))
    with pytest.raises(NoChromium, match="CHROMIUM=nothing-like-it"):
        find_chromium({"CHROMIUM": "nothing-like-it"}, on_path(chromium=debian))
    # Empty means unset.
    assert find_chromium({"CHROME_PATH": " ", "CHROMIUM": ""}, on_path(chromium=debian)) == debian


def test_the_script_prints_the_path_or_explains(tmp_path: Path) -> None:
    script = Path(__file__).with_name("chromium.py")
    chosen = executable(tmp_path / "chosen")
    env = {"PATH": str(tmp_path), "CHROME_PATH": chosen}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, chosen)
    done = subprocess.run([sys.executable, str(script)], env={"PATH": str(tmp_path / "empty")},
                          capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert "CHROME_PATH" in done.stderr and "apt-get install chromium" in done.stderr
