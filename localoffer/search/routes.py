"""`/search?q=`: results in the reader's language, and a helpful page when there are none."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from localoffer.content import THEMES
from localoffer.i18n import DEFAULT_LANGUAGE, current_language, localised_route
from localoffer.search.index import SearchIndex

bp = Blueprint("search", __name__)

# Longer than any real question; a longer query is more likely pasted by mistake than typed.
MAX_QUERY_LENGTH = 200


def index_for(lang: str) -> SearchIndex:
    indexes: dict[str, SearchIndex] = current_app.extensions["localoffer.search"]
    return indexes.get(lang) or indexes[DEFAULT_LANGUAGE]


@localised_route(bp, "/search")
def search() -> str:
    query = request.args.get("q", "").strip()
    too_long = len(query) > MAX_QUERY_LENGTH
    hits = [] if too_long or not query else index_for(current_language().code).search(query)
    return render_template(
        "search/results.html",
        query=query,
        hits=hits,
        too_long=too_long,
        max_length=MAX_QUERY_LENGTH,
        themes=THEMES,
    )
