"""Counting time looked after towards the 13 weeks.

Periods become closed day ranges (first, last), both inclusive: short breaks dropped,
ongoing periods cut at the day counted to, overlaps merged so no day is counted twice
even when answers come from somewhere other than `parse_answers`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from localoffer.rules.answers import CarePeriod

# CPPCR Regulations 2010, reg. 40(1): the prescribed period is 13 weeks.
THIRTEEN_WEEKS = 91

DayRange = tuple[date, date]


def counted_ranges(periods: Iterable[CarePeriod], until: date) -> tuple[DayRange, ...]:
    """Days that count as looked after up to `until`, short breaks left out (CPPCR reg. 48)."""
    ranges = sorted(
        (period.start, until if period.end is None else min(period.end, until))
        for period in periods
        if not period.short_break and period.start <= until
    )
    merged: list[DayRange] = []
    for first, last in ranges:
        if last < first:
            continue
        if merged and first <= merged[-1][1] + timedelta(days=1):
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return tuple(merged)


def days_in(ranges: Iterable[DayRange], since: date, until: date) -> int:
    """Days of `ranges` from `since` to `until`, both inclusive (CPPCR reg. 40)."""
    total = 0
    for first, last in ranges:
        first, last = max(first, since), min(last, until)
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


def days_looked_after_since(start_day: date, periods: Iterable[CarePeriod], until: date) -> int:
    """Days looked after, start_day to until inclusive, without short breaks (CPPCR regs 40, 48)."""
    return days_in(counted_ranges(periods, until), start_day, until)
