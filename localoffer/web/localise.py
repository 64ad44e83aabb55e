"""An entitlement's words in the reader's language, and how far those words can be trusted.

A translation that is missing, out of date or not yet checked by a fluent speaker is
never shown silently: the page says so, in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import g
from markupsafe import Markup

from localoffer.content import Entitlement
from localoffer.i18n import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class LocalisedText:
    title: str
    summary: str
    body_html: Markup
    lang: str  # the language the words are actually in
    missing: bool = False  # no translation: the English words are shown
    stale: bool = False  # the English has changed since this was translated
    unreviewed: bool = False  # no fluent speaker has checked it yet

    @property
    def needs_notice(self) -> bool:
        return self.missing or self.stale or self.unreviewed


def localise(item: Entitlement, lang: str | None = None) -> LocalisedText:
    lang = lang or g.get("lang", DEFAULT_LANGUAGE)
    if lang == DEFAULT_LANGUAGE:
        return LocalisedText(item.title, item.summary, item.body_html, DEFAULT_LANGUAGE)
    translation = item.translations.get(lang)
    if translation is None:
        return LocalisedText(
            item.title, item.summary, item.body_html, DEFAULT_LANGUAGE, missing=True
        )
    return LocalisedText(
        translation.title,
        translation.summary,
        translation.body_html,
        lang,
        stale=translation.stale,
        unreviewed=not translation.reviewed,
    )
