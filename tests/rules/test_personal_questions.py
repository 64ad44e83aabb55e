"""The optional personalising questions narrow the offer only through content conditions.

Each question is tri-state (docs/architecture.md, JSON API): yes settles its condition as
met, no as not met, and "prefer not to say" or no answer (null, or left out) leaves it open.
An open condition never hides anything: the item is listed as "may also apply". The table
gives, for every question and every answer, where an item needing the condition lands and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from localoffer.rules import (
    CAME_TO_UK_ALONE,
    CONDITIONS,
    DISABLED_OR_SEN,
    ELIGIBLE,
    FORMER_RELEVANT,
    IN_CUSTODY,
    LIVES_IN_COUNCIL_AREA,
    LIVES_OUTSIDE_COUNCIL_AREA,
    PARENT_OR_EXPECTING,
    PERSONAL_QUESTIONS,
    QUALIFYING,
    RELEVANT,
    Criteria,
    EntitlementResult,
    InvalidAnswers,
    assess,
    entitlements_for,
    parse_answers,
)
from localoffer.rules.answers import PersonalAnswers

TODAY = date(2026, 11, 23)
CARE_LEAVERS = frozenset({ELIGIBLE, RELEVANT, FORMER_RELEVANT, QUALIFYING})
# The worked example (docs/architecture.md): former relevant on 23 November 2026.
WORKED_EXAMPLE: dict[str, Any] = {
    "date_of_birth": "2007-05-01",
    "as_of": "2026-11-23",
    "care_periods": [{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
}


@dataclass(frozen=True)
class Item:
    """A stand-in for an entitlement needing one condition, as its content file names it."""

    id: str
    criteria: Criteria


def _needing(condition: str) -> Item:
    return Item(condition, Criteria(CARE_LEAVERS, 16, 25, frozenset({condition})))


APPLIES, MAY_APPLY, NOT_LISTED = "applies", "may also apply", "not listed"
ABSENT = object()  # the field left out of the body altogether

# (question, answer, condition, where an item needing it lands, why)
CASES: list[tuple[str, object, str, str, str]] = []
_WHY = {
    PARENT_OR_EXPECTING: "young parents' support and Care to Learn are for parents and "
    "parents-to-be (council offer under Localism Act 2011 s.1; Care to Learn scheme rules)",
    CAME_TO_UK_ALONE: "immigration advice is for young people who came to the UK alone "
    "(Care Leavers (England) Regulations 2010: the pathway plan covers their needs)",
    DISABLED_OR_SEN: "EHC plans to 25 and transition assessments are for disabled young "
    "people and those with SEN (Children and Families Act 2014 s.46; Care Act 2014 s.58)",
    LIVES_OUTSIDE_COUNCIL_AREA: "the responsible council keeps its duties wherever the young "
    "person lives (Children Act 1989 s.23A-24); the page is for those living elsewhere",
    IN_CUSTODY: "visits and release planning are for young people in custody or leaving it "
    "(Children Act 1989 s.23ZA; Visits to Former Looked After Children in Detention (England) "
    "Regulations 2010)",
}
for _question in PERSONAL_QUESTIONS:
    CASES += [
        (_question, True, _question, APPLIES, "yes: " + _WHY[_question]),
        (_question, False, _question, NOT_LISTED, "no: the condition is settled as not met"),
        (_question, None, _question, MAY_APPLY, "prefer not to say (null): never hides it"),
        (_question, ABSENT, _question, MAY_APPLY, "not answered: never hides it"),
    ]
# Council tax is exempted only on a home in the council's area (Local Government Finance
# Act 1992 s.13A(1)(c) is the council's power over its own bills), so the one answer about
# where someone lives settles both conditions, in opposite ways.
CASES += [
    (LIVES_OUTSIDE_COUNCIL_AREA, True, LIVES_IN_COUNCIL_AREA, NOT_LISTED,
     "lives elsewhere: that council's own rules on council tax apply"),
    (LIVES_OUTSIDE_COUNCIL_AREA, False, LIVES_IN_COUNCIL_AREA, APPLIES,
     "lives in the area: the council's own exemption applies"),
    (LIVES_OUTSIDE_COUNCIL_AREA, None, LIVES_IN_COUNCIL_AREA, MAY_APPLY,
     "prefer not to say: never hides it"),
    (LIVES_OUTSIDE_COUNCIL_AREA, ABSENT, LIVES_IN_COUNCIL_AREA, MAY_APPLY,
     "not answered: never hides it"),
]  # fmt: skip


def _landing(result: EntitlementResult[Item]) -> str:
    if result.applies:
        return APPLIES
    if result.may_also_apply:
        return MAY_APPLY
    return NOT_LISTED


def _check(body: dict[str, Any], items: list[Item]) -> EntitlementResult[Item]:
    answers, on = parse_answers(body, today=TODAY)
    return entitlements_for(assess(answers, on), answers, items, on)


@pytest.mark.parametrize(
    ("question", "answer", "condition", "expected", "why"),
    CASES,
    ids=[f"{q}={'absent' if a is ABSENT else a}:{c}" for q, a, c, _, _ in CASES],
)
def test_each_answer_settles_only_its_own_condition(
    question: str, answer: object, condition: str, expected: str, why: str
) -> None:
    body = dict(WORKED_EXAMPLE)
    if answer is not ABSENT:
        body[question] = answer
    result = _check(body, [_needing(condition)])
    assert _landing(result) == expected, why
    if expected == MAY_APPLY:
        # Left open, it is named so an adviser can ask: the item is listed, not hidden.
        assert result.may_also_apply[0].unknown_conditions == (condition,), why


@pytest.mark.parametrize("question", PERSONAL_QUESTIONS)
def test_an_answer_never_touches_an_item_that_does_not_depend_on_it(question: str) -> None:
    """A no to one question hides only what needs that fact; everything else still applies."""
    others = [_needing(q) for q in PERSONAL_QUESTIONS if q != question]
    everyone = Item("personal-adviser", Criteria(CARE_LEAVERS, 16, 25))
    body = {**WORKED_EXAMPLE, question: False}
    result = _check(body, [everyone, *others])
    assert [m.item for m in result.applies] == [everyone]
    assert [m.item for m in result.may_also_apply] == others


def test_all_unanswered_lists_exactly_what_all_answered_yes_lists() -> None:
    """Not answering never hides anything: the same items are listed, only less certainly."""
    items = [_needing(c) for c in (*PERSONAL_QUESTIONS, LIVES_IN_COUNCIL_AREA)]
    unanswered = _check(dict(WORKED_EXAMPLE), items)
    assert unanswered.applies == ()
    listed = {m.item.id for m in unanswered.may_also_apply}
    assert listed == {item.id for item in items}


def test_the_answers_keep_each_reply_and_none_for_not_answered() -> None:
    answers, _ = parse_answers(
        {**WORKED_EXAMPLE, "parent_or_expecting": True, "in_custody": False,
         "came_to_uk_alone": None},
        today=TODAY,
    )  # fmt: skip
    assert answers.parent_or_expecting is True
    assert answers.in_custody is False
    assert answers.came_to_uk_alone is None
    assert answers.disabled_or_special_educational_needs is None


@pytest.mark.parametrize("question", PERSONAL_QUESTIONS)
@pytest.mark.parametrize("value", ["true", "yes", 1, 0, [], {}, "null"])
def test_anything_but_true_false_or_null_is_named_against_its_field(
    question: str, value: object
) -> None:
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers({**WORKED_EXAMPLE, question: value}, today=TODAY)
    assert raised.value.errors == {
        question: f"Answer {question} with true, false or null (not answered), without quotes"
    }


def test_every_question_is_a_condition_content_can_name() -> None:
    assert set(PERSONAL_QUESTIONS) | {LIVES_IN_COUNCIL_AREA} <= set(CONDITIONS)


def test_the_answers_hold_every_question_and_only_those() -> None:
    assert tuple(PersonalAnswers.__annotations__) == PERSONAL_QUESTIONS
