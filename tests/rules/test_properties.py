"""Properties that hold for every set of answers, checked on generated examples."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from localoffer.rules import (
    EARLIEST_DAY,
    STATUSES,
    Answers,
    CarePeriod,
    InvalidAnswers,
    assess,
    birthday,
    parse_answers,
)

pytestmark = pytest.mark.fuzz

TODAY = date(2026, 11, 23)
FLAG_NAMES = (
    "detained_or_in_hospital_on_16th_birthday",
    "special_guardianship_order",
    "lived_with_parent_6_months",
    "in_education_or_training",
    "in_higher_education",
)


@st.composite
def answers_and_day(draw: st.DrawFn) -> tuple[Answers, date]:
    """Answers parse_answers would accept, and a day to assess them on."""
    date_of_birth = draw(st.dates(date(1995, 1, 1), TODAY))
    on = date_of_birth + timedelta(days=draw(st.integers(0, 28 * 366)))
    # The checker applies the law from EARLIEST_DAY on, and never before birth.
    on = min(max(on, EARLIEST_DAY, date_of_birth), TODAY)
    count = draw(st.integers(0, min(4, ((on - date_of_birth).days + 1) // 2)))
    ordinals = st.integers(date_of_birth.toordinal(), on.toordinal())
    points = sorted(draw(st.lists(ordinals, min_size=2 * count, max_size=2 * count, unique=True)))
    periods = []
    for index in range(count):
        start, end = date.fromordinal(points[2 * index]), date.fromordinal(points[2 * index + 1])
        ongoing = index == count - 1 and draw(st.booleans())
        short = (end - start).days < 17 and not ongoing and draw(st.booleans())
        periods.append(CarePeriod(start, None if ongoing else end, short_break=short))
    flags = {name: draw(st.booleans()) for name in FLAG_NAMES}
    # A special guardianship order needs the care before it (parse_answers says so).
    flags["special_guardianship_order"] = flags["special_guardianship_order"] and bool(periods)
    return Answers(date_of_birth, tuple(periods), **flags), on


def as_json_body(answers: Answers, on: date) -> dict[str, Any]:
    """The JSON API body that describes these answers."""
    return {
        "date_of_birth": answers.date_of_birth.isoformat(),
        "as_of": on.isoformat(),
        "care_periods": [
            {
                "start": period.start.isoformat(),
                "end": None if period.end is None else period.end.isoformat(),
                "short_break": period.short_break,
            }
            for period in answers.care_periods
        ],
        **{name: getattr(answers, name) for name in FLAG_NAMES},
    }


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
DATE_LIKE = st.dates().map(date.isoformat) | st.from_regex(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True
)
NEAR_VALID_PERIOD = st.dictionaries(
    st.sampled_from(["start", "end", "short_break", "extra"]),
    DATE_LIKE | st.none() | st.booleans() | JSON,
    max_size=4,
)
NEAR_VALID_BODY = st.dictionaries(
    st.sampled_from(["date_of_birth", "as_of", "care_periods", *FLAG_NAMES, "unknown"]),
    DATE_LIKE | st.booleans() | st.lists(NEAR_VALID_PERIOD, max_size=4) | JSON,
    max_size=9,
)


@settings(deadline=None)
@given(answers_and_day(), st.randoms())
def test_status_does_not_depend_on_the_order_of_periods(
    case: tuple[Answers, date], random: Any
) -> None:
    """Listing the same periods in another order gives the same assessment."""
    answers, on = case
    shuffled = list(answers.care_periods)
    random.shuffle(shuffled)
    assert assess(replace(answers, care_periods=tuple(shuffled)), on) == assess(answers, on)


@settings(deadline=None)
@given(answers_and_day(), st.data())
def test_adding_a_short_break_never_changes_the_status(
    case: tuple[Answers, date], data: st.DataObject
) -> None:
    """A short break over before the day checked counts for nothing (CPPCR regs 40 and 48)."""
    answers, on = case
    assume(on - timedelta(days=17) >= answers.date_of_birth)
    length = data.draw(st.integers(0, 16))
    start = data.draw(st.dates(answers.date_of_birth, on - timedelta(days=length + 1)))
    short_break = CarePeriod(start, start + timedelta(days=length), short_break=True)
    # One break alone is always within reg. 48's 75 days in 12 months.
    ordinary = tuple(period for period in answers.care_periods if not period.short_break)
    answers = replace(answers, care_periods=ordinary)
    with_break = replace(answers, care_periods=(*ordinary, short_break))
    before, after = assess(answers, on), assess(with_break, on)
    assert (after.status, after.status_since, after.status_until) == (
        before.status,
        before.status_since,
        before.status_until,
    )
    assert after.days_looked_after_since_14 == before.days_looked_after_since_14


@settings(deadline=None)
@given(answers_and_day())
def test_days_since_14_are_never_negative_nor_more_than_the_days_available(
    case: tuple[Answers, date],
) -> None:
    """At most every day from the 14th birthday to as_of (both included), and before 18."""
    answers, on = case
    days = assess(answers, on).days_looked_after_since_14
    birthday_14 = birthday(answers.date_of_birth, 14)
    last_counted = min(on, birthday(answers.date_of_birth, 18) - timedelta(days=1))
    assert 0 <= days <= max(0, (last_counted - birthday_14).days + 1)


@settings(deadline=None)
@given(answers_and_day())
def test_valid_answers_survive_the_json_round_trip_and_get_a_known_status(
    case: tuple[Answers, date],
) -> None:
    """Answers written as JSON are read back unchanged, and every status is a known one."""
    answers, on = case
    body = json.loads(json.dumps(as_json_body(answers, on)))
    assert parse_answers(body, today=TODAY) == (answers, on)
    assessment = assess(answers, on)
    assert assessment.status in STATUSES
    assert assessment.reasons
    if assessment.status_since and assessment.status_until:
        assert assessment.status_since <= assessment.status_until


@settings(deadline=None)
@given(JSON | NEAR_VALID_BODY)
def test_parse_answers_raises_nothing_but_invalid_answers(body: object) -> None:
    """Whatever JSON arrives, the result is Answers or InvalidAnswers with messages."""
    try:
        answers, on = parse_answers(body, today=TODAY)
    except InvalidAnswers as invalid:
        assert invalid.errors
        assert all(isinstance(message, str) and message for message in invalid.errors.values())
    else:
        assert assess(answers, on).status in STATUSES
