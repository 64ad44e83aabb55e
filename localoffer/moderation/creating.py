"""Starting a new council entitlement at /moderation/content/new.

The editor chooses its theme and id, which are fixed from then on, and fills in the same
fields as on the edit page. It is saved as a draft revision and then follows the edit page's
review and publish path. An id is never given twice: not if any entitlement, translation or
retired entitlement has it, nor if the revision history ever held it. The law's entitlements
come with the portal, so only the council's own can be started here.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from localoffer.content import THEMES
from localoffer.content.documents import FIXED_FIELDS, compose, file_for, readable_diff
from localoffer.content.fields import KEBAB
from localoffer.content.loader import check_document
from localoffer.feedback import db
from localoffer.feedback.models import utc_now
from localoffer.moderation import auth
from localoffer.moderation.content_forms import NewEntitlementForm
from localoffer.moderation.editing import EDITORS
from localoffer.moderation.publishing import RETIRED
from localoffer.moderation.revisions import ContentEvent, Revision, ever_used
from localoffer.moderation.roles import role_required
from localoffer.moderation.routes import bp, today
from localoffer.web import words


def id_taken(entitlement_id: str) -> bool:
    """Whether the id is, or ever was, an entitlement's: in the offer, on disk (a source
    file or a translation), retired, or anywhere in the revision history."""
    app = current_app
    if app.extensions["localoffer.offer"].get(entitlement_id) is not None:
        return True
    if entitlement_id in app.extensions[RETIRED]:
        return True
    for folder in {Path(app.config["CONTENT_DIR"]), Path(app.config["COUNCIL_DIR"])}:
        # The id has passed the kebab-case check, so it holds no glob characters.
        if next(folder.rglob(f"{entitlement_id}.md"), None) or next(
            folder.rglob(f"{entitlement_id}.*.md"), None
        ):
            return True
    return ever_used(db.session(), entitlement_id)


def _id_error(entitlement_id: str) -> str | None:
    if not entitlement_id:
        return _("Enter an id")
    if not KEBAB.match(entitlement_id):
        return _("Use lowercase words and hyphens only, like staying-put")
    if id_taken(entitlement_id):
        return _("This id is used, or was used before: choose another")
    return None


def _page(form: NewEntitlementForm, elsewhere: list[str] | None = None) -> str:
    return render_template("moderation/new.html", form=form, elsewhere=elsewhere or [])


@bp.route("/content/new", methods=["GET", "POST"])
@role_required(*EDITORS)
def new_entitlement() -> str | Response | tuple[str, int]:
    form = NewEntitlementForm()
    form.theme.choices = [(code, words.THEME_BY_CODE[code].title) for code in THEMES]
    if request.method == "GET":
        return _page(form)
    action = request.form.get("action", "")
    if action not in ("preview", "save"):
        return _page(form), 400
    form.validate_on_submit()  # the note's length, and that a theme was chosen
    theme = form.theme.data or ""
    if theme and theme not in THEMES:
        form.add_error("theme", _("Choose a theme"))
    entitlement_id = (form.entitlement_id.data or "").strip()
    id_error = _id_error(entitlement_id)
    if id_error:
        form.add_error("entitlement_id", id_error)

    # The fields are checked even while the theme or id is wrong, so every problem shows at
    # once; the theme and id themselves are checked above, in the editor's words.
    check_theme = theme if theme in THEMES else THEMES[0]
    check_id = "new" if id_error else entitlement_id
    shown = f"council/{check_theme}/{check_id}.md"
    fixed = {"id": check_id, "theme": check_theme, "kind": "council"}
    problems: list = []
    text = compose(fixed, form.values(), problems, shown)
    unreadable = {problem.field for problem in problems}
    path = file_for(shown, Path(current_app.config["CONTENT_DIR"]),
                    Path(current_app.config["COUNCIL_DIR"]))  # fmt: skip
    offer = current_app.extensions["localoffer.offer"]
    checked_item, checked = check_document(text, path, offer, ("council",))
    problems += [p for p in checked if p.field not in unreadable and p.field not in FIXED_FIELDS]
    elsewhere = form.add_problems(problems)
    if form.errors or elsewhere:
        return _page(form, elsewhere), 400
    if action == "preview":
        assert checked_item is not None  # no problems, so the validator built it
        return render_template("moderation/preview.html", item=checked_item,
                               amount=checked_item.amount_on(today()))  # fmt: skip

    me = auth.current_moderator()
    assert me is not None  # role_required has made sure
    session = db.session()
    now = utc_now()
    note = (form.note.data or "").strip() or None
    draft = Revision(entitlement_id=entitlement_id, path=shown, state="draft", document=text,
                     author_id=me.id, note=note, created_at=now, updated_at=now)  # fmt: skip
    session.add(draft)
    session.flush()
    session.add(ContentEvent(entitlement_id=entitlement_id, revision_id=draft.id,
                             action="saved", actor_email=me.email, at=now, note=note,
                             diff=readable_diff("", text)))  # fmt: skip
    session.commit()
    flash("saved")
    return redirect(url_for("moderation.edit_entitlement", entitlement_id=entitlement_id))
