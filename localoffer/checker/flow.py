"""The checker's questions in order, each with the condition under which it is asked.

Declared as data so that "next", "back" and "check your answers" all follow one list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from localoffer.checker import forms
from localoffer.checker.state import CheckerState
from localoffer.rules import age_on, birthday


@dataclass(frozen=True)
class Step:
    slug: str  # the URL part and, with - as _, the state field it fills
    form: type[forms.QuestionForm] | None
    asked: Callable[[CheckerState, date], bool]
    # An optional question may be left blank; it is still "answered" (as not answered).
    optional: bool = False

    @property
    def field(self) -> str:
        return self.slug.replace("-", "_")


def _always(state: CheckerState, today: date) -> bool:
    return True


def _dates(state: CheckerState, today: date) -> bool:
    return state.route == "dates"


def _rough(state: CheckerState, today: date) -> bool:
    return state.route == "rough"


def _age(state: CheckerState, today: date) -> int | None:
    return age_on(state.dob, today) if state.dob and state.dob <= today else None


def _left_care_after_16_question(state: CheckerState, today: date) -> bool:
    age = _age(state, today)
    return _rough(state, today) and state.in_care_now == "no" and (age or 0) >= 16


def _time_in_care_question(state: CheckerState, today: date) -> bool:
    return _rough(state, today) and not (state.in_care_now == "no" and state.care_after_16 == "no")


def _has_left_care(state: CheckerState, today: date) -> bool:
    return state.still_in_care is False


def _sixteen_or_over(state: CheckerState, today: date) -> bool:
    return (_age(state, today) or 0) >= 16


def _left_care_at_16_or_17(state: CheckerState, today: date) -> bool:
    """Asked of anyone, child or adult, who may have left care at 16 or 17: six months home
    with a parent by 18 ends relevant-child status (Care Leavers (England) Regulations 2010,
    reg. 3(3)), so the API's flag and this question must mean the same at every age."""
    age = _age(state, today)
    if state.still_in_care is not False or age is None or age < 16 or state.dob is None:
        return False
    if state.route != "dates":
        return state.care_after_16 != "no"
    ends = [
        date.fromisoformat(period["end"])
        for period in state.periods
        if period["end"] and not period["short_break"]
    ]
    # Leaving on the day before the 18th birthday leaves no time at home before 18.
    last_child_day = birthday(state.dob, 18) - timedelta(days=1)
    return bool(ends) and birthday(state.dob, 16) <= max(ends) < last_child_day


STEPS: tuple[Step, ...] = (
    Step("route", forms.RouteForm, _always),
    Step("date-of-birth", forms.DateOfBirthForm, _always),
    Step("care-periods", None, _dates),
    Step("in-care-now", forms.InCareNowForm, _rough),
    Step("care-after-16", forms.CareAfter16Form, _left_care_after_16_question),
    Step("time-in-care", forms.TimeInCareForm, _time_in_care_question),
    Step("special-guardianship", forms.SpecialGuardianshipForm, _has_left_care),
    Step("custody", forms.CustodyForm, _sixteen_or_over),
    Step("lived-with-parent", forms.LivedWithParentForm, _left_care_at_16_or_17),
    Step("education", forms.EducationForm, _sixteen_or_over),
    # The optional questions: every item they narrow is for care leavers of 16 or over.
    Step("parent", forms.ParentForm, _sixteen_or_over, optional=True),
    Step("came-to-uk-alone", forms.CameToUkAloneForm, _sixteen_or_over, optional=True),
    Step("disability", forms.DisabilityForm, _sixteen_or_over, optional=True),
    Step("where-you-live", forms.WhereYouLiveForm, _sixteen_or_over, optional=True),
    Step("in-custody-now", forms.InCustodyNowForm, _sixteen_or_over, optional=True),
)
BY_SLUG = {step.slug: step for step in STEPS}


def asked_steps(state: CheckerState, today: date) -> list[Step]:
    return [step for step in STEPS if step.asked(state, today)]


def is_answered(step: Step, state: CheckerState) -> bool:
    if step.slug == "care-periods":
        return bool(state.periods) and state.add_another == "no"
    return getattr(state, step.field) is not None


def first_unanswered(state: CheckerState, today: date) -> Step | None:
    return next((s for s in asked_steps(state, today) if not is_answered(s, state)), None)


def step_after(step: Step, state: CheckerState, today: date) -> Step | None:
    """The next question to ask, skipping those that do not apply to these answers."""
    steps = asked_steps(state, today)
    if step not in steps:
        return first_unanswered(state, today)
    later = steps[steps.index(step) + 1 :]
    return later[0] if later else None


def step_before(step: Step, state: CheckerState, today: date) -> Step | None:
    steps = asked_steps(state, today)
    if step not in steps:
        return None
    index = steps.index(step)
    return steps[index - 1] if index else None
