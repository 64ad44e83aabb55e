"""Responses no cache may keep and no search engine may index, marked in one place."""

from __future__ import annotations

from typing import TypeVar

from werkzeug.wrappers import Response

R = TypeVar("R", bound=Response)


def private(response: R) -> R:
    """Never kept by a browser, proxy or cache, never indexed: a page or result holding someone's
    answers, a staff page, or a health probe whose cached "ok" would hide an outage."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response
