"""Responses that hold someone's answers: kept by no cache and no search engine."""

from __future__ import annotations

from werkzeug.wrappers import Response


def private(response: Response) -> Response:
    """A page holding someone's answers: never kept by a browser or proxy, never indexed."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response
