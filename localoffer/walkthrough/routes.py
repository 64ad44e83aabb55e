"""/walkthrough/: the offer as a conversation, printable as a checklist for a pathway plan.

The tick boxes, notes and name on the page have no form and no name, so the browser has
nothing to send: they stay on the screen and on paper, never on the server.
"""

from __future__ import annotations

from flask import Blueprint, current_app, make_response, request
from flask import render_template as render
from werkzeug.wrappers import Response

from localoffer.checker.outcome import Outcome, requested_outcome, with_outcome
from localoffer.clock import today
from localoffer.content import THEMES
from localoffer.i18n import localised_route
from localoffer.walkthrough.agenda import APPLIES, agenda
from localoffer.web.private import private

bp = Blueprint("walkthrough", __name__)


@localised_route(bp, "/walkthrough/")
@with_outcome(requested_outcome)
def walkthrough(outcome: Outcome | None) -> Response:
    everything = outcome is None or request.args.get("show") == "all"
    result = outcome.result if outcome else None
    sections = agenda(current_app.extensions["localoffer.offer"], THEMES, result, everything)
    counts = {
        "applies": sum(1 for s in sections for i in s.items if i.standing == APPLIES),
        "may_apply": len(result.entitlements.may_also_apply) if result else 0,
        "total": sum(len(s.items) for s in sections),
    }
    page = render("walkthrough/walkthrough.html", sections=sections, outcome=outcome,
                  everything=everything, counts=counts, today=today())  # fmt: skip
    response = make_response(page)
    # With a result the page holds someone's answers; the plain offer may be cached.
    return private(response) if outcome is not None else response
