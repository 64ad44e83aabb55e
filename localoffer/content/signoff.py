"""Whether a fluent speaker's check of a translation still holds.

A reviewer signs off one translated file against the English as it was then: the check keeps
the source hash. It holds only while the English still has that hash and the translation
is not out of date; when the source changes, the check lapses by itself and the page goes
back to saying that no fluent speaker has checked it. The checks are kept by the staff pages
(moderation.signoff) and handed to the public pages as a `Checks` mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from localoffer.content.model import Entitlement, Offer


@dataclass(frozen=True)
class Check:
    """The latest sign-off of one file in one language."""

    file: str  # as `content sources` and translation exports name it: national/x/y.md
    lang: str
    source_hash: str
    checked_on: date


Checks = Mapping[tuple[str, str], Check]

INTERFACE = "interface"  # the screens' and messages' catalogue, messages.po


def holds(checks: Checks, file: str, lang: str, source_hash: str) -> date | None:
    """The day `file` in `lang` was checked, if that check was of the English as it is now."""
    check = checks.get((file, lang))
    return check.checked_on if check and check.source_hash == source_hash else None


def entitlement_checked(item: Entitlement, lang: str, checks: Checks) -> date | None:
    translation = item.translations.get(lang)
    if translation is None or translation.stale:
        return None
    return holds(checks, item.path, lang, item.source_hash)


def glossary_checked(offer: Offer, lang: str, checks: Checks) -> date | None:
    """The glossary counts as checked when every glossary file is: the latest day of them."""
    translation = offer.glossary_translations.get(lang)
    if translation is None or translation.stale or not offer.glossary_source_hashes:
        return None
    days = [holds(checks, file, lang, digest)
            for file, digest in offer.glossary_source_hashes.items()]  # fmt: skip
    return None if None in days else max(day for day in days if day)


def council_checked(offer: Offer, lang: str, checks: Checks, file: str) -> date | None:
    """`file` is council.yaml as the council's folder names it: council/council.yaml."""
    translation = offer.council.translations.get(lang)
    if translation is None or translation.stale:
        return None
    return holds(checks, file, lang, offer.council.source_hash)
