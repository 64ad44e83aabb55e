"""The reviewer's sign-off form: a fluent speaker says they read the whole translation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSubmitInput
from wtforms import BooleanField, HiddenField, SubmitField
from wtforms.validators import InputRequired


class SignOffForm(FlaskForm):
    confirm = BooleanField(
        _l("I have read all of this translation beside the English, and it says the same"),
        validators=[InputRequired(message=_l("Tick the box to say you have read all of it"))],
        widget=GovCheckboxInput(),
    )
    # The hash of the English the reviewer read. The view compares it with the English now,
    # and shows any difference at the box they tick (a hidden field cannot be focused).
    source_hash = HiddenField()
    submit = SubmitField(_l("Mark as checked"), widget=GovSubmitInput())
