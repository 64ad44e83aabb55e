"""Keeping a checker result: a printable summary, a shareable link, and a calendar file.

The routes join the checker's blueprint (the checker package imports this module, so
`localoffer.checker.bp` always has them), sharing its URLs, its endpoint names and its place
outside the sitemap. None of them store anything: the summary, the link and the calendar are
built from the answers in the browser's session cookie, and a shared link carries its answers
itself (see share.py), so opening one neither reads nor writes the session.
"""

from __future__ import annotations

from babel.lists import format_list
from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from localoffer.checker.calendar import turning_points_calendar
from localoffer.checker.cards import shared_card
from localoffer.checker.outcome import (
    Outcome,
    requested_outcome,
    session_outcome,
    shared_outcome,
    with_outcome,
)
from localoffer.checker.routes import bp, by_theme
from localoffer.checker.service import CheckResult
from localoffer.checker.turning import (
    Action,
    actions,
    amount_for,
    applies_now,
    next_changes,
    starts_later,
    usual_until,
)
from localoffer.checker.turning import by_theme as group_by_theme
from localoffer.clock import now, today
from localoffer.content import Entitlement
from localoffer.i18n import current_language, localised_route
from localoffer.rules import Match, Message
from localoffer.web.formatting import isolate, translate_message
from localoffer.web.localise import localise
from localoffer.web.private import private


@localised_route(bp, "/check/result/print/")
@with_outcome(requested_outcome)
def print_result(outcome: Outcome | None) -> Response:
    if outcome is None:
        return redirect(url_for("checker.answers"))
    page = render_template("checker/print.html", outcome=outcome, result=outcome.result,
                           by_theme=by_theme(outcome.result), printed_on=today())  # fmt: skip
    return private(make_response(page))


@localised_route(bp, "/check/result/share/")
def share() -> Response:
    """Warn that the link holds the date of birth; show the link only once that is understood."""
    outcome = session_outcome()
    if outcome is None:
        return redirect(url_for("checker.answers"))
    understood = request.args.get("understood") == "yes"
    missed = "show" in request.args and not understood
    link = url_for("checker.shared", _external=True, **outcome.link_args) if understood else None
    page = render_template("checker/share.html", link=link, missed=missed, outcome=outcome)
    return private(make_response(page, 200))


@localised_route(bp, "/check/shared/")
@with_outcome(shared_outcome)
def shared(outcome: Outcome) -> Response:
    result = outcome.result
    page = render_template("checker/result.html", result=result, assumptions=[],
                           estimated=outcome.estimated,
                           shared=outcome, checked_today=result.on == today())  # fmt: skip
    return private(make_response(page))


@localised_route(bp, "/check/result/calendar.ics")
@with_outcome(requested_outcome)
def calendar(outcome: Outcome | None) -> Response:
    """The turning points as a calendar file, made now from the answers and never kept."""
    if outcome is None:
        return redirect(url_for("checker.answers"))
    body = turning_points_calendar(outcome.result, current_language().code, request.host, now())
    response = make_response(body)
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="care-leaver-dates.ics"'
    return private(response)


# The result page's parts, for the template (see turning.py): the same for the page, the shared
# link and the print view.
bp.add_app_template_global(applies_now)
bp.add_app_template_global(starts_later)
bp.add_app_template_global(next_changes)
bp.add_app_template_global(amount_for)
bp.add_app_template_global(usual_until)
bp.add_app_template_global(group_by_theme, name="group_by_theme")
bp.add_app_template_global(shared_card)


@bp.app_template_global()
def result_actions(result: CheckResult) -> tuple[Action, ...]:
    """What to do now, with only contacts this council lists."""
    council = current_app.extensions["localoffer.offer"].council
    return actions(result, set(council.contacts))


@bp.app_template_filter()
def unique_messages(messages: tuple[Message, ...]) -> list[str]:
    """Reasons in the reader's language, each said once even when two rules give it."""
    return list(dict.fromkeys(translate_message(message) for message in messages))


@bp.app_template_filter()
def titles_list(matches: tuple[Match[Entitlement], ...], shown: int = 3) -> Markup:
    """The first few titles, then "and N more", joined the way the reader's language joins a
    list (Babel's list patterns), each title isolated so a title in another script keeps its
    order."""
    language = current_language().code
    parts = [str(isolate(localise(m.item, language).title)) for m in matches[:shown]]
    if len(matches) > shown:
        parts.append(str(escape(ngettext("%(num)d more", "%(num)d more", len(matches) - shown))))
    return Markup(format_list(parts, locale=get_locale()))
