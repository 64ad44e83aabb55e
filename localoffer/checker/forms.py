"""The checker's questions: one form per page, GOV.UK radios and date inputs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovRadioInput, GovSubmitInput
from wtforms import BooleanField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from localoffer.web.fields import AnswerRadioField, DateInputField

YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]
YES_NO_UNSURE = [*YES_NO, SelectChoice("unsure", _l("I'm not sure"))]
PREFER_NOT = SelectChoice("prefer_not", _l("Prefer not to say"))
YES_NO_PREFER_NOT = [*YES_NO, PREFER_NOT]
# What an optional question holds when it was left blank: answered, as "not answered".
SKIPPED = ""


class QuestionForm(FlaskForm):
    """A page with one question; `answer` is the field the page asks about."""

    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


def radio_form(
    label: str, choices: list, error: str, hint: str | None = None, optional: bool = False
) -> type[QuestionForm]:
    """A one-question yes/no (or multiple choice) form, declared as data.

    An optional question may be sent with nothing chosen; a value that is not one of the
    choices (an altered request) still gets `error`.
    """

    class RadioQuestion(QuestionForm):
        answer = AnswerRadioField(
            label,
            invalid=error,
            choices=choices,
            description=hint or "",
            validators=[Optional() if optional else InputRequired(message=error)],
            widget=GovRadioInput(),
        )

    return RadioQuestion


RouteForm = radio_form(
    _l("Do you know the dates you were in care?"),
    [SelectChoice("dates", _l("Yes, I know my dates or can find them")),
     SelectChoice("rough", _l("No, I'm not sure of my dates"))],
    _l("Select yes if you know the dates you were in care"),
    _l("If you are not sure, we will ask some simple questions instead and give you a best "
       "answer."),
)  # fmt: skip

InCareNowForm = radio_form(
    _l("Are you in care now?"),
    YES_NO,
    _l("Select yes if you are in care now"),
    _l("This means living in foster care, a children's home or other care arranged by the "
       "council."),
)  # fmt: skip

CareAfter16Form = radio_form(
    _l("Were you in care on or after your 16th birthday?"),
    YES_NO_UNSURE,
    _l("Select if you were in care on or after your 16th birthday"),
)

TimeInCareForm = radio_form(
    _l("Since your 14th birthday, how long have you been in care in total?"),
    [SelectChoice("long", _l("13 weeks (about 3 months) or more")),
     SelectChoice("short", _l("Less than 13 weeks")),
     SelectChoice("unsure", _l("I'm not sure"))],
    _l("Select how long you have been in care since your 14th birthday"),
    _l("Add up all the times you were in care. Do not count planned short breaks, where you "
       "went back home after each stay."),
)  # fmt: skip

SpecialGuardianshipForm = radio_form(
    _l("Did you leave care because a special guardianship order was made?"),
    YES_NO_UNSURE,
    _l("Select if you left care on a special guardianship order"),
    _l("A special guardianship order is a court order that lets someone, often a relative, "
       "look after you until you are 18."),
)  # fmt: skip

CustodyForm = radio_form(
    _l("On your 16th birthday, were you in custody or in hospital?"),
    YES_NO,
    _l("Select yes if you were in custody or in hospital on your 16th birthday"),
    _l("Custody means a young offender institution, secure training centre or prison."),
)

LivedWithParentForm = radio_form(
    _l("Since you left care, have you lived with a parent for 6 months or more in a row?"),
    YES_NO,
    _l("Select yes if you have lived with a parent for 6 months or more since leaving care"),
    _l(
        "A parent includes anyone with parental responsibility for you. Answer yes only if the "
        "6 months were before your 18th birthday and you still live with them, or still lived "
        "with them on your 18th birthday."
    ),
)

EducationForm = radio_form(
    _l("Are you in education or training now?"),
    [SelectChoice("none", _l("No")),
     SelectChoice("education",
                  _l("Yes, at school, college, or on an apprenticeship or training course")),
     SelectChoice("higher", _l("Yes, at university or on another higher education course"))],
    _l("Select if you are in education or training now"),
)  # fmt: skip

AddAnotherForm = radio_form(
    _l("Were you in care at any other time?"),
    YES_NO,
    _l("Select yes if you were in care at any other time"),
    _l("Include every time since your 14th birthday, even short ones."),
)


# The optional questions that personalise the result (vocabulary.PERSONAL_QUESTIONS). Each
# says why it is asked; none is required, and "Prefer not to say" never hides anything.
ParentForm = radio_form(
    _l("Are you a parent, or expecting a baby?"),
    YES_NO_PREFER_NOT,
    _l("Select yes, no or prefer not to say"),
    _l("This includes if your partner is expecting. We ask so we can show you help for young "
       "parents, like money for your baby and childcare."),
    optional=True,
)  # fmt: skip

CameToUkAloneForm = radio_form(
    _l("Did you come to the UK on your own, as a child?"),
    YES_NO_PREFER_NOT,
    _l("Select yes, no or prefer not to say"),
    _l("For example, as an unaccompanied asylum-seeking child. Answer yes whether you have "
       "refugee status or leave to remain, or are waiting for a decision. We ask so we can show "
       "you help with immigration advice."),
    optional=True,
)  # fmt: skip

DisabilityForm = radio_form(
    _l("Are you disabled, or do you have special educational needs?"),
    YES_NO_PREFER_NOT,
    _l("Select yes, no or prefer not to say"),
    _l("This includes a long-term health condition, or needing extra help to learn. We ask so "
       "we can show you extra help with learning and care up to 25."),
    optional=True,
)  # fmt: skip

WhereYouLiveForm = radio_form(
    _l("Do you live in the area of the council that looked after you?"),
    YES_NO_PREFER_NOT,
    _l("Select yes, no or prefer not to say"),
    _l("Your council supports you wherever you live. We ask because some help, like help with "
       "council tax, depends on where you live."),
    optional=True,
)  # fmt: skip

InCustodyNowForm = radio_form(
    _l("Are you in custody, or have you just left custody?"),
    YES_NO_PREFER_NOT,
    _l("Select yes, no or prefer not to say"),
    _l("Custody includes prison, a young offender institution and remand. We ask because your "
       "council must keep supporting you there and help you plan for when you leave. We do not "
       "ask why."),
    optional=True,
)  # fmt: skip

OPTIONAL_NOTE = _l("You do not have to answer. We do not keep your answer.")


class DateOfBirthForm(QuestionForm):
    answer = DateInputField(
        _l("What is your date of birth?"), thing=_l("your date of birth"),
        description=_l("For example, 27 3 2008. If your age was assessed, use the date of birth "
                       "on your papers."),
    )  # fmt: skip


SHORT_BREAK_MISSING = _l("Select yes if this was a planned short break")


class CarePeriodForm(QuestionForm):
    start = DateInputField(
        _l("When did this time in care start?"), thing=_l("the date this time in care started"),
        description=_l("For example, 1 6 2021. If you are not sure of the day, put 1."),
    )  # fmt: skip
    still_in_care = BooleanField(_l("I'm still in care"), widget=GovCheckboxInput())
    end = DateInputField(
        _l("When did it end?"), thing=_l("the date this time in care ended"), required=False,
        description=_l("The last day you were in care. Leave empty if you are still in care."),
    )  # fmt: skip
    short_break = AnswerRadioField(
        _l("Was this a planned short break?"),
        invalid=SHORT_BREAK_MISSING,
        choices=YES_NO,
        description=_l(
            "A short break is a planned stay of 17 days or less with the same carers, going "
            "home to a parent after each stay. Most people should answer no."
        ),
        validators=[InputRequired(message=SHORT_BREAK_MISSING)],
        widget=GovRadioInput(),
    )


class ConfirmForm(FlaskForm):
    submit = SubmitField(_l("See what you can get"), widget=GovSubmitInput())
