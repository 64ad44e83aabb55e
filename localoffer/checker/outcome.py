"""Which checker result a page shows: this browser's finished answers or a shared link's.

Used by the checker's result pages and by the walkthrough; it holds no routes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, make_response, render_template, request
from werkzeug.wrappers import Response

from localoffer.checker.estimate import estimate_answers
from localoffer.checker.flow import first_unanswered
from localoffer.checker.service import CheckResult, check
from localoffer.checker.share import SharedAnswers, is_shared, read_shared, share_args
from localoffer.checker.state import CheckerState
from localoffer.clock import today
from localoffer.rules import Answers, InvalidAnswers, parse_answers
from localoffer.web.private import private


@dataclass(frozen=True)
class Outcome:
    """A checker result and where its answers came from."""

    result: CheckResult
    estimated: bool
    assumptions: list[str] = field(default_factory=list)
    shared: SharedAnswers | None = None

    @property
    def link_args(self) -> dict[str, Any]:
        """The query that reopens this result: the shared link's parameters."""
        return share_args(self.result.answers, self.result.on, self.estimated)


def build_answers(state: CheckerState, on: date) -> tuple[Answers, list[str]]:
    """The answers to check: exact from dates, or a best estimate from rough replies."""
    if state.route == "dates":
        answers, _as_of = parse_answers(state.api_body(on), today=on)
        return answers, []
    assert state.dob is not None
    parse_answers({"date_of_birth": state.date_of_birth, "as_of": on.isoformat()}, today=on)
    estimated, assumptions = estimate_answers(
        state.dob,
        on,
        state.in_care_now == "yes",
        state.care_after_16,
        state.time_in_care,
        state.flags(),
    )
    # The optional answers are the young person's own, never estimated.
    return replace(estimated, **state.personal()), assumptions


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


def invalid_link(invalid: InvalidAnswers) -> Response:
    page = render_template("checker/share_invalid.html", problems=list(invalid.errors.values()))
    return private(make_response(page, 400))


Found = TypeVar("Found", Outcome, Outcome | None)


def with_outcome(
    find: Callable[[], Found],
) -> Callable[[Callable[[Found], Response]], Callable[[], Response]]:
    """Call the view with the outcome `find` gives (`shared_outcome`, `requested_outcome`), or
    answer a shared link whose answers are wrong with the page saying what is wrong (400)."""

    def decorator(view: Callable[[Found], Response]) -> Callable[[], Response]:
        @wraps(view)
        def with_found() -> Response:
            try:
                outcome = find()
            except InvalidAnswers as invalid:
                return invalid_link(invalid)
            return view(outcome)

        return with_found

    return decorator
