"""Moderation of feedback at /moderation/: sign-in, the queue, responses, CSV export.

Moderators are council staff; these pages are in English, with their words through Babel.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.wrappers import Response

from localoffer.feedback import limits
from localoffer.moderation import auth, cli, routes


def init_app(app: Flask) -> None:
    app.config.setdefault("LOCKOUT_ATTEMPTS", 5)
    app.config.setdefault("LOCKOUT_MINUTES", 15)
    app.config.setdefault("MODERATION_MAX_HOURS", 12)
    app.register_blueprint(auth.bp)
    app.register_blueprint(routes.bp)
    limiter = app.extensions["localoffer.limiter"]
    limiter.limit(limits.login_limit, methods=["POST"])(auth.bp)
    app.cli.add_command(cli.moderators)

    @app.after_request
    def never_cache_moderation(response: Response) -> Response:
        # Contact details and unpublished feedback must not stay in any cache.
        if request.blueprint in ("moderation", "moderation_auth"):
            response.headers["Cache-Control"] = "no-store"
        return response
