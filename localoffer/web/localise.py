"""An entitlement's words in the reader's language, and how far those words can be trusted.

A translation that is missing, out of date or not yet checked by a fluent speaker is
never shown silently: the page says so, in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import current_app, g
from markupsafe import Markup

from localoffer.content import Entitlement
from localoffer.content.model import Contact, CouncilTranslation
from localoffer.content.signoff import (
    Checks,
    council_checked,
    entitlement_checked,
    glossary_checked,
)
from localoffer.i18n import DEFAULT_LANGUAGE

# Where the moderation feature keeps the fluent speakers' checks that hold now.
CHECKS = "localoffer.translation_checks"


def translation_checks() -> Checks:
    return current_app.extensions.get(CHECKS, {})


@dataclass(frozen=True)
class LocalisedText:
    title: str
    summary: str
    body_html: Markup
    lang: str  # the language the words are actually in
    missing: bool = False  # no translation: the English words are shown
    stale: bool = False  # the English has changed since this was translated
    unreviewed: bool = False  # no fluent speaker has checked it yet
    checked_on: date | None = None  # the day a reviewer signed off the text shown

    @property
    def needs_notice(self) -> bool:
        return self.missing or self.stale or self.unreviewed or self.checked_on is not None


def localise(item: Entitlement, lang: str | None = None) -> LocalisedText:
    lang = lang or g.get("lang", DEFAULT_LANGUAGE)
    if lang == DEFAULT_LANGUAGE:
        return LocalisedText(item.title, item.summary, item.body_html, DEFAULT_LANGUAGE)
    translation = item.translations.get(lang)
    if translation is None:
        return LocalisedText(
            item.title, item.summary, item.body_html, DEFAULT_LANGUAGE, missing=True
        )
    checked_on = entitlement_checked(item, lang, translation_checks())
    return LocalisedText(
        translation.title,
        translation.summary,
        translation.body_html,
        lang,
        stale=translation.stale,
        unreviewed=not translation.reviewed and checked_on is None,
        checked_on=checked_on,
    )


@dataclass(frozen=True)
class LocalisedContact:
    """A contact's name and hours in the reader's language where council.<lang>.yaml has
    them (and is up to date), otherwise as council.yaml writes them, in English."""

    name: str
    name_lang: str
    hours: str | None
    hours_lang: str


def _council_translation(lang: str) -> CouncilTranslation | None:
    """The council's words in `lang` if they can be shown: there, and not out of date."""
    if lang == DEFAULT_LANGUAGE:
        return None
    translation = current_app.extensions["localoffer.offer"].council.translations.get(lang)
    return None if translation is None or translation.stale else translation


def localise_contact(contact: Contact, lang: str | None = None) -> LocalisedContact:
    lang = lang or g.get("lang", DEFAULT_LANGUAGE)
    translation = _council_translation(lang)
    words = translation.contacts.get(contact.key) if translation else None
    name = words.name if words else None
    hours = words.hours if words else None  # the loader refuses hours council.yaml lacks
    return LocalisedContact(
        name=name or contact.name,
        name_lang=lang if name else DEFAULT_LANGUAGE,
        hours=hours or contact.hours,
        hours_lang=lang if hours else DEFAULT_LANGUAGE,
    )


@dataclass(frozen=True)
class CouncilWordsState:
    """Whether the council's contact names and hours are in the reader's language, for
    the same notice a translated page gets (templates/macros.html, translation_notice)."""

    missing: bool = False  # none, or out of date: council.yaml's English is shown
    unreviewed: bool = False
    stale: bool = False  # never set: out-of-date words are not shown at all
    checked_on: date | None = None

    @property
    def needs_notice(self) -> bool:
        return self.missing or self.unreviewed or self.checked_on is not None


def council_words_state(lang: str | None = None) -> CouncilWordsState:
    lang = lang or g.get("lang", DEFAULT_LANGUAGE)
    if lang == DEFAULT_LANGUAGE:
        return CouncilWordsState()
    translation = _council_translation(lang)
    if translation is None:
        return CouncilWordsState(missing=True)
    offer = current_app.extensions["localoffer.offer"]
    checked_on = council_checked(offer, lang, translation_checks(), council_file())
    return CouncilWordsState(
        unreviewed=not translation.reviewed and checked_on is None, checked_on=checked_on
    )


def council_file() -> str:
    """council.yaml as checks and translation exports name it: its folder, then the name."""
    return f"{Path(current_app.config['COUNCIL_DIR']).name}/council.yaml"


def glossary_checked_on(lang: str | None = None) -> date | None:
    """The day a fluent speaker checked the glossary in `lang`, if that check still holds."""
    lang = lang or g.get("lang", DEFAULT_LANGUAGE)
    offer = current_app.extensions["localoffer.offer"]
    return glossary_checked(offer, lang, translation_checks())
