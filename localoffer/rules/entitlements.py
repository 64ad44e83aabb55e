"""Which entitlements apply to a young person, from when and until when.

Items are anything carrying a `Criteria` (the content layer's Entitlement, or a test's
stand-in), so the content and the rules never need to know each other's classes.

Dates: an entitlement runs over the days when the person's status is one it names and
their age is inside its window. The current status is taken to last to `status_until`;
the only change the checker foresees is the one the law makes automatic: eligible and
relevant children become former relevant children on their 18th birthday (s.23C(1)). So a
16-year-old eligible child sees "from 18" support with its future start date, while a
looked-after child does not see eligible-child support (that depends on staying in care).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from localoffer.rules.answers import Answers
from localoffer.rules.dates import ONE_DAY, birthday
from localoffer.rules.messages import N_, Message
from localoffer.rules.status import CA_S23C, Assessment, Reason
from localoffer.rules.vocabulary import (
    ASKED_CONDITIONS,
    ELIGIBLE,
    FORMER_RELEVANT,
    IN_EDUCATION_OR_TRAINING,
    IN_HIGHER_EDUCATION,
    RELEVANT,
    Criteria,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """An item that applies from `from_` to `until` (both inclusive).

    `from_` is None only for an item in `coming_in` whose law has no start date yet.
    `unknown_conditions` names the facts the checker did not ask that the item needs.
    """

    item: T
    from_: date | None
    until: date | None
    unknown_conditions: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntitlementResult(Generic[T]):
    """What applies, what may apply if an adviser confirms a fact, and what is coming in."""

    applies: tuple[Match[T], ...]
    may_also_apply: tuple[Match[T], ...]
    coming_in: tuple[Match[T], ...]
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class _Stretch:
    """Days with one status: from `start` to `end` inclusive (None: no end fixed by law)."""

    status: str
    start: date
    end: date | None


def _own_criteria(item: Any) -> Criteria:
    """Read an item's criteria from its `criteria` attribute (no section: plumbing)."""
    return item.criteria  # type: ignore[no-any-return]


def entitlements_for(
    assessment: Assessment,
    answers: Answers,
    items: Iterable[T],
    on: date,
    criteria: Callable[[T], Criteria] = _own_criteria,
) -> EntitlementResult[T]:
    """Sort items into applying, may apply and coming in (docs/architecture.md; s.23C(1))."""
    stretches = _status_stretches(assessment, answers, on)
    facts = known_facts(answers)
    birthdays: dict[int, date] = {}

    def birthday_at(age: int) -> date:
        if age not in birthdays:
            birthdays[age] = birthday(answers.date_of_birth, age)
        return birthdays[age]

    statuses = frozenset(stretch.status for stretch in stretches)
    applies: list[Match[T]] = []
    may_also_apply: list[Match[T]] = []
    coming_in: list[Match[T]] = []
    for item in items:
        wanted = criteria(item)
        # Most items are for other statuses: reject those before any date arithmetic.
        if statuses.isdisjoint(wanted.who):
            continue
        window = _window(wanted, stretches, birthday_at)
        if window is None or window[1] < on:
            continue
        unknown: tuple[str, ...] = ()
        if wanted.conditions:
            if any(not facts[name] for name in wanted.conditions & ASKED_CONDITIONS):
                continue
            unknown = tuple(sorted(wanted.conditions - ASKED_CONDITIONS))
        from_, until = window
        if wanted.commencement_pending:
            coming_in.append(Match(item, None, until, unknown))
        elif wanted.in_force_from is not None and wanted.in_force_from > on:
            if wanted.in_force_from <= until:
                coming_in.append(Match(item, max(from_, wanted.in_force_from), until, unknown))
        else:
            if wanted.in_force_from is not None:
                from_ = max(from_, wanted.in_force_from)
            (may_also_apply if unknown else applies).append(Match(item, from_, until, unknown))
    return EntitlementResult(
        tuple(applies), tuple(may_also_apply), tuple(coming_in), _onward_reasons(stretches)
    )


def _status_stretches(assessment: Assessment, answers: Answers, on: date) -> tuple[_Stretch, ...]:
    """The status now, then former relevant from 18 for eligible and relevant children (s.23C)."""
    now = _Stretch(
        assessment.status,
        assessment.status_since if assessment.status_since is not None else on,
        assessment.status_until,
    )
    if assessment.status not in (ELIGIBLE, RELEVANT):
        return (now,)
    onward = _Stretch(
        FORMER_RELEVANT,
        birthday(answers.date_of_birth, 18),
        birthday(answers.date_of_birth, 25) - ONE_DAY,
    )
    return (now, onward)


def known_facts(answers: Answers) -> dict[str, bool]:
    """The conditions the checker asks; higher education is education (s.23C(5A); s.24B(2))."""
    return {
        IN_EDUCATION_OR_TRAINING: answers.in_education_or_training or answers.in_higher_education,
        IN_HIGHER_EDUCATION: answers.in_higher_education,
    }


def _window(
    wanted: Criteria, stretches: tuple[_Stretch, ...], birthday_at: Callable[[int], date]
) -> tuple[date, date] | None:
    """First and last day the item's statuses and ages both hold, or None if they never do."""
    start: date | None = None
    end: date | None = None
    for stretch in stretches:
        if stretch.status in wanted.who:
            # Stretches are consecutive, so the matching ones join into one run of days.
            start = stretch.start if start is None else start
            end = stretch.end
    if start is None:
        return None
    first = max(start, birthday_at(wanted.age_from))
    last = birthday_at(wanted.age_to) - ONE_DAY
    if end is not None:
        last = min(last, end)
    return (first, last) if first <= last else None


def _onward_reasons(stretches: tuple[_Stretch, ...]) -> tuple[Reason, ...]:
    """Say why support from 18 is listed for someone not yet 18 (s.23C(1))."""
    if len(stretches) < 2:
        return ()
    return (
        Reason(
            Message(
                N_(
                    "You will become a former relevant child on your 18th birthday "
                    "(%(birthday_18)s), so support for former relevant children is listed from "
                    "that day."
                ),
                birthday_18=stretches[1].start,
            ),
            CA_S23C,
        ),
    )
