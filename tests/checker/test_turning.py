"""Turning points: only the days on which support starts or stops, worked out from dates."""

from __future__ import annotations

from datetime import date

import pytest

from localoffer.checker.service import check
from localoffer.checker.turning import (
    actions,
    applies_now,
    next_changes,
    starts_later,
    turning_points,
    usual_until,
)
from localoffer.content import Offer
from localoffer.rules import parse_answers

ON = date(2026, 11, 23)


def result_for(offer: Offer, body: dict):
    answers, _ = parse_answers({"as_of": ON.isoformat(), **body}, today=ON)
    return check(answers, ON, offer)


LEAVER = {
    "date_of_birth": "2007-05-01",
    "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
}
IN_CARE = {"date_of_birth": "2009-06-19", "care_periods": [{"start": "2022-01-01", "end": None}]}


@pytest.mark.parametrize(
    ("body", "points"),
    [
        # (day, age, how many start, how many end): stops fall the day after the last day.
        # Support tied to an optional question (a parent, came alone, where you live...) is
        # "may also apply" when it is not answered, so it is in no turning point.
        (LEAVER, [(date(2028, 5, 1), 21, 0, 4), (date(2032, 5, 1), 25, 0, 39)]),
        (IN_CARE, [(date(2027, 6, 19), 18, 15, 0), (date(2030, 6, 19), 21, 0, 4),
                   (date(2034, 6, 19), 25, 0, 39)]),
        ({"date_of_birth": "1990-01-01"}, []),
    ],
)  # fmt: skip
def test_turning_points_are_the_days_something_starts_or_stops(
    shipped_offer: Offer, body: dict, points: list
) -> None:
    """Fifty kinds of support over two dates make two points, not fifty bars."""
    result = result_for(shipped_offer, body)
    found = [(p.day, p.age, len(p.starts), len(p.ends)) for p in turning_points(result)]
    assert found == points
    assert next_changes(result) == turning_points(result)[:3]


def test_now_and_later_split_what_applies_by_its_start(shipped_offer: Offer) -> None:
    """Every match is either now or in exactly one later group, the group of its start."""
    result = result_for(shipped_offer, IN_CARE)
    now = applies_now(result)
    later = starts_later(result)
    assert all(m.from_ is not None and m.from_ <= ON for m in now)
    assert all(m.from_ == group.day for group in later for m in group.matches)
    assert len(now) + sum(len(g.matches) for g in later) == len(result.entitlements.applies)
    assert [(g.day, g.age) for g in later] == [(date(2027, 6, 19), 18)]
    assert usual_until(result) == date(2034, 6, 18)


def test_actions_are_at_most_three_and_use_only_contacts_the_council_lists(
    shipped_offer: Offer,
) -> None:
    """A council without an advocacy contact gets no advocacy action rather than a broken one."""
    result = result_for(shipped_offer, LEAVER)
    contacts = set(shipped_offer.council.contacts)
    assert [a.kind for a in actions(result, contacts)] == [
        "check-result",
        "ask-for-money",
        "challenge",
    ]
    without = actions(result, contacts - {"advocacy"})
    assert [a.kind for a in without] == ["check-result", "ask-for-money"]
