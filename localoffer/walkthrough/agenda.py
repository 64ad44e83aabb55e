"""What the walkthrough goes through: every theme, every entitlement, and whether it applies.

No Flask here: the offer and (if there is one) a checker result go in, the agenda comes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from localoffer.checker.service import CheckResult
from localoffer.content import KINDS, Entitlement, Offer
from localoffer.rules import Match

# How an entitlement stands against a checker result. "Applies" is said only of what the
# answers show applies on the day checked: support that starts on a later birthday is "later",
# and support needing a fact the checker does not ask is "may apply", never "applies".
APPLIES = "applies"
LATER = "later"  # the answers show it applies, from a date after the day checked
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


# What the walkthrough lists when it shows only what the answers bring up.
FOR_THESE_ANSWERS: frozenset[str] = frozenset({APPLIES, LATER, MAY_APPLY})


def standings(result: CheckResult) -> dict[str, tuple[str, Match[Entitlement]]]:
    """Each entitlement the result names, with how it stands on the day checked."""
    found: dict[str, tuple[str, Match[Entitlement]]] = {}
    groups = (
        (COMING_IN, result.entitlements.coming_in),
        (MAY_APPLY, result.entitlements.may_also_apply),
        (APPLIES, result.entitlements.applies),
    )
    for standing, matches in groups:
        for match in matches:
            starts_later = match.from_ is not None and match.from_ > result.on
            found[match.item.id] = (LATER if standing == APPLIES and starts_later else standing,
                                    match)  # fmt: skip
    return found


def agenda(
    offer: Offer, themes: Sequence[str], result: CheckResult | None = None, everything: bool = True
) -> tuple[Section, ...]:
    """The offer theme by theme, statutory first; when not `everything`, only what the answers
    bring up: what applies now or later, and what may apply once a fact is checked."""
    known = standings(result) if result is not None else {}
    sections = []
    for theme in themes:
        entries = sorted(offer.in_theme(theme), key=lambda e: KINDS.index(e.kind))
        items = []
        for entitlement in entries:
            standing, match = known.get(entitlement.id, (None, None))
            if result is not None and standing is None:
                standing = NOT_FROM_ANSWERS
            if everything or standing in FOR_THESE_ANSWERS:
                items.append(AgendaItem(entitlement, standing, match))
        if items:
            sections.append(Section(theme, tuple(items)))
    return tuple(sections)
