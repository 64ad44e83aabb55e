"""Birthdays, ages and the counting of days looked after."""

from __future__ import annotations

from datetime import date

import pytest

from localoffer.rules import THIRTEEN_WEEKS, CarePeriod, age_on, birthday, days_looked_after_since


@pytest.mark.parametrize(
    ("date_of_birth", "age", "expected"),
    [
        (date(2008, 3, 10), 16, date(2024, 3, 10)),
        (date(2008, 2, 29), 16, date(2024, 2, 29)),
        (date(2008, 2, 29), 14, date(2022, 3, 1)),
        (date(2008, 2, 29), 18, date(2026, 3, 1)),
        (date(2008, 2, 29), 21, date(2029, 3, 1)),
        (date(2000, 2, 29), 100, date(2100, 3, 1)),
        (date(2007, 12, 31), 18, date(2025, 12, 31)),
        (date(2008, 3, 1), 18, date(2026, 3, 1)),
    ],
)
def test_birthday_falls_on_the_anniversary_or_1_march(
    date_of_birth: date, age: int, expected: date
) -> None:
    """A birthday is the same day and month; 29 February becomes 1 March in other years."""
    assert birthday(date_of_birth, age) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "day", "expected"),
    [
        (date(2008, 3, 10), date(2024, 3, 9), 15),
        (date(2008, 3, 10), date(2024, 3, 10), 16),
        (date(2008, 3, 10), date(2008, 3, 10), 0),
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2024, 2, 28), 15),
        (date(2008, 2, 29), date(2024, 2, 29), 16),
        (date(2007, 12, 31), date(2025, 12, 30), 17),
        (date(2007, 12, 31), date(2025, 12, 31), 18),
    ],
)
def test_age_changes_on_the_birthday(date_of_birth: date, day: date, expected: int) -> None:
    """A person is a year older from the first moment of their birthday."""
    assert age_on(date_of_birth, day) == expected


BIRTHDAY_14 = date(2022, 3, 10)


@pytest.mark.parametrize(
    ("periods", "until", "expected"),
    [
        ((), date(2024, 1, 1), 0),
        ((CarePeriod(date(2022, 3, 10), date(2022, 3, 10)),), date(2024, 1, 1), 1),
        ((CarePeriod(date(2022, 1, 1), date(2022, 3, 9)),), date(2024, 1, 1), 0),
        ((CarePeriod(date(2022, 1, 1), date(2022, 3, 10)),), date(2024, 1, 1), 1),
        ((CarePeriod(date(2023, 1, 1), None),), date(2023, 4, 1), 91),
        ((CarePeriod(date(2023, 1, 1), date(2023, 12, 31)),), date(2023, 1, 10), 10),
        ((CarePeriod(date(2023, 1, 1), date(2023, 1, 10), short_break=True),), date(2024, 1, 1), 0),
        (
            (
                CarePeriod(date(2022, 6, 1), date(2022, 6, 30)),
                CarePeriod(date(2023, 1, 1), date(2023, 1, 30)),
                CarePeriod(date(2024, 4, 1), None),
            ),
            date(2024, 5, 1),
            91,
        ),
        # Overlapping periods never count a day twice, even from answers not checked by
        # parse_answers.
        (
            (
                CarePeriod(date(2023, 1, 1), date(2023, 1, 31)),
                CarePeriod(date(2023, 1, 15), date(2023, 2, 14)),
            ),
            date(2024, 1, 1),
            45,
        ),
        ((CarePeriod(date(2024, 1, 2), None),), date(2024, 1, 1), 0),
    ],
)
def test_days_looked_after_count_from_the_14th_birthday_both_ends_inclusive(
    periods: tuple[CarePeriod, ...], until: date, expected: int
) -> None:
    """Days count from the 14th birthday to `until`, end days included, short breaks left out."""
    assert days_looked_after_since(BIRTHDAY_14, periods, until) == expected


def test_thirteen_weeks_is_91_days() -> None:
    """The prescribed 13 weeks are counted as 91 days (CPPCR reg. 40(1))."""
    assert THIRTEEN_WEEKS == 13 * 7 == 91
