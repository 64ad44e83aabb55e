"""Which entitlements apply, from when and until when, for people whose status is known."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from localoffer.rules import (
    ELIGIBLE,
    FORMER_RELEVANT,
    IN_EDUCATION_OR_TRAINING,
    IN_FOSTER_CARE_AT_18,
    IN_HIGHER_EDUCATION,
    LEAVING_RESIDENTIAL_CARE,
    LOOKED_AFTER,
    QUALIFYING,
    RELEVANT,
    Answers,
    CarePeriod,
    Criteria,
    EntitlementResult,
    Match,
    assess,
    entitlements_for,
    parse_answers,
)

CARE_LEAVERS = frozenset({ELIGIBLE, RELEVANT, FORMER_RELEVANT})


@dataclass(frozen=True)
class Item:
    """A stand-in for the content layer's Entitlement: an id and its criteria."""

    id: str
    criteria: Criteria


PERSONAL_ADVISER = Item("personal-adviser", Criteria(CARE_LEAVERS, 16, 25))
PATHWAY_PLAN = Item("pathway-plan", Criteria(CARE_LEAVERS, 16, 25))
SUITABLE_ACCOMMODATION = Item("suitable-accommodation", Criteria(frozenset({RELEVANT}), 16, 18))
EXTRA_FOR_CHILDREN = Item("extra-for-children", Criteria(frozenset({ELIGIBLE, RELEVANT}), 16, 25))
STAYING_PUT = Item(
    "staying-put",
    Criteria(frozenset({FORMER_RELEVANT}), 18, 21, frozenset({IN_FOSTER_CARE_AT_18})),
)
BURSARY = Item(
    "higher-education-bursary",
    Criteria(frozenset({FORMER_RELEVANT}), 18, 25, frozenset({IN_HIGHER_EDUCATION})),
)
EDUCATION_SUPPORT = Item(
    "education-training-support",
    Criteria(
        frozenset({FORMER_RELEVANT, QUALIFYING}), 18, 25, frozenset({IN_EDUCATION_OR_TRAINING})
    ),
)
ADVICE = Item("advice-and-assistance", Criteria(frozenset({QUALIFYING}), 16, 25))
UNDER_21 = Item("under-21-help", Criteria(frozenset({FORMER_RELEVANT}), 18, 21))
STAYING_CLOSE = Item(
    "staying-close",
    Criteria(
        frozenset({FORMER_RELEVANT}),
        18,
        25,
        frozenset({LEAVING_RESIDENTIAL_CARE}),
        commencement_pending=True,
    ),
)
NO_INTENTIONAL_HOMELESSNESS = Item(
    "no-intentional-homelessness",
    Criteria(frozenset({RELEVANT, FORMER_RELEVANT}), 16, 25, in_force_from=date(2027, 4, 1)),
)
PA_TO_25_ACT_2017 = Item(
    "pa-to-25", Criteria(frozenset({FORMER_RELEVANT}), 21, 25, in_force_from=date(2018, 4, 1))
)


def _parsed(body: dict[str, object]) -> tuple[Answers, date]:
    return parse_answers(body, today=date(2026, 11, 23))


def _result(body: dict[str, object], items: list[Item]) -> EntitlementResult[Item]:
    answers, on = _parsed(body)
    return entitlements_for(assess(answers, on), answers, items, on)


def _dates(matches: tuple[Match[Item], ...]) -> dict[str, tuple[date | None, date | None]]:
    return {match.item.id: (match.from_, match.until) for match in matches}


