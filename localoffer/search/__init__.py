"""Search: find any entitlement by the words in it, in the reader's language."""

from __future__ import annotations

from flask import Flask

from localoffer.content import Offer
from localoffer.search.index import SearchIndex, build_indexes
from localoffer.search.routes import bp

EXTENSION = "localoffer.search"
# Indexes already built, by offer: several apps on one offer (workers forked after a
# preload, or the test suite) share them. The offer is kept alive with its indexes, so
# its id is never reused while the entry exists.
_BUILT: dict[tuple[int, tuple[str, ...]], tuple[Offer, dict[str, SearchIndex]]] = {}
_MAX_BUILT = 4


def init_app(app: Flask) -> None:
    """Build one index per published language at start-up (create_app registers `bp`)."""
    offer = app.extensions["localoffer.offer"]
    key = (id(offer), tuple(app.config["LANGUAGES"]))
    if key not in _BUILT:
        if len(_BUILT) >= _MAX_BUILT:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = (offer, build_indexes(offer, key[1]))
    app.extensions[EXTENSION] = _BUILT[key][1]


__all__ = ["EXTENSION", "SearchIndex", "bp", "build_indexes", "init_app"]
