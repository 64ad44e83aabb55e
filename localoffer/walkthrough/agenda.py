"""What the walkthrough goes through: every theme, every entitlement, and whether it applies.

No Flask here: the offer and (if there is one) a checker result go in, the agenda comes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from localoffer.checker.service import CheckResult
from localoffer.content import KINDS, Entitlement, Offer
from localoffer.rules import Match

# How an entitlement stands against a checker result.
APPLIES = "applies"
MAY_APPLY = "may-apply"  # needs a fact the checker does not ask: the adviser confirms it
COMING_IN = "coming-in"  # law passed, not started yet
NOT_FROM_ANSWERS = "not-from-answers"


@dataclass(frozen=True)
class AgendaItem:
    item: Entitlement
    standing: str | None  # None when there is no checker result to go by
    match: Match[Entitlement] | None = None


@dataclass(frozen=True)
class Section:
    theme: str
    items: tuple[AgendaItem, ...]


def standings(result: CheckResult) -> dict[str, tuple[str, Match[Entitlement]]]:
    """Each entitlement the result names, with how it stands."""
    found: dict[str, tuple[str, Match[Entitlement]]] = {}
    groups = (
        (COMING_IN, result.entitlements.coming_in),
        (MAY_APPLY, result.entitlements.may_also_apply),
        (APPLIES, result.entitlements.applies),
    )
    for standing, matches in groups:
        for match in matches:
            found[match.item.id] = (standing, match)
    return found


def agenda(
    offer: Offer, themes: Sequence[str], result: CheckResult | None = None, everything: bool = True
) -> tuple[Section, ...]:
    """The offer theme by theme, statutory first; only what applies when not `everything`."""
    known = standings(result) if result is not None else {}
    sections = []
    for theme in themes:
        entries = sorted(offer.in_theme(theme), key=lambda e: KINDS.index(e.kind))
        items = []
        for entitlement in entries:
            standing, match = known.get(entitlement.id, (None, None))
            if result is not None and standing is None:
                standing = NOT_FROM_ANSWERS
            if everything or standing == APPLIES:
                items.append(AgendaItem(entitlement, standing, match))
        if items:
            sections.append(Section(theme, tuple(items)))
    return tuple(sections)