WORKED_EXAMPLE = {
    "date_of_birth": "2007-05-01",
    "as_of": "2026-11-23",
    "care_periods": [{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
}
# Born 2008-03-10, looked after from 2023-01-01: eligible from the 16th birthday.
ELIGIBLE_AT_16 = {
    "date_of_birth": "2008-03-10",
    "as_of": "2024-03-10",
    "care_periods": [{"start": "2023-01-01", "end": None}],
}
RELEVANT_AT_16 = {
    "date_of_birth": "2008-03-10",
    "as_of": "2025-06-01",
    "care_periods": [{"start": "2022-01-01", "end": "2025-01-31"}],
}
QUALIFYING_AT_19 = {
    "date_of_birth": "2008-03-10",
    "as_of": "2027-06-01",
    "care_periods": [{"start": "2025-01-01", "end": "2025-03-31"}],
}


def test_the_worked_example_gets_a_personal_adviser_from_18_to_the_day_before_25() -> None:
    """The worked example: personal-adviser from 2025-05-01 until 2032-04-30."""
    result = _result(WORKED_EXAMPLE, [PERSONAL_ADVISER])
    assert _dates(result.applies) == {"personal-adviser": (date(2025, 5, 1), date(2032, 4, 30))}


def test_an_eligible_child_sees_support_for_former_relevant_children_from_18() -> None:
    """Eligible now leads to former relevant at 18, so that support is listed with its date."""
    result = _result(ELIGIBLE_AT_16, [PERSONAL_ADVISER, BURSARY, UNDER_21, EXTRA_FOR_CHILDREN])
    assert _dates(result.applies) == {
        "personal-adviser": (date(2024, 3, 10), date(2033, 3, 9)),
        "under-21-help": (date(2026, 3, 10), date(2029, 3, 9)),
        "extra-for-children": (date(2024, 3, 10), date(2026, 3, 9)),
    }
    assert any("former relevant child on your 18th birthday" in r.text for r in result.reasons)


def test_support_only_for_children_ends_the_day_before_18() -> None:
    """An item for eligible and relevant children stops when that status stops, not at age_to."""
    result = _result(RELEVANT_AT_16, [EXTRA_FOR_CHILDREN, SUITABLE_ACCOMMODATION])
    assert _dates(result.applies) == {
        "extra-for-children": (date(2025, 2, 1), date(2026, 3, 9)),
        "suitable-accommodation": (date(2025, 2, 1), date(2026, 3, 9)),
    }


def test_an_eligible_child_does_not_get_support_only_for_relevant_children() -> None:
    """Becoming relevant depends on leaving care, which the checker does not foresee."""
    assert _result(ELIGIBLE_AT_16, [SUITABLE_ACCOMMODATION]).applies == ()


def test_a_looked_after_child_is_not_shown_eligible_child_support() -> None:
    """Becoming eligible depends on staying in care, so it is not foreseen either."""
    body = {**ELIGIBLE_AT_16, "as_of": "2024-03-09"}
    result = _result(body, [PERSONAL_ADVISER, EXTRA_FOR_CHILDREN])
    assert assess(*_parsed(body)).status == LOOKED_AFTER
    assert result.applies == result.may_also_apply == result.coming_in == ()
    assert result.reasons == ()


def test_an_item_needing_an_unasked_fact_may_also_apply_but_never_applies() -> None:
    """Staying Put needs foster care at 18, which the checker does not ask."""
    result = _result(WORKED_EXAMPLE, [STAYING_PUT])
    assert result.applies == ()
    (match,) = result.may_also_apply
    assert (match.item, match.from_, match.until) == (
        STAYING_PUT,
        date(2025, 5, 1),
        date(2028, 4, 30),
    )
    assert match.unknown_conditions == (IN_FOSTER_CARE_AT_18,)


def test_an_item_needing_education_applies_only_to_someone_in_education() -> None:
    """Asked conditions are decided: false excludes the item, true includes it."""
    assert _result(WORKED_EXAMPLE, [EDUCATION_SUPPORT]).applies == ()
    studying = {**WORKED_EXAMPLE, "in_education_or_training": True}
    assert _dates(_result(studying, [EDUCATION_SUPPORT]).applies) == {
        "education-training-support": (date(2025, 5, 1), date(2032, 4, 30))
    }


def test_higher_education_counts_as_education() -> None:
    """A student in higher education meets an in_education_or_training condition too."""
    in_university = {**WORKED_EXAMPLE, "in_higher_education": True}
    result = _result(in_university, [EDUCATION_SUPPORT, BURSARY])
    assert [match.item for match in result.applies] == [EDUCATION_SUPPORT, BURSARY]


def test_education_alone_does_not_meet_a_higher_education_condition() -> None:
    """The bursary is for higher education, not any course."""
    studying = {**WORKED_EXAMPLE, "in_education_or_training": True}
    assert _result(studying, [BURSARY]).applies == ()


def test_a_known_false_condition_excludes_an_item_even_with_unknown_ones() -> None:
    """An item is only 'may also apply' when everything the checker did ask is met."""
    both = Item(
        "both",
        Criteria(
            frozenset({FORMER_RELEVANT}),
            18,
            25,
            frozenset({IN_HIGHER_EDUCATION, IN_FOSTER_CARE_AT_18}),
        ),
    )
    result = _result(WORKED_EXAMPLE, [both])
    assert result.applies == result.may_also_apply == result.coming_in == ()


def test_a_qualifying_young_person_not_in_education_is_helped_until_21() -> None:
    """Qualifying status ends at 21 without education, whatever the item's age_to."""
    assert _dates(_result(QUALIFYING_AT_19, [ADVICE]).applies) == {
        "advice-and-assistance": (date(2025, 4, 1), date(2029, 3, 9))
    }


def test_a_qualifying_young_person_in_education_is_helped_until_25() -> None:
    """In education, qualifying status and education support run to the day before 25."""
    studying = {**QUALIFYING_AT_19, "in_education_or_training": True}
    assert _dates(_result(studying, [ADVICE, EDUCATION_SUPPORT]).applies) == {
        "advice-and-assistance": (date(2025, 4, 1), date(2033, 3, 9)),
        "education-training-support": (date(2026, 3, 10), date(2033, 3, 9)),
    }


@pytest.mark.parametrize(
    ("as_of", "applies"),
    [("2029-03-09", True), ("2029-03-10", False)],
)
def test_an_item_stops_applying_on_its_age_to_birthday(as_of: str, applies: bool) -> None:
    """Ages 18 to 21 cover the day before the 21st birthday but not the birthday itself."""
    body = {**RELEVANT_AT_16, "as_of": as_of}
    matches = _result(body, [UNDER_21]).applies
    assert bool(matches) is applies
    if applies:
        assert _dates(matches) == {"under-21-help": (date(2026, 3, 10), date(2029, 3, 9))}


def test_law_with_no_start_date_is_coming_in_with_no_from_date() -> None:
    """Commencement pending: never applies, listed as coming in, unknown facts kept."""
    result = _result(WORKED_EXAMPLE, [STAYING_CLOSE])
    assert result.applies == result.may_also_apply == ()
    (match,) = result.coming_in
    assert (match.from_, match.until) == (None, date(2032, 4, 30))
    assert match.unknown_conditions == (LEAVING_RESIDENTIAL_CARE,)


def test_law_starting_later_is_coming_in_from_its_start_date() -> None:
    """An item in force from a future date is coming in, from that date."""
    result = _result(WORKED_EXAMPLE, [NO_INTENTIONAL_HOMELESSNESS])
    assert result.applies == ()
    assert _dates(result.coming_in) == {
        "no-intentional-homelessness": (date(2027, 4, 1), date(2032, 4, 30))
    }


def test_law_starting_after_the_person_ages_out_is_not_listed_at_all() -> None:
    """If the person will be past the item's ages when it starts, it is not coming in for them."""
    late = Item(
        "late", Criteria(frozenset({FORMER_RELEVANT}), 18, 21, in_force_from=date(2029, 1, 1))
    )
    result = _result(WORKED_EXAMPLE, [late])
    assert result.applies == result.may_also_apply == result.coming_in == ()


def test_law_that_started_after_the_status_began_applies_from_its_start() -> None:
    """From is never before the day the law came into force."""
    old = {**WORKED_EXAMPLE, "date_of_birth": "1996-05-01", "as_of": "2018-06-01"}
    old["care_periods"] = [{"start": "2010-06-01", "end": "2014-04-30"}]
    assert _dates(_result(old, [PA_TO_25_ACT_2017]).applies) == {
        "pa-to-25": (date(2018, 4, 1), date(2021, 4, 30))
    }


def test_no_care_leaver_entitlement_applies_at_25() -> None:
    """On the 25th birthday nothing for care leavers applies."""
    body = {**WORKED_EXAMPLE, "as_of": "2032-05-01"}
    result = _result(body, [PERSONAL_ADVISER, STAYING_PUT, STAYING_CLOSE, ADVICE])
    assert result.applies == result.may_also_apply == result.coming_in == ()


def test_items_keep_their_order_and_any_item_type_works_with_a_criteria_function() -> None:
    """The caller's order is kept, and plain Criteria can be passed with criteria=identity."""
    answers, on = _parsed(WORKED_EXAMPLE)
    items = [UNDER_21.criteria, PERSONAL_ADVISER.criteria, ADVICE.criteria]
    result = entitlements_for(assess(answers, on), answers, items, on, criteria=lambda c: c)
    assert [match.item for match in result.applies] == [
        UNDER_21.criteria,
        PERSONAL_ADVISER.criteria,
    ]


def test_answers_built_in_code_work_without_parsing() -> None:
    """The rules accept Answers made directly, as the wizard may build them."""
    answers = Answers(
        date_of_birth=date(2007, 5, 1),
        care_periods=(CarePeriod(date(2021, 6, 1), date(2025, 4, 30)),),
    )
    on = date(2026, 11, 23)
    result = entitlements_for(assess(answers, on), answers, [PERSONAL_ADVISER], on)
    assert _dates(result.applies) == {"personal-adviser": (date(2025, 5, 1), date(2032, 4, 30))}
