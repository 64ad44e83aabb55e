"""Single sign-on for staff through the council's OpenID Connect provider (e.g. Entra ID).

The authorization-code flow with PKCE (S256), a `state` and a `nonce`, through Authlib. The
provider says who someone is; the portal's own staff accounts still decide who may sign in
and with which roles, so a council adds each member of staff with
`flask --app localoffer moderators add EMAIL --role ROLE --no-password`.

The provider is trusted for the second factor (a council's provider enforces its own), so
no one-time code is asked for after single sign-on.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import (
    Blueprint,
    Flask,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from localoffer.feedback import db
from localoffer.feedback.models import Moderator
from localoffer.moderation import auth

bp = Blueprint("moderation_sso", __name__, url_prefix="/moderation/sso")
NEXT_KEY = "staff_sso_next"


class SingleSignOn:
    """The configured provider, registered with Authlib under the name `staff`."""

    def __init__(self, app: Flask, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.oauth = OAuth(app)
        self.client = self.oauth.register(
            "staff",
            client_id=settings["client_id"],
            client_secret=settings["client_secret"],
            server_metadata_url=f"{settings['issuer']}/.well-known/openid-configuration",
            client_kwargs={"scope": settings["scopes"], "code_challenge_method": "S256"},
        )

    def end_session(self, id_token: str) -> Response:
        """Sign out at the provider too, when it offers that, then come back to sign-in."""
        back = url_for("moderation_auth.login", signed_out="1", _external=True)
        endpoint = self.client.load_server_metadata().get("end_session_endpoint")
        if not endpoint:
            return redirect(back)
        query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": back,
                           "client_id": self.settings["client_id"]})  # fmt: skip
        return redirect(f"{endpoint}?{query}")


def init_app(app: Flask) -> None:
    settings = app.config.get("OIDC")
    if settings:
        app.extensions["localoffer.sso"] = SingleSignOn(app, settings)
        app.register_blueprint(bp)


def _sso() -> SingleSignOn:
    return current_app.extensions["localoffer.sso"]


@bp.get("/start")
def start() -> Response:
    session[NEXT_KEY] = request.args.get("next") or ""
    callback = url_for("moderation_sso.callback", _external=True)
    return _sso().client.authorize_redirect(callback)


def _refuse(message: str, status: int = 403) -> tuple[str, int]:
    return render_template("moderation/sso_refused.html", message=message), status


def allowed_identity(claims: dict[str, Any], settings: dict[str, Any]) -> str | None:
    """The email address to look up, or None when the provider's account may not be used."""
    email = claims.get("email") or claims.get("preferred_username") or ""
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        return None
    email = email.strip().lower()
    domains = settings["email_domains"]
    if domains and email.rsplit("@", 1)[1] not in domains:
        return None
    group = settings["group"]
    if group:
        groups = claims.get(settings["group_claim"]) or []
        if group not in (groups if isinstance(groups, list) else [groups]):
            return None
    return email


@bp.get("/callback")
def callback() -> str | Response | tuple[str, int]:
    sso = _sso()
    try:
        token = sso.client.authorize_access_token()
    except OAuthError:
        # A wrong or replayed `state`, a refused consent, a bad code: start again.
        return _refuse(_("Signing in with your council account did not work. Try again."), 400)
    claims = dict(token.get("userinfo") or {})
    if "email" not in claims or sso.settings["group"]:
        # Many providers put the address and groups only in the userinfo answer.
        claims.update(sso.client.userinfo(token=token))
    email = allowed_identity(claims, sso.settings)
    moderator = None
    if email:
        moderator = db.session().scalar(select(Moderator).where(Moderator.email == email))
    if moderator is None:
        return _refuse(_("Your council account does not have access to this portal's staff "
                         "pages. Ask whoever looks after staff accounts for the portal to add "
                         "you."))  # fmt: skip
    target = session.pop(NEXT_KEY, "")
    response = auth.sign_in(moderator, target)
    session[auth.SSO_ID_TOKEN_KEY] = token.get("id_token")
    return response


@bp.get("/sign-out")
def sign_out() -> Response:
    """After signing out of the portal, sign out of the provider as well, if asked to."""
    id_token = session.pop(auth.SSO_SIGN_OUT_KEY, None)
    if not id_token:
        return redirect(url_for("moderation_auth.login", signed_out="1"))
    return _sso().end_session(id_token)
