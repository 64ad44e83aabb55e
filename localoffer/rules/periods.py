"""Counting time looked after towards the 13 weeks.

Periods become closed day ranges (first, last), both inclusive: ongoing periods cut at the
day counted to, overlaps merged so no day is counted twice even when answers come from
somewhere other than `parse_answers`.

Short breaks are kept apart (CPPCR Regulations 2010, regs 40(2) and 48): a child on one is
looked after while it lasts, but the days never count towards the 13 weeks. The exception
covers only a series within reg. 48's limits, so breaks that fall in a 12 months (counted
from the first day of a break) holding more than 75 days of breaks are ordinary placements
and are counted like any other care.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from localoffer.rules.answers import CarePeriod
from localoffer.rules.dates import ONE_DAY
from localoffer.rules.parameters import law_on, parameter

# The prescribed period (CPPCR Regulations 2010, reg. 40(1)), as it stands in every year the
# checker covers; the rules themselves read it by date.
THIRTEEN_WEEKS: int = parameter("prescribed_period_days").values[-1]

DayRange = tuple[date, date]


class Counted(NamedTuple):
    """Care up to a day: the ranges that count, the short breaks that do not, and whether
    any stays called short breaks were over reg. 48's limits and so counted as care."""

    ranges: tuple[DayRange, ...]
    breaks: tuple[DayRange, ...]
    breaks_over_limit: bool = False


def count_care(periods: Sequence[CarePeriod], until: date) -> Counted:
    """Split care up to `until` into counted ranges and true short breaks (CPPCR regs 40, 48)."""
    ordinary: list[DayRange] = []
    breaks: list[DayRange] = []
    if len(periods) == 1 and not periods[0].short_break:
        # One stay in care, the commonest answer: nothing to merge or sort.
        start, end = periods[0].start, periods[0].end
        last = until if end is None or end > until else end
        return Counted(((start, last),) if start <= last else (), ())
    for period in periods:
        if period.start > until:
            continue
        cut = (period.start, until if period.end is None else min(period.end, until))
        (breaks if period.short_break else ordinary).append(cut)
    over = _breaks_over_limit(breaks, until) if breaks else frozenset()
    if over:
        ordinary += [cut for cut in breaks if cut in over]
        breaks = [cut for cut in breaks if cut not in over]
    return Counted(_merged(ordinary), tuple(sorted(breaks)), bool(over))


def counted_ranges(periods: Iterable[CarePeriod], until: date) -> tuple[DayRange, ...]:
    """Days that count as looked after up to `until`, short breaks left out (CPPCR reg. 48)."""
    return count_care(tuple(periods), until).ranges


def _merged(ranges: list[DayRange]) -> tuple[DayRange, ...]:
    merged: list[DayRange] = []
    for first, last in sorted(ranges):
        if last < first:
            continue
        if merged and first <= merged[-1][1] + ONE_DAY:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return tuple(merged)


def _breaks_over_limit(breaks: list[DayRange], until: date) -> frozenset[DayRange]:
    """Breaks in any 12 months holding more than reg. 48(1)(c)'s days of breaks.

    The busiest 12 months always start on the first day of some break, so only those
    windows are tried; every break touching an over-limit window is out of the series.
    """
    limit = law_on(until).short_breaks_max_days_in_12_months
    if sum((last - first).days + 1 for first, last in breaks) <= limit:
        return frozenset()
    over: set[DayRange] = set()
    for window_start, _ in breaks:
        window_end = last_day_of_months(window_start, 12)
        inside = [
            (first, last) for first, last in breaks if first <= window_end and last >= window_start
        ]
        if days_in(inside, window_start, window_end) > limit:
            over.update(inside)
    return frozenset(over)


def days_in(ranges: Iterable[DayRange], since: date, until: date) -> int:
    """Days of `ranges` from `since` to `until`, both inclusive (CPPCR reg. 40)."""
    total = 0
    # Comparisons rather than max() and min(): the status rules count several times a check.
    for first, last in ranges:
        if first < since:
            first = since
        if last > until:
            last = until
        if last >= first:
            total += (last - first).days + 1
    return total


def day_count_reached(ranges: Iterable[DayRange], since: date, count: int) -> date | None:
    """The day on which `count` days looked after since `since` are reached (CPPCR reg. 40)."""
    remaining = count
    for first, last in ranges:
        first = max(first, since)
        if last < first:
            continue
        length = (last - first).days + 1
        if length >= remaining:
            return first + timedelta(days=remaining - 1)
        remaining -= length
    return None


def longest_stay_reaches(ranges: Iterable[DayRange], months: int) -> bool:
    """Whether one unbroken range lasts `months` months or more (JISA guidance: 12 months)."""
    # 28 to 31 days a month: only a stay near the line needs the calendar.
    at_least, at_most = months * 28 - 1, months * 31
    for first, last in ranges:
        length = (last - first).days
        if length >= at_most or (length >= at_least and last >= last_day_of_months(first, months)):
            return True
    return False


def last_day_of_months(first: date, months: int) -> date:
    """The last day of `months` months from `first`: the day before the same date that many
    months on, or the month's last day when that month has no such date (corresponding date
    rule)."""
    year, month = divmod(first.month - 1 + months, 12)
    year, month = first.year + year, month + 1
    month_length = calendar.monthrange(year, month)[1]
    if first.day > month_length:
        return date(year, month, month_length)
    return date(year, month, first.day) - ONE_DAY


def days_looked_after_since(start_day: date, periods: Iterable[CarePeriod], until: date) -> int:
    """Days looked after, start_day to until inclusive, without short breaks (CPPCR regs 40, 48)."""
    return days_in(counted_ranges(periods, until), start_day, until)
