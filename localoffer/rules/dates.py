"""Birthdays and ages, the way English law counts them."""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def birthday(date_of_birth: date, age: int) -> date:
    """The day a person reaches `age`; 29 February -> 1 March (Family Law Reform Act 1969, s.9)."""
    year = date_of_birth.year + age
    try:
        # The constructor rather than .replace(year=...): half the cost, and the rules ask
        # for a dozen birthdays a check.
        return date(year, date_of_birth.month, date_of_birth.day)
    except ValueError:
        # Only 29 February fails to exist in the target year; the person is not yet that
        # age on 28 February, so the birthday is taken to be the following day.
        return date(year, 3, 1)


def day_before_birthday(date_of_birth: date, age: int) -> date:
    """The last day a person is younger than `age` (Family Law Reform Act 1969, s.9)."""
    return birthday(date_of_birth, age) - ONE_DAY


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years on `day`, changing on the birthday (Family Law Reform Act 1969, s.9)."""
    years = day.year - date_of_birth.year
    if day < birthday(date_of_birth, years):
        years -= 1
    return years


def long_date(day: date) -> str:
    """A date as people read it in GOV.UK-style text: 1 May 2025 (no section: presentation)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
