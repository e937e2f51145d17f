"""One search index per language, so that search on a page stays in the page's language.

Material fetches ``search/search_index.json`` below the ``base`` of the page's ``__config``,
and the i18n plugin gathers every language into the one index at the site root. Here each
other language's build writes ``<lang>/search/search_index.json`` from its own entries, with
the search settings of the language's ``extra.search`` in mkdocs.yml, and its pages' ``base``
points at their language's folder, so their search fetches their own index; once the i18n
plugin has written its gathered index, the default language's entries replace it.

Material's search plugin segments every run of Han characters with jieba. That is what
Chinese needs (the browser splits at the zero-width spaces jieba leaves), but it also cuts
Japanese kanji apart, and Japanese is segmented in the browser instead (lunr's
TinySegmenter); so only Chinese indexes keep jieba's marks.
"""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

INDEX = "search/search_index.json"
ZWSP = "\u200b"
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _plugin(config: Any, *names: str) -> Any:
    for name in names:
        if name in config.plugins:
            return config.plugins[name]
    raise PluginError(f"the search hook needs the {' or '.join(names)} plugin in mkdocs.yml")


def _languages(config: Any) -> list[Any]:
    """The built languages as the i18n plugin lists them (the default one first)."""
    languages = [lang for lang in _plugin(config, "i18n").config.languages if lang.build]
    return sorted(languages, key=lambda lang: not lang.default)


def _folder(language: Any) -> str:
    """'' for the default language, 'zh/' for /zh/."""
    return "" if language.default else language.link.strip("/") + "/"


def _segmented(locale: str) -> bool:
    return re.split(r"[-_]", locale)[0] == "zh"


def _entries_for(docs: list[dict[str, Any]], folder: str, others: list[str], locale: str) -> list[dict[str, Any]]:
    mine = []
    for doc in docs:
        location = doc["location"]
        if folder:
            if not location.startswith(folder):
                continue
            location = location[len(folder):]
        elif any(location.startswith(other) for other in others):
            continue
        entry = {**doc, "location": location}
        if not _segmented(locale):
            entry["title"] = entry["title"].replace(ZWSP, "")
            entry["text"] = entry["text"].replace(ZWSP, "")
        mine.append(entry)
    return mine


def _write(site: Path, folder: str, index: dict[str, Any], language: Any, folders: list[str]) -> None:
    settings = dict(index["config"])
    if not language.default:
        overrides = (language.extra or {}).get("search")
        if not overrides:
            raise PluginError(f"mkdocs.yml: the i18n language {language.locale!r} needs extra.search "
                              "(lang, separator, pipeline) for its own search index")
        settings.update(overrides)
    docs = _entries_for(index["docs"], folder, [f for f in folders if f], language.locale)
    target = site / folder / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"config": settings, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")


@event_priority(10)  # before the live plugin's, which versions the service worker by the built files
def _language_index(config: Any) -> None:
    """In another language's build, that language's index, from the search plugin's entries of this build."""
    current = _plugin(config, "i18n").current_language
    languages = _languages(config)
    folders = [_folder(lang) for lang in languages]
    for language, folder in zip(languages, folders):
        if language.locale == current and not language.default:
            index = json.loads(_plugin(config, "material/search", "search").search_index.generate_search_index(None))
            _write(Path(config["site_dir"]), folder, index, language, folders)


@event_priority(-200)  # after the i18n plugin's (-100), which writes all languages into search/ last
def _default_index(config: Any) -> None:
    """Once every language is built, the default language's own entries back in search/."""
    if _plugin(config, "i18n").building:
        return  # a language's build inside the i18n plugin's loop
    site = Path(config["site_dir"])
    languages = _languages(config)
    folders = [_folder(lang) for lang in languages]
    _write(site, "", json.loads((site / INDEX).read_text(encoding="utf-8")), languages[0], folders)


on_post_build = CombinedEvent(_language_index, _default_index)


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    """A page not in the default language searches its own folder's index."""
    locale = getattr(page.file, "locale", None)
    language = next((lang for lang in _languages(config) if lang.locale == locale), None)
    if language is None or language.default:
        return output
    match = _CONFIG_SCRIPT.search(output)
    if match is None:
        raise PluginError(f"{page.file.src_uri}: Material's __config script is missing from the page")
    base = json.loads(match.group(2))["base"]
    folder = posixpath.normpath(posixpath.join(base, _folder(language)))
    old = '"base": ' + json.dumps(base)
    if match.group(2).count(old) != 1:
        raise PluginError(f"{page.file.src_uri}: cannot find the base in Material's __config script")
    script = match.group(2).replace(old, '"base": ' + json.dumps(folder + "/"))
    return output[:match.start(2)] + script + output[match.end(2):]
