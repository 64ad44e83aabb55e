"""The law's dated parameters: each referenced, read by date, and never applied before it began."""

from __future__ import annotations

from datetime import date

import pytest

from localoffer.rules import EARLIEST_DAY, law_on
from localoffer.rules.parameters import PARAMETERS, NotInForce, parameter


def test_every_parameter_says_what_it_is_and_which_law_sets_it() -> None:
    """A description, a unit and a legislation reference, with values in date order."""
    assert len(PARAMETERS) >= 12
    for item in PARAMETERS.values():
        assert item.description and item.unit and item.reference, item.name
        assert list(item.starts) == sorted(set(item.starts)), item.name


def test_personal_advisers_on_request_after_21_begin_on_1_april_2018() -> None:
    """s.23CZB came into force on 1 April 2018, not a day before."""
    assert law_on(date(2018, 3, 31)).personal_adviser_on_request_to_25 is False
    assert law_on(date(2018, 4, 1)).personal_adviser_on_request_to_25 is True


def test_the_apprenticeship_bursary_is_the_amount_for_the_start_date() -> None:
    """£1,000 for starts from 1 August 2018, £3,000 from 1 August 2023, nothing before."""
    bursary = parameter("apprenticeship_bursary_gbp")
    assert bursary.on(date(2023, 7, 31)) == 1000
    assert bursary.on(date(2023, 8, 1)) == 3000
    with pytest.raises(NotInForce, match="apprenticeship_bursary_gbp has no value on 2018-07-31"):
        bursary.on(date(2018, 7, 31))


def test_the_junior_isa_rule_is_absent_before_junior_isas_existed() -> None:
    """Junior ISAs opened on 1 November 2011: no 12-month rule before then."""
    assert law_on(date(2011, 10, 31)).junior_isa_months_looked_after is None
    assert law_on(date(2011, 11, 1)).junior_isa_months_looked_after == 12


def test_the_law_is_never_applied_before_the_earliest_day() -> None:
    """Before 1 April 2011 the 2001 regulations applied, which are not encoded."""
    assert date(2011, 4, 1) == EARLIEST_DAY
    assert law_on(EARLIEST_DAY).prescribed_period_days == 91
    with pytest.raises(NotInForce):
        law_on(date(2011, 3, 31))
