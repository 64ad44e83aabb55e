"""Public feedback: "Was this page useful?", "Suggest a change", general feedback, and
"You said, we did"."""

from __future__ import annotations

import contextlib
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
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from werkzeug.wrappers import Response

from localoffer.content import THEMES
from localoffer.feedback import db, service
from localoffer.feedback.forms import GeneralFeedbackForm, SuggestionForm, UsefulForm
from localoffer.feedback.models import Submission
from localoffer.i18n import DEFAULT_LANGUAGE, localised_route
from localoffer.web.errors import log_database_unavailable

bp = Blueprint("feedback", __name__)

THANKS_KINDS = ("useful", "suggestion", "general")
# The council's promise for a reply asked for (the same on the accessibility page and in the
# "Tell us, we care" entitlement).
REPLY_WORKING_DAYS = 10
# The database is down, locked past the busy timeout, or no longer the file opened at start.
NOT_STORED = (OperationalError, InterfaceError, PoolTimeoutError, db.StoredElsewhere)
UNAVAILABLE = 503


def _stored(submission: Submission, email: str | None = None) -> bool:
    """True only once the submission is committed where the next start will find it: "thank
    you" is never said for feedback that went into a deleted file or was not written."""
    session = db.session()
    try:
        service.save(session, submission, email)
        db.database().check_same_file()
    except NOT_STORED as error:
        log_database_unavailable(current_app, error)
        with contextlib.suppress(*NOT_STORED):
            session.rollback()
        return False
    return True


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
def useful() -> str | Response | tuple[str, int]:
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
            if not _stored(submission):
                return render_template(
                    "feedback/useful.html", form=form, page_path=ref.path, unavailable=True
                ), UNAVAILABLE  # fmt: skip
        return _thanks("useful", page=ref.path)
    return render_template("feedback/useful.html", form=form, page_path=ref.path)


@localised_route(bp, "/suggest/<entitlement_id>/", methods=["GET", "POST"])
def suggest(entitlement_id: str) -> str | Response | tuple[str, int]:
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
            if not _stored(submission, form.email.data or None):
                return render_template(
                    "feedback/suggest.html", form=form, item=item, unavailable=True
                ), UNAVAILABLE  # fmt: skip
        return _thanks("suggestion", wants_reply=bool(form.wants_reply.data))
    return render_template("feedback/suggest.html", form=form, item=item)


@localised_route(bp, "/feedback/", methods=["GET", "POST"])
def general() -> str | Response | tuple[str, int]:
    form = GeneralFeedbackForm()
    if form.validate_on_submit():
        if not form.looks_automated:
            submission = service.new_submission(
                kind="general",
                language=_language(),
                message=form.message.data,
                role=form.role.data or None,
            )
            if not _stored(submission, form.email.data or None):
                return render_template(
                    "feedback/general.html", form=form, unavailable=True
                ), UNAVAILABLE  # fmt: skip
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
        reply_working_days=REPLY_WORKING_DAYS,
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
