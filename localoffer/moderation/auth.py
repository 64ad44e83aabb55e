"""Signing moderators in and out: lockout after repeated failures, sessions that time out.

The browser holds only a random token; the database holds its hash, when it was made and
when it was last used. Signing out or timing out deletes the row, so a copied cookie is
worth nothing afterwards.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from werkzeug.wrappers import Response

from localoffer.feedback import db
from localoffer.feedback.models import LoginFailure, Moderator, ModeratorSession, utc_now
from localoffer.moderation import passwords
from localoffer.moderation.forms import ActionForm, LoginForm

bp = Blueprint("moderation_auth", __name__, url_prefix="/moderation")

SESSION_KEY = "moderation_token"
# Writing "last seen" on every click is needless; a minute's slack cannot matter.
TOUCH_EVERY = timedelta(minutes=1)


@bp.context_processor
def moderation_context() -> dict[str, Any]:
    # formdata=None: the sign-out button only needs a token, and must not read this request's
    # body, which may be what an error page is about (too large, not a form).
    return {"moderator": current_moderator(), "logout_form": ActionForm(formdata=None)}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _config(name: str) -> int:
    return int(current_app.config[name])


def lockout_window() -> timedelta:
    return timedelta(minutes=_config("LOCKOUT_MINUTES"))


def recent_failures(email: str, now: datetime) -> int:
    query = select(func.count()).select_from(LoginFailure).where(
        LoginFailure.email == email, LoginFailure.at >= now - lockout_window()
    )
    return db.session().scalar(query) or 0


def current_moderator() -> Moderator | None:
    """The signed-in moderator, or None if nobody is or their session has run out."""
    if "moderator" in g:
        return g.moderator
    g.moderator = None
    token = session.get(SESSION_KEY)
    if not token:
        return None
    db_session = db.session()
    row = db_session.scalar(
        select(ModeratorSession).where(ModeratorSession.token_hash == _hash(token))
    )
    now = utc_now()
    idle = timedelta(minutes=_config("MODERATION_TIMEOUT_MINUTES"))
    longest = timedelta(hours=_config("MODERATION_MAX_HOURS"))
    if row is None or now - row.last_seen_at > idle or now - row.created_at > longest:
        if row is not None:
            db_session.delete(row)
            db_session.commit()
            g.session_expired = True
        session.pop(SESSION_KEY, None)
        return None
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
        db_session.commit()
    g.moderator = row.moderator
    return g.moderator


def require_moderator() -> Response | None:
    """Used before every moderation request: anonymous visitors are sent to sign in."""
    if current_moderator() is not None:
        return None
    target = request.full_path if request.method == "GET" else request.path
    args: dict[str, Any] = {"next": target.rstrip("?")}
    if g.get("session_expired"):
        args["expired"] = "1"
    return redirect(url_for("moderation_auth.login", **args))


def _safe_next(target: str | None) -> str:
    """Only ever a moderation page of this site, never somewhere else (no open redirect)."""
    if target:
        parts = urlsplit(target)
        local = not parts.scheme and not parts.netloc and parts.path.startswith("/moderation/")
        # Line breaks or tabs could never be sent in a Location header (a 500 before).
        if local and target.isprintable():
            return target
    return url_for("moderation.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    form = LoginForm()
    if request.method == "GET" and current_moderator() is not None:
        return redirect(_safe_next(request.args.get("next")))
    if form.validate_on_submit():
        email = form.email.data.lower()
        db_session = db.session()
        now = utc_now()
        if recent_failures(email, now) >= _config("LOCKOUT_ATTEMPTS"):
            form.email.errors.append(
                _("Too many failed attempts to sign in. Wait %(minutes)s minutes, then try "
                  "again.", minutes=_config("LOCKOUT_MINUTES"))
            )  # fmt: skip
        else:
            moderator = db_session.scalar(select(Moderator).where(Moderator.email == email))
            password = form.password.data
            if moderator is None:
                passwords.verify_password(None, password)  # as slow as a wrong password
            elif passwords.verify_password(moderator.password_hash, password):
                return _sign_in(moderator, password)
            db_session.add(LoginFailure(email=email, at=now))
            db_session.commit()
            form.email.errors.append(_("Enter a correct email address and password"))
    return render_template(
        "moderation/login.html", form=form, expired=request.args.get("expired") == "1"
    )


def _sign_in(moderator: Moderator, password: str) -> Response:
    db_session = db.session()
    db_session.execute(delete(LoginFailure).where(LoginFailure.email == moderator.email))
    if passwords.needs_rehash(moderator.password_hash):
        moderator.password_hash = passwords.hash_password(password)
    token = secrets.token_urlsafe(32)
    db_session.add(ModeratorSession(token_hash=_hash(token), moderator=moderator))
    db_session.commit()
    target = _safe_next(request.args.get("next"))
    # A fresh session: nothing set before signing in (by anyone) survives it.
    session.clear()
    session[SESSION_KEY] = token
    return redirect(target)


@bp.route("/logout", methods=["POST"])
def logout() -> Response:
    # CSRFProtect has already refused a POST without a valid token.
    token = session.get(SESSION_KEY)
    if token:
        db_session = db.session()
        db_session.execute(
            delete(ModeratorSession).where(ModeratorSession.token_hash == _hash(token))
        )
        db_session.commit()
    session.clear()
    return redirect(url_for("moderation_auth.login", signed_out="1"))
