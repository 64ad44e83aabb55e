"""What the leaflet holds: the whole offer, part by part (the law, national schemes, the
council's own), theme by theme, each entitlement with the amount in force on the day.

Built from the loaded `Offer`, the same one every page reads, so the leaflet can never say
something the site does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from localoffer.content import KINDS, Entitlement, Offer
from localoffer.content.model import DatedAmount


@dataclass(frozen=True)
class Item:
    entitlement: Entitlement
    amount: DatedAmount | None  # the figure in force on the leaflet's day, if it has one


@dataclass(frozen=True)
class Section:
    theme: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Part:
    kind: str  # statutory, national or council: one heading each
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Leaflet:
    on: date
    parts: tuple[Part, ...]
    last_reviewed: date  # the newest review of any entitlement in it

    @property
    def entitlements(self) -> tuple[Entitlement, ...]:
        return tuple(i.entitlement for p in self.parts for s in p.sections for i in s.items)


def build(offer: Offer, themes: Iterable[str], on: date) -> Leaflet:
    """Every entitlement of the offer once, in the site's order of kinds and themes."""
    order = tuple(themes)
    parts = []
    for kind in KINDS:
        sections = []
        for theme in order:
            items = tuple(Item(e, e.amount_on(on)) for e in offer.in_theme(theme) if e.kind == kind)
            if items:
                sections.append(Section(theme, items))
        if sections:
            parts.append(Part(kind, tuple(sections)))
    reviewed = max((e.last_reviewed for e in offer.entitlements), default=on)
    return Leaflet(on, tuple(parts), reviewed)
