"""A result read for action: what applies now, what starts later, and the days that change it.

Pure over a `CheckResult` (no request, no markup), so the result page, its print view and the
calendar file all group and date things the same way, and tests can check every date.

A turning point is a day on which something changes: support starts, or support stops (the day
after its last day, which is a birthday when the law ends it by age). Days on which nothing
changes are not drawn, so forty kinds of support that run side by side make one point, not
forty identical bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from localoffer.checker.service import CheckResult
from localoffer.content import THEMES, Entitlement
from localoffer.content.model import DatedAmount
from localoffer.rules import Match
from localoffer.rules.dates import ONE_DAY, age_on

NEXT_CHANGES = 3  # "What changes for you next" names this many turning points
MOST_ACTIONS = 3  # "What to do now" never asks more than this of anyone

CARE_LEAVER = ("eligible", "relevant", "former_relevant")


@dataclass(frozen=True)
class TurningPoint:
    """A day after the day checked on which support starts or stops."""

    day: date
    age: int
    starts: tuple[Match[Entitlement], ...]
    ends: tuple[Match[Entitlement], ...]  # their last day was the day before


@dataclass(frozen=True)
class StartGroup:
    """Support that starts on one day after the day checked."""

    day: date
    age: int
    matches: tuple[Match[Entitlement], ...]


@dataclass(frozen=True)
class Action:
    """One thing to do now: what (a key the template words), about which item, and whom to ask."""

    kind: str  # "check-result", "ask-for-money", "challenge"
    contact: str  # a key of the council's contacts
    match: Match[Entitlement] | None = None


def _theme_order(match: Match[Entitlement]) -> tuple[int, str]:
    return (THEMES.index(match.item.theme) if match.item.theme in THEMES else len(THEMES),
            match.item.id)  # fmt: skip


def applies_now(result: CheckResult) -> tuple[Match[Entitlement], ...]:
    """What applies on the day checked."""
    return tuple(m for m in result.entitlements.applies if m.from_ is not None
                 and m.from_ <= result.on)  # fmt: skip


def starts_later(result: CheckResult) -> tuple[StartGroup, ...]:
    """What starts after the day checked, one group per start date, earliest first."""
    by_day: dict[date, list[Match[Entitlement]]] = {}
    for match in result.entitlements.applies:
        if match.from_ is not None and match.from_ > result.on:
            by_day.setdefault(match.from_, []).append(match)
    dob = result.answers.date_of_birth
    return tuple(StartGroup(day, age_on(dob, day), tuple(sorted(by_day[day], key=_theme_order)))
                 for day in sorted(by_day))  # fmt: skip


def by_theme(matches: tuple[Match[Entitlement], ...]) -> list[tuple[str, list[Match[Entitlement]]]]:
    """The matches under their themes, in the themes' order, leaving out empty themes."""
    groups = [(theme, [m for m in matches if m.item.theme == theme]) for theme in THEMES]
    return [(theme, found) for theme, found in groups if found]


def turning_points(result: CheckResult) -> tuple[TurningPoint, ...]:
    """Every day after the day checked on which support starts or stops, earliest first."""
    starts: dict[date, list[Match[Entitlement]]] = {}
    ends: dict[date, list[Match[Entitlement]]] = {}
    for match in result.entitlements.applies:
        if match.from_ is not None and match.from_ > result.on:
            starts.setdefault(match.from_, []).append(match)
        if match.until is not None and match.until >= result.on:
            ends.setdefault(match.until + ONE_DAY, []).append(match)
    dob = result.answers.date_of_birth
    return tuple(
        TurningPoint(
            day,
            age_on(dob, day),
            tuple(sorted(starts.get(day, ()), key=_theme_order)),
            tuple(sorted(ends.get(day, ()), key=_theme_order)),
        )
        for day in sorted(starts.keys() | ends.keys())
    )


def next_changes(result: CheckResult) -> tuple[TurningPoint, ...]:
    """The next few turning points: what "What changes for you next" shows."""
    return turning_points(result)[:NEXT_CHANGES]


def usual_until(result: CheckResult) -> date | None:
    """The last day most of what applies shares (often the day before the 25th birthday): said
    once above the lists, so each item gives its own end only when it differs."""
    ends = Counter(m.until for m in result.entitlements.applies if m.until is not None)
    return ends.most_common(1)[0][0] if ends else None


def amount_for(match: Match[Entitlement], on: date) -> tuple[date, DatedAmount] | None:
    """The amount to show with an item, and the day it is in force: the day checked for what
    applies now, the start day for what starts later (the newest figure the content has)."""
    day = max(match.from_ or on, on)
    amount = match.item.amount_on(day)
    return (day, amount) if amount is not None else None


def actions(result: CheckResult, contacts: Collection[str]) -> tuple[Action, ...]:
    """At most three things to do now, each with the contact who helps with it.

    A care leaver first checks the result and their pathway plan with their personal adviser
    (reached through the leaving care team), then asks for the largest sum that applies now;
    anyone else asks the leaving care team to check their history. Everyone is told that an
    advocate can help them challenge a decision, for free.
    """
    found: list[Action] = [Action("check-result", "leaving_care_team")]
    if result.assessment.status in CARE_LEAVER:
        money = [(amount.gbp, match) for match in applies_now(result)
                 if (amount := match.item.amount_on(result.on)) is not None]  # fmt: skip
        if money:
            _gbp, match = max(money, key=lambda pair: (pair[0], pair[1].item.id))
            contact = next((c for c in match.item.contacts if c in contacts), "leaving_care_team")
            found.append(Action("ask-for-money", contact, match))
    found.append(Action("challenge", "advocacy"))
    return tuple(a for a in found if a.contact in contacts)[:MOST_ACTIONS]
