"""streamlet_site.pytest_plugin on a small docs tree, run by a pytest of its own (``pytester``)."""
from __future__ import annotations

import pytest

COUNTER = '''# Counter

```python live id="counter"
import streamlit as st
st.session_state.setdefault("n", 0)
def add():
    st.session_state.n += 1
st.button("Add", on_click=add)
st.write("n =", st.session_state.n)
```

```steps
- expect: {markdown: ["n = `0`"]}
- click: Add
  expect: {markdown: ["n = `STEP2`"], state: {n: 1}}
```

```python norun="needs pandas"
import pandas
```

```toml
[runner]
magicEnabled = false
```
'''


def docs(pytester: pytest.Pytester, **pages: str) -> None:
    """Write docs/<lang>/<name>.md for each ``lang__name=text``, with the plugin enabled."""
    pytester.makeini("[pytest]\n")
    pytester.makeconftest('pytest_plugins = ["streamlet_site.pytest_plugin"]\n')
    for name, text in pages.items():
        lang, _, page = name.partition("__")
        path = pytester.path / "docs" / lang / f"{page}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # Hypothesis's plugin takes a second and a half per session and is of no use here.
    return pytester.runpytest("-p", "no:hypothesispytest", "-p", "no:cacheprovider", *args)


def test_every_fence_becomes_an_item(pytester: pytest.Pytester) -> None:
    page = COUNTER.replace("STEP2", "1")
    docs(pytester, en__index=page, zh__index=page)
    result = run(pytester, "--collect-only", "-q")
    assert [line for line in result.outlines if "::" in line] == [
        "docs/en/index.md::counter",
        "docs/en/index.md::line-18",
        "docs/en/index.md::toml-line-22",
        "docs/zh/index.md::counter",
        "docs/zh/index.md::line-18",
        "docs/zh/index.md::toml-line-22",
        "docs/zh/index.md::same-as-en",
    ]


def test_passing_pages_and_norun_reported_as_skipped_with_its_reason(pytester: pytest.Pytester) -> None:
    page = COUNTER.replace("STEP2", "1")
    docs(pytester, en__index=page, zh__index=page)
    result = run(pytester, "-rs")
    result.assert_outcomes(passed=5, skipped=2)
    result.stdout.fnmatch_lines(["SKIPPED * docs/en/index.md:18: norun: needs pandas",
                                 "SKIPPED * docs/zh/index.md:18: norun: needs pandas"])


def test_failing_step_names_page_line_and_difference(pytester: pytest.Pytester) -> None:
    docs(pytester, en__index=COUNTER.replace("STEP2", "5"))
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1, skipped=1)
    result.stdout.fnmatch_lines([
        "docs/en/index.md:3: step 2 (click Add, line 14): markdown: expected ['n = `5`'], got ['n = `1`']",
    ])


def test_translation_whose_code_differs_fails_parity(pytester: pytest.Pytester) -> None:
    page = COUNTER.replace("STEP2", "1")
    translated = page.replace("# Counter", "# 计数器").replace('st.write("n =", ', 'st.write("n 等于", ')
    translated = translated.replace("n = `", "n 等于 `")
    docs(pytester, en__index=page, zh__index=translated)
    result = run(pytester)
    result.assert_outcomes(passed=4, failed=1, skipped=2)
    result.stdout.fnmatch_lines([
        "docs/zh/index.md:3: fence 1 (counter) differs from the English page's (code, steps, config or options)",
    ])


def test_translation_with_other_fences_or_without_english_page(pytester: pytest.Pytester) -> None:
    page = COUNTER.replace("STEP2", "1")
    docs(pytester, en__index=page, zh__index=page.split("```python norun")[0], zh__extra="# Only here\n")
    result = run(pytester)
    result.assert_outcomes(passed=3, failed=2, skipped=1)
    result.stdout.fnmatch_lines([
        "docs/zh/extra.md: there is no English page */docs/en/extra.md to match",
        "docs/zh/index.md: 1 Python fences, the English page has 2",
    ])


def test_markup_error_and_unknown_config_option_fail_with_the_place(pytester: pytest.Pytester) -> None:
    docs(pytester, en__bad="# Bad\n\n```python live\nx = 1\n```\n",
         en__config='# Config\n\n```toml\n[runner]\nfastReruns = true\n```\n',
         en__orphan='# Orphan\n\n```toml for="x"\n[runner]\nmagicEnabled = false\n```\n')
    result = run(pytester)
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines([
        "docs/en/bad.md:3: a live snippet needs an id*",
        'docs/en/config.md:3: this config.toml is not one the runtime accepts: Config key "runner.fastReruns" '
        "not defined.",
        "docs/en/orphan.md: a toml fence is for='x', but no snippet has that id",
    ], consecutive=False)


def test_markdown_outside_docs_is_not_collected(pytester: pytest.Pytester) -> None:
    docs(pytester)
    pytester.makefile(".md", notes="```python live\nbroken\n```\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
