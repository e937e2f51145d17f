"""mkdocs plugin ``streamlet-live``: live fences become live blocks, and the assets they need are copied.

For each ``python live`` fence the plugin runs the snippet once in CPython and
embeds that first element tree, so the page paints without Python; the steps
fence after it is told to the reader in the page's language. A live fence with
``example="playground"`` becomes an option of the picker of block ``playground``: its code,
steps and the name of the heading above it go into that block's data, and the page keeps
its steps, told, and its highlighted code, hidden, for the picker (picker.js). After the build it
copies the page bundle, the browser's runtime wheel (gzipped), its Pyodide memory snapshot and the
pinned Pyodide into ``assets/``, and writes the service worker to the site root with a hash of the
built site as its version.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config as MkConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from streamlet.config import Config
from streamlet.elements import json_safe
from streamlet.runner import Session

from .parse import SnippetError, fences, parse_page
from .steps_text import steps_markdown

LANGS = ("en", "zh", "ja")
SERVICE_WORKER = "sw.js"
VERSION_PLACEHOLDER = "__STREAMLET_BUILD_VERSION__"
SERVICE_WORKER_META = '<meta name="streamlet-service-worker" content="sw.js">'
EARLY_SCRIPT = "early.js"  # inlined into each page's first live block, not served (see runtime/web/src/head-start.js)
HEAD_SCRIPT = "head.js"  # inlined first thing in the <head> of each page with live blocks, not served (same)
WORKER_PATH = "assets/streamlet/worker.js"  # from the site root, next to page.css
SEARCH_LATER = "search-later.js"  # written next to Material's search worker as SEARCH_WRAPPER, not served here
SEARCH_WORKERS = "assets/javascripts/workers"  # Material's search worker (search.<hash>.min.js)
SEARCH_WRAPPER = "streamlet-search.js"
SEARCH_PLACEHOLDER = "__STREAMLET_SEARCH_WORKER__"
LIVE_BLOCK_START = '<div class="st-live" data-id='  # how a live block's markup begins
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
SNAPSHOT = "pyodide-snapshot.gz"  # made by runtime/web/make-snapshot.mjs next to the wheel
# Also served gzipped, for static hosts that compress nothing: the worker fetches the .gz and inflates it.
PYODIDE_GZIPPED = ("pyodide.asm.wasm",)


class LiveConfig(MkConfig):
    web_dist = config_options.Type(str, default="runtime/web/dist")
    wheel_dir = config_options.Type(str, default="runtime/dist")  # the snapshot; the browser's wheel in browser/
    pyodide_dir = config_options.Type(str, default="node_modules/pyodide")


def page_language(src_uri: str) -> str:
    first = src_uri.split("/", 1)[0]
    return first if first in LANGS else "en"


def first_tree(code: str, config_toml: str | None) -> list[dict[str, Any]]:
    session = Session(code, config=Config.from_toml(config_toml) if config_toml else None)
    return session.run().elements


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive literally."""
    text = json.dumps(json_safe(data), ensure_ascii=False, default=repr, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def live_data(snippet: Any) -> dict[str, Any]:
    data = {
        "id": snippet.id,
        "code": snippet.code,
        "config": snippet.config,
        "steps": [s.to_dict() for s in snippet.steps],
        "elements": first_tree(snippet.code, snippet.config),
    }
    if snippet.timeout is not None:
        data["timeout"] = snippet.timeout  # seconds a run may take before the page stops it
    return data


def live_block(snippet: Any, fence_text: str, lang: str) -> str:
    """The block's markdown; its data script is added to the HTML later (see ``insert_data``)."""
    parts = [
        f'<div class="st-live" data-id="{html.escape(snippet.id)}" markdown="1">',
        '<div class="st-live-code" markdown="1">',
        "",
        fence_text,
        "",
        "</div>",
        "</div>",
    ]
    if snippet.steps:
        parts += ["", steps_markdown(snippet.steps, lang, code=snippet.code, config=snippet.config)]
    return "\n".join(parts)


_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t]*$")
_HEADING_ATTRS = re.compile(r"(?:[ \t]*\{[^{}]*\}|[ \t]+#+)[ \t]*$")


