"""An entitlement's rendered body as plain text: one line per heading, paragraph or list item.

Directories show `description` as plain text. Stripping the tags alone runs a heading into
the sentence after it ("What you can get You can stay..."); here each block becomes its own
line, a heading ends with a colon and any other block with a full stop, unless it already
ends with punctuation of its own.
"""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th",
                    "blockquote", "pre"})  # fmt: skip


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, is a heading)
        self._text: list[str] = []
        self._tag = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append((text, self._tag in HEADINGS))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._flush()
            self._tag = tag
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def _ends_a_sentence(text: str) -> bool:
    # Any closing punctuation counts, in every script the offer is written in.
    return unicodedata.category(text[-1]) in {"Po", "Pf", "Pe"}


def sentences(html: str) -> list[str]:
    """The text of each block of `html`, each ending as a sentence does."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return [
        text if _ends_a_sentence(text) else f"{text}{':' if heading else '.'}"
        for text, heading in parser.blocks
    ]


def plain_description(*parts: str, html: str = "") -> str:
    """`parts` (already sentences) then the blocks of `html`, one per line."""
    return "\n".join([*(part for part in parts if part), *sentences(html)])
