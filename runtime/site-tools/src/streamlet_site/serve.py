"""Serve the built site on 127.0.0.1 with the headers live examples want.

COOP ``same-origin`` and COEP ``require-corp`` make the page cross-origin
isolated, so the worker gets a SharedArrayBuffer and Stop can interrupt Python
instead of replacing the worker.

    python -m streamlet_site.serve site --port 8000
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self) -> None:
        if self.server.isolated:  # type: ignore[attr-defined]
            for name, value in HEADERS.items():
                self.send_header(name, value)
        if self.path.endswith(".html") or self.path.endswith("/"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = True
    isolated = True
    """Send COOP/COEP; off, the page is served as a plain static host (GitHub Pages) would serve it."""

    def handle_error(self, request: object, client_address: object) -> None:
        # A reader who navigates or reloads mid-download closes the connection: not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(root: Path, port: int = 8000, *, verbose: bool = True, isolated: bool = True) -> Server:
    """A server for ``root`` on 127.0.0.1 (port 0 picks a free one); call ``serve_forever``."""
    if not (root / "index.html").exists():
        raise SystemExit(f"{root}/index.html does not exist: build the site first ('make build').")
    handler = functools.partial(Handler, directory=str(root))
    server = Server(("127.0.0.1", port), handler)
    server.verbose = verbose
    server.isolated = isolated
    return server


def serve_in_thread(root: Path, *, isolated: bool = True) -> tuple[Server, str]:
    server = make_server(root, 0, verbose=False, isolated=isolated)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    try:
        server = make_server(args.root, args.port)
    except OSError as err:
        print(f"Cannot listen on 127.0.0.1:{args.port}: {err.strerror}. Try --port with another number.",
              file=sys.stderr)
        return 1
    print(f"Serving {args.root}/ at http://127.0.0.1:{args.port}/  (en, /zh/, /ja/; Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
