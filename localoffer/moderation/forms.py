"""Moderation forms: sign-in, the queue's filters, and deciding on an item."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    DateField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from localoffer.feedback.labels import KIND_LABELS, STATUS_LABELS
from localoffer.feedback.models import ANSWERED_STATUSES, EMAIL_MAX, MESSAGE_MAX, STATUSES
from localoffer.feedback.text import PUBLIC_MESSAGE_MAX, typed_text


class LoginForm(FlaskForm):
    email = StringField(
        _l("Email address"),
        validators=[InputRequired(message=_l("Enter your email address")),
                    Length(max=EMAIL_MAX, message=_l("Enter a correct email address"))],
        filters=[typed_text, lambda value: value.strip() if value else value],
        widget=GovTextInput(),
    )  # fmt: skip
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(message=_l("Enter your password"))],
        widget=GovPasswordInput(),
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class CodeForm(FlaskForm):
    """The second step of signing in, and the first code when setting up two-factor sign-in."""

    code = StringField(
        _l("Code"),
        validators=[InputRequired(message=_l("Enter the code shown in your authenticator app")),
                    Length(max=40, message=_l("Enter the code shown in your authenticator app"))],
        filters=[typed_text, lambda value: value.strip() if value else value],
        widget=GovTextInput(),
    )  # fmt: skip
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class ActionForm(FlaskForm):
    """A button that changes something: nothing to fill in but the CSRF token."""


class FilterForm(FlaskForm):
    """The queue's filters, read from the query string so a filtered queue can be bookmarked."""

    class Meta:
        csrf = False  # a GET that changes nothing

    status = SelectField(_l("Status"), validators=[Optional()], widget=GovSelect())
    kind = SelectField(_l("Type"), validators=[Optional()], widget=GovSelect())
    theme = SelectField(_l("Theme"), validators=[Optional()], widget=GovSelect())
    entitlement = SelectField(_l("Page"), validators=[Optional()], widget=GovSelect())
    received_from = DateField(
        _l("Received on or after"),
        validators=[Optional()],
        description=_l("For example, 2026-11-01"),
        widget=GovTextInput(),
    )
    received_to = DateField(
        _l("Received on or before"),
        validators=[Optional()],
        description=_l("For example, 2026-11-30"),
        widget=GovTextInput(),
    )
    submit = SubmitField(_l("Apply filters"), widget=GovSubmitInput())

    def set_choices(self, themes: list[tuple[str, Any]], items: list[tuple[str, str]]) -> None:
        anything = [SelectChoice("", _l("Any"))]
        self.status.choices = anything + [SelectChoice(s, STATUS_LABELS[s]) for s in STATUSES]
        self.kind.choices = anything + [SelectChoice(k, v) for k, v in KIND_LABELS.items()]
        self.theme.choices = anything + [SelectChoice(t, label) for t, label in themes]
        self.entitlement.choices = anything + [SelectChoice(i, title) for i, title in items]

    def validate_received_to(self, field: DateField) -> None:
        start = self.received_from.data
        if field.data and start and field.data < start:
            raise ValidationError(str(_l("The end date must be the same as or after the start")))


class ItemForm(FlaskForm):
    status = RadioField(
        _l("Status"),
        choices=[SelectChoice(s, STATUS_LABELS[s]) for s in STATUSES],
        validators=[InputRequired(message=_l("Select a status"))],
        widget=GovRadioInput(),
    )
    public_message = TextAreaField(
        _l("What they said, as shown in public"),
        description=_l("Shortened, with email addresses, phone numbers and links removed. "
                       "Take out anything else that could identify someone."),
        validators=[Length(max=PUBLIC_MESSAGE_MAX,
                           message=_l("What they said must be %(limit)s characters or fewer",
                                      limit=PUBLIC_MESSAGE_MAX))],
        filters=[typed_text],
        widget=GovTextArea(),
    )  # fmt: skip
    public_response = TextAreaField(
        _l("Our public response (optional)"),
        description=_l("Shown on \u2018You said, we did\u2019. Leave empty to show nothing."),
        validators=[Length(max=MESSAGE_MAX,
                           message=_l("The response must be %(limit)s characters or fewer",
                                      limit=MESSAGE_MAX))],
        filters=[typed_text],
        widget=GovTextArea(),
    )  # fmt: skip
    # Choices are the changes published about the entitlement since the suggestion came in.
    change = SelectField(_l("Published change it led to"), validate_choice=False,
                         widget=GovSelect())  # fmt: skip
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())

    def set_changes(self, changes: list[tuple[str, str]]) -> None:
        self.change.choices = [("", str(_l("Not linked to a change"))), *changes]

    def validate_change(self, field: SelectField) -> None:
        if not field.data:
            return
        if field.data not in {value for value, _label in self.change.choices or []}:
            raise ValidationError(str(_l("Choose a change published about this entitlement")))
        if self.status.data != "done":
            raise ValidationError(str(_l("Mark it done to link it to a change")))

    def validate_status(self, field: RadioField) -> None:
        if (self.public_response.data or "").strip() and field.data not in ANSWERED_STATUSES:
            raise ValidationError(
                str(_l("Select accepted, declined or done to publish a response"))
            )

    def validate_public_message(self, field: TextAreaField) -> None:
        if (self.public_response.data or "").strip() and not (field.data or "").strip():
            raise ValidationError(str(_l("Enter what they said, as it will be shown in public")))
