"""The language part of every URL, and the reader's language during a request.

English lives at `/...`, every other language at `/<lang>/...`, so each page in each
language has its own cacheable, shareable address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from flask import Blueprint, Flask, Response, current_app, g, request, url_for
from flask_babel import force_locale, gettext
from werkzeug.exceptions import HTTPException
from werkzeug.routing import BaseConverter, RequestRedirect

# Re-exported: the web layer reads the language list from here alongside the URL helpers.
from localoffer.languages import (
    DEFAULT_LANGUAGE,
    ENGLISH,
    KNOWN_LANGUAGES,
    SHIPPED_LANGUAGES,
    Language,
    language_in_path,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "ENGLISH",
    "KNOWN_LANGUAGES",
    "SHIPPED_LANGUAGES",
    "Language",
    "current_language",
    "init_app",
    "localised_route",
    "same_page_in",
    "select_locale",
    "suggested_language",
    "switch_language_url",
]


def make_language_converter(codes: tuple[str, ...]) -> type[BaseConverter]:
    """A URL converter matching only the published languages other than English."""
    others = [code for code in codes if code != DEFAULT_LANGUAGE]
    pattern = "|".join(re.escape(c) for c in others) if others else r"(?!)"

    class LanguageConverter(BaseConverter):
        regex = f"(?:{pattern})"

    return LanguageConverter


def localised_route(blueprint: Blueprint, rule: str, **options: Any) -> Callable:
    """Register a view at `rule` for English and `/<lang>rule` for every other language."""

    def decorator(view: Callable) -> Callable:
        blueprint.add_url_rule(rule, view_func=view, defaults={"lang": DEFAULT_LANGUAGE}, **options)
        blueprint.add_url_rule(f"/<language:lang>{rule}", view_func=view, **options)
        return view

    return decorator


def current_language() -> Language:
    return KNOWN_LANGUAGES.get(g.get("lang", DEFAULT_LANGUAGE), ENGLISH)


def init_app(app: Flask) -> None:
    codes = tuple(app.config.setdefault("LANGUAGES", SHIPPED_LANGUAGES))
    app.url_map.converters["language"] = make_language_converter(codes)

    @app.url_value_preprocessor
    def take_language(endpoint: str | None, values: dict[str, Any] | None) -> None:
        if values is not None:
            g.lang = values.pop("lang", DEFAULT_LANGUAGE)
            return
        # No route matched: read the language from the path so that /ar/nowhere/ says
        # "not found" in Arabic.
        g.lang = language_in_path(request.path, codes)

    @app.url_defaults
    def keep_language(endpoint: str, values: dict[str, Any]) -> None:
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.get("lang", DEFAULT_LANGUAGE)

    @app.context_processor
    def language_context() -> dict[str, Any]:
        return {
            "language": current_language(),
            "languages": [KNOWN_LANGUAGES[c] for c in codes if c in KNOWN_LANGUAGES],
            "switch_language_url": switch_language_url,
            "suggested_language": suggested_language(codes),
        }

    @app.after_request
    def vary_on_language(response: Response) -> Response:
        # The language suggestion depends on the browser's languages, so caches must too.
        if response.mimetype == "text/html":
            response.vary.add("Accept-Language")
        return response


def switch_language_url(code: str, external: bool = False) -> str:
    """The same page in another language; pages with no route (errors) go to its home.

    Built only from the matched route, never from the raw request, so it cannot be made
    to point anywhere else.
    """
    endpoint = request.endpoint if request.url_rule else None
    if endpoint is None or not current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return url_for("pages.home", lang=code, _external=external)
    args = {**(request.view_args or {}), "lang": code}
    if request.args.get("q"):
        args["q"] = request.args["q"]  # a search stays the same search in the other language
    return url_for(endpoint, **args, _external=external)


def same_page_in(code: str, referrer: str | None) -> str:
    """The page the reader came from (the browser's Referer), in language `code`.

    The page of languages is one address for every page, so that each page links to it once
    (and a crawler finds it once); where it was opened from comes from the Referer. Only a
    page of this site whose route is matched is ever linked to, rebuilt from that route like
    `switch_language_url`; anything else (no Referer, another site, a page with no language)
    gives the home page in that language.
    """
    parts = urlsplit(referrer or "")
    if parts.netloc != request.host or parts.scheme not in ("http", "https"):
        return url_for("pages.home", lang=code)
    root = request.script_root
    path = parts.path.removeprefix(root) if root and parts.path.startswith(root) else parts.path
    adapter = current_app.url_map.bind(request.host, script_name=root or None)
    try:
        endpoint, args = adapter.match(path or "/", method="GET")
    except (HTTPException, RequestRedirect):
        return url_for("pages.home", lang=code)
    if endpoint == request.endpoint or not current_app.url_map.is_endpoint_expecting(
        endpoint, "lang"
    ):
        return url_for("pages.home", lang=code)
    values = {**args, "lang": code}
    query = parse_qs(parts.query).get("q")
    if query and query[0]:
        values["q"] = query[0]  # a search stays the same search in the other language
    return url_for(endpoint, **values)


@dataclass(frozen=True)
class Suggestion:
    language: Language
    text: str  # written in the suggested language, for someone who may not read English


def suggested_language(codes: tuple[str, ...]) -> Suggestion | None:
    """A published language the browser prefers, offered on English pages, never forced."""
    if g.get("lang", DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        return None
    best = request.accept_languages.best_match(codes, default=DEFAULT_LANGUAGE)
    language = KNOWN_LANGUAGES.get(best)
    if language is None or best == DEFAULT_LANGUAGE:
        return None
    with force_locale(language.locale):
        text = gettext("Read this page in %(language)s", language=language.name)
    return Suggestion(language, text)


def select_locale() -> str:
    return current_language().locale
