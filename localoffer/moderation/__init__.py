"""Staff pages at /moderation/: sign-in (password and code, or single sign-on), roles,
and the moderation of feedback: the queue, responses, CSV export.

Editors and publishers keep the offer up to date at /moderation/content/ (`editing`), and
every worker picks up what is published (`publishing`). Reviewers sign translations off in
their languages at /moderation/translations/ (`reviewing`, `signoff`).

Moderators are council staff; these pages are in English, with their words through Babel.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.wrappers import Response

from localoffer.feedback import db, limits
from localoffer.moderation import auth, changes, cli, publishing, reminders, routes, signoff, sso
from localoffer.moderation import creating as creating  # adds the new entitlement page
from localoffer.moderation import editing as editing  # adds the content pages to routes.bp
from localoffer.moderation import reviewing as reviewing  # adds the translation checks
from localoffer.web.private import private


def init_app(app: Flask) -> None:
    app.config.setdefault("MODERATION_MAX_HOURS", 12)
    app.config.setdefault("REQUIRE_TWO_FACTOR", False)
    app.config.setdefault("OIDC", None)
    app.register_blueprint(auth.bp)
    app.register_blueprint(routes.bp)
    sso.init_app(app)
    limiter = app.extensions["localoffer.limiter"]
    limiter.limit(limits.login_limit, methods=["POST"])(auth.bp)
    app.cli.add_command(cli.moderators)
    publishing.init_app(app)
    signoff.init_app(app)
    changes.init_app(app)
    reminders.init_app(app)

    def catch_up_with_published_content() -> None:
        if request.endpoint != "static":
            publishing.catch_up(app, db.session())
            signoff.catch_up(app, db.session())

    # First of all hooks, so that the page cache never answers with an offer that has
    # since been replaced.
    app.before_request_funcs.setdefault(None, []).insert(0, catch_up_with_published_content)

    @app.after_request
    def never_cache_moderation(response: Response) -> Response:
        # Contact details and unpublished feedback must not stay in any cache.
        if request.blueprint in ("moderation", "moderation_auth", "moderation_sso"):
            return private(response)
        return response
