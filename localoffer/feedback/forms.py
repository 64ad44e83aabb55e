"""The public feedback forms: what each asks, its limits, and GOV.UK-style messages."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from localoffer.feedback.email import is_plain_address, looks_like_several
from localoffer.feedback.models import COMMENT_MAX, EMAIL_MAX, MESSAGE_MAX
from localoffer.feedback.text import typed_text
from localoffer.web.fields import AnswerRadioField

# The shape of a staff sign-in name; a reply address is checked by is_plain_address.
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

ROLE_CHOICES = [
    SelectChoice("care_leaver", _l("I am a care leaver, or in care now")),
    SelectChoice("adviser", _l("I am a personal adviser")),
    SelectChoice("forum", _l("I am a member of the care leavers' forum")),
    SelectChoice("other", _l("Other")),
]


def _too_long(thing: Any, limit: int) -> Any:
    return _l("%(thing)s must be %(limit)s characters or fewer", thing=thing, limit=limit)


class ProtectedForm(FlaskForm):
    """Every public form: CSRF (from FlaskForm) and a honeypot that people never see."""

    # Hidden from people (and screen readers) by the template; simple bots fill it in.
    website = StringField("Website")

    @property
    def looks_automated(self) -> bool:
        return bool((self.website.data or "").strip())


def reply_checkbox() -> BooleanField:
    return BooleanField(_l("I would like a reply"), widget=GovCheckboxInput())


def email_field() -> StringField:
    return StringField(
        _l("Email address"),
        validators=[Length(max=EMAIL_MAX, message=_too_long(_l("Your email address"), EMAIL_MAX))],
        filters=[typed_text, lambda value: value.strip() if value else value],
        widget=GovTextInput(),
    )


class ReplyForm(ProtectedForm):
    """Asks for an email address only from someone who wants a reply.

    Subclasses declare `wants_reply = reply_checkbox()` and `email = email_field()` last, so
    that the error summary lists problems in the order of the page.
    """

    wants_reply: BooleanField
    email: StringField

    def validate_email(self, field: StringField) -> None:
        value = field.data or ""
        if self.wants_reply.data and not value:
            raise ValidationError(str(_l("Enter your email address so that we can reply")))
        if value and looks_like_several(value):
            raise ValidationError(str(_l("Enter one email address only")))
        if value and not is_plain_address(value):
            raise ValidationError(
                str(_l("Enter an email address in the correct format, like name@example.com"))
            )
        if value and not self.wants_reply.data:
            # We keep an address only when the person asked for a reply; never silently.
            raise ValidationError(
                str(_l("Select \u2018I would like a reply\u2019 if you want a reply, or delete "
                       "your email address"))
            )  # fmt: skip


def optional_text(label: Any, thing: Any, limit: int, hint: Any = "") -> TextAreaField:
    return TextAreaField(
        label,
        description=hint,
        validators=[Optional(), Length(max=limit, message=_too_long(thing, limit))],
        filters=[typed_text],
        widget=GovTextArea(),
    )


def required_text(label: Any, thing: Any, limit: int, missing: Any, hint: Any = "") -> Any:
    return TextAreaField(
        label,
        description=hint,
        validators=[
            InputRequired(message=missing),
            Length(max=limit, message=_too_long(thing, limit)),
        ],
        filters=[typed_text, lambda value: value.strip() if value else value],
        widget=GovTextArea(),
    )


NO_PERSONAL_DETAILS = _l("Do not include personal details like your name, address or date of "
                         "birth.")  # fmt: skip


USEFUL_MISSING = _l("Select yes if this page was useful")


class UsefulForm(ProtectedForm):
    page = HiddenField()
    useful = AnswerRadioField(
        _l("Was this page useful?"),
        invalid=USEFUL_MISSING,
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(message=USEFUL_MISSING)],
        widget=GovRadioInput(),
    )
    comment = optional_text(
        _l("Tell us more (optional)"),
        _l("Your comment"),
        COMMENT_MAX,
        _l("What did you need, or what was not clear? You can enter up to %(limit)s "
           "characters. Do not include personal details.", limit=COMMENT_MAX),
    )  # fmt: skip
    submit = SubmitField(_l("Send"), widget=GovSubmitInput())


def role_field() -> AnswerRadioField:
    """The optional "Who are you?" question shared by the suggestion and feedback forms."""
    return AnswerRadioField(
        _l("Who are you? (optional)"),
        invalid=_l("Select who you are from the list, or leave this question blank"),
        choices=ROLE_CHOICES,
        validators=[Optional()],
        # Optional() accepts whitespace and clears the "not a valid choice" error, so " " was
        # stored and broke the database's check on roles (a 500): it now counts as no answer.
        filters=[lambda value: value.strip() if value else value],
        widget=GovRadioInput(),
    )


class SuggestionForm(ReplyForm):
    change = required_text(
        _l("What should change?"),
        _l("What should change"),
        MESSAGE_MAX,
        _l("Enter what should change"),
        _l("For example, something that is missing, wrong or hard to understand. You can enter "
           "up to %(limit)s characters.", limit=MESSAGE_MAX),
    )  # fmt: skip
    reason = optional_text(
        _l("Why should it change? (optional)"),
        _l("Why it should change"),
        MESSAGE_MAX,
        NO_PERSONAL_DETAILS,
    )
    role = role_field()
    wants_reply = reply_checkbox()
    email = email_field()
    submit = SubmitField(_l("Send suggestion"), widget=GovSubmitInput())


class GeneralFeedbackForm(ReplyForm):
    message = required_text(
        _l("What would you like to tell us?"),
        _l("Your feedback"),
        MESSAGE_MAX,
        _l("Enter your feedback"),
        _l("You can enter up to %(limit)s characters. Do not include personal details like "
           "your name, address or date of birth.", limit=MESSAGE_MAX),
    )  # fmt: skip
    role = role_field()
    wants_reply = reply_checkbox()
    email = email_field()
    submit = SubmitField(_l("Send feedback"), widget=GovSubmitInput())
