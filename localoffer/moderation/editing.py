"""Editing the offer: its state at /moderation/content/, and one entitlement's edit page.

Save draft, send for review, publish, send back. Every save runs the same validator as
`content check`; nothing is stored unless the whole document passes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import (
    abort,
    current_app,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from localoffer.content import THEMES, Entitlement, Offer
from localoffer.content.cli import DUE_SOON_DAYS
from localoffer.content.documents import (
    compose,
    file_for,
    form_values,
    read_document,
    readable_diff,
)
from localoffer.content.loader import check_document
from localoffer.feedback import db
from localoffer.feedback.models import Submission, utc_now
from localoffer.languages import SHIPPED_LANGUAGES
from localoffer.moderation import auth, publishing
from localoffer.moderation.content_forms import ACTIONS, EntitlementForm, RetireForm
from localoffer.moderation.revisions import (
    OPEN_STATES,
    ContentEvent,
    Revision,
    Unpublished,
    history,
    open_revision,
    unpublished,
)
from localoffer.moderation.roles import role_required
from localoffer.moderation.routes import bp, today
from localoffer.web import words

EDITORS = ("editor", "publisher")
OPEN_SUGGESTION = ("new", "in_review", "accepted")
Editable = Entitlement | Unpublished


def _offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


def _urgency(item: Entitlement, on: date) -> int:
    if item.review_overdue(on):
        return 0
    return 1 if item.review_due_within(on, DUE_SOON_DAYS) else 2


def translation_states(item: Entitlement) -> list[tuple[str, str]]:
    """Each language and whether its translation is up to date, out of date or missing."""
    return [
        (lang, "missing" if lang not in item.translations
         else "out_of_date" if item.translations[lang].stale else "up_to_date")
        for lang in SHIPPED_LANGUAGES[1:]
    ]  # fmt: skip


@bp.get("/content/")
@role_required(*EDITORS)
def content_overview() -> str:
    session = db.session()
    suggestions = dict(
        session.execute(
            select(Submission.entitlement_id, func.count())
            .where(Submission.kind == "suggestion", Submission.status.in_(OPEN_SUGGESTION))
            .group_by(Submission.entitlement_id)
        ).all()
    )
    drafts = dict(
        session.execute(
            select(Revision.entitlement_id, Revision.state).where(
                Revision.state.in_(("draft", "in_review", "sent_back"))
            )
        ).all()
    )
    on = today()
    themes = []
    for theme in THEMES:
        items = sorted(
            (item for item in _offer().entitlements if item.theme == theme),
            key=lambda item: (_urgency(item, on), item.review_due, item.title),
        )
        themes.append((theme, items))
    new = [unpublished(session, entitlement_id) for entitlement_id in drafts
           if _offer().get(entitlement_id) is None]  # fmt: skip
    return render_template(
        "moderation/content.html",
        themes=themes,
        new=[item for item in new if item is not None],
        suggestions=suggestions,
        drafts=drafts,
        urgency=lambda item: _urgency(item, on),
        translation_states=translation_states,
        words=words,
    )


def _file(item: Editable) -> Path:
    return file_for(item.path, Path(current_app.config["CONTENT_DIR"]),
                    Path(current_app.config["COUNCIL_DIR"]))  # fmt: skip


@bp.route("/content/<entitlement_id>/", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_entitlement(entitlement_id: str) -> str | Response | tuple[str, int]:
    session = db.session()
    item: Editable | None = _offer().get(entitlement_id) or unpublished(session, entitlement_id)
    if item is None:
        abort(404)
    draft = open_revision(session, entitlement_id)
    # A new entitlement has no published text yet: its first publication adds the file.
    published_text = "" if isinstance(item, Unpublished) else _file(item).read_text("utf-8")
    form = EntitlementForm()
    if request.method == "GET":
        data, body = read_document(draft.document if draft else published_text)
        for name, value in form_values(data, body).items():
            form[name].data = value
        return _page(item, form, draft)

    action = request.form.get("action", "")
    if action not in ACTIONS or not form.validate_on_submit():
        return _page(item, form, draft), 400
    me = auth.current_moderator()
    assert me is not None  # role_required has made sure
    if action in ("publish", "send_back") and "publisher" not in me.roles:
        abort(403)
    if action == "send_back":
        return _send_back(item, form, draft)

    problems: list = []
    fixed = {"id": item.id, "theme": item.theme, "kind": item.kind}
    text = compose(fixed, form.values(), problems, item.path)
    kinds = ("council",) if item.kind == "council" else ("statutory", "national")
    unreadable = {problem.field for problem in problems}
    checked_item, checked = check_document(text, _file(item), _offer(), kinds)
    problems += [p for p in checked if p.field not in unreadable]
    elsewhere = form.add_problems(problems)
    note = (form.note.data or "").strip()
    if action in ("review", "publish") and not note:
        form.add_error("note", _("Say what has changed, in plain words"))
    if action == "publish" and _needs_second_person(draft, me.id, text):
        form.add_error("note", _("Another publisher must publish this: the council has "
                                 "turned on the two-person rule"))  # fmt: skip
    if form.errors or elsewhere:
        return _page(item, form, draft, elsewhere=elsewhere), 400
    if action == "preview":
        assert checked_item is not None  # no problems, so the validator built it
        return render_template("moderation/preview.html", item=checked_item,
                               amount=checked_item.amount_on(today()))  # fmt: skip

    before = draft.document if draft else published_text
    now = utc_now()
    if draft is None or draft.state == "published":
        draft = Revision(entitlement_id=item.id, path=item.path, state="draft", created_at=now)
        session.add(draft)
    if text != draft.document:
        draft.author_id = me.id  # whoever last changed the words is their author
    draft.document = text
    draft.updated_at = now
    if action in ("review", "publish"):
        draft.note = note
    if action == "review":
        draft.state = "in_review"
    elif action == "save" and draft.state == "sent_back":
        draft.state = "draft"
    event_action = {"save": "saved", "review": "sent_for_review", "publish": "published"}[action]
    diff = readable_diff(published_text if action == "publish" else before, text)
    session.flush()
    session.add(ContentEvent(entitlement_id=item.id, revision_id=draft.id, action=event_action,
                             actor_email=me.email, at=now, note=note or None, diff=diff))
    if action == "publish":
        publishing.publish(current_app._get_current_object(), session, draft, note,  # type: ignore[attr-defined]
                           me.email)  # fmt: skip
    else:
        session.commit()
    flash(event_action)
    return redirect(url_for("moderation.edit_entitlement", entitlement_id=item.id))


def _needs_second_person(draft: Revision | None, me: int, text: str) -> bool:
    """Under the two-person rule only someone else's unchanged draft may be published."""
    if not current_app.config.get("CONTENT_TWO_PERSON_RULE"):
        return False
    return draft is None or draft.author_id == me or draft.document != text


