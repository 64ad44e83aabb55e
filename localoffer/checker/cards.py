"""Entitlement cards on the result pages, rendered once and shared by every reader.

A card (checker/_card.html) is built from the entitlement and the page's language only, never
from anyone's answers, so the same markup serves everyone reading in that language until the
council publishes again. The result, shared, print and walkthrough pages show up to fifty
cards each, and rendering them (kind tags, links, localised titles) was most of the page's
cost. Kept here: the card's HTML under (language, script root, part, entitlement id), for the offer
being served; a new offer (a publish) starts an empty store. The person's dates and amounts
are written after the card by the calling template on every request and are never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, request
from markupsafe import Markup

from localoffer.i18n import current_language

STORE = "localoffer.cards"
# Off only in the test that compares pages with and without the store.
SETTING = "CARD_CACHE"

CardKey = tuple[str, str, str, str]


@dataclass
class CardStore:
    """The cards rendered for one offer: replaced, not cleared, when the offer changes."""

    offer: Any
    cards: dict[CardKey, Markup] = field(default_factory=dict)


def shared_card(item: Any, render: Callable[[Any], str], part: str = "card") -> Markup:
    """The card for `item` in the page's language: kept, or rendered with `render` and kept.

    `render` is the template's own macro, so a kept card is exactly what it would write; it
    must take the entitlement alone. `part` names it, when a page keeps more than one kind
    of fragment per entitlement (the kind tag on the print and walkthrough pages).
    """
    if not current_app.config.get(SETTING, True):
        return Markup(render(item))
    cards = _store(current_app).cards
    key = (current_language().code, request.script_root, part, item.id)
    card = cards.get(key)
    if card is None:
        card = cards[key] = Markup(render(item))
    return card


def _store(app: Flask) -> CardStore:
    offer = app.extensions["localoffer.offer"]
    store: CardStore | None = app.extensions.get(STORE)
    if store is None or store.offer is not offer:
        store = app.extensions[STORE] = CardStore(offer)
    return store
