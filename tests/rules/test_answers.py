"""Reading the JSON API's answers: what is accepted, and every way it can be wrong."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from localoffer.rules import Answers, CarePeriod, InvalidAnswers, parse_answers


def test_bad_input_case(bad_input_case: dict[str, Any], today: date) -> None:
    """Each bad body names exactly the fields at fault, each with a message saying what to do."""
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(bad_input_case["body"], today=today)
    errors = raised.value.errors
    assert set(errors) == set(bad_input_case["errors"])
    for field, fragment in bad_input_case["errors"].items():
        assert fragment in errors[field]


def test_the_full_design_example_is_read_exactly(today: date) -> None:
    """Every field of the worked example becomes the matching Answers field."""
    body = {
        "date_of_birth": "2007-05-01",
        "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
        "detained_or_in_hospital_on_16th_birthday": False,
        "special_guardianship_order": True,
        "lived_with_parent_6_months": False,
        "in_education_or_training": True,
        "in_higher_education": False,
    }
    answers, as_of = parse_answers(body, today=today)
    assert as_of == date(2026, 11, 23)
    assert answers == Answers(
        date_of_birth=date(2007, 5, 1),
        care_periods=(CarePeriod(date(2021, 6, 1), date(2025, 4, 30), short_break=False),),
        special_guardianship_order=True,
        in_education_or_training=True,
    )


def test_only_the_date_of_birth_is_required_and_as_of_defaults_to_today(today: date) -> None:
    """Leaving out everything else gives no care, all answers no, and today's date."""
    answers, as_of = parse_answers({"date_of_birth": "2007-05-01"}, today=today)
    assert as_of == today
    assert answers == Answers(date_of_birth=date(2007, 5, 1))


def test_a_null_as_of_means_today(today: date) -> None:
    """as_of: null is the same as leaving it out."""
    assert parse_answers({"date_of_birth": "2007-05-01", "as_of": None}, today=today)[1] == today


def test_a_null_end_means_still_looked_after(today: date) -> None:
    """end: null is kept as None, the sign of care still going on."""
    body = {"date_of_birth": "2007-05-01", "care_periods": [{"start": "2024-01-01", "end": None}]}
    answers, _ = parse_answers(body, today=today)
    assert answers.care_periods == (CarePeriod(date(2024, 1, 1), None),)


def test_a_date_of_birth_of_today_is_accepted(today: date) -> None:
    """A baby born today has a valid (if unremarkable) date of birth."""
    answers, _ = parse_answers({"date_of_birth": today.isoformat()}, today=today)
    assert answers.date_of_birth == today


def test_a_29_february_date_of_birth_in_a_leap_year_is_accepted(today: date) -> None:
    """29 February is a real date in 2008."""
    answers, _ = parse_answers({"date_of_birth": "2008-02-29"}, today=today)
    assert answers.date_of_birth == date(2008, 2, 29)


def test_periods_may_touch_without_overlapping(today: date) -> None:
    """A period starting the day after another ends is a move, not an overlap."""
    body = {
        "date_of_birth": "2007-05-01",
        "care_periods": [
            {"start": "2022-01-01", "end": "2022-06-30"},
            {"start": "2022-07-01", "end": None},
        ],
    }
    answers, _ = parse_answers(body, today=today)
    assert len(answers.care_periods) == 2


def test_a_short_break_of_exactly_17_days_is_accepted(today: date) -> None:
    """17 days is the longest a single short break may last."""
    period = {"start": "2022-06-01", "end": "2022-06-17", "short_break": True}
    body = {"date_of_birth": "2007-05-01", "care_periods": [period]}
    answers, _ = parse_answers(body, today=today)
    assert answers.care_periods[0].short_break is True


def test_periods_may_be_given_in_any_order(today: date) -> None:
    """The latest period may be listed first and still be the one going on."""
    body = {
        "date_of_birth": "2007-05-01",
        "care_periods": [
            {"start": "2023-01-01", "end": None},
            {"start": "2022-01-01", "end": "2022-06-30"},
        ],
    }
    answers, _ = parse_answers(body, today=today)
    assert answers.care_periods[0].end is None


def test_fifty_care_periods_are_accepted(today: date) -> None:
    """The limit is 50: exactly 50 periods is allowed."""
    periods = [
        {"start": date.fromordinal(date(2021, 6, 1).toordinal() + 2 * n).isoformat(),
         "end": date.fromordinal(date(2021, 6, 1).toordinal() + 2 * n).isoformat()}
        for n in range(50)
    ]  # fmt: skip
    answers, _ = parse_answers({"date_of_birth": "2007-05-01", "care_periods": periods}, today)
    assert len(answers.care_periods) == 50


def test_invalid_answers_is_a_value_error_listing_every_field(today: date) -> None:
    """Callers catching ValueError still catch it, and its text names the fields."""
    with pytest.raises(ValueError, match="date_of_birth"):
        parse_answers({}, today=today)