def _send_back(
    item: Editable, form: EntitlementForm, draft: Revision | None
) -> Response | tuple[str, int]:
    me = auth.current_moderator()
    assert me is not None
    comment = (form.comment.data or "").strip()
    if draft is None or draft.state != "in_review":
        form.add_error("comment", _("There is no draft waiting for review to send back"))
    elif not comment:
        form.add_error("comment", _("Say what needs to change before it can be published"))
    if form.errors or draft is None:
        return _page(item, form, draft), 400
    draft.state = "sent_back"
    draft.comment = comment
    draft.updated_at = utc_now()
    db.session().add(ContentEvent(entitlement_id=item.id, revision_id=draft.id,
                                  action="sent_back", actor_email=me.email, note=comment,
                                  diff=""))  # fmt: skip
    db.session().commit()
    flash("sent_back")
    return redirect(url_for("moderation.edit_entitlement", entitlement_id=item.id))


def _page(item: Editable, form: EntitlementForm, draft: Revision | None,
          elsewhere: list[str] | None = None) -> str:  # fmt: skip
    me = auth.current_moderator()
    return render_template(
        "moderation/edit.html",
        item=item,
        form=form,
        draft=draft,
        elsewhere=elsewhere or [],
        events=history(db.session(), item.id),
        done=get_flashed_messages(),
        can_publish=me is not None and "publisher" in me.roles,
        new=isinstance(item, Unpublished),
    )


@bp.route("/content/<entitlement_id>/retire", methods=["GET", "POST"])
@role_required("publisher")
def retire_entitlement(entitlement_id: str) -> str | Response | tuple[str, int]:
    """Take the council's own support out of the offer: its address then answers 410."""
    item = _offer().get(entitlement_id)
    if item is None or item.kind != "council":
        abort(404)  # the law's entitlements are not the council's to retire
    form = RetireForm()
    if request.method == "GET" or not form.validate_on_submit():
        status = 200 if request.method == "GET" else 400
        return render_template("moderation/retire.html", item=item, form=form), status
    me = auth.current_moderator()
    assert me is not None
    session = db.session()
    note = (form.note.data or "").strip()
    now = utc_now()
    for draft in session.scalars(select(Revision).where(
        Revision.entitlement_id == item.id, Revision.state.in_(OPEN_STATES)
    )):  # fmt: skip
        draft.state = "superseded"
    # An empty published revision retires the entitlement on every worker and machine.
    retirement = Revision(entitlement_id=item.id, path=item.path, state="published",
                          document="", note=note, author_id=me.id, created_at=now,
                          updated_at=now)  # fmt: skip
    session.add(retirement)
    session.flush()
    removed = readable_diff(_file(item).read_text(encoding="utf-8"), "")
    session.add(ContentEvent(entitlement_id=item.id, revision_id=retirement.id,
                             action="published", actor_email=me.email, at=now, note=note,
                             diff=removed))  # fmt: skip
    publishing.publish(current_app._get_current_object(), session, retirement, note,  # type: ignore[attr-defined]
                       me.email)  # fmt: skip
    return redirect(url_for("moderation.content_overview"))
