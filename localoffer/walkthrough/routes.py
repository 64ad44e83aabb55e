"""/walkthrough/: the offer as a conversation, and "My plan" made from it.

The walkthrough's tick boxes send only the ids of what was ticked, to the plan's form. The
plan is kept in its own link (see plan.py): the form is sent with GET and answered with a
redirect to that link, so nothing is stored, no cookie is set, and a reload loses nothing.
"""

from __future__ import annotations

from flask import Blueprint, current_app, make_response, redirect, request, url_for
from flask import render_template as render
from werkzeug.wrappers import Response

from localoffer.checker.outcome import Outcome, requested_outcome, with_outcome
from localoffer.clock import today
from localoffer.content import THEMES, Offer
from localoffer.i18n import current_language, localised_route
from localoffer.languages import KNOWN_LANGUAGES
from localoffer.walkthrough.agenda import APPLIES, LATER, agenda
from localoffer.walkthrough.plan import InvalidPlan, picked, plan_args, read_plan
from localoffer.walkthrough.sheet import plan_sheet, qr_code
from localoffer.web.private import private

bp = Blueprint("walkthrough", __name__)


def _offer() -> Offer:
    offer: Offer = current_app.extensions["localoffer.offer"]
    return offer


@localised_route(bp, "/walkthrough/")
@with_outcome(requested_outcome)
def walkthrough(outcome: Outcome | None) -> Response:
    everything = outcome is None or request.args.get("show") == "all"
    result = outcome.result if outcome else None
    sections = agenda(_offer(), THEMES, result, everything)
    standing = [i.standing for s in sections for i in s.items]
    counts = {
        "applies": standing.count(APPLIES),
        "later": standing.count(LATER),
        "may_apply": len(result.entitlements.may_also_apply) if result else 0,
        "total": len(standing),
    }
    page = render("walkthrough/walkthrough.html", sections=sections, outcome=outcome,
                  everything=everything, counts=counts, today=today())  # fmt: skip
    response = make_response(page)
    # With a result the page holds someone's answers; the plain offer may be cached.
    return private(response) if outcome is not None else response


def _ids() -> frozenset[str]:
    return frozenset(e.id for e in _offer().entitlements)


def _languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def _edit_page(errors: dict[str, str], status: int) -> Response:
    offer = _offer()
    items = [item for i in picked(request.args) if (item := offer.get(i)) is not None]
    # Each problem links to its field; a date's to its first box, the day.
    error_list = [{"text": text, "href": f"#{name}-day" if name.startswith("by-") else f"#{name}"}
                  for name, text in errors.items()]  # fmt: skip
    chosen = request.args.get("reads") or current_language().code
    options = [{"value": code, "text": KNOWN_LANGUAGES[code].name, "selected": code == chosen,
                "attributes": {"lang": code}} for code in _languages()]  # fmt: skip
    page = render("walkthrough/plan_edit.html", items=items, errors=errors, values=request.args,
                  error_list=error_list, language_options=options, today=today())  # fmt: skip
    return private(make_response(page, status))


@localised_route(bp, "/walkthrough/plan/edit/")
def plan_edit() -> Response:
    """The plan's form: from the walkthrough's ticks, or to change a plan. Sent with "save",
    it is checked and, if right, answered with a redirect to the plan's own link."""
    saving = "save" in request.args
    try:
        plan = read_plan(request.args, _ids(), _languages(), today(), saving=saving)
    except InvalidPlan as invalid:
        if saving:
            return _edit_page(invalid.errors, 400)
        # Not sent yet: only a wrong or missing choice of items is worth saying now.
        shown = {k: v for k, v in invalid.errors.items() if k == "item"}
        return _edit_page(shown, 400 if shown else 200)
    if saving:
        # The address it sends to holds the plan: no cache may keep this answer either.
        return private(redirect(url_for("walkthrough.plan", **plan_args(plan)), 303))
    return _edit_page({}, 200)


@localised_route(bp, "/walkthrough/plan/")
def plan() -> Response:
    """The plan, printable on two sides of A4, English beside the young person's language."""
    try:
        kept = read_plan(request.args, _ids(), _languages(), today())
    except InvalidPlan as invalid:
        return _edit_page(invalid.errors, 400)
    link = url_for("walkthrough.plan", _external=True, **plan_args(kept))
    edit = url_for("walkthrough.plan_edit", **plan_args(kept))
    sheet = plan_sheet(kept, _offer())
    page = render("walkthrough/plan.html", plan=kept, sheet=sheet, link=link, edit=edit,
                  qr=qr_code(link), printed_on=today())  # fmt: skip
    return private(make_response(page))
