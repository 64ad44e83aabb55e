"""The one place Markdown becomes HTML: rendered, sanitised, then given GOV.UK classes."""

from __future__ import annotations

import re

import bleach
import bleach.sanitizer
import markdown
from markupsafe import Markup

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "a", "strong", "em", "b", "i",
        "table", "thead", "tbody", "tr", "th", "td", "blockquote", "abbr",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, list[str]] = {"a": ["href", "title"], "abbr": ["title"]}
# Relative links (no scheme) are allowed too: bleach only checks URLs that have a scheme.
ALLOWED_PROTOCOLS: frozenset[str] = frozenset({"https", "mailto", "tel"})

# bleach strips a forbidden tag but keeps its text; a script's code is not text a reader
# should ever see, so these elements go with everything inside them.
_DROP_WITH_CONTENT = re.compile(
    r"<(script|style|iframe|object|embed|noscript|template|svg|math|textarea|select)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)

# After bleach the markup is normalised (bare tags, attributes quoted), so plain string
# substitution is enough to add the design system's classes.
_CLASSES: dict[str, str] = {
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a ": '<a class="govuk-link" ',
    "<table>": '<table class="govuk-table">',
    "<thead>": '<thead class="govuk-table__head">',
    "<tbody>": '<tbody class="govuk-table__body">',
    "<tr>": '<tr class="govuk-table__row">',
    "<th>": '<th scope="col" class="govuk-table__header">',
    "<td>": '<td class="govuk-table__cell">',
    "<blockquote>": '<blockquote class="govuk-inset-text">',
}
_CLASS_PATTERN = re.compile("|".join(re.escape(tag) for tag in _CLASSES))


# Built once: constructing a Markdown converter or a bleach Cleaner costs more than using
# one, and start-up renders every file in every language.
_CONVERTER = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
_CLEANER = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


# One paragraph with no Markdown or HTML syntax at all (most glossary definitions): the
# full pipeline would only wrap it in <p>, so skip the expensive parse and sanitise.
_PLAIN_PARAGRAPH = re.compile(r"[^\[\]*_`<>&|#\\!\n\t]*")


def render_markdown(text: str) -> Markup:
    """Turn trusted-format but untrusted-content Markdown into safe, styled HTML."""
    plain = text.strip()
    if _PLAIN_PARAGRAPH.fullmatch(plain) and not plain[:1].isdigit() and plain[:2] not in (
        "- ", "+ ", "> "
    ):
        return Markup(f'<p class="govuk-body">{plain}</p>') if plain else Markup("")
    html = _CONVERTER.reset().convert(text)
    html = _DROP_WITH_CONTENT.sub("", html)
    clean = _CLEANER.clean(html)
    return Markup(_CLASS_PATTERN.sub(lambda m: _CLASSES[m.group(0)], clean).strip())
