"""The reference: real Streamlit's AppTest, in its own interpreter, one scenario per line.

Run with the reference environment's Python (``.venv-streamlit/bin/python``).
Reads ``{"id": n, "scenario": {...}}`` lines on stdin and writes
``{"id": n, "trace": {...}}`` lines on stdout; the first line it writes is
``{"ready": "<streamlit version>"}``. Streamlit is imported once. Its logging
is silenced, and anything a script prints goes to stderr, so stdout carries
only the protocol.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import traceback


def main() -> None:
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # print() in a script (or in Streamlit) must not corrupt the protocol
    logging.disable(logging.CRITICAL)

    import streamlit
    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.util import patch_config_options

    logging.disable(logging.CRITICAL)  # Streamlit's import configures its own loggers
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from driver import run_scenario

    protocol.write(json.dumps({"ready": streamlit.__version__}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "trace": run_scenario(AppTest, request["scenario"], patch_config_options)}
        except BaseException:  # noqa: BLE001 - report, keep serving
            reply = {"id": request["id"], "crash": traceback.format_exc()}
        protocol.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
