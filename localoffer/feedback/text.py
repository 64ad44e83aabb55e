"""Making what people typed safe to show in public: shortened, contact details removed."""

from __future__ import annotations

import re

PUBLIC_MESSAGE_MAX = 280

EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+")
# UK phone numbers as people type them: 07700 900123, +44 7700 900 123, (0113) 496 0000.
PHONE = re.compile(r"(?:\+|\(?\b0)[\d()\- ]{8,}\d")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
REMOVED = "[removed]"
# Characters no keyboard types (tab and line breaks are kept): PostgreSQL refuses NUL in
# text, and the others only ever arrive from scripts or broken copy-and-paste.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def typed_text(value: str | None) -> str | None:
    """What a person could have typed: the text without control characters."""
    return CONTROL_CHARACTERS.sub("", value) if value else value


def redact(text: str) -> str:
    """Replace email addresses, phone numbers and links, which never belong on a public page."""
    for pattern in (EMAIL, URL, PHONE):
        text = pattern.sub(REMOVED, text)
    return text


def shorten(text: str, limit: int = PUBLIC_MESSAGE_MAX) -> str:
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def public_version(text: str) -> str:
    return shorten(redact(text))
