"""Care-leaver status: which of the law's categories a young person is in on a given day.

The decision runs in two stages. `_child_route` says where a person stood on one day while
they were a child (a `Route`), and `assess` uses it for children on the day asked about, and
for adults on the day before their 18th birthday, because every adult status (former
relevant, qualifying) is fixed by what happened by then. Short breaks within reg. 48's limits
are looked after but never counted (CPPCR Regulations 2010, regs 40 and 48).

Ages and counts come from the dated parameters (`law_on`), so a past day gets the law as it
stood then; the words come from `reasons`, so this module holds the decision only.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple

from localoffer.rules import reasons as say
from localoffer.rules.answers import Answers
from localoffer.rules.assessment import Assessment, Birthdays, CareFacts
from localoffer.rules.dates import ONE_DAY
from localoffer.rules.messages import Message
from localoffer.rules.parameters import Law, law_on
from localoffer.rules.periods import (
    DayRange,
    count_care,
    day_count_reached,
    days_in,
    longest_stay_reaches,
)
from localoffer.rules.reasons import Reason
from localoffer.rules.vocabulary import (
    ELIGIBLE,
    FORMER_RELEVANT,
    LOOKED_AFTER,
    NONE,
    QUALIFYING,
    RELEVANT,
    Status,
)


class Route(StrEnum):
    """How a person came to their status: each names the provision that decides it."""

    UNDER_16 = "under_16"  # looked after, s.22(1)
    COUNTING = "counting"  # looked after at 16 or 17 without 13 weeks, Sch. 2 para 19B
    SHORT_BREAK = "short_break"  # on a short break now, s.22(1), (2); reg. 40(2)
    ELIGIBLE = "eligible"  # Sch. 2 para 19B
    RELEVANT = "relevant"  # s.23A(2)
    DETAINED = "detained"  # Care Leavers (England) Regulations 2010, reg. 3(2)
    PARENT = "parent"  # reg. 3(3): home with a parent for six months
    SPECIAL_GUARDIANSHIP = "special_guardianship"  # s.24(1A)
    LEFT_AFTER_16 = "left_after_16"  # s.24(1B)
    IN_CARE_AT_18 = "in_care_at_18"  # s.24(1B), care ended by age
    LEFT_BEFORE_16 = "left_before_16"
    ONLY_SHORT_BREAKS = "only_short_breaks"  # reg. 40(2): never eligible
    NEVER = "never"


class _Route(NamedTuple):
    """Where a person stood on one day as a child, and the dates that decided it."""

    status: Status
    route: Route
    since: date | None = None
    left_on: date | None = None
    until: date | None = None


class _Finding(NamedTuple):
    """A status with its dates and the reasons for it."""

    status: Status
    since: date | None
    until: date | None
    reasons: tuple[Reason, ...]
    refer: tuple[Message, ...] = ()


class _Care(NamedTuple):
    """The counted care and short breaks up to the day that matters, with the law of `on`."""

    law: Law
    days_of: Birthdays
    ranges: tuple[DayRange, ...]
    breaks: tuple[DayRange, ...]


def assess(answers: Answers, on: date) -> Assessment:
    """Decide the care-leaver status on `on` (Children Act 1989, ss.22-24; Sch. 2 para 19B)."""
    law = law_on(on)
    days_of = Birthdays.of(answers.date_of_birth, law)
    counted_until = min(on, days_of.last_child_day)
    counted = count_care(answers.care_periods, counted_until)
    care = _Care(law, days_of, counted.ranges, counted.breaks)
    days = days_in(care.ranges, days_of.b14, counted_until)
    # Reaching an age is reaching its birthday (Family Law Reform Act 1969, s.9): comparing
    # with the birthdays already worked out spares working out the age.
    if on >= days_of.b25:
        # s.23C(7) carries only a former relevant child's programme past 25.
        programme = answers.in_education and _child_route(
            answers, care, days_of.last_child_day, now=False
        ).route in (Route.ELIGIBLE, Route.RELEVANT, Route.DETAINED)
        past_25 = say.past_25(days_of.b25, programme)
        finding = _Finding(NONE, None, None, (past_25,))
    elif on >= days_of.b18:
        route = _child_route(answers, care, days_of.last_child_day, now=False)
        finding = _as_adult(route, answers, on, care)
    else:
        finding = _as_child(_child_route(answers, care, on), answers, on, days, care)

    reasons = (
        *_counting_reasons(answers, on, days, care, counted.breaks_over_limit),
        *_detention_not_enough(answers, care, on),
        *finding.reasons,
    )
    ranges = care.ranges
    months = law.junior_isa_months_looked_after
    facts = (
        CareFacts(
            _looked_after_on(ranges, counted_until),  # in care at 18 still possible
            ranges[-1][1] >= days_of.b16,  # looked after after 16
            months is not None and longest_stay_reaches(ranges, months),
        )
        if ranges
        else CareFacts()
    )
    return Assessment(
        finding.status, on, finding.since, finding.until, days, reasons, finding.refer, facts
    )


# -- where a child stands ---------------------------------------------------------------


def _looked_after_on(ranges: tuple[DayRange, ...], day: date) -> bool:
    """Whether `day` is a day looked after; ranges are cut at `day` (Children Act 1989, s.22(1))."""
    return bool(ranges) and ranges[-1][0] <= day <= ranges[-1][1]


def _is_eligible_child(care: _Care, day: date) -> bool:
    """Looked after at 16 or 17 with 13 weeks since 14 (Sch. 2 para 19B(2); CPPCR reg. 40)."""
    days_of = care.days_of
    return (
        days_of.b16 <= day <= days_of.last_child_day
        and _looked_after_on(care.ranges, day)
        and days_in(care.ranges, days_of.b14, day) >= care.law.prescribed_period_days
    )


def _is_relevant_by_detention(answers: Answers, care: _Care) -> bool:
    """In custody or hospital at 16 after 13 weeks in care since 14 (CL Regs 2010 reg. 3(2))."""
    days_of = care.days_of
    return (
        answers.detained_or_in_hospital_on_16th_birthday
        and not any(first <= days_of.b16 <= last for first, last in care.ranges)
        and days_in(care.ranges, days_of.b14, days_of.b16 - ONE_DAY)
        >= care.law.prescribed_period_days
    )


def _child_route(answers: Answers, care: _Care, day: date, now: bool = True) -> _Route:
    """Status on `day` (under 18), from care cut at `day` (s.22; Sch. 2 para 19B; ss.23A, 24)."""
    ranges, days_of = care.ranges, care.days_of
    if _looked_after_on(ranges, day):
        return _in_care_route(care, day)
    if now and care.breaks:
        # Only the day asked about: an adult's status is never a short break's.
        on_break = _short_break_on(answers, care, day)
        if on_break is not None:
            return on_break
    left_on = ranges[-1][1] if ranges else None
    nothing = Route.ONLY_SHORT_BREAKS if care.breaks and not ranges else Route.NEVER
    if day < days_of.b16:
        return _Route(NONE, Route.LEFT_BEFORE_16 if ranges else nothing)
    if ranges and _is_eligible_child(care, ranges[-1][1]):
        assert left_on is not None
        if not answers.lived_with_parent_6_months:
            return _Route(RELEVANT, Route.RELEVANT, left_on + ONE_DAY, left_on)
        # reg. 3(3): no longer relevant, but still a person who left care after 16 (s.24(1B)),
        # from a date six months or more after leaving that the checker does not ask.
        return _Route(QUALIFYING, Route.PARENT, None, left_on)
    if _is_relevant_by_detention(answers, care) and not answers.lived_with_parent_6_months:
        return _Route(RELEVANT, Route.DETAINED, days_of.b16, left_on)
    if answers.special_guardianship_order:
        # The order ended the care it followed, so it cannot predate the last day looked after.
        since = max(days_of.b16, left_on + ONE_DAY) if left_on else days_of.b16
        return _Route(QUALIFYING, Route.SPECIAL_GUARDIANSHIP, since, left_on)
    if left_on is not None and left_on >= days_of.b16:
        return _Route(QUALIFYING, Route.LEFT_AFTER_16, left_on + ONE_DAY, left_on)
    return _Route(NONE, Route.LEFT_BEFORE_16 if ranges else nothing, left_on=left_on)


def _short_break_on(answers: Answers, care: _Care, day: date) -> _Route | None:
    """A child on a short break is looked after while it lasts (s.22(1), (2); reg. 40(2))."""
    start = next((first for first, last in care.breaks if first <= day <= last), None)
    if start is None:
        return None
    period = next(p for p in answers.care_periods if p.short_break and p.start == start)
    # An ongoing break lasts at most reg. 48(1)(a)'s days; care ends at 18 in any case.
    end = period.end or start + ONE_DAY * (care.law.short_break_max_days - 1)
    until = min(end, care.days_of.last_child_day)
    return _Route(LOOKED_AFTER, Route.SHORT_BREAK, since=start, until=until)


def _in_care_route(care: _Care, day: date) -> _Route:
    """Looked after on `day`: eligible once 16 with 13 weeks since 14, else looked after (s.22)."""
    current_start = care.ranges[-1][0]
    if not _is_eligible_child(care, day):
        route = Route.UNDER_16 if day < care.days_of.b16 else Route.COUNTING
        return _Route(LOOKED_AFTER, route, since=current_start)
    reached = day_count_reached(care.ranges, care.days_of.b14, care.law.prescribed_period_days)
    assert reached is not None
    since = max(care.days_of.b16, reached, current_start)
    return _Route(ELIGIBLE, Route.ELIGIBLE, since=since)


# -- children: the status today -----------------------------------------------------------


def _as_child(route: _Route, answers: Answers, on: date, days: int, care: _Care) -> _Finding:
    """A child's status on `on`, with reasons in the present tense (ss.22-24; Sch. 2 para 19B)."""
    days_of = care.days_of
    last_child_day = days_of.last_child_day
    match route.route:
        case Route.UNDER_16:
            reason = say.under_16(days_of.b16)
            return _Finding(LOOKED_AFTER, route.since, last_child_day, (reason,))
        case Route.COUNTING:
            eligible_from = on + ONE_DAY * (care.law.prescribed_period_days - days)
            reason = say.counting_on(eligible_from if eligible_from <= last_child_day else None)
            return _Finding(LOOKED_AFTER, route.since, last_child_day, (reason,))
        case Route.SHORT_BREAK:
            reason = say.on_a_short_break()
            return _Finding(LOOKED_AFTER, route.since, route.until, (reason,))
        case Route.ELIGIBLE:
            assert route.since is not None
            reasons = (say.eligible_now(route.since), say.become_former_relevant(days_of.b18))
            return _Finding(ELIGIBLE, route.since, last_child_day, reasons)
        case Route.RELEVANT:
            assert route.left_on is not None
            reasons = (
                say.relevant_now(route.left_on, last_child_day),
                say.become_former_relevant(days_of.b18),
            )
            return _Finding(RELEVANT, route.since, last_child_day, reasons)
        case Route.DETAINED:
            reasons = (
                say.detention(last_child_day, days_of.b18, now=True),
                say.become_former_relevant(days_of.b18),
            )
            refer = (say.DETENTION_CHECKS,)
            return _Finding(RELEVANT, route.since, last_child_day, reasons, refer)
        case Route.PARENT | Route.SPECIAL_GUARDIANSHIP | Route.LEFT_AFTER_16:
            return _qualifying(route, days_of, answers.in_education, adult=False)
        case _:
            return _not_a_care_leaver(route, on, days_of)