def heading_before(lines: list[str], line: int, fenced: set[int]) -> str | None:
    """The plain text of the nearest ATX heading above 1-based ``line`` (attribute list, `` ` `` and ``*`` dropped)."""
    for number in range(line - 1, 0, -1):
        if number in fenced:
            continue
        match = _HEADING.match(lines[number - 1])
        if match:
            text = match["text"]
            while True:
                stripped = _HEADING_ATTRS.sub("", text)
                if stripped == text:
                    break
                text = stripped
            text = re.sub(r"[`*]", "", text).strip()
            return text or None
    return None


def example_markup(snippet: Any, fence_text: str, lang: str) -> str:
    """An example of a picker: its steps, told, and its highlighted code, hidden until the picker shows it."""
    parts = [
        f'<div class="st-example" data-for="{html.escape(str(snippet.example))}" '
        f'data-example="{html.escape(str(snippet.id))}" markdown="1">',
        '<div class="st-example-code" hidden markdown="1">',
        "",
        fence_text,
        "",
        "</div>",
        "</div>",
        "",
        steps_markdown(snippet.steps, lang, code=snippet.code, config=snippet.config),
    ]
    return "\n".join(parts)


def example_data(snippet: Any, name: str) -> dict[str, Any]:
    data = {"id": snippet.id, "name": name, "code": snippet.code, "config": snippet.config,
            "steps": [s.to_dict() for s in snippet.steps]}
    if snippet.timeout is not None:
        data["timeout"] = snippet.timeout
    return data


def render_live_fences(markdown: str, path: str, lang: str) -> tuple[str, dict[str, Any]]:
    """Replace each live fence (and its steps fence) by its live block; return the blocks' data by id.

    An example fence (``example="playground"``) is not a block: its data joins the ``examples``
    of the block it names, in page order, named by the heading above it.
    """
    snippets = {s.line: s for s in parse_page(markdown, path) if s.live}
    if not snippets:
        return markdown, {}
    lines = markdown.splitlines()
    out: list[str] = []
    cursor = 0
    all_fences = fences(markdown, path)
    fenced = {number for f in all_fences for number in range(f.line, f.end_line + 1)}
    examples: dict[str, list[dict[str, Any]]] = {}
    for n, fence in enumerate(all_fences):
        snippet = snippets.get(fence.line)
        if snippet is None:
            continue
        end = fence.end_line
        following = all_fences[n + 1] if n + 1 < len(all_fences) else None
        if following is not None and following.lang == "steps":
            end = following.end_line
        out.extend(lines[cursor:fence.line - 1])
        plain = ["```python"] + fence.body.rstrip("\n").split("\n") + ["```"]
        if snippet.example is None:
            out.append(live_block(snippet, "\n".join(plain), lang))
        else:
            name = heading_before(lines, fence.line, fenced)
            if name is None:
                raise SnippetError(f"{snippet.where}: an example is named by the heading above it, "
                                   f"and this one has none")
            out.append(example_markup(snippet, "\n".join(plain), lang))
            examples.setdefault(snippet.example, []).append(example_data(snippet, name))
        cursor = end
    out.extend(lines[cursor:])
    data = {str(s.id): live_data(s) for s in snippets.values() if s.example is None}
    for target, options in examples.items():
        data[target]["examples"] = options
    return "\n".join(out) + "\n", data


def insert_data(page_html: str, data: dict[str, Any], path: str) -> str:
    """Put each block's data script first inside its block, where the page script looks for it."""
    for snippet_id, payload in data.items():
        opening = f'<div class="st-live" data-id="{html.escape(snippet_id)}">'
        if page_html.count(opening) != 1:
            raise PluginError(f"{path}: the live block {snippet_id!r} is missing from the rendered page")
        script = f'<script type="application/json" class="st-live-data">{script_json(payload)}</script>'
        page_html = page_html.replace(opening, opening + script)
    return page_html


# Left out of the version: the worker itself, and files made from the others, which are hashed
# anyway (the sitemaps also carry the build's date; the i18n plugin rewrites the search index
# after this plugin's last on_post_build).
UNVERSIONED = (SERVICE_WORKER, "search/search_index.json")
UNVERSIONED_NAMES = ("sitemap.xml", "sitemap.xml.gz")


def write_gzipped(source: Path, target: Path, level: int = 6) -> None:
    """``target``: ``source`` gzipped, the same bytes for the same input (no name, no time in the header)."""
    with source.open("rb") as data, target.open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=level, mtime=0) as packed:
        shutil.copyfileobj(data, packed, 1 << 20)


