"""The web checker: one question per page, answers kept in the browser, a result with dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from localoffer.checker import forms, sealed, turning
from localoffer.checker.flow import (
    BY_SLUG,
    STEPS,
    Step,
    asked_steps,
    first_unanswered,
    is_answered,
    step_after,
    step_before,
)
from localoffer.checker.outcome import build_answers
from localoffer.checker.service import CheckResult, check
from localoffer.checker.state import CheckerState
from localoffer.clock import today
from localoffer.i18n import localised_route
from localoffer.rules import InvalidAnswers, parse_answers
from localoffer.web.formatting import translate_message

bp = Blueprint("checker", __name__)

PERIOD_FIELDS = ("start", "end", "short_break")


def step_url(step: Step | None, **args: Any) -> str:
    if step is None:
        return url_for("checker.answers")
    if step.slug == "care-periods":
        return url_for("checker.care_periods", **args)
    return url_for("checker.question", slug=step.slug, **args)


def after(step: Step, state: CheckerState) -> Response:
    """Go on to the next question, or back to "check your answers" after a change."""
    if request.args.get("change"):
        return redirect(step_url(first_unanswered(state, today())))
    return redirect(step_url(step_after(step, state, today())))


def back_url(step: Step, state: CheckerState) -> str:
    if request.args.get("change"):
        return url_for("checker.answers")
    previous = step_before(step, state, today())
    return step_url(previous) if previous else url_for("checker.start")


@bp.context_processor
def answer_lifetime() -> dict[str, Any]:
    return {"checker_idle_minutes": current_app.config["CHECKER_IDLE_MINUTES"],
            "checker_max_hours": current_app.config["CHECKER_MAX_HOURS"]}  # fmt: skip


@localised_route(bp, "/check/")
def start() -> str:
    CheckerState.load()  # answers found expired are refused now, and the page says so
    return render_template("checker/start.html", expired=sealed.pop_expired_notice())


@localised_route(bp, "/check/clear/", methods=["POST"])
def clear() -> Response:
    if not FlaskForm().validate_on_submit():
        abort(400)
    CheckerState.clear()
    return redirect(url_for("checker.start", cleared=1))


@localised_route(bp, "/check/<slug>/", methods=["GET", "POST"])
def question(slug: str) -> str | Response:
    step = BY_SLUG.get(slug)
    if step is None or step.form is None:
        abort(404)
    state = CheckerState.load()
    if not step.asked(state, today()):
        # A question that does not fit the answers so far (or a stale bookmark).
        return redirect(step_url(first_unanswered(state, today())))
    form = step.form()
    if form.validate_on_submit() and _also_valid(step, form, state):
        value = form.answer.data
        if step.optional and not value:
            value = forms.SKIPPED
        setattr(state, step.field, value.isoformat() if isinstance(value, date) else value)
        state.save()
        return after(step, state)
    if request.method == "GET":
        stored = getattr(state, step.field)
        if stored is not None:
            form.answer.data = (
                date.fromisoformat(stored) if step.slug == "date-of-birth" else stored
            )
    return render_template("checker/question.html", form=form, step=step,
                           back=back_url(step, state), optional_note=forms.OPTIONAL_NOTE,
                           expired=sealed.pop_expired_notice())  # fmt: skip


def _also_valid(step: Step, form: forms.QuestionForm, state: CheckerState) -> bool:
    """Checks that need more than the one field: done by the same validator as the API."""
    if step.slug != "date-of-birth":
        return True
    body = {"date_of_birth": form.answer.data.isoformat(), "as_of": today().isoformat()}
    try:
        parse_answers(body, today=today())
    except InvalidAnswers as invalid:
        messages = invalid.messages
        form.answer.errors = [
            translate_message(messages.get("date_of_birth", next(iter(messages.values()))))
        ]
        return False
    if any(date.fromisoformat(p["start"]) < form.answer.data for p in state.periods):
        form.answer.errors = [_("Your date of birth must be before every time in care")]
        return False
    return True


@localised_route(bp, "/check/care-periods/", methods=["GET", "POST"])
def care_periods() -> str | Response:
    state = CheckerState.load()
    step = BY_SLUG["care-periods"]
    if not state.periods:
        return redirect(url_for("checker.care_period", index=0, **_change_args()))
    form = forms.AddAnotherForm()
    if form.validate_on_submit():
        state.add_another = form.answer.data
        state.save()
        if form.answer.data == "yes":
            return redirect(
                url_for("checker.care_period", index=len(state.periods), **_change_args())
            )
        return after(step, state)
    return render_template("checker/care_periods.html", form=form, state=state,
                           back=back_url(step, state))  # fmt: skip


def _change_args() -> dict[str, Any]:
    return {"change": "1"} if request.args.get("change") else {}


@localised_route(bp, "/check/care-periods/<int:index>/", methods=["GET", "POST"])
def care_period(index: int) -> str | Response:
    state = CheckerState.load()
    if state.dob is None:
        return redirect(step_url(BY_SLUG["date-of-birth"]))
    if index > len(state.periods):
        abort(404)
    form = forms.CarePeriodForm()
    if form.validate_on_submit() and _period_valid(form, state, index):
        period = _period_from(form)
        if index == len(state.periods):
            state.periods.append(period)
        else:
            state.periods[index] = period
        state.add_another = None
        state.save()
        return redirect(url_for("checker.care_periods", **_change_args()))
    if request.method == "GET" and index < len(state.periods):
        stored = state.periods[index]
        form.start.data = date.fromisoformat(stored["start"])
        form.end.data = date.fromisoformat(stored["end"]) if stored["end"] else None
        form.still_in_care.data = stored["end"] is None
        form.short_break.data = "yes" if stored["short_break"] else "no"
    back = (
        url_for("checker.care_periods")
        if state.periods
        else back_url(BY_SLUG["care-periods"], state)
    )
    return render_template("checker/care_period.html", form=form, index=index, back=back)


def _period_from(form: forms.CarePeriodForm) -> dict[str, Any]:
    """The time in care a form gives, as the session and the API hold it (its dates checked)."""
    assert form.start.data is not None
    if form.still_in_care.data:
        end = None
    else:
        assert form.end.data is not None  # _period_valid asks for an end date first
        end = form.end.data.isoformat()
    return {
        "start": form.start.data.isoformat(),
        "end": end,
        "short_break": form.short_break.data == "yes",
    }


def _period_valid(form: forms.CarePeriodForm, state: CheckerState, index: int) -> bool:
    """Check this period with all the others through the API's validator, field by field."""
    if not form.still_in_care.data and form.end.data is None:
        form.end.errors = [
            _("Enter the date this time in care ended, or tick that you are still in care")
        ]
        return False
    if form.still_in_care.data and form.end.parts != ("", "", ""):
        form.end.errors = [_("Leave the end date empty if you are still in care")]
        return False
    candidate = _period_from(form)
    periods = list(state.periods)
    periods[index : index + 1] = [candidate]
    body = {**state.api_body(today()), "care_periods": periods}
    try:
        parse_answers(body, today=today())
    except InvalidAnswers as invalid:
        prefix = f"care_periods[{index}]"
        mine = {k: v for k, v in invalid.messages.items() if k.startswith(prefix)}
        if not mine:
            return True  # problems elsewhere are shown where they belong
        for key, message in mine.items():
            name = key[len(prefix) + 1 :] if key != prefix else "start"
            field = getattr(form, name if name in PERIOD_FIELDS else "start")
            field.errors = [translate_message(message)]
        return False
    return True


