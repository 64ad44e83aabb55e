"""Keeping a checker result: a printable summary, a shareable link, and the timeline picture.

The routes join the checker's blueprint (the checker package imports this module, so
`localoffer.checker.bp` always has them), sharing its URLs, its endpoint names and its place
outside the sitemap. None of them store anything: the summary and the link are built from
the answers in the browser's session cookie, and a shared link carries its answers itself
(see share.py), so opening one neither reads nor writes the session.
"""

from __future__ import annotations

from flask import make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from localoffer.checker.outcome import (
    Outcome,
    requested_outcome,
    session_outcome,
    shared_outcome,
    with_outcome,
)
from localoffer.checker.routes import bp, by_theme
from localoffer.checker.service import CheckResult
from localoffer.checker.timeline import Span, Timeline, build_timeline
from localoffer.clock import today
from localoffer.content import THEMES
from localoffer.i18n import current_language, localised_route
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
                           estimated=outcome.estimated, by_theme=by_theme(result),
                           shared=outcome, checked_today=result.on == today())  # fmt: skip
    return private(make_response(page))


@bp.app_template_global()
def support_timeline(result: CheckResult) -> Timeline:
    """The timeline of what applies, in the reader's language and direction."""
    language = current_language()
    spans = []
    for match in result.entitlements.applies:
        if match.from_ is None:
            continue  # only items "coming in" lack a start; they are listed, not drawn
        text = localise(match.item, language.code)
        rtl = language.direction == "rtl" if text.lang == language.code else False
        spans.append(Span(match.item.id, text.title, match.item.theme, match.from_,
                          match.until, label_rtl=rtl))  # fmt: skip
    return build_timeline(
        result.answers.date_of_birth, result.on, spans, THEMES,
        rtl=language.direction == "rtl", marked_is_today=result.on == today(),
    )  # fmt: skip


@bp.app_template_filter()
def bidi_isolate(text: str) -> str:
    """Isolate a date inside SVG text, where <bdi> cannot go (Unicode FSI ... PDI)."""
    return f"\u2068{text}\u2069"
