"""Local Offer: a council's local offer for care leavers, served from Markdown content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from localoffer import config, i18n, search
from localoffer.content import load_offer
from localoffer.extensions import babel, csrf

__all__ = ["create_app"]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the portal. Refuses to start (ContentError) if any content file is wrong."""
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

    from localoffer.api import offer, openapi, openreferral, schema  # noqa: F401  (api.bp routes)
    from localoffer.api import routes as api_routes
    from localoffer.checker import cli as checker_cli
    from localoffer.checker import results  # noqa: F401  (adds print and share routes to checker.bp)
    from localoffer.checker import routes as checker_routes
    from localoffer.feedback import init_app as init_feedback
    from localoffer.moderation import init_app as init_moderation
    from localoffer.walkthrough import routes as walkthrough_routes
    from localoffer.web import caching, errors, formatting, pages, security, sitemap, templating

    security.init_app(app)
    caching.init_app(app)
    formatting.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    # JSON clients send no CSRF token; the API accepts only application/json, which a
    # cross-site HTML form cannot send.
    csrf.exempt(api_routes.bp)
    app.register_blueprint(api_routes.bp)
    app.register_blueprint(checker_routes.bp)
    app.register_blueprint(walkthrough_routes.bp)
    search.init_app(app)
    sitemap.init_app(app)
    checker_cli.init_app(app)
    init_feedback(app)
    init_moderation(app)
    api_routes.init_limits(app)
    from localoffer import freeze
    from localoffer.web import health, logs

    health.init_app(app)
    logs.init_app(app)
    freeze.init_app(app)
    return app
