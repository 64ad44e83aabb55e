"""Local Offer: a council's local offer for care leavers, served from Markdown content."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["create_app"]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the portal. Refuses to start (ContentError) if any content file is wrong."""
    # Imported here, not at the top, so that `import localoffer.rules` or
    # `localoffer.content` (which run this file first) never loads Flask.
    from flask import Flask
    from werkzeug.middleware.proxy_fix import ProxyFix

    from localoffer import api, checker, config, freeze, i18n, leaflet, search
    from localoffer.checker import cli as checker_cli
    from localoffer.content import load_offer
    from localoffer.extensions import babel, csrf
    from localoffer.feedback import init_app as init_feedback
    from localoffer.moderation import init_app as init_moderation
    from localoffer.walkthrough import routes as walkthrough
    from localoffer.web import (
        caching,
        errors,
        formatting,
        health,
        logs,
        pages,
        security,
        sitemap,
        templating,
    )

    app = Flask(
        __name__,
        instance_relative_config=True,
        static_folder=str(config.STATIC_DIR),
        static_url_path="/static",
    )
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    # An already loaded offer may be handed in (the test suite loads the shipped one once).
    app.extensions["localoffer.offer"] = app.config.pop("OFFER", None) or load_offer(
        Path(app.config["CONTENT_DIR"]), Path(app.config["COUNCIL_DIR"])
    )

    i18n.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=str(config.TRANSLATIONS_DIR),
        default_timezone=app.config["TIMEZONE"],
    )
    csrf.init_app(app)

    security.init_app(app)
    caching.init_app(app)
    formatting.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    logs.init_app(app)
    search.init_app(app)  # one index per language, built once

    # Every public URL, one blueprint per feature.
    # JSON clients send no CSRF token; the API accepts only application/json, which a
    # cross-site HTML form cannot send.
    csrf.exempt(api.bp)
    for blueprint in (
        pages.bp,
        api.bp,
        checker.bp,
        walkthrough.bp,
        leaflet.bp,
        search.bp,
        sitemap.bp,
        health.bp,
    ):
        app.register_blueprint(blueprint)
    # Feedback and moderation register their own blueprints beside the database and the
    # rate limits that apply to them.
    init_feedback(app)
    init_moderation(app)
    api.routes.init_limits(app)

    checker_cli.init_app(app)
    freeze.init_app(app)
    return app
