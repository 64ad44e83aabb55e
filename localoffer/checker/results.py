"""Keeping a checker result: a printable summary, a shareable link, and the timeline picture.

The routes join the checker's blueprint (importing this module adds them), so they share
its URLs, its endpoint names and its place outside the sitemap. None of them store
anything: the summary and the link are built from the answers in the browser's session
cookie, and a shared link carries its answers itself (see share.py), so opening one
neither reads nor writes the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import (
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response

from localoffer.checker.flow import first_unanswered
from localoffer.checker.routes import bp, build_answers, by_theme, today
from localoffer.checker.service import CheckResult, check
from localoffer.checker.share import SharedAnswers, is_shared, read_shared, share_args
from localoffer.checker.state import CheckerState
from localoffer.checker.timeline import Span, Timeline, build_timeline
from localoffer.content import THEMES
from localoffer.i18n import current_language, localised_route
from localoffer.rules import InvalidAnswers
from localoffer.web.localise import localise


@dataclass(frozen=True)
class Outcome:
    """A checker result and where its answers came from."""

    result: CheckResult
    estimated: bool
    assumptions: list[str] = field(default_factory=list)
    shared: SharedAnswers | None = None

    @property
    def link_args(self) -> dict[str, object]:
        """The query that reopens this result: the shared link's parameters."""
        return share_args(self.result.answers, self.result.on, self.estimated)


def session_outcome() -> Outcome | None:
    """The result of the checker answers in this browser, if they are finished and valid."""
    state = CheckerState.load()
    if state.route is None or first_unanswered(state, today()) is not None:
        return None
    try:
        answers, assumptions = build_answers(state, today())
    except InvalidAnswers:
        return None
    result = check(answers, today(), current_app.extensions["localoffer.offer"])
    return Outcome(result, state.route == "rough", assumptions)


def shared_outcome() -> Outcome:
    """The result a shared link's answers give; InvalidAnswers if the link is wrong."""
    link = read_shared(request.args, today())
    result = check(link.answers, link.on, current_app.extensions["localoffer.offer"])
    return Outcome(result, link.estimated, shared=link)


def requested_outcome() -> Outcome | None:
    """The result a page was asked about: a shared link's answers if the address has them,
    otherwise this browser's finished answers (None if there are none). InvalidAnswers if a
    shared link is wrong."""
    return shared_outcome() if is_shared(request.args) else session_outcome()


def private(response: Response) -> Response:
    """A page holding someone's answers: never kept by a browser or proxy, never indexed."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def invalid_link(invalid: InvalidAnswers) -> Response:
    page = render_template("checker/share_invalid.html", problems=list(invalid.errors.values()))
    return private(make_response(page, 400))


@localised_route(bp, "/check/result/print/")
def print_result() -> Response:
    try:
        outcome = requested_outcome()
    except InvalidAnswers as invalid:
        return invalid_link(invalid)
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
def shared() -> Response:
    try:
        outcome = shared_outcome()
    except InvalidAnswers as invalid:
        return invalid_link(invalid)
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
