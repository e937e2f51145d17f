"""streamlet_site.plugin: live fences become live blocks, and each block gets its data script."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from streamlet_site.plugin import (
    LivePlugin,
    insert_data,
    start_early,
    start_from_head,
    page_language,
    render_live_fences,
    script_json,
)
from streamlet_site.parse import SnippetError

SAMPLES = Path(__file__).parent / "samples"

PAGE = '''# Title

Intro.

```python live id="c"
import streamlit as st
st.write("</script><b>hi</b> & more")
st.button("Go")
```

```steps
- expect: {markdown: ["</script><b>hi</b> & more"]}
- click: Go
```

After.

```python
print("plain")
```
'''


def test_live_fence_and_its_steps_become_one_block() -> None:
    markdown, _ = render_live_fences(PAGE, "docs/en/x.md", "en")
    assert markdown == '''# Title

Intro.

<div class="st-live" data-id="c" markdown="1">
<div class="st-live-code" markdown="1">

```python
import streamlit as st
st.write("</script><b>hi</b> & more")
st.button("Go")
```

</div>
</div>

<div class="st-steps" markdown="1">
<p class="st-steps-title">Expected</p>

1. When the script first runs: the page shows “&lt;/script&gt;&lt;b&gt;hi&lt;/b&gt; &amp; more”.
2. Click **Go**: the script runs to the end without an exception.

</div>

After.

```python
print("plain")
```
'''


def test_steps_are_told_in_the_page_language() -> None:
    markdown, _ = render_live_fences(PAGE, "docs/ja/x.md", "ja")
    assert '<p class="st-steps-title">期待される結果</p>' in markdown
    assert "2. **Go** を押すと、例外は発生せず、最後まで実行されます。" in markdown


def test_block_data_holds_code_steps_and_the_first_tree() -> None:
    _, data = render_live_fences(PAGE, "docs/en/x.md", "en")
    block = data["c"]
    assert block["id"] == "c" and block["config"] is None
    assert block["code"].startswith("import streamlit as st\n")
    assert [s["action"] for s in block["steps"]] == [None, "click"]
    assert [s["line"] for s in block["steps"]] == [12, 13]
    assert [e["type"] for e in block["elements"]] == ["markdown", "button"]
    assert block["elements"][0]["body"] == "</script><b>hi</b> & more"


def test_config_reaches_the_first_tree() -> None:
    page = (SAMPLES / "good.md").read_text(encoding="utf-8")
    markdown, data = render_live_fences(page, "docs/en/good.md", "en")
    assert sorted(data) == ["counter", "indented", "tilde"]
    assert data["counter"]["config"] == "[runner]\nmagicEnabled = false\n"
    assert [e["type"] for e in data["counter"]["elements"]] == ["button", "text_input", "markdown"]
    assert markdown.count('<div class="st-live" ') == 3
    assert '```python norun="needs pandas"' in markdown, "fences that are not live stay as written"


def test_page_without_live_fences_is_unchanged() -> None:
    page = "# T\n\n```python\nx = 1\n```\n"
    assert render_live_fences(page, "docs/en/t.md", "en") == (page, {})


def test_markup_errors_name_the_page() -> None:
    with pytest.raises(SnippetError, match=r"^docs/en/bad\.md:1: a live snippet needs an id"):
        render_live_fences("```python live\nx = 1\n```\n", "docs/en/bad.md", "en")


def test_insert_data_puts_a_json_script_first_inside_the_block() -> None:
    _, data = render_live_fences(PAGE, "docs/en/x.md", "en")
    page_html = '<h1>T</h1>\n<div class="st-live" data-id="c">\n<div class="st-live-code">code</div></div>'
    out = insert_data(page_html, data, "docs/en/x.md")
    opening = '<div class="st-live" data-id="c"><script type="application/json" class="st-live-data">'
    assert out.startswith("<h1>T</h1>\n" + opening)
    payload = out[len("<h1>T</h1>\n" + opening):out.index("</script>")]
    assert "<" not in payload and ">" not in payload and "&" not in payload
    assert json.loads(payload) == json.loads(json.dumps(data["c"]))


def test_insert_data_needs_exactly_one_block_per_id() -> None:
    with pytest.raises(PluginError, match=r"^docs/en/x\.md: the live block 'c' is missing from the rendered page$"):
        insert_data("<p>no block</p>", {"c": {}}, "docs/en/x.md")


def test_start_early_goes_into_the_first_block_only_after_its_data() -> None:
    _, data = render_live_fences(PAGE, "docs/en/x.md", "en")
    blocks = '<div class="st-live" data-id="c"></div><p>x</p><div class="st-live" data-id="d"></div>'
    page_html = insert_data(blocks, {"c": data["c"], "d": data["c"]}, "docs/en/x.md")
    out = start_early(page_html, "go()")
    assert out.count("<script>go()</script>") == 1
    first_data_end = page_html.index("</script>") + len("</script>")
    assert out == page_html[:first_data_end] + "<script>go()</script>" + page_html[first_data_end:]
    assert start_early("<p>no block</p>", "go()") == "<p>no block</p>"


def test_start_from_head_goes_first_in_the_head_after_the_charset_before_any_stylesheet() -> None:
    page_html = ('<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n'
                 '    <link rel="stylesheet" href="../assets/streamlet/page.css">\n  </head><body></body></html>')
    out = start_from_head(page_html, "go()", "../assets/streamlet/worker.js")
    tag = '<script data-worker="../assets/streamlet/worker.js">go()</script>'
    assert out.count(tag) == 1
    assert out.index('<meta charset="utf-8">') < out.index(tag) < out.index("<link")
    assert out.replace(tag, "") == page_html
    bare = start_from_head("<html><head><title>t</title></head></html>", "go()", "w.js")
    assert bare == '<html><head><script data-worker="w.js">go()</script><title>t</title></head></html>'
    assert start_from_head("<p>no head</p>", "go()", "w.js") == "<p>no head</p>"


def test_pages_with_live_blocks_get_both_scripts_with_the_worker_relative_to_the_page(tmp_path: Path) -> None:
    (tmp_path / "early.js").write_text("early()\n", encoding="utf-8")
    (tmp_path / "head.js").write_text("head()\n", encoding="utf-8")
    plugin = LivePlugin()
    plugin.config = SimpleNamespace(web_dist=str(tmp_path))
    _, data = render_live_fences(PAGE, "docs/zh/x.md", "zh")
    body = insert_data('<div class="st-live" data-id="c"></div>', {"c": data["c"]}, "docs/zh/x.md")
    page_html = f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="a.css"></head><body>{body}</body></html>'
    out = plugin.on_post_page(page_html, SimpleNamespace(url="zh/guide/"), {})
    head_tag = '<script data-worker="../../assets/streamlet/worker.js">head()</script>'
    assert out.index('<meta charset="utf-8">') < out.index(head_tag) < out.index("<link")
    assert out.index("<script>early()</script>") > out.index('class="st-live"')
    plain = "<html><head><meta charset=\"utf-8\"></head><body><p>x</p></body></html>"
    assert "<script" not in plugin.on_post_page(plain, SimpleNamespace(url="zh/"), {})
    (tmp_path / "head.js").write_text("a = '<!--'\n", encoding="utf-8")
    with pytest.raises(PluginError, match="cannot be written inline"):
        fresh = LivePlugin()
        fresh.config = SimpleNamespace(web_dist=str(tmp_path))
        fresh.on_post_page(page_html, SimpleNamespace(url="zh/guide/"), {})


def test_script_json_escapes_markup_characters_and_reprs_the_rest() -> None:
    text = script_json({"s": "</script><!-- & -->", "t": (1, 2), "o": object})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"s": "</script><!-- & -->", "t": [1, 2], "o": "<class 'object'>"}


def test_page_language_from_the_first_folder() -> None:
    cases = {"zh/a/b.md": "zh", "ja/index.md": "ja", "en/x.md": "en", "index.md": "en", "de/x.md": "en"}
    assert {src: page_language(src) for src in cases} == cases


def test_plugin_hooks_turn_snippet_errors_into_plugin_errors_and_insert_data() -> None:
    plugin = LivePlugin()
    plugin.on_config({})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="zh/x.md"))
    markdown = plugin.on_page_markdown(PAGE, page, {}, None)
    assert '<p class="st-steps-title">预期结果</p>' in markdown
    out = plugin.on_page_content('<div class="st-live" data-id="c"></div>', page, {}, None)
    assert out.startswith('<div class="st-live" data-id="c"><script type="application/json"')
    bad = SimpleNamespace(file=SimpleNamespace(src_uri="en/bad.md"))
    with pytest.raises(PluginError, match=r"^docs/en/bad\.md:1: a live snippet needs an id"):
        plugin.on_page_markdown("```python live\nx = 1\n```\n", bad, {}, None)


def test_block_data_has_the_timeout_only_when_the_fence_gives_one() -> None:
    page = PAGE.replace('```python live id="c"', '```python live id="c" timeout=30')
    _, data = render_live_fences(page, "docs/en/x.md", "en")
    assert data["c"]["timeout"] == 30
    assert '"timeout": 30' in script_json(data["c"])
    _, data = render_live_fences(PAGE, "docs/en/x.md", "en")
    assert "timeout" not in data["c"]


def test_toml_fences_lose_their_for_option_before_markdown_renders_them() -> None:
    from streamlet_site.plugin import plain_toml_fences

    page = 'Text\n```toml for="lambda"\n[runner]\nenforceSerializableSessionState = true\n```\n~~~toml for=x\n~~~\n'
    assert plain_toml_fences(page) == ('Text\n```toml\n[runner]\nenforceSerializableSessionState = true\n```\n'
                                       "~~~toml\n~~~\n")
    assert plain_toml_fences('```{.toml for="x"}\n```\n') == '```{.toml for="x"}\n```\n'  # superfences takes this form


def _site_config() -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    root = Path(__file__).resolve().parents[2]
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_zh_and_ja_get_their_own_site_name_and_palette_toggle_names() -> None:
    config = _site_config()
    english = [t["toggle"]["name"] for t in config["theme"]["palette"]]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = {lang["locale"]: lang for lang in i18n["languages"]}
    for locale in ("zh", "ja"):
        lang = languages[locale]
        names = [t["toggle"]["name"] for t in lang["theme"]["palette"]]
        assert len(names) == len(english), locale
        assert not any(re.search(r"[A-Za-z]", name) for name in names), (locale, names)
        assert not re.search(r"[A-Za-z]{2,}", lang["site_name"]), (locale, lang["site_name"])
    assert "实时" not in languages["zh"]["site_name"], "实时 reads as real-time"


PICKER_PAGE = '''# Playground {#playground}

```python live id="box"
import streamlit as st
st.write("box")
```

## Examples {#examples}

### `Counter` example ## {#counter}

```python live id="counter" example="box" timeout=20
import streamlit as st
st.button("Go")
```

```steps
- click: Go
```

### Blank

```python live id="blank" example="box"
import streamlit as st
```

```steps
- expect: {}
```
'''


def test_example_fences_become_options_of_their_blocks_picker_named_by_their_headings() -> None:
    markdown, data = render_live_fences(PICKER_PAGE, "docs/zh/p.md", "zh")
    assert sorted(data) == ["box"], "an example is no block of its own"
    assert markdown.count('<div class="st-live" ') == 1
    options = data["box"]["examples"]
    assert [(o["id"], o["name"], o["code"]) for o in options] == [
        ("counter", "Counter example", 'import streamlit as st\nst.button("Go")\n'),
        ("blank", "Blank", "import streamlit as st\n"),
    ]
    assert options[0]["timeout"] == 20 and "timeout" not in options[1]
    assert [s["action"] for s in options[0]["steps"]] == ["click"] and options[0]["config"] is None
    # Its steps are told in the page's language; its code waits, hidden, for the picker.
    assert ('<div class="st-example" data-for="box" data-example="counter" markdown="1">\n'
            '<div class="st-example-code" hidden markdown="1">\n\n```python\nimport streamlit as st\n'
            'st.button("Go")\n```\n\n</div>\n</div>\n\n<div class="st-steps" markdown="1">') in markdown
    assert "1. 点击 **Go**" in markdown
    assert " example=" not in markdown, "the fence option is not shown"


def test_an_example_needs_a_heading_to_be_named_by() -> None:
    page = PICKER_PAGE.replace("# Playground {#playground}\n", "").replace("## Examples {#examples}\n", "")
    page = page.replace("### `Counter` example ## {#counter}\n", "")
    with pytest.raises(SnippetError, match=r"^docs/en/p\.md:9: an example is named by the heading above it"):
        render_live_fences(page, "docs/en/p.md", "en")


def test_a_heading_inside_a_fence_names_no_example() -> None:
    page = PICKER_PAGE.replace("### Blank\n", "```text\n# not a heading\n```\n")
    _, data = render_live_fences(page, "docs/en/p.md", "en")
    assert [o["name"] for o in data["box"]["examples"]] == ["Counter example", "Counter example"]


@pytest.mark.parametrize("lang", ["en", "zh", "ja"])
def test_the_playgrounds_menu_starts_on_its_own_code(lang: str) -> None:
    """The playground's starter is one of its examples, so the menu shows it and can bring it back."""
    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / lang / "playground.md").read_text(encoding="utf-8")
    _, data = render_live_fences(page, f"docs/{lang}/playground.md", lang)
    block = data["playground"]
    assert [o["code"] for o in block["examples"]].count(block["code"]) == 1
    assert len({o["name"] for o in block["examples"]}) == len(block["examples"]) == 6