def _qualifying(route: _Route, days_of: Birthdays, in_education: bool, adult: bool) -> _Finding:
    """A person qualifying for advice and assistance (Children Act 1989, s.24(1A), (1B))."""
    reasons: list[Reason] = []
    if route.route == Route.PARENT:
        reasons.append(say.parent(adult))
    until_21 = days_of.b21 - ONE_DAY
    if route.route == Route.SPECIAL_GUARDIANSHIP:
        reasons.append(say.qualifying_special_guardianship(until_21))
    elif route.route == Route.IN_CARE_AT_18:
        reasons.append(say.qualifying_in_care_at_18(days_of.b18, until_21))
    else:
        # Only the parent and left-after-16 routes are left, and both come from a last day
        # in care, so there is always a date to name.
        assert route.left_on is not None
        reasons.append(say.qualifying_left_after_16(route.left_on, until_21))
    until = until_21
    if in_education:
        until = days_of.b25 - ONE_DAY
        reasons.append(say.education_to_25(until))
    return _Finding(QUALIFYING, route.since, until, tuple(reasons))


def _not_a_care_leaver(route: _Route, on: date, days_of: Birthdays) -> _Finding:
    """Never looked after, or not since the 16th birthday (s.24(1B); Sch. 2 para 19B)."""
    if route.route == Route.NEVER:
        reason = say.never_looked_after()
    elif route.route == Route.ONLY_SHORT_BREAKS:
        reason = say.only_short_breaks()
    elif on < days_of.b16:
        reason = say.not_in_care_under_16()
    else:
        reason = say.left_before_16(days_of.b16)
    refer = (say.NOT_ASKED_QUALIFYING_ROUTES,) if days_of.b16 <= on < days_of.b21 else ()
    return _Finding(NONE, None, None, (reason,), refer)


