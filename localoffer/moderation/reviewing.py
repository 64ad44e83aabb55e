"""Reviewers' pages: the translations in their languages, and one file beside its English.

A reviewer sees only the languages they were given (`moderators add --role reviewer
--language ar`); a file in another language is refused with 403, whoever asks.
"""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from localoffer.content.model import Offer
from localoffer.feedback import db
from localoffer.feedback.models import Moderator
from localoffer.languages import KNOWN_LANGUAGES as LANGUAGES
from localoffer.languages import SHIPPED_LANGUAGES
from localoffer.moderation import auth, signoff
from localoffer.moderation.review_forms import SignOffForm
from localoffer.moderation.roles import role_required
from localoffer.moderation.routes import bp

REVIEWERS = ("reviewer",)


def _offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


def _items(lang: str) -> list[signoff.Item]:
    config = current_app.config
    return signoff.items(_offer(), Path(config["CONTENT_DIR"]), Path(config["COUNCIL_DIR"]),
                         lang)  # fmt: skip


def _me() -> Moderator:
    me = auth.current_moderator()
    assert me is not None  # role_required has made sure
    return me


@bp.get("/translations/")
@role_required(*REVIEWERS)
def translations() -> str:
    checks = signoff.latest(db.session())
    sections = [(LANGUAGES[lang], [(item, checks.get((item.file, lang))) for item in _items(lang)])
                for lang in _me().languages if lang in LANGUAGES]  # fmt: skip
    return render_template("moderation/translations.html", sections=sections)


# Not <lang>: the portal reads that name in every URL as the reader's language.
@bp.route("/translations/<into>/<path:file>", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def review_translation(into: str, file: str) -> str | Response | tuple[str, int]:
    lang = into
    if lang not in SHIPPED_LANGUAGES[1:]:
        abort(404)
    item = next((found for found in _items(lang) if found.file == file), None)
    if item is None:
        abort(404)
    if lang not in _me().languages:
        abort(403)
    session = db.session()
    previous = signoff.latest(session).get((file, lang))
    rows = item.rows()
    changes = signoff.changes_since(previous, signoff.source_text(rows))
    form = SignOffForm()
    if form.is_submitted():
        form.validate()
        if item.state != "current":
            form.confirm.errors = [_("This translation is missing or out of date: it can be "
                                     "checked once it is translated again")]  # fmt: skip
        elif form.source_hash.data != item.source_hash:
            form.confirm.errors = [_("The English has changed since you opened this page: "
                                     "read the changes, then tick the box again")]  # fmt: skip
        if not form.errors:
            signoff.record(session, item, lang, _me())
            session.commit()
            signoff.catch_up(current_app._get_current_object(), session, force=True)  # type: ignore[attr-defined]
            flash(_("%(file)s is marked as checked in %(language)s.", file=item.label,
                    language=LANGUAGES[lang].english_name))  # fmt: skip
            return redirect(url_for("moderation.translations"))
    form.source_hash.data = item.source_hash
    # Not `language`: that is the language the page itself is in (English, left to right).
    page = render_template("moderation/review.html", item=item, target=LANGUAGES[lang],
                           rows=rows, previous=previous, changes=changes, form=form)  # fmt: skip
    return (page, 400) if form.errors else page
