"""The moderators' pages: dashboard, queue, one item, and the CSV export."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from localoffer.clock import today
from localoffer.content import THEMES
from localoffer.feedback import db
from localoffer.feedback.models import STATUSES, Submission, utc_now
from localoffer.feedback.text import public_version
from localoffer.moderation import auth, export, queries
from localoffer.moderation.changes import published_changes
from localoffer.moderation.forms import ActionForm, FilterForm, ItemForm
from localoffer.moderation.roles import blueprint_requires, role_required
from localoffer.web import words

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

PAGE_SIZE = 50


bp.context_processor(auth.moderation_context)

# Feedback holds what young people wrote and how to reach them: moderators only. The
# dashboard's content reviews matter to every role, so it is open to all staff.
FEEDBACK = "moderator"
# Any page added here without its own @role_required still needs a signed-in member of staff.
blueprint_requires(bp, "moderator", "editor", "publisher", "reviewer")


def filter_form() -> FilterForm:
    offer = current_app.extensions["localoffer.offer"]
    form = FilterForm(request.args)
    form.set_choices(
        [(theme, words.THEME_BY_CODE[theme].title) for theme in THEMES],
        [(item.id, item.title) for item in sorted(offer.entitlements, key=lambda e: e.title)],
    )
    return form


def filters_from(form: FilterForm) -> queries.Filters | None:
    """The chosen filters, or None when one is not valid (the page shows why)."""
    if not form.validate():
        return None
    return queries.Filters(
        status=form.status.data or None,
        kind=form.kind.data or None,
        theme=form.theme.data or None,
        entitlement=form.entitlement.data or None,
        received_from=form.received_from.data,
        received_to=form.received_to.data,
    )


@bp.get("/")
@role_required("moderator", "editor", "publisher")
def dashboard() -> str:
    moderator = auth.current_moderator()
    assert moderator is not None  # role_required has made sure
    db_session = db.session()
    counts = dict(db_session.execute(queries.count_by_status()).all())
    offer = current_app.extensions["localoffer.offer"]
    overdue = sorted(offer.overdue(today()), key=lambda item: item.review_due)
    replies_waiting = db_session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(Submission.wants_reply, Submission.status.in_(("new", "in_review")))
    )
    return render_template(
        "moderation/dashboard.html",
        counts={status: counts.get(status, 0) for status in STATUSES},
        overdue=overdue,
        today=today(),
        replies_waiting=replies_waiting or 0,
        failed_attempts=auth.failed_attempts_notice(),
        can_moderate=FEEDBACK in moderator.roles,
    )


@bp.get("/queue/")
@role_required(FEEDBACK)
def queue() -> str:
    form = filter_form()
    filters = filters_from(form)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    items: list[Submission] = []
    total = 0
    if filters is not None:
        query = queries.filtered(filters)
        db_session = db.session()
        total = db_session.scalar(select(func.count()).select_from(query.subquery())) or 0
        items = list(db_session.scalars(query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    args = {key: value for key, value in request.args.items() if key not in ("page", "submit")}
    return render_template(
        "moderation/queue.html",
        form=form,
        items=items,
        total=total,
        page=page,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        args=args,
    )


@bp.get("/export.csv")
@role_required(FEEDBACK)
def export_csv() -> Response:
    filters = filters_from(filter_form())
    if filters is None:
        abort(400)
    rows = db.session().scalars(queries.filtered(filters))
    response = current_app.response_class(export.to_csv(rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="feedback-{today().isoformat()}.csv"'
    )
    return response


def _submission(submission_id: int) -> Submission:
    submission = db.session().get(Submission, submission_id)
    if submission is None:
        abort(404)
    return submission


@bp.route("/items/<int:submission_id>/", methods=["GET", "POST"])
@role_required(FEEDBACK)
def item(submission_id: int) -> str | Response:
    submission = _submission(submission_id)
    form = ItemForm()
    # Changes published about the entitlement since the suggestion came in, to mark it done by.
    changes = (
        published_changes(PAGE_SIZE, submission.entitlement_id, since=submission.created_at)
        if submission.entitlement_id
        else []
    )
    form.set_changes([(str(c.id), f"{c.day.isoformat()}: {c.note}") for c in changes])
    if request.method == "GET":
        form.change.data = str(submission.change_id) if submission.change_id else ""
        form.status.data = submission.status
        form.public_message.data = submission.public_message or public_version(
            submission.message
        )
        form.public_response.data = submission.public_response or ""
    if form.validate_on_submit():
        _decide(submission, form)
        return redirect(url_for("moderation.item", submission_id=submission.id, saved=1))
    return render_template(
        "moderation/item.html",
        submission=submission,
        form=form,
        action=ActionForm(),
        saved=request.args.get("saved") == "1",
        entitlement=current_app.extensions["localoffer.offer"].get(submission.entitlement_id)
        if submission.entitlement_id
        else None,
    )


def _decide(submission: Submission, form: ItemForm) -> None:
    now = utc_now()
    response = (form.public_response.data or "").strip()
    submission.status = form.status.data
    submission.change_id = int(form.change.data) if form.change.data else None
    if response:
        if response != submission.public_response:
            submission.responded_at = now
        submission.public_response = response
        # Whatever the moderator typed, contact details never reach the public page.
        submission.public_message = public_version(form.public_message.data or "")
    else:
        submission.public_response = None
        submission.public_message = None
        submission.responded_at = None
    submission.updated_at = now
    submission.handled_by = auth.current_moderator()
    db.session().commit()


@bp.post("/items/<int:submission_id>/delete-contact")
@role_required(FEEDBACK)
def delete_contact(submission_id: int) -> Response:
    """Delete the email address now, e.g. once the reply has been sent."""
    submission = _submission(submission_id)
    if submission.contact is not None:
        submission.contact = None
        submission.updated_at = utc_now()
        db.session().commit()
    return redirect(url_for("moderation.item", submission_id=submission.id, deleted=1))