# -- adults: fixed by the day before the 18th birthday --------------------------------------


def _as_adult(route: _Route, answers: Answers, on: date, care: _Care) -> _Finding:
    """Status at 18 to 24 from where the person stood at 18 (Children Act 1989, ss.23C, 24)."""
    days_of = care.days_of
    in_education = answers.in_education
    match route.route:
        case Route.ELIGIBLE | Route.RELEVANT | Route.DETAINED:
            return _former_relevant(route, days_of, care.law, in_education, on)
        case Route.COUNTING:
            at_18 = _Route(QUALIFYING, Route.IN_CARE_AT_18, since=days_of.b18)
            finding = _qualifying(at_18, days_of, in_education, adult=True)
        case Route.PARENT | Route.SPECIAL_GUARDIANSHIP | Route.LEFT_AFTER_16:
            finding = _qualifying(route, days_of, in_education, adult=True)
        case _:
            return _not_a_care_leaver(route, on, days_of)
    if on >= days_of.b21:
        if not in_education:
            ended = say.qualifying_ended(days_of.b21)
            return _Finding(NONE, None, None, (*finding.reasons, ended))
        after_21 = say.qualifying_ended_at_21_in_education(days_of.b21)
        return _Finding(finding.status, finding.since, finding.until, (*finding.reasons, after_21))
    return finding


