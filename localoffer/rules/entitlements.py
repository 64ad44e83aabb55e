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
from typing import Any, Generic, NamedTuple, TypeVar

from localoffer.rules.answers import Answers
from localoffer.rules.assessment import Assessment
from localoffer.rules.dates import ONE_DAY, birthday
from localoffer.rules.messages import N_, Message
from localoffer.rules.reasons import CA_S23C, Reason
from localoffer.rules.vocabulary import (
    ELIGIBLE,
    FORMER_RELEVANT,
    FULL_TIME_HIGHER_OR_RESIDENTIAL_EDUCATION,
    IN_EDUCATION_OR_TRAINING,
    IN_FOSTER_CARE_AT_18,
    IN_HIGHER_EDUCATION,
    LIVES_IN_COUNCIL_AREA,
    LOOKED_AFTER_12_MONTHS,
    LOOKED_AFTER_AFTER_16,
    PERSONAL_QUESTIONS,
    RELEVANT,
    Criteria,
)

T = TypeVar("T")


class Match(NamedTuple, Generic[T]):
    """An item that applies from `from_` to `until` (both inclusive).

    `from_` is None only for an item in `coming_in` whose law has no start date yet.
    `unknown_conditions` names the facts the checker did not ask that the item needs.
    A named tuple: a check builds a dozen, and a tuple is the cheapest immutable record.
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


class _BirthdaysOf(dict[int, date]):
    """Birthdays by age, each worked out once when first asked for (a dict for speed)."""

    def __init__(self, date_of_birth: date) -> None:
        self.date_of_birth = date_of_birth

    def __missing__(self, age: int) -> date:
        self[age] = day = birthday(self.date_of_birth, age)
        return day


class _Stretch(NamedTuple):
    """Days with one status: from `start` to `end` inclusive (None: no end fixed by law)."""

    status: str
    start: date
    end: date | None


# No onward status: matches nothing.
_NO_STRETCH = (None, None, None)


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
    """Sort items into applying, may apply and coming in (s.23C(1); conditions as settled).

    An item applies over the days its statuses and its ages both hold: from the later of the
    statuses' start and the `age_from` birthday, to the earlier of their end and the day
    before the `age_to` birthday.
    """
    stretches = _status_stretches(assessment, answers, on)
    # At most two stretches, the status now and the one it becomes: unpacked into names, they
    # are two membership tests per item rather than a loop (None is in no `who`).
    now_status, now_start, now_end = stretches[0]
    onward_status, onward_start, onward_end = stretches[1] if len(stretches) > 1 else _NO_STRETCH
    facts = known_facts(answers, assessment)
    birthday_at = _BirthdaysOf(answers.date_of_birth)
    # Reading the attribute directly spares a call per item for the usual case.
    own_criteria = criteria is _own_criteria
    applies: list[Match[T]] = []
    may_also_apply: list[Match[T]] = []
    coming_in: list[Match[T]] = []
    for item in items:
        wanted: Criteria = item.criteria if own_criteria else criteria(item)  # type: ignore[attr-defined]
        # Most items are for other statuses: reject those before any date arithmetic. The
        # matching stretches are consecutive, so they join into one run of days.
        who = wanted.who
        from_: date
        if now_status in who:
            from_ = now_start
            end = onward_end if onward_status in who else now_end
        elif onward_status in who:
            from_, end = onward_start, onward_end  # type: ignore[assignment]
        else:
            continue
        # Settled conditions are dictionary look-ups: cheaper than the dates, so first.
        unknown: tuple[str, ...] = ()
        if wanted.conditions:
            still_open = _open_conditions(wanted.conditions, facts)
            if still_open is None:
                continue
            unknown = still_open
        # Comparisons rather than max() and min(): this runs for every item that passes.
        first_birthday = birthday_at[wanted.age_from]
        if first_birthday > from_:
            from_ = first_birthday
        until = birthday_at[wanted.age_to] - ONE_DAY
        if end is not None and end < until:
            until = end
        if from_ > until or until < on:
            continue
        in_force_from = wanted.in_force_from
        if wanted.commencement_pending:
            coming_in.append(Match(item, None, until, unknown))
        elif in_force_from is not None and in_force_from > on:
            if in_force_from <= until:
                coming_in.append(Match(item, max(from_, in_force_from), until, unknown))
        else:
            if in_force_from is not None and in_force_from > from_:
                from_ = in_force_from
            (may_also_apply if unknown else applies).append(Match(item, from_, until, unknown))
    return EntitlementResult(
        tuple(applies), tuple(may_also_apply), tuple(coming_in), _onward_reasons(stretches)
    )


def _open_conditions(conditions: frozenset[str], facts: dict[str, bool]) -> tuple[str, ...] | None:
    """The conditions left for an adviser to confirm, or None if a settled one is not met."""
    left = []
    for name in conditions:
        known = facts.get(name)
        if known is None:
            left.append(name)
        elif not known:
            return None
    # Most entitlements need one condition at most: sorting is for two or more.
    return tuple(sorted(left)) if len(left) > 1 else tuple(left)


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


def known_facts(answers: Answers, assessment: Assessment) -> dict[str, bool]:
    """The conditions the answers settle; a condition left out is for an adviser to confirm.

    Higher education is education (s.23C(5A); s.24B(2)). The care dates settle being looked
    after after 16 (Homelessness (Priority Need) Order 2002 art. 4(1)(b)) and for 12 months
    (Junior ISA guidance), and rule out foster care at 18 for anyone not looked after the day
    before their 18th birthday (s.23CZA(2)). Vacation accommodation needs full-time higher or
    residential further education (s.24B(5)), which no one out of education has.

    The personalising questions settle their conditions only when answered yes or no: "prefer
    not to say" and no answer (None) leave them open, so what they would narrow is still
    listed as "may also apply", never hidden. Living outside the council's area settles its
    opposite too, for support given only in the council's own area.
    """
    in_education = answers.in_education
    facts = {
        IN_EDUCATION_OR_TRAINING: in_education,
        IN_HIGHER_EDUCATION: answers.in_higher_education,
        LOOKED_AFTER_AFTER_16: assessment.facts.looked_after_after_16,
        LOOKED_AFTER_12_MONTHS: assessment.facts.looked_after_12_months,
    }
    for question in PERSONAL_QUESTIONS:
        answer: bool | None = getattr(answers, question)
        if answer is not None:
            facts[question] = answer
    if answers.lives_outside_council_area is not None:
        facts[LIVES_IN_COUNCIL_AREA] = not answers.lives_outside_council_area
    if not assessment.facts.in_care_at_18_possible:
        facts[IN_FOSTER_CARE_AT_18] = False
    if not in_education:
        facts[FULL_TIME_HIGHER_OR_RESIDENTIAL_EDUCATION] = False
    return facts


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
