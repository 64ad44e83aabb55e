"""Languages the portal is published in, and the language part of every URL.

English lives at `/...`, every other language at `/<lang>/...`, so each page in each
language has its own cacheable, shareable address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, current_app, g, request, url_for
from werkzeug.routing import BaseConverter

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself, as a speaker would look for it
    english_name: str
    direction: str = "ltr"
    babel_locale: str = ""

    @property
    def locale(self) -> str:
        return self.babel_locale or self.code


ENGLISH = Language("en", "English", "English", babel_locale="en_GB")
KNOWN_LANGUAGES: dict[str, Language] = {ENGLISH.code: ENGLISH}


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
    codes = tuple(app.config.setdefault("LANGUAGES", (DEFAULT_LANGUAGE,)))
    app.url_map.converters["language"] = make_language_converter(codes)

    @app.url_value_preprocessor
    def take_language(endpoint: str | None, values: dict[str, Any] | None) -> None:
        g.lang = (values or {}).pop("lang", DEFAULT_LANGUAGE)

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
        }


def switch_language_url(code: str) -> str:
    """The same page in another language; pages with no route (errors) go to its home."""
    endpoint = request.endpoint if request.url_rule else None
    if endpoint is None or not current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return url_for("pages.home", lang=code)
    return url_for(endpoint, **{**(request.view_args or {}), "lang": code})


def select_locale() -> str:
    return current_language().locale
