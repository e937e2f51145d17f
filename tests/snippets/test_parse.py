"""streamlet_site.parse: markdown pages -> snippets, their steps and configs, or an error with page and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from streamlet.snippets.check import check_steps
from streamlet.snippets.model import Step
from streamlet_site.parse import SnippetError, fences, parse_info, parse_page

SAMPLES = Path(__file__).parent / "samples"


def parse_sample(name: str) -> list:  # type: ignore[type-arg]
    return parse_page((SAMPLES / name).read_text(encoding="utf-8"), f"samples/{name}")


def test_good_page_snippets_in_order_with_lines_and_options() -> None:
    snippets = parse_sample("good.md")
    assert [(s.id, s.line, s.live, s.norun) for s in snippets] == [
        ("counter", 10, True, None),
        (None, 32, False, None),
        (None, 38, False, "needs pandas"),
        ("tilde", 48, True, None),
        ("indented", 55, True, None),
    ]
    assert snippets[0].options == {"live": "", "id": "counter"}
    assert snippets[1].code == "x = 1 + 1\n"


def test_good_page_steps_with_their_lines() -> None:
    counter = parse_sample("good.md")[0]
    assert counter.steps_line == 19
    assert counter.steps == [
        Step(expect={"markdown": ["n = `0`"]}, line=20),
        Step("click", "Add", expect={"markdown": ["n = `1`"], "state": {"n": 1}}, line=21),
        Step("set", "name", "Ada", expect={"state": {"name": "Ada"}}, line=25),
        Step("rerun", line=27),
    ]


def test_toml_fence_for_an_id_becomes_that_snippets_config() -> None:
    snippets = parse_sample("good.md")
    assert snippets[0].config == "[runner]\nmagicEnabled = false\n"
    assert [s.config for s in snippets[1:]] == [None] * 4


def test_indented_fence_code_is_dedented() -> None:
    assert parse_sample("good.md")[4].code == 'import streamlit as st\nst.write("indented")\n'


def test_good_page_steps_hold_when_checked() -> None:
    counter = parse_sample("good.md")[0]
    assert check_steps(counter.code, counter.steps, config_toml=counter.config) == []


@pytest.mark.parametrize("sample, message", [
    ("bad_unknown_option.md", "samples/bad_unknown_option.md:3: unknown fence option(s) ['editable']; "
                              "known: ['example', 'id', 'live', 'norun', 'timeout']"),
    ("bad_missing_id.md", 'samples/bad_missing_id.md:5: a live snippet needs an id, e.g. ```python live id="counter"'),
    ("bad_steps_not_after_live.md", "samples/bad_steps_not_after_live.md:7: a steps fence must follow a "
                                    "'python live' fence"),
    ("bad_unknown_step_key.md", "samples/bad_unknown_step_key.md:9: unknown step key(s) ['tap']; "
                                "use one of ['click', 'set', 'rerun'] and 'expect'"),
    ("bad_duplicate_id.md", "samples/bad_duplicate_id.md:7: the id 'same' is used twice on this page"),
    ("bad_norun_without_reason.md", 'samples/bad_norun_without_reason.md:3: norun needs a reason, '
                                    'e.g. norun="needs pandas"'),
    ("bad_unclosed_fence.md", "samples/bad_unclosed_fence.md:3: the fence opened here is never closed"),
    ("bad_two_actions.md", "samples/bad_two_actions.md:8: a step does one thing, this one has ['click', 'rerun']"),
])
def test_bad_pages_name_the_page_and_line(sample: str, message: str) -> None:
    with pytest.raises(SnippetError) as info:
        parse_sample(sample)
    assert str(info.value) == message


def test_invalid_yaml_names_the_steps_fence() -> None:
    with pytest.raises(SnippetError) as info:
        parse_sample("bad_invalid_yaml.md")
    assert str(info.value).startswith("samples/bad_invalid_yaml.md:7: the steps are not valid YAML: ")


def test_malformed_steps() -> None:
    cases = {
        "expect: {markdown: []}": "the steps are a YAML list ('- expect: ...')",
        "": "the steps are a YAML list ('- expect: ...')",
        "- 3": "each step is a mapping such as '- click: Increment', got 3",
        "- set: Name": "'set' takes one widget: {label or key: value}",
        "- expect: [1]": "'expect' is a mapping such as {markdown: [...]}",
    }
    found = {}
    for steps in cases:
        with pytest.raises(SnippetError) as info:
            parse_page(f'```python live id="a"\nx = 1\n```\n\n```steps\n{steps}\n```\n', "p.md")
        found[steps] = str(info.value)
    # A malformed step is named by its own line (6); a malformed list by the steps fence (5).
    assert found == {steps: f"p.md:{6 if steps.startswith('- ') else 5}: {message}"
                     for steps, message in cases.items()}


def test_fence_info_is_read_like_a_shell_line() -> None:
    assert parse_info('python live id="a b" norun="needs x"', "p:1") == (
        "python", {"live": "", "id": "a b", "norun": "needs x"})
    assert parse_info("", "p:1") == ("", {})
    with pytest.raises(SnippetError, match=r"^p:1: cannot read the fence options 'python id=\"a': "):
        parse_info('python id="a', "p:1")


def test_python_language_names_and_longer_fences() -> None:
    page = ("```py id=a\nx = 1\n```\n\n```Python3\ny = 2\n```\n\n"
            "````markdown\n```python live\nnot a snippet\n```\n````\n")
    assert [(s.id, s.code) for s in parse_page(page, "p.md")] == [("a", "x = 1\n"), (None, "y = 2\n")]
    assert [(f.lang, f.line, f.end_line) for f in fences(page, "p.md")] == [
        ("py", 1, 3), ("python3", 5, 7), ("markdown", 9, 13)]


def test_timeout_option_is_kept_in_seconds() -> None:
    snippets = parse_page('```python live id="a" timeout=30\nx = 1\n```\n\n'
                          '```python live id="b" timeout=2.5\nx = 1\n```\n\n'
                          '```python live id="c"\nx = 1\n```\n', "p.md")
    assert [(s.id, s.timeout) for s in snippets] == [("a", 30), ("b", 2.5), ("c", None)]
    assert isinstance(snippets[0].timeout, int)
    assert snippets[0].to_dict()["options"]["timeout"] == "30"


@pytest.mark.parametrize("value", ["0", "-1", "601", "ten", "", "nan", "inf", "1e9"])
def test_timeout_must_be_seconds_above_zero_and_at_most_600(value: str) -> None:
    with pytest.raises(SnippetError) as info:
        parse_page(f'text\n```python live id="a" timeout={value}\nx = 1\n```\n', "p.md")
    assert str(info.value) == ("p.md:2: timeout is the seconds a run may take, a number above 0 and at most 600, "
                               f"e.g. timeout=30; got {value!r}")


def test_timeout_limits_are_inclusive_of_600() -> None:
    assert parse_page('```python live id="a" timeout=600\nx = 1\n```\n', "p.md")[0].timeout == 600


def test_timeout_only_on_live_fences() -> None:
    with pytest.raises(SnippetError, match=r"^p.md:1: timeout is for live snippets"):
        parse_page('```python timeout=5\nx = 1\n```\n', "p.md")


EXAMPLES = """# Page

