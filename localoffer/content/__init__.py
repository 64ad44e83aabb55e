"""The offer's content: Markdown files with front matter, validated and rendered once."""

from localoffer.content.loader import load_offer, plain_text, source_hash
from localoffer.content.model import (
    KINDS,
    THEMES,
    Amount,
    Contact,
    Council,
    DatedAmount,
    Entitlement,
    GlossaryTerm,
    Offer,
    Source,
    Translation,
)
from localoffer.content.problems import ContentError, Problem
from localoffer.content.render import render_markdown

__all__ = [
    "KINDS",
    "THEMES",
    "Amount",
    "Contact",
    "ContentError",
    "Council",
    "DatedAmount",
    "Entitlement",
    "GlossaryTerm",
    "Offer",
    "Problem",
    "Source",
    "Translation",
    "load_offer",
    "plain_text",
    "render_markdown",
    "source_hash",
]