@localised_route(bp, "/check/care-periods/<int:index>/remove/", methods=["GET", "POST"])
def remove_period(index: int) -> str | Response:
    state = CheckerState.load()
    if index >= len(state.periods):
        abort(404)
    form = FlaskForm()
    if form.validate_on_submit():
        del state.periods[index]
        state.add_another = None
        state.save()
        return redirect(url_for("checker.care_periods"))
    return render_template("checker/remove_period.html", form=form, period=state.periods[index],
                           back=url_for("checker.care_periods"))  # fmt: skip


@localised_route(bp, "/check/answers/")
def answers() -> str | Response:
    state = CheckerState.load()
    missing = first_unanswered(state, today())
    if missing is not None:
        return redirect(step_url(missing))
    problems: dict[str, str] = {}
    try:
        build_answers(state, today())
    except InvalidAnswers as invalid:
        problems = {key: translate_message(message) for key, message in invalid.messages.items()}
    rows = [summary_row(step, state) for step in asked_steps(state, today())]
    return render_template("checker/answers.html", rows=rows, problems=problems)


def summary_row(step: Step, state: CheckerState) -> dict[str, Any]:
    """A row of "check your answers": the question, the answer in words, where to change it."""
    if step.form is None:
        return {"question": _("Times in care"), "periods": state.periods,
                "url": step_url(step, change=1)}  # fmt: skip
    unbound = step.form.answer
    value = getattr(state, step.field)
    if step.slug == "date-of-birth":
        answer: Any = date.fromisoformat(value)
    elif step.optional and value == forms.SKIPPED:
        answer = _("Not answered")
    else:
        answer = {c.value: c.label for c in unbound.kwargs["choices"]}.get(value, value)
    return {"question": unbound.args[0], "answer": answer, "url": step_url(step, change=1)}


@localised_route(bp, "/check/result/")
def result() -> str | Response:
    state = CheckerState.load()
    if first_unanswered(state, today()) is not None:
        return redirect(url_for("checker.answers"))
    try:
        answers_, assumptions = build_answers(state, today())
    except InvalidAnswers:
        return redirect(url_for("checker.answers"))
    outcome = check(answers_, today(), current_app.extensions["localoffer.offer"])
    return render_template(
        "checker/result.html", result=outcome, assumptions=assumptions,
        estimated=state.route == "rough",
    )  # fmt: skip


def by_theme(outcome: CheckResult) -> list[tuple[str, list]]:
    """What applies, under its themes (the print view's table)."""
    return turning.by_theme(outcome.entitlements.applies)


__all__ = ["STEPS", "bp", "is_answered"]
