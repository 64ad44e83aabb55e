"""Form fields in the GOV.UK pattern, with errors built from the thing asked for."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import Field, RadioField
from wtforms.validators import StopValidation, ValidationError


class LocalisedDateInput(GovDateInput):
    """GOV.UK's three-box date input, with Day/Month/Year in the reader's language."""

    def map_gov_params(self, field: Field, **kwargs: Any) -> dict[str, Any]:
        params = super().map_gov_params(field, **kwargs)
        labels = (_("Day"), _("Month"), _("Year"))
        for item, label in zip(params["items"], labels, strict=True):
            item["label"] = label
        # Point the error summary link at the first box that needs fixing.
        return params


class DateInputField(Field):
    """A date typed as day, month and year, checked the way GOV.UK date questions are.

    `thing` names what is asked in the error messages, e.g. "your date of birth".
    Raw values are kept so that a wrong date is shown back exactly as typed.
    """

    widget = LocalisedDateInput()
    data: date | None = None

    def __init__(self, label: str, thing: str, required: bool = True, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.thing = thing
        self.required = required
        self.parts: tuple[str, str, str] = ("", "", "")

    def _value(self) -> str:
        return self.data.strftime("%d %m %Y") if isinstance(self.data, date) else ""

    def process_formdata(self, valuelist: list[str]) -> None:
        parts = [v.strip() for v in valuelist[:3]] + [""] * (3 - len(valuelist[:3]))
        self.parts = (parts[0], parts[1], parts[2])
        # Always three boxes to show back, even when a request sent fewer or none.
        self.raw_data = list(self.parts)
        self.data = None

    def pre_validate(self, form: Any) -> None:
        day, month, year = self.parts
        thing = str(self.thing)
        if not any(self.parts):
            if self.required:
                raise StopValidation(_("Enter %(thing)s", thing=thing))
            return
        missing = [
            name
            for name, value in zip((_("a day"), _("a month"), _("a year")), self.parts, strict=True)
            if not value
        ]
        if missing:
            raise StopValidation(
                _(
                    "%(thing)s must include %(parts)s",
                    thing=thing.capitalize(),
                    parts=_(" and ").join(str(m) for m in missing),
                )
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise StopValidation(
                _("%(thing)s must be a real date, with a 4-digit year", thing=thing.capitalize())
            )
        try:
            self.data = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # OverflowError: a day or month of many digits
            raise StopValidation(
                _("%(thing)s must be a real date", thing=thing.capitalize())
            ) from None
        if self.raw_data is not None:
            # Keep the boxes as typed if a later check (e.g. "in the past") fails.
            self.raw_data = [day, month, year]


class AnswerRadioField(RadioField):
    """GOV.UK radios whose "not one of the choices" error is in the reader's language.

    WTForms' own "Not a valid choice." has no catalogue for most of our languages, and a
    person only meets it when a request was altered, so it repeats the question's own
    instruction (`invalid`), as GOV.UK asks for one clear message per field.
    """

    def __init__(self, label: Any, invalid: Any, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.invalid = invalid

    def pre_validate(self, form: Any) -> None:
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(str(self.invalid)) from None
