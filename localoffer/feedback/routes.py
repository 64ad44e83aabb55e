"""Public feedback: "Was this page useful?", "Suggest a change", general feedback, and
"You said, we did"."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response

from localoffer.content import THEMES
from localoffer.feedback import db, service
from localoffer.feedback.forms import GeneralFeedbackForm, SuggestionForm, UsefulForm
from localoffer.feedback.models import Submission
from localoffer.i18n import DEFAULT_LANGUAGE, localised_route

bp = Blueprint("feedback", __name__)

THANKS_KINDS = ("useful", "suggestion", "general")


def _thanks(kind: str, wants_reply: bool = False, page: str | None = None) -> Response:
    args: dict[str, Any] = {}
    if wants_reply:
        args["reply"] = "1"
    if page:
        args["page"] = page
    return redirect(url_for("feedback.thanks", kind=kind, **args))


def _language() -> str:
    return g.get("lang", DEFAULT_LANGUAGE)


@localised_route(bp, "/feedback/page/", methods=["GET", "POST"])
def useful() -> str | Response:
    """Reached from the Yes/No buttons on a content page (a GET, so pages set no cookie)."""
    form = UsefulForm()
    path = form.page.data if request.method == "POST" else request.args.get("page", "")
    ref = service.resolve_page(current_app, path or "")
    if ref is None:
        abort(400 if request.method == "POST" else 404)
    if request.method == "GET":
        form.page.data = ref.path
        if request.args.get("useful") in ("yes", "no"):
            form.useful.data = request.args["useful"]
    if form.validate_on_submit():
        if not form.looks_automated:
            submission = service.new_submission(
                kind="useful",
                language=ref.language,
                page=ref.path,
                theme=ref.theme,
                entitlement_id=ref.entitlement_id,
                useful=form.useful.data == "yes",
                message=(form.comment.data or "").strip(),
            )
            service.save(db.session(), submission)
        return _thanks("useful", page=ref.path)
    return render_template("feedback/useful.html", form=form, page_path=ref.path)


@localised_route(bp, "/suggest/<entitlement_id>/", methods=["GET", "POST"])
def suggest(entitlement_id: str) -> str | Response:
    item = current_app.extensions["localoffer.offer"].get(entitlement_id)
    if item is None:
        abort(404)
    form = SuggestionForm()
    if form.validate_on_submit():
        if not form.looks_automated:
            submission = service.new_submission(
                kind="suggestion",
                language=_language(),
                page=url_for("pages.entitlement", theme=item.theme, entitlement_id=item.id),
                theme=item.theme,
                entitlement_id=item.id,
                message=form.change.data,
                reason=(form.reason.data or "").strip() or None,
                role=form.role.data or None,
            )
            service.save(db.session(), submission, form.email.data or None)
        return _thanks("suggestion", wants_reply=bool(form.wants_reply.data))
    return render_template("feedback/suggest.html", form=form, item=item)


@localised_route(bp, "/feedback/", methods=["GET", "POST"])
def general() -> str | Response:
    form = GeneralFeedbackForm()
    if form.validate_on_submit():
        if not form.looks_automated:
            submission = service.new_submission(
                kind="general",
                language=_language(),
                message=form.message.data,
                role=form.role.data or None,
            )
            service.save(db.session(), submission, form.email.data or None)
        return _thanks("general", wants_reply=bool(form.wants_reply.data))
    return render_template("feedback/general.html", form=form)


@localised_route(bp, "/feedback/thanks/<kind>/")
def thanks(kind: str) -> str:
    if kind not in THANKS_KINDS:
        abort(404)
    ref = service.resolve_page(current_app, request.args.get("page", ""))
    return render_template(
        "feedback/thanks.html",
        kind=kind,
        wants_reply=request.args.get("reply") == "1",
        back_to=ref.path if ref else None,
    )


@localised_route(bp, "/you-said-we-did/")
def you_said_we_did() -> str:
    """Answered feedback, grouped by theme (whole-site feedback last), newest first."""
    items = service.answered(db.session())
    groups: list[tuple[str | None, list[Submission]]] = [
        (theme, [s for s in items if s.theme == theme]) for theme in THEMES
    ]
    groups.append((None, [s for s in items if s.theme not in THEMES]))
    return render_template(
        "feedback/you_said_we_did.html", groups=[group for group in groups if group[1]]
    )