```python live id="box"
x = 1
```

## Counter

```python live id="counter" example="box"
y = 2
```

```steps
- expect: {}
```
"""


def test_example_option_names_the_block_whose_picker_offers_it() -> None:
    box, counter = parse_page(EXAMPLES, "p.md")
    assert (box.example, counter.example) == (None, "box")
    assert counter.options == {"live": "", "id": "counter", "example": "box"}
    assert counter.steps == [Step(expect={}, line=14)]


@pytest.mark.parametrize("change, message", [
    (('id="counter" example="box"', 'id="counter" example="nowhere"'),
     "p.md:9: example='nowhere', but no live snippet on this page has that id"),
    (('id="counter" example="box"', 'id="counter" example=""'),
     'p.md:9: example names the live block whose picker offers it, e.g. example="playground"'),
    (('id="counter" example="box"', 'id="counter" example="counter"'),
     "p.md:9: example='counter' names an example; name the live block that shows the picker"),
    (('```python live id="counter" example="box"\ny = 2\n```\n\n```steps\n- expect: {}\n```',
      '```python id="counter" example="box"\ny = 2\n```'),
     'p.md:9: example is for live snippets (the picker runs it), e.g. '
     '```python live id="counter" example="playground"'),
    (("```steps\n- expect: {}\n```\n", ""),
     "p.md:9: an example needs its steps fence, so that its code is checked"),
    (('```python live id="box"', '```python id="box"'),
     "p.md:9: example='box', but no live snippet on this page has that id"),
])
def test_example_option_is_checked(change: tuple[str, str], message: str) -> None:
    with pytest.raises(SnippetError) as info:
        parse_page(EXAMPLES.replace(*change), "p.md")
    assert str(info.value) == message


def test_an_example_of_an_example_is_refused() -> None:
    page = EXAMPLES + '\n## More\n\n```python live id="more" example="counter"\nz = 3\n```\n\n```steps\n- expect: {}\n```\n'
    with pytest.raises(SnippetError, match=r"^p.md:19: example='counter' names an example; name the live block"):
        parse_page(page, "p.md")