def _former_relevant(
    route: _Route, days_of: Birthdays, law: Law, in_education: bool, on: date
) -> _Finding:
    """Former relevant from 18 (s.23C(1)); duties to 21, or 25 in education or (from 2018)
    with a personal adviser on request (ss.23C(6), 23CA, 23CZB)."""
    if route.route == Route.ELIGIBLE:
        reasons: tuple[Reason, ...] = (say.former_relevant_was_eligible(days_of.b18),)
    elif route.route == Route.RELEVANT:
        assert route.left_on is not None
        reasons = (say.former_relevant_was_relevant(route.left_on, days_of.b18),)
    else:
        reasons = (
            say.detention(days_of.last_child_day, days_of.b18, now=False),
            say.relevant_become_former_relevant(days_of.b18),
        )
    refer = (say.DETENTION_CHECKS,) if route.route == Route.DETAINED else ()
    if not (law.personal_adviser_on_request_to_25 or in_education):
        until_21 = days_of.b21 - ONE_DAY
        reasons += (say.former_relevant_until_21_before_2018(until_21),)
        if on > until_21:
            return _Finding(NONE, None, None, reasons, refer)
        return _Finding(FORMER_RELEVANT, days_of.b18, until_21, reasons, refer)
    until_25 = days_of.b25 - ONE_DAY
    reasons += (say.former_relevant_until(until_25, law.personal_adviser_on_request_to_25),)
    if in_education:
        reasons += (say.programme_past_25(),)
    return _Finding(FORMER_RELEVANT, days_of.b18, until_25, reasons, refer)


# -- the counting, said once ----------------------------------------------------------------


def _detention_not_enough(answers: Answers, care: _Care, on: date) -> tuple[Reason, ...]:
    """Custody or hospital at 16 counts only after 13 weeks in care (CL Regs 2010 reg. 3(2))."""
    days_of = care.days_of
    if (
        not answers.detained_or_in_hospital_on_16th_birthday
        or on < days_of.b16
        or days_in(care.ranges, days_of.b14, days_of.b16 - ONE_DAY)
        >= care.law.prescribed_period_days
    ):
        return ()
    return (say.detention_not_enough(),)


def _counting_reasons(
    answers: Answers, on: date, days: int, care: _Care, breaks_over_limit: bool
) -> tuple[Reason, ...]:
    """How the 13 weeks were counted: days since 14, short breaks, care ending at 18 (reg. 40)."""
    if not answers.care_periods:
        return ()
    days_of = care.days_of
    reasons: list[Reason] = []
    if on < days_of.b14:
        reasons.append(say.not_14_yet(days_of.b14))
    else:
        adult = on > days_of.last_child_day
        reasons.append(say.days_counted(days, care.law.prescribed_period_days, adult))
    if breaks_over_limit:
        reasons.append(say.short_breaks_over_limit(care.law.short_breaks_max_days_in_12_months))
    if care.breaks:
        reasons.append(say.short_breaks_not_counted())
    if on > days_of.last_child_day and any(
        period.end is None or period.end > days_of.last_child_day
        for period in answers.care_periods
        if not period.short_break
    ):
        reasons.append(say.care_ends_at_18(days_of.last_child_day))
    return tuple(reasons)
