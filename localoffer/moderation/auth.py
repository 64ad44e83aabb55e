"""Signing staff in and out: password, then a one-time code; sessions that time out.

Signing in has up to two steps. A correct password (or the council's single sign-on, see
`sso`) is remembered for a few minutes as "pending" while the code is asked for, or while
two-factor sign-in is set up at the first sign-in. Only then is a session made.

The browser holds only a random token; the database holds its hash, when it was made and
when it was last used. Signing out or timing out deletes the row, so a copied cookie is
worth nothing afterwards.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, func, select
from werkzeug.wrappers import Response

from localoffer.feedback import db
from localoffer.feedback.models import LoginFailure, Moderator, ModeratorSession, utc_now
from localoffer.moderation import passwords, throttle, twofactor
from localoffer.moderation.forms import ActionForm, CodeForm, LoginForm

bp = Blueprint("moderation_auth", __name__, url_prefix="/moderation")

SESSION_KEY = "moderation_token"
PENDING_KEY = "staff_pending"
NOTICE_KEY = "staff_failed_attempts"
# Single sign-on's ID token: kept while signed in, and after signing out until the person
# chooses (or not) to sign out of the provider too.
SSO_ID_TOKEN_KEY = "staff_sso_id_token"
SSO_SIGN_OUT_KEY = "staff_sso_sign_out"
# Writing "last seen" on every click is needless; a minute's slack cannot matter.
TOUCH_EVERY = timedelta(minutes=1)
# Time to find the phone and type a code, or to set up the app, after a correct password.
PENDING_SECONDS = 10 * 60


@bp.context_processor
def moderation_context() -> dict[str, Any]:
    # formdata=None: the sign-out button only needs a token, and must not read this request's
    # body, which may be what an error page is about (too large, not a form).
    return {"moderator": current_moderator(), "logout_form": ActionForm(formdata=None)}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _config(name: str) -> int:
    return int(current_app.config[name])


def current_moderator() -> Moderator | None:
    """The signed-in member of staff, or None if nobody is or their session has run out."""
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


def require_staff(roles: frozenset[str]) -> Response | None:
    """Anonymous visitors are sent to sign in; staff without one of `roles` get 403."""
    moderator = current_moderator()
    if moderator is None:
        target = request.full_path if request.method == "GET" else request.path
        args: dict[str, Any] = {"next": target.rstrip("?")}
        if g.get("session_expired"):
            args["expired"] = "1"
        return redirect(url_for("moderation_auth.login", **args))
    if not moderator.roles & roles:
        g.roles_needed = roles
        abort(403)
    return None


def _safe_next(target: str | None) -> str:
    """Only ever a moderation page of this site, never somewhere else (no open redirect)."""
    if target:
        parts = urlsplit(target)
        local = not parts.scheme and not parts.netloc and parts.path.startswith("/moderation/")
        # Line breaks or tabs could never be sent in a Location header (a 500 before).
        if local and target.isprintable():
            return target
    return url_for("moderation.dashboard")


def _wait_message(seconds: int) -> str:
    if seconds > 90:
        minutes = (seconds + 59) // 60
        return ngettext(
            "Too many failed attempts to sign in from here. Wait %(num)d minute, then try "
            "again.",
            "Too many failed attempts to sign in from here. Wait %(num)d minutes, then try "
            "again.",
            minutes,
        )
    return ngettext(
        "Too many failed attempts to sign in from here. Wait %(num)d second, then try again.",
        "Too many failed attempts to sign in from here. Wait %(num)d seconds, then try again.",
        seconds,
    )


def _say_wait(errors: list[str], account: str, source: throttle.Source) -> None:
    """After a failure that earns a wait, say so at once rather than at the next try (in place
    of the failure's own message: a field shows one message)."""
    wait = throttle.seconds_to_wait(account, source)
    if wait:
        errors[-1] = _wait_message(wait)


def _record_failure(account: str, source: throttle.Source) -> None:
    throttle.record_failure(account, source)
    db_session = db.session()
    db_session.add(LoginFailure(identifier_hash=account, at=utc_now()))
    db_session.commit()


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    form = LoginForm()
    if request.method == "GET" and current_moderator() is not None:
        return redirect(_safe_next(request.args.get("next")))
    if form.validate_on_submit():
        email = form.email.data.lower()
        account = throttle.identifier_hash(email)
        source = throttle.source_for(account)
        wait = throttle.seconds_to_wait(account, source)
        if wait:
            form.email.errors.append(_wait_message(wait))
        else:
            moderator = db.session().scalar(select(Moderator).where(Moderator.email == email))
            password = form.password.data
            if moderator is None or not moderator.password_hash:
                passwords.verify_password(None, password)  # as slow as a wrong password
            elif passwords.verify_password(moderator.password_hash, password):
                if passwords.needs_rehash(moderator.password_hash):
                    moderator.password_hash = passwords.hash_password(password)
                    db.session().commit()
                return _password_accepted(moderator, source)
            _record_failure(account, source)
            form.email.errors.append(_("Enter a correct email address and password"))
            _say_wait(form.email.errors, account, source)
    return render_template(
        "moderation/login.html",
        form=form,
        expired=request.args.get("expired") == "1",
        sso=current_app.extensions.get("localoffer.sso") is not None,
        sso_sign_out=SSO_SIGN_OUT_KEY in session,
    )


def _password_accepted(moderator: Moderator, source: throttle.Source) -> Response:
    target = _safe_next(request.args.get("next"))
    if not moderator.has_two_factor and not twofactor.required():
        return sign_in(moderator, target, source)
    session.clear()
    session[PENDING_KEY] = {"id": moderator.id, "at": time.time(), "next": target}
    if moderator.has_two_factor:
        return redirect(url_for("moderation_auth.code"))
    return redirect(url_for("moderation_auth.setup"))


def pending_moderator() -> Moderator | None:
    """The account whose password was just given, while its code is awaited."""
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        session.pop(PENDING_KEY, None)
        return None
    return db.session().get(Moderator, pending.get("id"))


def _start_again() -> Response:
    return redirect(url_for("moderation_auth.login", expired="1"))


@bp.route("/login/code", methods=["GET", "POST"])
def code() -> str | Response:
    """The second step: a code from the authenticator app, or a recovery code."""
    moderator = pending_moderator()
    if moderator is None:
        return _start_again()
    if not moderator.has_two_factor:
        return redirect(url_for("moderation_auth.setup"))
    form = CodeForm()
    if form.validate_on_submit():
        account = throttle.identifier_hash(moderator.email)
        source = throttle.source_for(account)
        wait = throttle.seconds_to_wait(account, source)
        if wait:
            form.code.errors.append(_wait_message(wait))
        elif twofactor.verify_code(moderator, form.code.data) or twofactor.use_recovery_code(
            moderator, form.code.data, utc_now()
        ):
            db.session().commit()
            return sign_in(moderator, session[PENDING_KEY]["next"], source)
        else:
            _record_failure(account, source)
            form.code.errors.append(_("Enter the code shown in your authenticator app, or "
                                      "one of your recovery codes"))  # fmt: skip
            _say_wait(form.code.errors, account, source)
    return render_template("moderation/code.html", form=form)


@bp.route("/two-factor/setup", methods=["GET", "POST"])
def setup() -> str | Response:
    """Link an authenticator app, prove it with a code, get recovery codes.

    Reached after the password at a first sign-in where codes are required, or by a signed-in
    member of staff who chooses to turn it on where they are not (in development).
    """
    signed_in = current_moderator()
    moderator = signed_in or pending_moderator()
    if moderator is None:
        return _start_again()
    if moderator.has_two_factor:
        return redirect(url_for("moderation.dashboard" if signed_in else "moderation_auth.code"))
    db_session = db.session()
    if moderator.totp_secret is None:
        # Kept until confirmed, so reloading the page does not invalidate a scanned code.
        moderator.totp_secret = twofactor.new_secret()
        db_session.commit()
    form = CodeForm()
    if form.validate_on_submit():
        account = throttle.identifier_hash(moderator.email)
        source = throttle.source_for(account)
        wait = throttle.seconds_to_wait(account, source)
        if wait:
            form.code.errors.append(_wait_message(wait))
        elif twofactor.verify_code(moderator, form.code.data):
            moderator.totp_confirmed_at = utc_now()
            codes = twofactor.new_recovery_codes(moderator)
            db_session.commit()
            if signed_in:
                response = redirect(url_for("moderation.dashboard"))
            else:
                response = sign_in(moderator, session[PENDING_KEY]["next"], source)
            # Shown once, on this response only: nothing else can show them again.
            page = render_template(
                "moderation/recovery_codes.html", codes=codes, target=response.location
            )
            return _with_cookies(make_response(page), response)
        else:
            _record_failure(account, source)
            form.code.errors.append(_("Enter the 6-digit code shown in your authenticator app"))
            _say_wait(form.code.errors, account, source)
    uri = twofactor.setup_uri(moderator)
    return render_template(
        "moderation/setup.html",
        form=form,
        qr=twofactor.qr_svg(uri, _("QR code for setting up your authenticator app")),
        key=twofactor.grouped(moderator.totp_secret),
    )


def _with_cookies(page: Response, source: Response) -> Response:
    for header in source.headers.getlist("Set-Cookie"):
        page.headers.add("Set-Cookie", header)
    return page


def sign_in(moderator: Moderator, target: str, source: throttle.Source | None = None) -> Response:
    """Make the session, tell the person of failed attempts on their account, trust the device."""
    db_session = db.session()
    account = throttle.identifier_hash(moderator.email)
    failed = db_session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(
            LoginFailure.identifier_hash == account
        )
    ).one()
    db_session.execute(delete(LoginFailure).where(LoginFailure.identifier_hash == account))
    token = secrets.token_urlsafe(32)
    db_session.add(ModeratorSession(token_hash=_hash(token), moderator=moderator))
    db_session.commit()
    if source is not None:
        throttle.forget_failures(account, source)
    # A fresh session: nothing set before signing in (by anyone) survives it.
    session.clear()
    session[SESSION_KEY] = token
    if failed[0]:
        session[NOTICE_KEY] = {"count": failed[0], "last": _iso(failed[1])}
    response = redirect(_safe_next(target))
    throttle.trust_this_device(response, account)
    return response


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def failed_attempts_notice() -> dict[str, Any] | None:
    """Failed sign-ins on this account before this session began, shown once."""
    notice = session.pop(NOTICE_KEY, None)
    if not isinstance(notice, dict):
        return None
    last = notice.get("last")
    return {"count": int(notice.get("count", 0)),
            "last": datetime.fromisoformat(last) if last else None}  # fmt: skip


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
    id_token = session.get(SSO_ID_TOKEN_KEY)
    session.clear()
    if id_token and current_app.extensions.get("localoffer.sso") is not None:
        # Offered as a link on the next page rather than a redirect from this form: the
        # pages' Content-Security-Policy (form-action 'self') rightly stops a form's redirect
        # to another site.
        session[SSO_SIGN_OUT_KEY] = id_token
    return redirect(url_for("moderation_auth.login", signed_out="1"))
