"""Search: find any entitlement by the words in it, in the reader's language."""

from __future__ import annotations

from flask import Flask

from localoffer.search.index import SearchIndex, build_indexes

EXTENSION = "localoffer.search"


def init_app(app: Flask) -> None:
    """Build one index per published language at start-up and serve `/search`."""
    from localoffer.search import routes

    offer = app.extensions["localoffer.offer"]
    app.extensions[EXTENSION] = build_indexes(offer, app.config["LANGUAGES"])
    app.register_blueprint(routes.bp)


__all__ = ["EXTENSION", "SearchIndex", "build_indexes", "init_app"]