def site_version(site: Path) -> str:
    """A hash of the built files under ``site`` (names and bytes): other files, another version."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name in UNVERSIONED or path.name in UNVERSIONED_NAMES:
            continue
        digest.update(name.encode() + b"\0")
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def write_service_worker(site: Path, bundle: Path) -> str:
    """Put the service worker at the site root (its scope) with the build's version; return the version.

    The version is ``<site hash>.<Pyodide hash>``. Another version makes another ``sw.js``, so
    browsers install the new worker, which drops the old cache, keeping Pyodide's files when the
    second part is unchanged.
    """
    source = bundle.read_text(encoding="utf-8")
    if source.count(VERSION_PLACEHOLDER) != 1:
        raise PluginError(f"{bundle} should hold {VERSION_PLACEHOLDER} once; rebuild it with 'make build'")
    version = f"{site_version(site)}.{site_version(site / 'assets' / 'pyodide')}"
    (site / SERVICE_WORKER).write_text(source.replace(VERSION_PLACEHOLDER, version), encoding="utf-8")
    return version


def opt_in_service_worker(page_html: str) -> str:
    """Tell the page bundle that this site ships ``sw.js`` (pages made elsewhere from the bundle do not)."""
    if SERVICE_WORKER_META in page_html or "</head>" not in page_html:
        return page_html
    return page_html.replace("</head>", SERVICE_WORKER_META + "</head>", 1)


def start_early(page_html: str, script: str) -> str:
    """Put ``script`` (early.js: starts Python's worker on a return visit) inline in the page's first
    live block, right after the block's data script; a page without live blocks is left as it is."""
    block = page_html.find(LIVE_BLOCK_START)
    if block < 0:
        return page_html
    data_end = page_html.find("</script>", block)
    if data_end < 0:
        return page_html
    at = data_end + len("</script>")
    return f"{page_html[:at]}<script>{script}</script>{page_html[at:]}"


_HEAD_START = re.compile(r"<head[^>]*>(?:\s*<meta charset=[^>]*>)?", re.I)


def start_from_head(page_html: str, script: str, worker_url: str) -> str:
    """Put ``script`` (head.js: starts Python's worker on a return visit before the stylesheets load)
    inline first thing in the page's <head>, after its charset (which must come within the first
    1024 bytes), with the worker's URL relative to the page: no link is parsed yet when it runs."""
    head = _HEAD_START.search(page_html)
    if head is None:
        return page_html
    tag = f'<script data-worker="{html.escape(worker_url)}">{script}</script>'
    return f"{page_html[:head.end()]}{tag}{page_html[head.end():]}"


_CONFIG_SEARCH = re.compile(r'("search":\s*"[^"]*/)search\.[0-9a-f]+\.min\.js"')


def hold_search(page_html: str) -> str:
    """Point Material's ``__config.search`` at SEARCH_WRAPPER (runtime/web/src/search-later.js), which
    holds the search index back while Python starts; the page tells it when to go (search-gate.js)."""
    return _CONFIG_SEARCH.sub(lambda m: f'{m.group(1)}{SEARCH_WRAPPER}"', page_html, count=1)


def write_search_wrapper(site: Path, script: Path) -> None:
    """Write ``script`` (search-later.js) next to Material's search worker, with that worker's name."""
    workers = sorted((site / SEARCH_WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker in {site / SEARCH_WORKERS}, found {len(workers)}")
    text = script.read_text(encoding="utf-8")
    if SEARCH_PLACEHOLDER not in text:
        raise PluginError(f"{script} does not name {SEARCH_PLACEHOLDER}")
    (site / SEARCH_WORKERS / SEARCH_WRAPPER).write_text(
        text.replace(SEARCH_PLACEHOLDER, json.dumps(workers[0].name)), encoding="utf-8")


_TOML_WITH_OPTIONS = re.compile(r"^(?P<open>[ \t]*(?:`{3,}|~{3,}))toml[ \t]+for=.*$", re.M)


def plain_toml_fences(markdown: str) -> str:
    """```toml for="id"``` is ours (which snippet the config is for); superfences would reject the option
    and show the fence as inline code, so the page gets a plain ```toml fence."""
    return _TOML_WITH_OPTIONS.sub(r"\g<open>toml", markdown)


class LivePlugin(BasePlugin[LiveConfig]):
    def on_config(self, config: Any) -> None:
        self._data: dict[str, dict[str, Any]] = {}
        # The search index segments Chinese with jieba, which narrates its dictionary loading.
        logging.getLogger("jieba").setLevel(logging.WARNING)

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        src = page.file.src_uri
        try:
            markdown, self._data[src] = render_live_fences(markdown, f"docs/{src}", page_language(src))
        except SnippetError as err:
            raise PluginError(str(err)) from None
        return plain_toml_fences(markdown)

    def on_page_content(self, html_text: str, page: Any, config: Any, files: Any) -> str:
        src = page.file.src_uri
        return insert_data(html_text, self._data.pop(src, {}), f"docs/{src}")

    def keep_default_404(self, site: Path, config: Any) -> None:
        """Keep the English build's ``404.html``: the i18n plugin renders it once per language into the
        same file, the last language winning. Its body is trilingual (docs/overrides/404.html); its
        frame, search and title stay in the default language whichever build runs last."""
        page = site / "404.html"
        if not page.exists():
            return
        if config["theme"]["language"] == LANGS[0]:
            self._default_404 = page.read_bytes()
        elif getattr(self, "_default_404", None) is not None:
            page.write_bytes(self._default_404)

    def inline_script(self, name: str) -> str:
        """A built script of runtime/web/dist/ to write inline into pages (early.js, head.js), read once."""
        scripts = self.__dict__.setdefault("_inline", {})
        if name not in scripts:
            path = Path(self.config.web_dist) / name
            if not path.exists():
                raise PluginError(f"{path} is not built yet. Run 'make build', which builds it.")
            script = path.read_text(encoding="utf-8").strip()
            if "</script" in script.lower() or "<!--" in script:
                raise PluginError(f"{path} cannot be written inline into a page")
            scripts[name] = script
        return scripts[name]

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if LIVE_BLOCK_START in output:  # the scripts are read (and must be built) only for such pages
            output = start_early(output, self.inline_script(EARLY_SCRIPT))
            worker_url = get_relative_url(WORKER_PATH, page.url)
            output = start_from_head(output, self.inline_script(HEAD_SCRIPT), worker_url)
            output = hold_search(output)
        return opt_in_service_worker(output)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return opt_in_service_worker(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config: Any) -> None:
        site = Path(config["site_dir"])
        self.keep_default_404(site, config)
        dist = Path(self.config.web_dist)
        wheel_dir = Path(self.config.wheel_dir) / "browser"  # streamlet_site.browser_wheel's copy
        wheels = sorted(wheel_dir.glob("streamlet-*.whl"))
        snapshot = Path(self.config.wheel_dir) / SNAPSHOT
        pyodide = Path(self.config.pyodide_dir)
        missing = [str(p) for p in (dist / "page.js", dist / "worker.js", dist / "page.css", dist / "sw.js",
                                    dist / SEARCH_LATER)
                   if not p.exists()]
        missing += [str(pyodide / f) for f in PYODIDE_FILES if not (pyodide / f).exists()]
        missing += [] if snapshot.exists() else [str(snapshot)]
        if len(wheels) != 1:
            missing.append(f"exactly one runtime wheel in {wheel_dir} (found {len(wheels)})")
        if missing:
            raise PluginError("The live examples need files that are not built yet: " + ", ".join(missing)
                              + ". Run 'make build', which builds them.")
        target = site / "assets" / "streamlet"
        target.mkdir(parents=True, exist_ok=True)
        for item in dist.iterdir():
            if item.name not in (SERVICE_WORKER, EARLY_SCRIPT, SEARCH_LATER):  # root; inline; search's folder
                shutil.copy2(item, target / item.name)
        # One gzip stream (the wheel's entries are stored): the worker fetches <wheel>.gz and inflates it.
        write_gzipped(wheels[0], target / f"{wheels[0].name}.gz", level=9)
        shutil.copy2(snapshot, target / SNAPSHOT)  # the worker checks its stamp against the wheel
        # Material fetches sitemap.xml next to every <link rel=alternate>; with the i18n plugin those
        # point at the same page in each language, so each page's folder gets the site's sitemap.
        sitemap = site / "sitemap.xml"
        if sitemap.exists():
            for page in site.rglob("index.html"):
                if page.parent != site and "assets" not in page.relative_to(site).parts:
                    shutil.copy2(sitemap, page.parent / "sitemap.xml")
        pyodide_target = site / "assets" / "pyodide"
        pyodide_target.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:
            shutil.copy2(pyodide / name, pyodide_target / name)
        for name in PYODIDE_GZIPPED:
            write_gzipped(pyodide / name, pyodide_target / f"{name}.gz")
        write_service_worker(site, dist / "sw.js")
        write_search_wrapper(site, dist / SEARCH_LATER)
