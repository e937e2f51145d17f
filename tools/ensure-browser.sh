#!/usr/bin/env bash
# A Chromium and CJK fonts for the browser tests.
#
# The Chromium is the one tests/browser/chromium.py finds (CHROME_PATH or CHROMIUM, then
# chromium, chromium-browser, google-chrome on PATH without Ubuntu's snap stubs, then
# Playwright's own). When there is none:
#   - on Debian, as root: apt-get install chromium (Debian's package is a real browser);
#   - elsewhere (Ubuntu's apt package is only a snap stub): Playwright fetches its own,
#     where the network allows.
# The fonts: fonts-noto-cjk through apt (as root), where dpkg is the package manager.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON_BIN:-$root/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
lookup() { "$python" "$root/tests/browser/chromium.py" --bundled; }

os_id="$(. /etc/os-release 2>/dev/null && echo "${ID:-}")" || os_id=""
need=()
# A browser chosen by hand (CHROME_PATH or CHROMIUM) is used as it is, or reported, never replaced.
if [ -z "${CHROME_PATH:-}${CHROMIUM:-}" ] && ! lookup >/dev/null 2>&1; then
  if [ "$os_id" = debian ]; then
    need+=(chromium)
  elif "$python" -c "import playwright" >/dev/null 2>&1; then
    echo "== no Chromium on this machine: python -m playwright install chromium"
    "$python" -m playwright install chromium || echo "== Playwright could not fetch its Chromium" >&2
  fi
fi
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  need+=(fonts-noto-cjk)
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need Debian packages: ${need[*]}." >&2
    echo "Install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "== apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The same lookup the tests make: the browser they will drive, or what to do.
if ! browser="$(lookup)"; then
  exit 1
fi
echo "== browser tests drive $browser"
