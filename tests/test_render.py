"""Content Markdown is sanitised in one place: nothing active survives."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from localoffer.content import render_markdown

HOSTILE = [
    ("script tag", "Hello <script>alert('x')</script> there"),
    ("script in a raw html block", "<div>\n<script>alert(1)</script>\n</div>"),
    ("iframe", '<iframe src="https://evil.example"></iframe>'),
    ("event handler on an allowed tag", '<abbr title="PA" onmouseover="alert(1)">PA</abbr>'),
    ("event handler on an image", '<img src="x" onerror="alert(1)">'),
    ("javascript link", "[click](javascript:alert(1))"),
    ("javascript link with odd case", "[click](JaVaScRiPt:alert(1))"),
    ("data link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("plain http link", "[click](http://insecure.example)"),
    ("style attribute", '<a href="https://ok.example" style="display:none">x</a>'),
    ("style element", "<style>body{display:none}</style>"),
    ("raw html form", '<form action="https://evil.example"><input name="x"></form>'),
    ("svg with script", "<svg><script>alert(1)</script></svg>"),
    ("html comment", "<!-- secret --> text"),
    ("object embed", '<object data="x.swf"></object><embed src="x.swf">'),
]  # fmt: skip

FORBIDDEN_TAGS = {"script", "iframe", "img", "style", "form", "input", "svg", "object", "embed"}


@pytest.mark.parametrize(("case", "markdown"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_markdown_is_made_harmless(case: str, markdown: str) -> None:
    """No forbidden element, event handler, style or unsafe URL survives rendering."""
    html = render_markdown(markdown)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(FORBIDDEN_TAGS)
    for tag in soup.find_all(True):
        for attribute in tag.attrs:
            assert not attribute.startswith("on"), html
            assert attribute != "style", html
        href = tag.get("href", "")
        assert not href or href.startswith(("https:", "mailto:", "tel:", "/", "#")), html
    assert "alert" not in soup.get_text()
    assert "secret" not in html


@pytest.mark.parametrize(
    ("markdown", "selector"),
    [
        ("## Heading", "h2.govuk-heading-m"),
        ("### Heading", "h3.govuk-heading-s"),
        ("Para", "p.govuk-body"),
        ("- one\n- two", "ul.govuk-list.govuk-list--bullet li"),
        ("1. one\n2. two", "ol.govuk-list.govuk-list--number li"),
        ("[a](https://www.gov.uk)", "a.govuk-link[href='https://www.gov.uk']"),
        ("[a](mailto:x@example.org)", "a[href='mailto:x@example.org']"),
        ("[a](tel:01632960000)", "a[href='tel:01632960000']"),
        ("[a](/glossary/#pathway-plan)", "a[href='/glossary/#pathway-plan']"),
        ("**bold** and *it*", "strong"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "table.govuk-table td.govuk-table__cell"),
        ("> quoted", "blockquote.govuk-inset-text"),
        ('<abbr title="personal adviser">PA</abbr>', "abbr[title='personal adviser']"),
    ],
)
def test_allowed_markdown_keeps_its_meaning_and_style(markdown: str, selector: str) -> None:
    """What content may use is kept and given the design system's classes."""
    soup = BeautifulSoup(render_markdown(markdown), "html.parser")
    assert soup.select(selector), str(soup)


def test_top_level_heading_is_not_allowed_in_a_body() -> None:
    """The page owns the one h1; a body's h1 loses its tag but keeps its words."""
    soup = BeautifulSoup(render_markdown("# Big\n\ntext"), "html.parser")
    assert not soup.find("h1")
    assert "Big" in soup.get_text()


@pytest.mark.parametrize(
    "text",
    [
        "A plain sentence, with commas; and \"quotes\" and 'apostrophes'.",
        "Two lines\nof one paragraph.",
        "1990s music is not a list.",
        "- a list item",
        "> a quote",
        "Tabs\tand  spaces.",
        "",
    ],
)
def test_plain_text_renders_as_the_full_pipeline_would(text: str) -> None:
    """The plain-text shortcut gives the same structure and words as Markdown plus bleach."""
    fast = BeautifulSoup(render_markdown(text), "html.parser")
    full = BeautifulSoup(render_markdown(text + "\n\n*"), "html.parser")
    full_first = full.find(True)
    fast_first = fast.find(True)
    if not text.strip():
        assert fast_first is None
        return
    assert fast_first.name == full_first.name
    assert fast_first.get_text() == full_first.get_text()
