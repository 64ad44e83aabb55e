"""The entitlement edit form: one labelled field per front-matter field, and the body.

The form checks nothing about the offer itself: the content validator does, so the form and
`content check` can never disagree. It only carries the text.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovTextArea, GovTextInput
from wtforms import Field, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from localoffer.content.documents import EDITABLE_FIELDS
from localoffer.content.problems import Problem
from localoffer.moderation.revisions import NOTE_MAX

ACTIONS = ("preview", "save", "review", "publish", "send_back")


def _line(label: str, hint: str | None = None) -> StringField:
    return StringField(label, description=hint or "", widget=GovTextInput())


def _area(label: str, hint: str | None = None) -> TextAreaField:
    return TextAreaField(label, description=hint or "", widget=GovTextArea())


ONE_A_LINE = _l("One a line.")
AS_YAML = _l("Written as YAML, as in the content file.")
A_DAY = _l("A date such as 2026-04-01.")


class _Identity:
    """A new entitlement's theme and id. Declared before the edit form's fields, because
    WTForms orders fields by when they were made: so they come first in the error summary."""

    # validate_choice is off: the view refuses a theme not in the list in its own words.
    theme = RadioField(_l("Theme"), validators=[InputRequired(message=_l("Choose a theme"))],
                       validate_choice=False, widget=GovRadioInput())  # fmt: skip
    entitlement_id = _line(_l("Id"), _l("Lowercase words and hyphens. It cannot be changed."))


class EntitlementForm(FlaskForm):
    title = _line(_l("Title"))
    summary = _area(_l("Summary"))
    who = _area(_l("Who"), ONE_A_LINE)
    conditions = _area(_l("Conditions"), ONE_A_LINE)
    ages = _area(_l("Ages"), AS_YAML)
    amounts = _area(_l("Amounts"), AS_YAML)
    legal_basis = _area(_l("Legal basis"))
    sources = _area(_l("Sources"), AS_YAML)
    in_force_from = _line(_l("In force from"), A_DAY)
    contacts = _area(_l("Contacts"), ONE_A_LINE)
    last_reviewed = _line(_l("Last reviewed"), A_DAY)
    review_due = _line(_l("Review due"), A_DAY)
    review_cadence = _line(_l("Review cadence"))
    body = _area(_l("Body"), _l("Markdown, as in the content file."))
    note = TextAreaField(
        _l("What has changed"),
        description=_l("In plain words, for the publisher and the public list of changes."),
        validators=[Length(max=NOTE_MAX, message=_l("Keep it to %(limit)s characters or fewer",
                                                    limit=NOTE_MAX))],
        widget=GovTextArea(),
    )  # fmt: skip
    comment = TextAreaField(
        _l("Comment for the editor"),
        description=_l("Needed when you send a draft back."),
        validators=[Length(max=NOTE_MAX, message=_l("Keep it to %(limit)s characters or fewer",
                                                    limit=NOTE_MAX))],
        widget=GovTextArea(),
    )  # fmt: skip

    def document_fields(self) -> list[Field]:
        return [self[name] for name in (*EDITABLE_FIELDS, "body")]

    def values(self) -> dict[str, str]:
        return {field.name: field.data or "" for field in self.document_fields()}

    def add_problems(self, problems: list[Problem]) -> list[str]:
        """Put each problem next to its field; those with no field of their own are returned."""
        elsewhere: list[str] = []
        for problem in problems:
            name = problem.field.split("[")[0].split(".")[0].split(" ")[0]
            if name in self and name not in ("csrf_token",):
                self[name].errors = [*self[name].errors, problem.message]
            else:
                elsewhere.append(f"{problem.field}: {problem.message}")
        self._errors = None  # WTForms caches the summary: let it see the new ones
        return elsewhere

    def add_error(self, name: str, message: str) -> None:
        self[name].errors = [*self[name].errors, message]
        self._errors = None


class RetireForm(FlaskForm):
    """Retiring an entitlement: why, in plain words, for the record and the git history."""

    note = TextAreaField(
        _l("What has changed"),
        validators=[InputRequired(message=_l("Say why it is retired, in plain words")),
                    Length(max=NOTE_MAX, message=_l("Keep it to %(limit)s characters or fewer",
                                                    limit=NOTE_MAX))],
        widget=GovTextArea(),
    )  # fmt: skip


class NewEntitlementForm(EntitlementForm, _Identity):
    """A new council entitlement: its theme and id (fixed from now on), then the same fields."""
